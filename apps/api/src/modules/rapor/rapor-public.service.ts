import type { PublicKelurahan, PublicRankings } from '@sip/contracts';
import { AppError } from '../../lib/errors';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { PublishedView } from './rapor.cache';
import type { RaporRepo } from './rapor.repo';
import { publishedTop, type SnapshotResults } from './rapor.snapshot';
import type { RaporViews } from './rapor.views';

export interface RaporPublicServiceDeps {
  views: Pick<RaporViews, 'periodeOf' | 'published'>;
  repo: Pick<RaporRepo, 'publications'>;
  wilayah: Pick<WilayahRepo, 'get'>;
}

/** The public ranking page (no login): only what a pemda has published, never the running rapor. */
export function createRaporPublicService({ views, repo, wilayah }: RaporPublicServiceDeps) {
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
      const { row, revision } = await publishedOf(pemdaKode, tahun);
      const results = row.results as SnapshotResults;
      const [pemda, revisions] = await Promise.all([
        wilayah.get(pemdaKode),
        repo.publications(row.periodeId),
      ]);
      return {
        tahun,
        pemdaKode,
        pemdaNama: pemda?.nama ?? pemdaKode,
        revision,
        revised: revision > 1,
        revisions: revisions.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() })),
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
