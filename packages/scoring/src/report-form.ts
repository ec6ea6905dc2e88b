// What a report asks for and what its values must be: the same rules for the form in the browser
// and for the API that stores the report (docs/scoring.md §1 and §3).
import type { Framework, Indikator, IndikatorType, InputRule, Level } from './schema';

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

/** The largest value any indicator accepts, whatever its rule says (a typing slip, not data). */
const LARGEST = 1e12;

/**
 * §1 what may be typed: the indicator's declared rule, or its type's default — a percentage 0–100,
 * a ratio or bands value at least 0, a scale level 1..N and ya/tidak whole numbers. Null for the
 * computed types, which nobody types.
 */
export function inputRuleOf(ind: Pick<Indikator, 'scoring' | 'input'>): InputRule | null {
  const s = ind.scoring;
  switch (s.type) {
    case 'boolean':
      return { min: 0, max: 1, integer: true };
    case 'scale':
      return { min: 1, max: s.levels, integer: true };
    case 'percentage':
      return ind.input ?? { min: 0, max: 100, integer: false };
    case 'ratio':
    case 'bands':
      return ind.input ?? { min: 0, max: null, integer: false };
    default:
      return null;
  }
}

const num = (n: number) => String(n).replace('.', ',');

/** The rule in words, as the form shows it next to the field: "bilangan bulat, 0 atau lebih". */
export function describeInputRule(rule: InputRule): string {
  const kind = rule.integer ? 'bilangan bulat' : 'boleh desimal';
  if (rule.min !== null && rule.max !== null) return `${num(rule.min)}–${num(rule.max)}, ${kind}`;
  if (rule.min !== null) return `${kind}, ${num(rule.min)} atau lebih`;
  if (rule.max !== null) return `${kind}, paling besar ${num(rule.max)}`;
  return kind;
}

/**
 * Null when the value fits the indicator's rule (inputRuleOf); otherwise what is wrong, in Bahasa
 * Indonesia. A value out of range is refused, never capped: the unit must see what counts.
 */
export function checkEntryValue(ind: Pick<Indikator, 'scoring' | 'input'>, value: number): string | null {
  if (!Number.isFinite(value)) return 'Nilai harus berupa angka';
  const rule = inputRuleOf(ind);
  if (!rule) return 'Indikator ini dihitung otomatis oleh sistem';
  const s = ind.scoring;
  if (s.type === 'boolean') return value === 0 || value === 1 ? null : 'Pilih ya atau tidak';
  if (s.type === 'scale') {
    return Number.isInteger(value) && value >= 1 && value <= s.levels ? null : `Pilih tingkat 1–${s.levels}`;
  }
  const expected = `Nilai yang diterima: ${describeInputRule(rule)}`;
  if (rule.integer && !Number.isInteger(value)) return `Harus bilangan bulat (${num(value)}). ${expected}.`;
  if (rule.min !== null && value < rule.min) return `${num(value)} terlalu kecil. ${expected}.`;
  if (rule.max !== null && value > rule.max) return `${num(value)} terlalu besar. ${expected}.`;
  if (Math.abs(value) > LARGEST) return 'Nilai terlalu besar';
  return null;
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
