import type { AnalyticsResponse, RankingsResponse, RaporDetail, TopTen } from '@sip/contracts';
import type { Level } from '@sip/scoring';
import { AppError } from '../../lib/errors';
import type { Actor } from '../authz/authz';
import { type Jobs, ownerOf } from '../jobs/jobs.runtime';
import type { LaporanInputs } from '../laporan/laporan.inputs';
import type { PeriodeHead } from '../periode/periode.service';
import type { SkmService } from '../skm/skm.service';
import type { PeriodeView } from './rapor.compute';
import { raporDetail } from './rapor.compute';
import { publishedTop, type SnapshotResults, topOf, withPejabat } from './rapor.snapshot';
import type { RaporViews } from './rapor.views';
import { assertReadAll, maySeeRapor, visibleRows } from './rapor.visibility';

export interface RaporServiceDeps {
  views: RaporViews;
  laporan: Pick<LaporanInputs, 'compliance'>;
  skm: Pick<SkmService, 'report'>;
  jobs: Pick<Jobs, 'send'>;
}

type RankingQuery = { level: Level; kecamatan?: string | undefined };

/** An answer and the view it was read from, when every reader allowed to see it gets it alike. */
export interface Shared<T> {
  body: T;
  view: PeriodeView | null;
}

/** Reading rapor: one unit's, the rankings, the award lists, analytics and export rows. */
export function createRaporService({ views, laporan, skm, jobs }: RaporServiceDeps) {
  /** The rows of a ranking: kecamatan, kelurahan of the pemda, or of one kecamatan by rank within it. */
  function rankingRows(view: PeriodeView, q: RankingQuery) {
    if (q.level === 'kecamatan') return view.kecamatan;
    if (!q.kecamatan) return view.kelurahan;
    return view.kelurahan
      .filter((r) => r.kecamatanKode === q.kecamatan)
      .sort((a, b) => (a.rankInKecamatan ?? 1e9) - (b.rankInKecamatan ?? 1e9));
  }

  /** A unit's rapor and its view: every reader allowed to see it gets the same answer. */
  async function raporShared(actor: Actor, tahun: number, kode: string): Promise<Shared<RaporDetail>> {
    const p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
    // Refused before anything is computed. Every unit of the pemda is public reference data, so
    // a person may know it exists: say he may not see it yet rather than "not found".
    if (!maySeeRapor(actor, p, kode)) {
      if (kode.startsWith(`${p.pemdaKode}.`)) {
        throw new AppError(
          'FORBIDDEN',
          `Rapor ${kode} belum dapat Anda lihat: sebelum hasil ${tahun} diumumkan, setiap unit hanya melihat rapornya sendiri.`,
        );
      }
      throw new AppError('NOT_FOUND', 'Rapor tidak ditemukan.');
    }
    const view = await views.viewFor(p);
    const detail = raporDetail(view, kode);
    if (!detail) throw new AppError('NOT_FOUND', 'Rapor tidak ditemukan.');
    return { body: detail, view };
  }

  /** A ranking; its view when complete (every full reader gets the same answer, a unit only its rows). */
  async function rankingsShared(
    actor: Actor,
    tahun: number,
    q: RankingQuery,
  ): Promise<Shared<RankingsResponse>> {
    const p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
    const view = await views.viewFor(p);
    const { all, rows } = visibleRows(actor, p, rankingRows(view, q));
    const body = {
      tahun: p.tahun,
      periodeStatus: p.status,
      source: view.source,
      revision: view.revision,
      level: q.level,
      complete: all,
      total: (q.level === 'kecamatan' ? view.kecamatan : view.kelurahan).length,
      bidang: view.bidang.map((b) => ({ code: b.code, name: b.name })),
      rows,
    };
    return { body, view: all ? view : null };
  }

  /**
   * The best ten; its view when published and complete (a running list names the officials on
   * record now, which change apart from the view).
   */
  async function topTenShared(actor: Actor, tahun: number): Promise<Shared<TopTen>> {
    const p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
    const view = await views.viewFor(p);
    const snapshot = view.source === 'publikasi' ? await views.published(p) : undefined;
    let camat: TopTen['camat'];
    let lurah: TopTen['lurah'];
    if (snapshot) {
      const results = snapshot.row.results as SnapshotResults;
      camat = publishedTop(results.topCamat);
      lurah = publishedTop(results.topLurah);
    } else {
      const officials = await views.officialsOf(p.pemdaKode, p.tahun);
      camat = withPejabat(topOf(view.kecamatan), officials);
      lurah = withPejabat(topOf(view.kelurahan), officials);
    }
    const visibleCamat = visibleRows(actor, p, camat);
    const body = {
      tahun: p.tahun,
      source: view.source,
      revision: view.revision,
      complete: visibleCamat.all,
      camat: visibleCamat.rows,
      lurah: visibleRows(actor, p, lurah).rows,
    };
    return { body, view: snapshot && visibleCamat.all ? view : null };
  }

  return {
    raporShared,
    topTenShared,
    rankingsShared,

    async rapor(actor: Actor, tahun: number, kode: string): Promise<RaporDetail> {
      return (await raporShared(actor, tahun, kode)).body;
    },

    async rankings(actor: Actor, tahun: number, q: RankingQuery): Promise<RankingsResponse> {
      return (await rankingsShared(actor, tahun, q)).body;
    },

    /** The best ten camat and lurah; a published list names the officials it was published with. */
    async topTen(actor: Actor, tahun: number): Promise<TopTen> {
      return (await topTenShared(actor, tahun)).body;
    },

    async analytics(actor: Actor, tahun: number): Promise<AnalyticsResponse> {
      const p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
      assertReadAll(actor, p);
      const view = await views.viewFor(p);
      const units = [...view.rows.values()].sort((a, b) => (a.kode < b.kode ? -1 : 1));
      const [compliance, report] = await Promise.all([
        laporan.compliance(
          p,
          units.map((r) => r.kode),
        ),
        skm.report(actor, p.pemdaKode, { tahun: p.tahun }).catch(() => null),
      ]);
      const pad = (xs: (number | null)[]) => Array.from({ length: 12 }, (_, i) => xs[i] ?? null);
      return {
        tahun: p.tahun,
        monthsDue: view.monthsDue,
        bidang: view.bidang,
        kecamatan: view.kecamatan,
        kelurahan: view.kelurahan,
        pemdaAverage: {
          kecamatan: view.averages.kecamatan.bidang,
          kelurahan: view.averages.kelurahan.bidang,
        },
        trend: view.kecamatan.map((r) => ({
          kode: r.kode,
          nama: r.nama,
          totals: pad(view.units.get(r.kode)?.trend ?? []),
        })),
        compliance: units.map((r) => ({
          kode: r.kode,
          nama: r.nama,
          level: r.level,
          months: compliance.get(r.kode) ?? [],
        })),
        skm: (report?.hasil.unsur ?? []).map((u) => ({
          key: u.key,
          label: u.nama,
          nrr: u.nrr,
          respondents: report?.hasil.respondents ?? 0,
        })),
      };
    },

    /**
     * Starts the export of every unit's rapor of a year (rapor.jobs.ts) and returns the job's id; the
     * same request again, while it waits or runs, gives the same job.
     */
    async startExport(actor: Actor, tahun: number, format: 'csv' | 'xlsx'): Promise<string> {
      const p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
      assertReadAll(actor, p);
      const latihan = actor.latihan === true;
      return jobs.send(
        'rapor.export',
        { tahun, format, latihan },
        { owner: ownerOf(actor), singletonKey: `${actor.userId}:${tahun}:${format}:${latihan}` },
      );
    },

    /** Whoever may still read every rapor of the pemda takes the export away. */
    async assertMayExport(actor: Actor, tahun: number) {
      assertReadAll(actor, await views.periodeOf(actor.pemdaKode, tahun, actor.latihan));
    },

    /**
     * Everything the export of a year holds: both rankings and every unit's rapor in rank order, read
     * unit by unit (`progress` hears each tenth).
     */
    async allForExport(actor: Actor, tahun: number, progress: (done: number, of: number) => Promise<void>) {
      const p: PeriodeHead = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
      assertReadAll(actor, p);
      const view = await views.viewFor(p);
      const kecamatan = rankingRows(view, { level: 'kecamatan' });
      const kelurahan = rankingRows(view, { level: 'kelurahan' });
      const kodes = [...kecamatan, ...kelurahan].map((r) => r.kode);
      const details: RaporDetail[] = [];
      for (const [i, kode] of kodes.entries()) {
        details.push((await raporShared(actor, tahun, kode)).body);
        if (i % 10 === 9) await progress(i + 1, kodes.length);
      }
      return { tahun: p.tahun, bidang: view.bidang, kecamatan, kelurahan, details };
    },

    /** For exports: the rows of a ranking (whole rankings need rapor:read-all). */
    async rankingsForExport(actor: Actor, tahun: number, q: RankingQuery) {
      const p: PeriodeHead = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
      assertReadAll(actor, p);
      const view = await views.viewFor(p);
      return {
        tahun: p.tahun,
        bidang: view.bidang,
        rows: rankingRows(view, q),
        source: view.source,
        revision: view.revision,
      };
    },
  };
}
export type RaporService = ReturnType<typeof createRaporService>;
