import { z } from 'zod';
import { toHundredths } from './rounding';
import { type Framework, frameworkSchema, type Level, type ScoreBand } from './schema';

export type FrameworkIssueCode =
  | 'SCHEMA'
  | 'BIDANG_WEIGHT_SUM'
  | 'BIDANG_CODE_DUPLICATE'
  | 'BIDANG_EMPTY'
  | 'WEIGHT_INVALID'
  | 'INDIKATOR_CODE_DUPLICATE'
  | 'INDIKATOR_WEIGHT_SUM'
  | 'INDIKATOR_WEIGHT_MISSING'
  | 'INDIKATOR_WEIGHT_UNUSED'
  | 'TARGET_NOT_POSITIVE'
  | 'CAP_INVALID'
  | 'BANDS_EMPTY'
  | 'BANDS_ORDER'
  | 'BANDS_GAP'
  | 'BAND_SCORE_RANGE'
  | 'SCALE_LEVELS'
  | 'SCALE_SCORE'
  | 'KELURAHAN_AVERAGE_LEVEL'
  | 'INPUT_RANGE'
  | 'PREDIKAT_BANDS';

export interface FrameworkIssue {
  code: FrameworkIssueCode;
  /** One Indonesian sentence naming the item and the numbers. */
  message: string;
  /** Where the problem is, e.g. ['bidang', 1, 'indikator', 2, 'weights', 'kelurahan']. */
  path: (string | number)[];
  params?: Record<string, string | number>;
}

const LEVELS: readonly Level[] = ['kecamatan', 'kelurahan'];
const idLocale = z.locales.id();

/** Shows a number as a person typed it (Indonesian decimal comma). */
function fmt(x: number): string {
  return String(Math.round(x * 1e6) / 1e6).replace('.', ',');
}

function appliesTo(applies: 'kecamatan' | 'kelurahan' | 'both', level: Level): boolean {
  return applies === 'both' || applies === level;
}

function checkBands(
  bands: readonly ScoreBand[],
  path: (string | number)[],
  label: string,
  issues: FrameworkIssue[],
): void {
  if (bands.length === 0) {
    issues.push({ code: 'BANDS_EMPTY', message: `Tabel nilai ${label} kosong.`, path });
    return;
  }
  bands.forEach((b, i) => {
    if (b.max !== null && !(b.min < b.max)) {
      issues.push({
        code: 'BANDS_ORDER',
        message: `Rentang ke-${i + 1} pada tabel nilai ${label}: batas bawah ${fmt(b.min)} harus lebih kecil dari batas atas ${fmt(b.max)}.`,
        path: [...path, i, 'max'],
        params: { min: b.min, max: b.max },
      });
    }
    if (!(b.score >= 0 && b.score <= 100)) {
      issues.push({
        code: 'BAND_SCORE_RANGE',
        message: `Nilai rentang ke-${i + 1} pada tabel nilai ${label} adalah ${fmt(b.score)}, harus antara 0 dan 100.`,
        path: [...path, i, 'score'],
        params: { score: b.score },
      });
    }
    const next = bands[i + 1];
    if (next !== undefined) {
      if (b.max === null) {
        issues.push({
          code: 'BANDS_ORDER',
          message: `Rentang ke-${i + 1} pada tabel nilai ${label} tidak berbatas atas, jadi harus menjadi rentang terakhir.`,
          path: [...path, i, 'max'],
        });
      } else if (next.min !== b.max) {
        const gap = next.min > b.max;
        issues.push({
          code: gap ? 'BANDS_GAP' : 'BANDS_ORDER',
          message: gap
            ? `Ada celah pada tabel nilai ${label}: rentang ke-${i + 1} berakhir di ${fmt(b.max)} tetapi rentang ke-${i + 2} baru mulai di ${fmt(next.min)}.`
            : `Tabel nilai ${label} tumpang tindih atau tidak urut: rentang ke-${i + 1} berakhir di ${fmt(b.max)} tetapi rentang ke-${i + 2} mulai di ${fmt(next.min)}.`,
          path: [...path, i + 1, 'min'],
          params: { max: b.max, nextMin: next.min },
        });
      }
    }
  });
}

/**
 * Checks a framework; returns every problem found (empty array = valid).
 * Weights are compared in integer hundredths, so 33.33 + 33.33 + 33.34 is exactly 100.
 */
export function validateFramework(input: unknown): FrameworkIssue[] {
  const parsed = frameworkSchema.safeParse(input, { error: idLocale.localeError });
  if (!parsed.success) {
    return parsed.error.issues.map((iss) => ({
      code: 'SCHEMA' as const,
      message: `${iss.path.length > 0 ? `${iss.path.join('.')}: ` : ''}${iss.message}`,
      path: iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    }));
  }
  return checkFramework(parsed.data);
}

