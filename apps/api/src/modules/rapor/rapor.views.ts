import { kecamatanOf, unitLevelOf } from '@sip/contracts';
import { createScorer, type Framework } from '@sip/scoring';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { LaporanInputs } from '../laporan/laporan.inputs';
import { annualDueAt, monthsDueAt } from '../laporan/laporan.state';
import type { PeriodeHead, PeriodeService } from '../periode/periode.service';
import type { SkmService } from '../skm/skm.service';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { PublishedView, RaporCache, RunningState } from './rapor.cache';
import { computeUnit, deriveView, type PeriodeView, type UnitInfo, type UnitResult } from './rapor.compute';
import type { RaporRepo } from './rapor.repo';
import { fromSnapshot, publicationSummaries } from './rapor.snapshot';

/** The instant a rapor is counted at, and the months due then. */
interface CountedAt {
  monthsDue: number;
  asOf: Date;
}

export interface RaporViewsDeps {
  cache: RaporCache;
  repo: Pick<RaporRepo, 'latestPublication' | 'publications'>;
  periode: Pick<PeriodeService, 'getPeriodeHead' | 'getPeriode'>;
  wilayah: Pick<WilayahRepo, 'unitsOf' | 'get'>;
  laporan: Pick<LaporanInputs, 'scoringEntries' | 'timeliness' | 'corrected'>;
  skm: Pick<SkmService, 'ikmByUnit'>;
  /** The camat and lurah of each unit over a year (position history, else the accounts on record). */
  officials: (pemdaKode: string, tahun: number) => Promise<Map<string, string>>;
  clock: Clock;
}

/**
 * The rapor of a periode as one view (every unit's rapor, rankings, averages): the published
 * snapshot once the periode is announced, else the running rapor computed from verified data.
 */
