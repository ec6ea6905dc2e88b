import type { PublicKelurahan, PublicRankings, PublicRapor, PublicYears, Zona } from '@sip/contracts';
import { AppError } from '../../lib/errors';
import type { PeriodeService } from '../periode/periode.service';
import type { PublishedView } from './rapor.cache';
import { raporDetail } from './rapor.compute';
import { publishedTop, type SnapshotResults, withPejabat } from './rapor.snapshot';
import type { RaporViews } from './rapor.views';

export interface RaporPublicServiceDeps {
  views: Pick<RaporViews, 'periodeOf' | 'published' | 'officialsOf'>;
  periode: Pick<PeriodeService, 'publishedYears'>;
}

/** The public ranking page (no login): only what a pemda has published, never the running rapor. */
export function createRaporPublicService({ views, periode }: RaporPublicServiceDeps) {
  async function publishedOf(
    pemdaKode: string,
    tahun: number,
    what: 'Peringkat' | 'Rapor' = 'Peringkat',
  ): Promise<PublishedView & { zona: Zona }> {
    const notYet = () => new AppError('NOT_FOUND', `${what} tahun ${tahun} belum diumumkan.`);
    const p = await views.periodeOf(pemdaKode, tahun).catch(() => undefined);
    if (p?.status !== 'diumumkan') throw notYet();
    const snapshot = await views.published(p);
    if (!snapshot) throw notYet();
    return { ...snapshot, zona: p.zona };
  }

  /**
   * The officials as published; a snapshot from before they were stored names those on record now
   * (the award lists keep their own published names either way).
   */
  async function pejabatOf(
    pemdaKode: string,
    tahun: number,
    results: SnapshotResults,
  ): Promise<Map<string, string>> {
    return results.pejabat ? new Map(Object.entries(results.pejabat)) : views.officialsOf(pemdaKode, tahun);
  }

  /**
   * The public ranking page and, when every name on it is as published (snapshots that keep their
   * officials), the view it comes from: the same answer for everyone.
   */
  async function rankingsShared(
    pemdaKode: string,
    tahun: number,
  ): Promise<{ body: PublicRankings; view: object | null }> {
    const { row, revision, revisions, pemdaNama, view, zona } = await publishedOf(pemdaKode, tahun);
    const results = row.results as SnapshotResults;
    const pejabat = await pejabatOf(pemdaKode, tahun, results);
    const body: PublicRankings = {
      tahun,
      pemdaKode,
      pemdaNama,
      zona,
      revision,
      revised: revision > 1,
      revisions,
      formulaVersion: row.formulaVersion,
      kecamatan: withPejabat(results.kecamatan, pejabat),
      topCamat: publishedTop(results.topCamat),
      topLurah: publishedTop(results.topLurah),
    };
    return { body, view: results.pejabat ? view : null };
  }

  return {
    rankingsShared,

    /** The published years, newest first (none yet: an empty list, not an error). */
    async years(pemdaKode: string): Promise<PublicYears> {
      return { pemdaKode, tahun: await periode.publishedYears(pemdaKode) };
    },

    async rankings(pemdaKode: string, tahun: number): Promise<PublicRankings> {
      return (await rankingsShared(pemdaKode, tahun)).body;
    },

    /** One unit's rapor as published: scores and ranks, no indicator values or inputs. */
    async rapor(pemdaKode: string, tahun: number, kode: string): Promise<PublicRapor> {
      const { row, revision, pemdaNama, view, zona } = await publishedOf(pemdaKode, tahun, 'Rapor');
      const d = kode.startsWith(`${pemdaKode}.`) ? raporDetail(view, kode) : undefined;
      if (!d) throw new AppError('NOT_FOUND', `Unit ${kode} tidak ada dalam hasil ${tahun} yang diumumkan.`);
      const pejabat = await pejabatOf(pemdaKode, tahun, row.results as SnapshotResults);
      return {
        tahun,
        pemdaKode,
        pemdaNama,
        zona,
        revision,
        publishedAt: row.publishedAt.toISOString(),
        formulaVersion: row.formulaVersion,
        kode: d.kode,
        nama: d.nama,
        level: d.level,
        kecamatanKode: d.kecamatanKode,
        kecamatanNama: d.kecamatanNama,
        pejabat: pejabat.get(d.kode) ?? null,
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
      const results = row.results as SnapshotResults;
      return {
        tahun,
        revision,
        rows: withPejabat(results.kelurahan, await pejabatOf(pemdaKode, tahun, results)),
      };
    },
  };
}
export type RaporPublicService = ReturnType<typeof createRaporPublicService>;