function weightOk(w: number): boolean {
  return Number.isFinite(w) && w > 0 && w <= 100 && Math.abs(w * 100 - Math.round(w * 100)) < 1e-6;
}

function checkFramework(fw: Framework): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const bands = fw.settings.predikatBands;
  const mins = bands.map((b) => b.min);
  if (new Set(mins).size !== mins.length || !mins.includes(0)) {
    issues.push({
      code: 'PREDIKAT_BANDS',
      message:
        'Batas predikat harus berbeda satu sama lain dan salah satunya harus 0 agar setiap nilai mendapat predikat.',
      path: ['settings', 'predikatBands'],
    });
  }

  // A level with no indicator anywhere is not assessed by this framework (e.g. kelurahan only);
  // a level with indicators in some bidang must have them in every bidang.
  const assessed = LEVELS.filter((level) =>
    fw.bidang.some((b) => b.indikator.some((i) => appliesTo(i.appliesTo, level))),
  );
  const checkedLevels = assessed.length > 0 ? assessed : LEVELS;

  let bidangSum = 0;
  const bidangCodes = new Set<string>();
  const indikatorCodes = new Set<string>();
  fw.bidang.forEach((bd, bi) => {
    const bpath = ['bidang', bi];
    if (bidangCodes.has(bd.code)) {
      issues.push({
        code: 'BIDANG_CODE_DUPLICATE',
        message: `Kode bidang "${bd.code}" dipakai lebih dari sekali.`,
        path: [...bpath, 'code'],
        params: { code: bd.code },
      });
    }
    bidangCodes.add(bd.code);
    if (!weightOk(bd.weight)) {
      issues.push({
        code: 'WEIGHT_INVALID',
        message: `Bobot bidang "${bd.name}" adalah ${fmt(bd.weight)}; bobot harus lebih dari 0, paling besar 100, dengan paling banyak dua angka desimal.`,
        path: [...bpath, 'weight'],
        params: { weight: bd.weight },
      });
    }
    bidangSum += toHundredths(bd.weight);

    const levelSums: Record<Level, number> = { kecamatan: 0, kelurahan: 0 };
    const levelCounts: Record<Level, number> = { kecamatan: 0, kelurahan: 0 };
    bd.indikator.forEach((ind, ii) => {
      const ipath = [...bpath, 'indikator', ii];
      const label = `indikator ${ind.code}`;
      if (indikatorCodes.has(ind.code)) {
        issues.push({
          code: 'INDIKATOR_CODE_DUPLICATE',
          message: `Kode indikator "${ind.code}" dipakai lebih dari sekali.`,
          path: [...ipath, 'code'],
          params: { code: ind.code },
        });
      }
      indikatorCodes.add(ind.code);
      for (const level of LEVELS) {
        const w = ind.weights[level];
        if (appliesTo(ind.appliesTo, level)) {
          levelCounts[level]++;
          if (w === undefined) {
            issues.push({
              code: 'INDIKATOR_WEIGHT_MISSING',
              message: `Indikator ${ind.code} berlaku untuk ${level} tetapi belum punya bobot ${level}.`,
              path: [...ipath, 'weights', level],
              params: { level },
            });
          } else {
            if (!weightOk(w)) {
              issues.push({
                code: 'WEIGHT_INVALID',
                message: `Bobot ${level} indikator ${ind.code} adalah ${fmt(w)}; bobot harus lebih dari 0, paling besar 100, dengan paling banyak dua angka desimal.`,
                path: [...ipath, 'weights', level],
                params: { level, weight: w },
              });
            }
            levelSums[level] += toHundredths(w);
          }
        } else if (w !== undefined) {
          issues.push({
            code: 'INDIKATOR_WEIGHT_UNUSED',
            message: `Indikator ${ind.code} tidak berlaku untuk ${level}, jadi tidak boleh punya bobot ${level} (${fmt(w)}).`,
            path: [...ipath, 'weights', level],
            params: { level, weight: w },
          });
        }
      }

      const input = ind.input;
      if (input && input.min !== null && input.max !== null && !(input.min < input.max)) {
        issues.push({
          code: 'INPUT_RANGE',
          message: `Rentang isian ${label} adalah ${fmt(input.min)}–${fmt(input.max)}; batas bawah harus lebih kecil dari batas atas.`,
          path: [...ipath, 'input', 'max'],
          params: { min: input.min, max: input.max },
        });
      }

      const s = ind.scoring;
      const spath = [...ipath, 'scoring'];
      switch (s.type) {
        case 'ratio':
          if (!(s.target > 0)) {
            issues.push({
              code: 'TARGET_NOT_POSITIVE',
              message: `Target ${label} adalah ${fmt(s.target)}, harus lebih besar dari 0.`,
              path: [...spath, 'target'],
              params: { target: s.target },
            });
          }
          if (!(s.cap >= 100 && s.cap <= 1000)) {
            issues.push({
              code: 'CAP_INVALID',
              message: `Batas capaian ${label} adalah ${fmt(s.cap)}%, harus antara 100% dan 1000%.`,
              path: [...spath, 'cap'],
              params: { cap: s.cap },
            });
          }
          break;
        case 'percentage':
          if (s.bands) checkBands(s.bands, [...spath, 'bands'], label, issues);
          break;
        case 'bands':
          checkBands(s.bands, [...spath, 'bands'], label, issues);
          break;
        case 'scale': {
          if (!(s.levels >= 2 && s.levels <= 20)) {
            issues.push({
              code: 'SCALE_LEVELS',
              message: `Skala ${label} punya ${s.levels} tingkat, harus antara 2 dan 20.`,
              path: [...spath, 'levels'],
              params: { levels: s.levels },
            });
            break;
          }
          if (s.rubric) {
            const levelsOk = s.rubric.length === s.levels && s.rubric.every((r, k) => r.level === k + 1);
            if (!levelsOk) {
              issues.push({
                code: 'SCALE_LEVELS',
                message: `Rubrik ${label} harus memuat tingkat 1 sampai ${s.levels} berurutan, satu baris per tingkat (sekarang ${s.rubric.length} baris).`,
                path: [...spath, 'rubric'],
                params: { levels: s.levels, rows: s.rubric.length },
              });
            }
            s.rubric.forEach((r, k) => {
              const prev = s.rubric?.[k - 1];
              if (!(r.score >= 0 && r.score <= 100)) {
                issues.push({
                  code: 'SCALE_SCORE',
                  message: `Nilai tingkat ${r.level} pada rubrik ${label} adalah ${fmt(r.score)}, harus antara 0 dan 100.`,
                  path: [...spath, 'rubric', k, 'score'],
                  params: { level: r.level, score: r.score },
                });
              } else if (prev !== undefined && r.score < prev.score) {
                issues.push({
                  code: 'SCALE_SCORE',
                  message: `Nilai tingkat ${r.level} pada rubrik ${label} (${fmt(r.score)}) lebih kecil dari tingkat ${prev.level} (${fmt(prev.score)}); tingkat yang lebih tinggi tidak boleh bernilai lebih rendah.`,
                  path: [...spath, 'rubric', k, 'score'],
                  params: { level: r.level, score: r.score },
                });
              }
            });
          }
          break;
        }
        case 'kelurahan_average':
          if (ind.appliesTo !== 'kecamatan') {
            issues.push({
              code: 'KELURAHAN_AVERAGE_LEVEL',
              message: `Indikator ${ind.code} memakai nilai rata-rata kelurahan, jadi hanya boleh berlaku untuk kecamatan.`,
              path: [...ipath, 'appliesTo'],
            });
          }
          break;
        default:
          break;
      }
    });

    for (const level of checkedLevels) {
      if (levelCounts[level] === 0) {
        // The bidang weight would silently vanish for this level: refuse rather than guess.
        issues.push({
          code: 'BIDANG_EMPTY',
          message: `Bidang "${bd.name}" belum punya indikator untuk ${level}; bobotnya (${fmt(bd.weight)}) akan hilang.`,
          path: [...bpath, 'indikator'],
          params: { level },
        });
      } else if (levelSums[level] !== 10000) {
        issues.push({
          code: 'INDIKATOR_WEIGHT_SUM',
          message: `Jumlah bobot indikator ${level} di bidang "${bd.name}" adalah ${fmt(levelSums[level] / 100)}, harus 100.`,
          path: [...bpath, 'indikator'],
          params: { level, sum: levelSums[level] / 100 },
        });
      }
    }
  });

  if (bidangSum !== 10000) {
    issues.push({
      code: 'BIDANG_WEIGHT_SUM',
      message: `Jumlah bobot bidang adalah ${fmt(bidangSum / 100)}, harus 100.`,
      path: ['bidang'],
      params: { sum: bidangSum / 100 },
    });
  }
  return issues;
}

export class InvalidFrameworkError extends Error {
  readonly code = 'INVALID_FRAMEWORK';
  constructor(readonly issues: FrameworkIssue[]) {
    super(`Kerangka penilaian tidak valid: ${issues.map((i) => i.message).join(' ')}`);
    this.name = 'InvalidFrameworkError';
  }
}

/** Parses and validates; throws InvalidFrameworkError listing every problem. */
export function assertValidFramework(input: unknown): Framework {
  const issues = validateFramework(input);
  if (issues.length > 0) throw new InvalidFrameworkError(issues);
  return frameworkSchema.parse(input);
}
