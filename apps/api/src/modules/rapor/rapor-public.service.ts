import type { PublicKelurahan, PublicRankings } from '@sip/contracts';
import { AppError } from '../../lib/errors';
import type { PublishedView } from './rapor.cache';
import { publishedTop, type SnapshotResults } from './rapor.snapshot';
import type { RaporViews } from './rapor.views';

export interface RaporPublicServiceDeps {
  views: Pick<RaporViews, 'periodeOf' | 'published'>;
}

/** The public ranking page (no login): only what a pemda has published, never the running rapor. */
export function createRaporPublicService({ views }: RaporPublicServiceDeps) {
  async function publishedOf(pemdaKode: string, tahun: number): Promise<PublishedView> {
    const notYet = () => new AppError('NOT_FOUND', `Peringkat tahun ${tahun} belum diumumkan.`);
    const p = await views.periodeOf(pemdaKode, tahun).catch(() => undefined);
    if (p?.status !== 'diumumkan') throw notYet();
    const snapshot = await views.published(p);
    if (!snapshot) throw notYet();
    return snapshot;
  }

  return {
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

    /** The long list: every kelurahan as published. */
    async kelurahan(pemdaKode: string, tahun: number): Promise<PublicKelurahan> {
      const { row, revision } = await publishedOf(pemdaKode, tahun);
      return { tahun, revision, rows: (row.results as SnapshotResults).kelurahan };
    },
  };
}
export type RaporPublicService = ReturnType<typeof createRaporPublicService>;
