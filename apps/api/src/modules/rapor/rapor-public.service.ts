import type { PublicKelurahan, PublicRankings, PublicRapor, PublicYears } from '@sip/contracts';
import { AppError } from '../../lib/errors';
import type { PeriodeService } from '../periode/periode.service';
import type { PublishedView } from './rapor.cache';
import { raporDetail } from './rapor.compute';
import { publishedTop, type SnapshotResults } from './rapor.snapshot';
import type { RaporViews } from './rapor.views';

export interface RaporPublicServiceDeps {
  views: Pick<RaporViews, 'periodeOf' | 'published'>;
  periode: Pick<PeriodeService, 'publishedYears'>;
}

/** The public ranking page (no login): only what a pemda has published, never the running rapor. */
export function createRaporPublicService({ views, periode }: RaporPublicServiceDeps) {
  async function publishedOf(pemdaKode: string, tahun: number): Promise<PublishedView> {
    const notYet = () => new AppError('NOT_FOUND', `Peringkat tahun ${tahun} belum diumumkan.`);
    const p = await views.periodeOf(pemdaKode, tahun).catch(() => undefined);
    if (p?.status !== 'diumumkan') throw notYet();
    const snapshot = await views.published(p);
    if (!snapshot) throw notYet();
    return snapshot;
  }

  return {
    /** The published years, newest first (none yet: an empty list, not an error). */
    async years(pemdaKode: string): Promise<PublicYears> {
      return { pemdaKode, tahun: await periode.publishedYears(pemdaKode) };
    },

    async rankings(pemdaKode: string, tahun: number): Promise<PublicRankings> {
      const { row, revision, revisions, pemdaNama } = await publishedOf(pemdaKode, tahun);
      const results = row.results as SnapshotResults;
      return {
        tahun,
        pemdaKode,
        pemdaNama,
        revision,
        revised: revision > 1,
        revisions,
        formulaVersion: row.formulaVersion,
        kecamatan: results.kecamatan,
        topCamat: publishedTop(results.topCamat),
        topLurah: publishedTop(results.topLurah),
      };
    },

    /** One unit's rapor as published: scores and ranks, no indicator values or inputs. */
    async rapor(pemdaKode: string, tahun: number, kode: string): Promise<PublicRapor> {
      const { row, revision, pemdaNama, view } = await publishedOf(pemdaKode, tahun);
      const d = kode.startsWith(`${pemdaKode}.`) ? raporDetail(view, kode) : undefined;
      if (!d) throw new AppError('NOT_FOUND', `Unit ${kode} tidak ada dalam hasil ${tahun} yang diumumkan.`);
      return {
        tahun,
        pemdaKode,
        pemdaNama,
        revision,
        publishedAt: row.publishedAt.toISOString(),
        formulaVersion: row.formulaVersion,
        kode: d.kode,
        nama: d.nama,
        level: d.level,
        kecamatanKode: d.kecamatanKode,
        kecamatanNama: d.kecamatanNama,
        total: d.total,
        predikat: d.predikat,
        rank: d.rank,
        rankOf: d.rankOf,
        rankInKecamatan: d.rankInKecamatan,
        rankInKecamatanOf: d.rankInKecamatanOf,
        pemdaAverage: d.pemdaAverage,
        bidang: d.bidang.map(({ indikator: _indikator, ...b }) => b),
        skm: d.skm,
      };
    },

    /** The long list: every kelurahan as published. */
    async kelurahan(pemdaKode: string, tahun: number): Promise<PublicKelurahan> {
      const { row, revision } = await publishedOf(pemdaKode, tahun);
      return { tahun, revision, rows: (row.results as SnapshotResults).kelurahan };
    },
  };
}
export type RaporPublicService = ReturnType<typeof createRaporPublicService>;