export function createRaporViews(deps: RaporViewsDeps) {
  const { cache, clock } = deps;

  /**
   * The instant a periode's rapor is counted at (docs/scoring.md §2): now while it is active, the
   * moment it was closed afterwards — so a rapor published early counts the months due when it
   * closed, for the indicators and for timeliness alike, and a later revision counts the same.
   */
  function asOfOf(p: PeriodeHead): Date {
    return p.status === 'aktif' || !p.closedAt ? clock.now() : p.closedAt;
  }

  /** Months 1..n whose monthly report is due at the periode's instant. */
  function monthsDueOf(p: PeriodeHead): number {
    return monthsDueAt(p, asOfOf(p));
  }

  async function unitsOf(pemdaKode: string): Promise<UnitInfo[]> {
    const rows = await deps.wilayah.unitsOf(pemdaKode);
    const names = new Map(rows.map((r) => [r.kode, r.nama]));
    return rows.flatMap((r) => {
      const level = unitLevelOf(r.kode);
      if (!level) return [];
      const kecamatanKode = kecamatanOf(r.kode);
      return [
        { kode: r.kode, nama: r.nama, level, kecamatanKode, kecamatanNama: names.get(kecamatanKode) ?? '' },
      ];
    });
  }

  /**
   * Computes the units the state lacks (kelurahan first: a kecamatan's kelurahan_average uses their
   * totals), with one query per kind of input for all of them.
   */
  async function computeMissing(
    p: PeriodeHead,
    framework: Framework,
    s: RunningState,
    units: UnitInfo[],
    { monthsDue, asOf }: CountedAt,
  ) {
    const missing = units.filter((u) => !s.units.has(u.kode));
    if (missing.length === 0) return new Map<string, UnitResult>();
    const gens = new Map(missing.map((u) => [u.kode, s.gens.get(u.kode) ?? 0]));
    const kodes = missing.map((u) => u.kode);
    const [entries, timeliness, corrected, ikm] = await Promise.all([
      deps.laporan.scoringEntries(p.id, kodes),
      deps.laporan.timeliness(p, kodes, asOf),
      deps.laporan.corrected(p.id),
      deps.skm.ikmByUnit(p.pemdaKode, p.tahun),
    ]);
    const scorer = createScorer(framework);
    const inputsOf = (u: UnitInfo) => ({
      entries: entries.get(u.kode) ?? [],
      timeliness: timeliness.get(u.kode) ?? null,
      ikm: ikm.get(u.kode)?.ikm ?? null,
      ikmRespondents: ikm.get(u.kode)?.respondents ?? 0,
      corrected: corrected.get(u.kode) ?? [],
      monthsDue,
      annualDue: annualDueAt(p, asOf),
    });
    const computed = new Map<string, UnitResult>();
    const resultOf = (kode: string) => computed.get(kode) ?? s.units.get(kode);
    for (const u of missing.filter((x) => x.level === 'kelurahan')) {
      computed.set(u.kode, computeUnit(scorer, u, inputsOf(u)));
    }
    for (const u of missing.filter((x) => x.level === 'kecamatan')) {
      const kelurahan = units
        .filter((k) => k.level === 'kelurahan' && k.kecamatanKode === u.kode)
        .map((k) => resultOf(k.kode))
        .filter((r): r is UnitResult => r !== undefined);
      const inputs = {
        ...inputsOf(u),
        kelurahanTotals: kelurahan.map((k) => k.rapor.total).filter((t): t is number => t !== null),
      };
      computed.set(
        u.kode,
        computeUnit(
          scorer,
          u,
          inputs,
          kelurahan.map((k) => k.trend),
        ),
      );
    }
    // A unit invalidated while it was being computed is left for the next request.
    for (const [kode, r] of computed) if ((s.gens.get(kode) ?? 0) === gens.get(kode)) s.units.set(kode, r);
    return computed;
  }

  /** The running rapor: cached units reused, missing ones computed; concurrent requests share one build. */
  function runningView(p: PeriodeHead): Promise<PeriodeView> {
    const asOf = asOfOf(p);
    const monthsDue = monthsDueAt(p, asOf);
    const s = cache.running(p.id, `${p.version}:${p.status}:${p.zona}:${monthsDue}`);
    if (s.view) return Promise.resolve(s.view);
    if (s.building) return s.building;
    const build = async () => {
      // The framework (the large part of a periode) is read only when a view is built.
      const [full, units, pemda] = await Promise.all([
        deps.periode.getPeriode(p.id),
        unitsOf(p.pemdaKode),
        deps.wilayah.get(p.pemdaKode),
      ]);
      if (!full) throw new AppError('NOT_FOUND', `Periode ${p.tahun} tidak ditemukan.`);
      const computed = await computeMissing(p, full.framework, s, units, { monthsDue, asOf });
      const all = new Map<string, UnitResult>();
      for (const u of units) {
        const r = computed.get(u.kode) ?? s.units.get(u.kode);
        if (r) all.set(u.kode, r);
      }
      return deriveView({
        periodeId: p.id,
        tahun: p.tahun,
        pemdaNama: pemda?.nama ?? p.pemdaKode,
        periodeStatus: p.status,
        source: 'berjalan',
        revision: null,
        framework: full.framework,
        monthsDue,
        units: all,
        computedAt: clock.now().toISOString(),
      });
    };
    const promise = build().then(
      (view) => {
        if (s.building === promise) {
          s.view = view;
          s.building = undefined;
        }
        return view;
      },
      (err) => {
        if (s.building === promise) s.building = undefined;
        throw err;
      },
    );
    s.building = promise;
    return promise;
  }

  /** The latest published snapshot of a periode, or undefined when there is none. */
  async function published(p: PeriodeHead): Promise<PublishedView | undefined> {
    const hit = cache.published(p.id);
    if (hit) return hit;
    const generation = cache.publishedGeneration(p.id);
    const row = await deps.repo.latestPublication(p.id);
    if (!row) return undefined;
    const [revisions, pemda] = await Promise.all([
      deps.repo.publications(p.id),
      deps.wilayah.get(p.pemdaKode),
    ]);
    const value = {
      revision: row.revision,
      row,
      view: fromSnapshot(p, row, pemda?.nama ?? p.pemdaKode),
      revisions: publicationSummaries(revisions),
      pemdaNama: pemda?.nama ?? p.pemdaKode,
    };
    cache.setPublished(p.id, value, generation);
    return value;
  }

  /**
   * Every unit's rapor as if counted once the whole year is due, from the data there is now (no
   * cache): what an early publication is compared with.
   */
  async function yearEndResults(p: PeriodeHead): Promise<Map<string, UnitResult>> {
    const [full, units] = await Promise.all([deps.periode.getPeriode(p.id), unitsOf(p.pemdaKode)]);
    if (!full) throw new AppError('NOT_FOUND', `Periode ${p.tahun} tidak ditemukan.`);
    const scratch: RunningState = {
      key: 'year-end',
      units: new Map(),
      gens: new Map(),
      view: undefined,
      building: undefined,
    };
    // Two years on, every deadline of the periode (late entries included) has passed.
    const asOf = new Date(Date.UTC(p.tahun + 2, 0, 1));
    return computeMissing(p, full.framework, scratch, units, { monthsDue: 12, asOf });
  }

  return {
    /** The camat and lurah of each unit of a pemda over a year, read once until a person or position changes. */
    officialsOf: (pemdaKode: string, tahun: number) =>
      cache.officials(`${pemdaKode}:${tahun}`, () => deps.officials(pemdaKode, tahun)),
    monthsDueOf,
    runningView,
    yearEndResults,
    published,

    /**
     * The periode of `tahun` (in mode latihan the practice one), once it is no longer a draft (404
     * otherwise).
     */
    async periodeOf(pemdaKode: string, tahun: number, latihan = false): Promise<PeriodeHead> {
      const p = await cache.head(pemdaKode, tahun, latihan, () =>
        deps.periode.getPeriodeHead(pemdaKode, tahun, latihan),
      );
      if (!p || p.status === 'draf') {
        throw new AppError(
          'NOT_FOUND',
          latihan
            ? `Tidak ada periode latihan ${tahun}. Keluar dari mode latihan, atau minta admin memulai latihan untuk tahun ini.`
            : `Periode ${tahun} tidak ditemukan atau belum aktif.`,
        );
      }
      return p;
    },

    /** After publication the published snapshot; before, the running rapor. */
    async viewFor(p: PeriodeHead): Promise<PeriodeView> {
      if (p.status === 'diumumkan') {
        const snap = await published(p);
        if (snap) return snap.view;
      }
      return runningView(p);
    },
  };
}
export type RaporViews = ReturnType<typeof createRaporViews>;
