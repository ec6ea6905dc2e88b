import { ScoringInputError } from './errors';
import { roundScore } from './rounding';
import { IKM_GRADES, type IkmGrade, SKM_UNSUR, UNSUR_KEYS, type UnsurKey } from './skm-unsur';

export type SkmResponse = Readonly<Record<UnsurKey, number>>;

/** Raw answers (1..4 per unsur), or per-unsur sums with the number of respondents. */
export type IkmInput =
  | { responses: readonly SkmResponse[] }
  | { sums: Readonly<Record<UnsurKey, number>>; respondents: number };

export interface IkmResult {
  respondents: number;
  /** Nilai rata-rata per unsur = sum of answers / respondents (full precision); null without respondents. */
  nrr: Record<UnsurKey, number> | null;
  /** Sum of NRR / 9, on the 1..4 scale (full precision). */
  ikm: number | null;
  /** ikm x 25 (full precision). */
  converted: number | null;
  /** converted rounded half-up to 2 decimals: the value printed, graded and used by the rapor. */
  convertedRounded: number | null;
  grade: { mutu: IkmGrade['mutu']; kinerja: IkmGrade['kinerja'] } | null;
}

const RULE = { decimals: 2, mode: 'half_up' } as const;

/** Grade of a converted IKM value, compared after rounding to 2 decimals (PermenPANRB 14/2017). */
export function ikmGradeFor(converted: number): { mutu: IkmGrade['mutu']; kinerja: IkmGrade['kinerja'] } {
  // Integer hundredths: 88.30 is B and 88.31 is A with no float doubt.
  const h = Math.round(roundScore(converted, RULE) * 100);
  for (const g of IKM_GRADES) {
    if (h >= Math.round(g.min * 100)) return { mutu: g.mutu, kinerja: g.kinerja };
  }
  const last = IKM_GRADES[IKM_GRADES.length - 1]!;
  return { mutu: last.mutu, kinerja: last.kinerja };
}

function namaOf(key: string): string {
  return SKM_UNSUR.find((u) => u.key === key)?.nama ?? key;
}

function checkKeys(obj: object, where: string): void {
  for (const key of Object.keys(obj)) {
    if (!(UNSUR_KEYS as readonly string[]).includes(key)) {
      throw new ScoringInputError('UNSUR_UNKNOWN', `${where}: unsur "${key}" tidak dikenal.`);
    }
  }
}

/** Indeks Kepuasan Masyarakat per PermenPANRB 14/2017: every unsur weighs exactly 1/9. */
export function computeIkm(input: IkmInput): IkmResult {
  const sums = {} as Record<UnsurKey, number>;
  let respondents: number;
  if ('responses' in input) {
    respondents = input.responses.length;
    for (const key of UNSUR_KEYS) sums[key] = 0;
    input.responses.forEach((r, i) => {
      const where = `Responden ke-${i + 1}`;
      checkKeys(r, where);
      for (const key of UNSUR_KEYS) {
        const v = r[key];
        if (v === undefined) {
          throw new ScoringInputError('UNSUR_MISSING', `${where} belum menjawab unsur ${namaOf(key)}.`);
        }
        if (!Number.isInteger(v) || v < 1 || v > 4) {
          throw new ScoringInputError(
            'ANSWER_RANGE',
            `${where}: jawaban unsur ${namaOf(key)} adalah ${v}, harus bilangan bulat 1 sampai 4.`,
          );
        }
        sums[key] += v;
      }
    });
  } else {
    respondents = input.respondents;
    if (!Number.isInteger(respondents) || respondents < 0) {
      throw new ScoringInputError(
        'RESPONDENTS',
        `Jumlah responden adalah ${respondents}, harus bilangan bulat 0 atau lebih.`,
      );
    }
    checkKeys(input.sums, 'Jumlah nilai');
    for (const key of UNSUR_KEYS) {
      const v = input.sums[key];
      if (v === undefined) {
        throw new ScoringInputError('UNSUR_MISSING', `Jumlah nilai unsur ${namaOf(key)} belum diisi.`);
      }
      if (!Number.isInteger(v) || v < respondents || v > 4 * respondents) {
        throw new ScoringInputError(
          'SUM_RANGE',
          `Jumlah nilai unsur ${namaOf(key)} adalah ${v}; dengan ${respondents} responden harus bilangan bulat ${respondents} sampai ${4 * respondents}.`,
        );
      }
      sums[key] = v;
    }
  }
  if (respondents === 0) {
    return { respondents: 0, nrr: null, ikm: null, converted: null, convertedRounded: null, grade: null };
  }
  const nrr = {} as Record<UnsurKey, number>;
  let total = 0;
  for (const key of UNSUR_KEYS) {
    nrr[key] = sums[key] / respondents;
    total += nrr[key];
  }
  const ikm = total / 9;
  const converted = ikm * 25;
  const convertedRounded = roundScore(converted, RULE);
  return { respondents, nrr, ikm, converted, convertedRounded, grade: ikmGradeFor(convertedRounded) };
}
