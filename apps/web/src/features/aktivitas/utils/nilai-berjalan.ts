import type { BulanSaya } from '@sip/contracts';
import {
  BERAKHLAK,
  type KinerjaSettings,
  kinerjaSettingsSchema,
  type NilaiKinerjaBulanan,
  nilaiKinerjaBulanan,
  type RatingPerilaku,
} from '@sip/scoring';

/** The atasan's ratings as the engine takes them: the seven BerAKHLAK values only. */
export function ratingsOf(ratings: Record<string, number> | null | undefined): RatingPerilaku | null {
  if (!ratings) return null;
  const out: Partial<Record<(typeof BERAKHLAK)[number]['kode'], number>> = {};
  for (const { kode } of BERAKHLAK) if (ratings[kode] !== undefined) out[kode] = ratings[kode];
  return out;
}

export type NilaiBerjalan =
  | { ok: true; nilai: NilaiKinerjaBulanan; settings: KinerjaSettings }
  | { ok: false; message: string };

/**
 * The month's score as it builds up, with the same engine the server uses when the month is closed
 * (packages/scoring `nilaiKinerjaBulanan`, docs/scoring.md §11): the minutes the atasan approved so
 * far stand for the verified minutes, which the verifikator may still correct.
 */
export function nilaiBerjalan(
  bulan: Pick<BulanSaya, 'hari' | 'hariKerjaEfektif' | 'settings' | 'perilaku'>,
): NilaiBerjalan {
  const parsed = kinerjaSettingsSchema.safeParse(bulan.settings ?? {});
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') };
  const menitDiakui = bulan.hari.reduce((sum, h) => sum + h.menitDisetujui, 0);
  try {
    const nilai = nilaiKinerjaBulanan({
      menitDiakui,
      hariKerjaEfektif: bulan.hariKerjaEfektif,
      ratings: ratingsOf(bulan.perilaku?.ratings),
      settings: parsed.data,
    });
    return { ok: true, nilai, settings: parsed.data };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
