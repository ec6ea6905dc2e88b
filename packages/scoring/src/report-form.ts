// What a report asks for and what its values must be: the same rules for the form in the browser
// and for the API that stores the report (docs/scoring.md §1 and §3).
import type { Framework, Indikator, IndikatorType, Level } from './schema';

/** Indicator types computed by the system, never typed into a report. */
export const computedIndikatorTypes: ReadonlySet<IndikatorType> = new Set([
  'ikm',
  'timeliness',
  'kelurahan_average',
]);

/**
 * The indicators a report asks for: those of the unit's level and the report's frequency that a
 * person reports (not computed), in bidang order then framework order.
 */
export function reportedIndikator(
  framework: Framework,
  level: Level,
  frequency: Indikator['frequency'],
): Array<Indikator & { bidangCode: string }> {
  return [...framework.bidang]
    .map((b, i) => ({ b, i }))
    .sort((x, y) => x.b.order - y.b.order || x.i - y.i)
    .flatMap(({ b }) =>
      b.indikator
        .filter(
          (ind) =>
            (ind.appliesTo === 'both' || ind.appliesTo === level) &&
            ind.frequency === frequency &&
            !computedIndikatorTypes.has(ind.scoring.type),
        )
        .map((ind) => ({ ...ind, bidangCode: b.code })),
    );
}

/** Null when the value fits the indicator's type; otherwise what is wrong, in Bahasa Indonesia. */
export function checkEntryValue(ind: Pick<Indikator, 'scoring'>, value: number): string | null {
  if (!Number.isFinite(value)) return 'Nilai harus berupa angka';
  const s = ind.scoring;
  switch (s.type) {
    case 'percentage':
      return value < 0 || value > 100 ? 'Persentase harus 0–100' : null;
    case 'boolean':
      return value === 0 || value === 1 ? null : 'Pilih ya atau tidak';
    case 'scale':
      return Number.isInteger(value) && value >= 1 && value <= s.levels
        ? null
        : `Pilih tingkat 1–${s.levels}`;
    case 'ratio':
    case 'bands':
      return value < 0 ? 'Nilai tidak boleh negatif' : value > 1e12 ? 'Nilai terlalu besar' : null;
    default:
      return 'Indikator ini dihitung otomatis oleh sistem';
  }
}

export interface MissingItem {
  indikatorCode: string;
  message: string;
}

/** What stops a report from being submitted: every indicator filled or tidak berlaku with a reason, evidence present. */
export function missingForSubmit(
  indikator: ReadonlyArray<Pick<Indikator, 'code' | 'name' | 'evidenceRequired'>>,
  entries: ReadonlyArray<{
    indikatorCode: string;
    value: number | null;
    tidakBerlaku: boolean;
    tidakBerlakuReason: string;
  }>,
  evidenceCount: (code: string) => number,
): MissingItem[] {
  const byCode = new Map(entries.map((e) => [e.indikatorCode, e]));
  const missing: MissingItem[] = [];
  for (const ind of indikator) {
    const e = byCode.get(ind.code);
    if (e?.tidakBerlaku) {
      if (e.tidakBerlakuReason.trim().length < 3)
        missing.push({
          indikatorCode: ind.code,
          message: `${ind.code} ${ind.name}: alasan tidak berlaku belum diisi`,
        });
      continue;
    }
    if (!e || e.value === null) {
      missing.push({ indikatorCode: ind.code, message: `${ind.code} ${ind.name}: nilai belum diisi` });
      continue;
    }
    if (ind.evidenceRequired && evidenceCount(ind.code) === 0)
      missing.push({
        indikatorCode: ind.code,
        message: `${ind.code} ${ind.name}: bukti dukung belum diunggah`,
      });
  }
  return missing;
}
