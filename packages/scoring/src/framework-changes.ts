import type { Bidang, Framework, Indikator } from './schema';

/**
 * The part of a framework that decides a score: weights, types, targets, caps, bands, rubric scores,
 * applicability, frequency, aggregation, rounding, predikat thresholds and formula version.
 * Names, definitions, units (satuan), rubric and predikat labels and display order are wording: they
 * stay editable after activation (audited), since published numbers do not depend on them.
 */
function scoringOfIndikator(i: Indikator) {
  const s = i.scoring;
  const scoring =
    s.type === 'scale'
      ? { ...s, rubric: s.rubric?.map((r) => ({ level: r.level, score: r.score })) ?? null }
      : s;
  return {
    code: i.code,
    appliesTo: i.appliesTo,
    frequency: i.frequency,
    aggregation: i.aggregation,
    weights: { kecamatan: i.weights.kecamatan ?? null, kelurahan: i.weights.kelurahan ?? null },
    evidenceRequired: i.evidenceRequired,
    scoring,
  };
}

function scoringOfBidang(b: Bidang) {
  return {
    code: b.code,
    weight: b.weight,
    indikator: [...b.indikator].sort((x, y) => x.code.localeCompare(y.code)).map(scoringOfIndikator),
  };
}

/** Stable JSON (sorted keys) so equal content compares equal whatever the key order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Where two frameworks differ in what decides a score, as readable Indonesian labels
 * ("bidang B1: bobot", "indikator B1.2: bobot, jenis/target"); empty when only wording changed.
 */
export function scoringChanges(before: Framework, after: Framework): string[] {
  const changes: string[] = [];
  const s0 = before.settings;
  const s1 = after.settings;
  if (stable(s0.rounding) !== stable(s1.rounding)) changes.push('aturan pembulatan');
  if (s0.formulaVersion !== s1.formulaVersion) changes.push('versi rumus');
  const mins = (f: Framework) =>
    stable([...f.settings.predikatBands.map((b) => b.min)].sort((a, b) => a - b));
  if (mins(before) !== mins(after)) changes.push('batas predikat');

  const byCode = <T extends { code: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.code, x]));
  const b0 = byCode(before.bidang);
  const b1 = byCode(after.bidang);
  for (const code of new Set([...b0.keys(), ...b1.keys()])) {
    const x = b0.get(code);
    const y = b1.get(code);
    if (!x) {
      changes.push(`bidang ${code} ditambahkan`);
      continue;
    }
    if (!y) {
      changes.push(`bidang ${code} dihapus`);
      continue;
    }
    if (x.weight !== y.weight) changes.push(`bidang ${code}: bobot`);
    const i0 = byCode(x.indikator);
    const i1 = byCode(y.indikator);
    for (const ic of new Set([...i0.keys(), ...i1.keys()])) {
      const p = i0.get(ic);
      const q = i1.get(ic);
      if (!p) changes.push(`indikator ${ic} ditambahkan`);
      else if (!q) changes.push(`indikator ${ic} dihapus`);
      else {
        const sp = scoringOfIndikator(p);
        const sq = scoringOfIndikator(q);
        const what: string[] = [];
        if (stable(sp.weights) !== stable(sq.weights)) what.push('bobot');
        if (stable(sp.scoring) !== stable(sq.scoring)) what.push('jenis/target/tabel nilai');
        if (sp.appliesTo !== sq.appliesTo) what.push('berlaku untuk');
        if (sp.frequency !== sq.frequency || sp.aggregation !== sq.aggregation)
          what.push('frekuensi/agregasi');
        if (sp.evidenceRequired !== sq.evidenceRequired) what.push('wajib bukti dukung');
        if (what.length > 0) changes.push(`indikator ${ic}: ${what.join(', ')}`);
      }
    }
  }
  // Belt and braces: anything the labels above missed still counts as a change.
  if (changes.length === 0) {
    const proj = (f: Framework) =>
      stable([...f.bidang].sort((a, b) => a.code.localeCompare(b.code)).map(scoringOfBidang));
    if (proj(before) !== proj(after)) changes.push('isi penilaian');
  }
  return changes;
}
