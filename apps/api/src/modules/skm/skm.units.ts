import type { SkmPaperBody, SkmSubmitBody } from '@sip/contracts';
import { AppError } from '../../lib/errors';
import { type Actor, assertCan } from '../authz/authz';
import type { WilayahRepo, WilayahRow } from '../wilayah/wilayah.repo';
import type { SaranStatus, SkmRepo } from './skm.repo';

/** The levels a citizen rates: kecamatan and kelurahan/desa offices. */
export const unitLevels = new Set(['kecamatan', 'kelurahan_desa']);

export type UnitInfo = Pick<WilayahRow, 'kode' | 'nama' | 'level' | 'indukKode'> & {
  indukNama: string | null;
};

/** A refused SKM input, at its field. */
export const refuse = (message: string, path?: string, extra?: Record<string, unknown>) =>
  new AppError('VALIDATION', message, path ? [{ path, message, ...extra }] : extra);

/** The units the SKM services speak of: a rated office (public), or any unit a reader may report on. */
export function createSkmUnits(wilayah: Pick<WilayahRepo, 'get'>) {
  async function publicUnit(kode: string): Promise<UnitInfo> {
    const w = await wilayah.get(kode);
    if (!w || !unitLevels.has(w.level)) {
      throw new AppError(
        'NOT_FOUND',
        `Unit dengan kode ${kode} tidak ditemukan. Periksa alamat pada poster atau pindai ulang kode QR-nya.`,
      );
    }
    const induk = w.indukKode ? await wilayah.get(w.indukKode) : undefined;
    return {
      kode: w.kode,
      nama: w.nama,
      level: w.level,
      indukKode: w.indukKode,
      indukNama: induk?.nama ?? null,
    };
  }

  async function reportable(actor: Actor, kode: string) {
    assertCan(actor, 'skm:read', kode, 'Unit');
    const w = await wilayah.get(kode);
    if (!w || w.level === 'provinsi') throw new AppError('NOT_FOUND', 'Unit tidak ditemukan.');
    return w;
  }

  return { publicUnit, reportable };
}

/** What a response says, online or on paper: the answers, the profile, the service and the suggestion. */
export function answersOf(body: SkmSubmitBody | SkmPaperBody) {
  const saran = body.saran ? body.saran : null;
  return {
    ...body.jawaban,
    jenisKelamin: body.profil?.jenisKelamin ?? null,
    kelompokUmur: body.profil?.kelompokUmur ?? null,
    pendidikan: body.profil?.pendidikan ?? null,
    pekerjaan: body.profil?.pekerjaan ?? null,
    layanan: body.layanan ? body.layanan : null,
    saran,
    saranStatus: saran ? ('menunggu' as const) : null,
    idempotencyKey: body.idempotencyKey,
  };
}

type SaranRow = Awaited<ReturnType<SkmRepo['saran']>>['rows'][number];

/** A suggestion as the report and the moderation list show it (`status` when the row has none). */
export const saranItem = (r: SaranRow, status: SaranStatus) => ({
  id: String(r.id),
  wilayahKode: r.wilayahKode,
  wilayahNama: r.wilayahNama,
  submittedAt: r.submittedAt.toISOString(),
  layanan: r.layanan,
  saran: r.saran ?? '',
  status: r.status ?? status,
});
