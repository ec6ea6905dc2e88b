import type {
  AnalyticsResponse,
  ComplianceCell,
  PeriodeConfig,
  PublicationsResponse,
  PublicKelurahan,
  PublicRankings,
  RankingRow,
  RankingsResponse,
  RaporDetail,
  TopTen,
  TopTenRow,
} from '@sip/contracts';
import { createScorer, type Framework, frameworkSchema, type Level, type Scorer } from '@sip/scoring';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, can } from '../authz/authz';
import type { LaporanService } from '../laporan/laporan.service';
import { dueAtFor } from '../laporan/laporan.state';
import type { LoadedPeriode, PeriodeService } from '../periode/periode.service';
import type { SkmService } from '../skm/skm.service';
import type { RaporCache } from './rapor.cache';
import {
  computeUnit,
  deriveView,
  type PeriodeView,
  raporDetail,
  type UnitInfo,
  type UnitInputs,
  type UnitResult,
} from './rapor.compute';
import type { PublikasiRow, RaporRepo } from './rapor.repo';

export interface RaporServiceDeps {
  db: Db;
  repo: RaporRepo;
  periode: Pick<PeriodeService, 'getPeriodeByTahun' | 'getPeriode' | 'transition'>;
  laporan: Pick<LaporanService, 'verifiedEntries' | 'timelinessCounts'>;
  skm: Pick<SkmService, 'ikmForUnit' | 'report'>;
  audit: AuditRepo;
  cache: RaporCache;
  clock: Clock;
  /** How long a periode row (status, settings) is reused between requests. */
  periodeTtlMs?: number;
  /** How often a cached published snapshot checks for a newer revision. */
  snapshotTtlMs?: number;
  /** How often the running rapor looks for reports changed by other instances. */
  syncEveryMs?: number;
}

const TOP = 10;
const CONCURRENCY = 8;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

interface SnapshotResults {
  monthsDue: number;
  computedAt: string;
  units: Record<string, { unit: UnitInfo; rapor: UnitResult['rapor']; trend: (number | null)[] }>;
  kecamatan: RankingRow[];
  kelurahan: RankingRow[];
  /** With the camat / lurah on record at publication (snapshots older than that field: none). */
  topCamat: (RankingRow & { pejabat?: string | null })[];
  topLurah: (RankingRow & { pejabat?: string | null })[];
}

export function createRaporService(deps: RaporServiceDeps) {
  const { db, repo, cache, clock, audit } = deps;
  const periodeTtl = deps.periodeTtlMs ?? 1000;
  const snapshotTtl = deps.snapshotTtlMs ?? 5000;

  const periodes = new Map<string, { at: number; row: LoadedPeriode | undefined }>();
  const unitLists = new Map<string, Promise<UnitInfo[]>>();
  const scorers = new Map<string, Scorer>();
  const snapshots = new Map<
    string,
    { checkedAt: number; revision: number; view: PeriodeView; row: PublikasiRow }
  >();
  // Kept as promises: requests arriving together share one query.
  const pemdaNames = new Map<string, Promise<string>>();
  const revisionLists = new Map<string, Promise<PublicationsResponse['revisions']>>();
  /** Per periode: the newest laporan transaction seen and when we last looked. */
  const changeMarks = new Map<string, { xid: number; checkedAt: number; checking?: Promise<void> }>();
  const syncEveryMs = deps.syncEveryMs ?? 1000;

  /**
   * Another instance (or SQL by hand) may have changed reports: at most once per second per periode,
   * drop exactly the units whose laporan rows changed since the last look. This instance's own
   * verifications are dropped at once by the laporan wrapper (rapor.cache.ts).
   */
  async function syncChanges(p: LoadedPeriode) {
    const now = Date.now();
    let mark = changeMarks.get(p.id);
    if (mark && (mark.checking || now - mark.checkedAt < syncEveryMs)) return mark.checking;
    if (!mark) {
      mark = { xid: -1, checkedAt: now };
      changeMarks.set(p.id, mark);
    }
    const m = mark;
    m.checkedAt = now;
    m.checking = repo
      .changedUnits(p.id, Math.max(0, m.xid))
      .then(({ kodes, maxXid }) => {
        // The first look only sets the mark: nothing is cached before it.
        if (m.xid >= 0) for (const kode of kodes) cache.invalidateUnit(p.id, kode);
        m.xid = maxXid;
      })
      .catch(() => {})
      .finally(() => {
        m.checking = undefined;
      });
    return m.checking;
  }

  /** Reads of a periode row in flight: concurrent requests after its expiry share one query. */
  const periodeLoads = new Map<string, Promise<LoadedPeriode | undefined>>();
  function loadPeriode(key: string, pemdaKode: string, tahun: number) {
    const startedAt = Date.now();
    return deps.periode.getPeriodeByTahun(pemdaKode, tahun).then((row) => {
      // A read that started earlier never replaces a later one.
      const cur = periodes.get(key);
      if (!cur || cur.at <= startedAt) periodes.set(key, { at: startedAt, row });
      return row;
    });
  }

  async function periodeOf(pemdaKode: string, tahun: number, fresh = false): Promise<LoadedPeriode> {
    const key = `${pemdaKode}:${tahun}`;
    const hit = periodes.get(key);
    let row = hit && !fresh && Date.now() - hit.at < periodeTtl ? hit.row : undefined;
    if (!row && fresh) row = await loadPeriode(key, pemdaKode, tahun);
    else if (!row) {
      let load = periodeLoads.get(key);
      if (!load) {
        load = loadPeriode(key, pemdaKode, tahun).finally(() => periodeLoads.delete(key));
        periodeLoads.set(key, load);
      }
      row = await load;
    }
    if (!row || row.status === 'draf') {
      throw new AppError('NOT_FOUND', `Periode ${tahun} tidak ditemukan atau belum aktif.`);
    }
    return row;
  }

  function scorerOf(p: LoadedPeriode): Scorer {
    const key = `${p.id}:${p.version}`;
    let s = scorers.get(key);
    if (!s) {
      s = createScorer(p.framework);
      if (scorers.size > 20) scorers.clear();
      scorers.set(key, s);
    }
    return s;
  }

  function unitsOf(pemdaKode: string): Promise<UnitInfo[]> {
    let p = unitLists.get(pemdaKode);
    if (!p) {
      p = repo.units(pemdaKode).then((rows) => {
        const names = new Map(rows.map((r) => [r.kode, r.nama]));
        return rows
          .filter((r) => r.level === 'kecamatan' || r.level === 'kelurahan_desa')
          .map((r) => {
            const level: Level = r.kode.split('.').length === 3 ? 'kecamatan' : 'kelurahan';
            const kecamatanKode = r.kode.split('.').slice(0, 3).join('.');
            return {
              kode: r.kode,
              nama: r.nama,
              level,
              kecamatanKode,
              kecamatanNama: names.get(kecamatanKode) ?? '',
            };
          });
      });
      p.catch(() => unitLists.delete(pemdaKode));
      unitLists.set(pemdaKode, p);
    }
    return p;
  }

  /** Months 1..n whose monthly report is due by now (the whole year once the periode is closed). */
  // Due times of the twelve monthly reports, per loaded periode row (a new row comes with any change).
  const dueTimes = new WeakMap<LoadedPeriode, number[]>();
  function monthsDueOf(p: LoadedPeriode): number {
    if (p.status !== 'aktif') return 12;
    let due = dueTimes.get(p);
    if (!due) {
      due = [];
      for (let m = 1; m <= 12; m++)
        due.push(dueAtFor(p.tahun, 'bulanan', m, p.settings as PeriodeConfig).getTime());
      dueTimes.set(p, due);
    }
    const now = clock.now().getTime();
    let n = 0;
    for (let m = 0; m < 12; m++) if (due[m]! <= now) n = m + 1;
    return n;
  }

  async function inputsOf(
    p: LoadedPeriode,
    unit: UnitInfo,
    monthsDue: number,
    corrected: string[],
  ): Promise<UnitInputs> {
    const [entries, timeliness, ikm] = await Promise.all([
      deps.laporan.verifiedEntries(p.id, unit.kode),
      deps.laporan.timelinessCounts(p.id, unit.kode),
      deps.skm.ikmForUnit(unit.kode, p.tahun),
    ]);
    return { entries, timeliness, ikm, corrected, monthsDue };
  }

  /** The running view of a periode: cached units reused, missing ones computed (kelurahan first). */
  async function runningView(p: LoadedPeriode): Promise<PeriodeView> {
    await syncChanges(p);
    const monthsDue = monthsDueOf(p);
    const s = cache.stateOf(p.id, `${p.version}:${p.status}:${monthsDue}`);
    if (s.view) {
      cache.stats.hits++;
      return s.view;
    }
    if (s.building) return s.building;
    cache.stats.misses++;
    const build = async (): Promise<PeriodeView> => {
      const units = await unitsOf(p.pemdaKode);
      const scorer = scorerOf(p);
      const missing = units.filter((u) => !s.units.has(u.kode));
      if (missing.length > 0) {
        const correctedRows = await repo.correctedCodes(p.id);
        const corrected = new Map<string, string[]>();
        for (const r of correctedRows) corrected.set(r.kode, [...(corrected.get(r.kode) ?? []), r.code]);
        const gens = new Map(missing.map((u) => [u.kode, s.gens.get(u.kode) ?? 0]));
        const store = (r: UnitResult) => {
          if ((s.gens.get(r.unit.kode) ?? 0) === gens.get(r.unit.kode)) s.units.set(r.unit.kode, r);
        };
        const fresh = new Map<string, UnitResult>();
        await mapLimit(
          missing.filter((u) => u.level === 'kelurahan'),
          CONCURRENCY,
          async (u) => {
            const r = computeUnit(scorer, u, await inputsOf(p, u, monthsDue, corrected.get(u.kode) ?? []));
            fresh.set(u.kode, r);
            store(r);
            cache.stats.unitsComputed++;
          },
        );
        const kelurahanOf = (kk: string) =>
          units
            .filter((u) => u.level === 'kelurahan' && u.kecamatanKode === kk)
            .map((u) => fresh.get(u.kode) ?? s.units.get(u.kode))
            .filter((r): r is UnitResult => r !== undefined);
        await mapLimit(
          missing.filter((u) => u.level === 'kecamatan'),
          CONCURRENCY,
          async (u) => {
            const kel = kelurahanOf(u.kode);
            const inputs = await inputsOf(p, u, monthsDue, corrected.get(u.kode) ?? []);
            inputs.kelurahanTotals = kel.map((k) => k.rapor.total).filter((t): t is number => t !== null);
            const r = computeUnit(
              scorer,
              u,
              inputs,
              kel.map((k) => k.trend),
            );
            fresh.set(u.kode, r);
            store(r);
            cache.stats.unitsComputed++;
          },
        );
        const all = new Map<string, UnitResult>();
        for (const u of units) {
          const r = fresh.get(u.kode) ?? s.units.get(u.kode);
          if (r) all.set(u.kode, r);
        }
        return viewOf(p, all, monthsDue);
      }
      return viewOf(p, new Map(units.map((u) => [u.kode, s.units.get(u.kode) as UnitResult])), monthsDue);
    };
    const promise: Promise<PeriodeView> = build().then(
      (v) => {
        if (s.building === promise) {
          s.view = v;
          s.building = undefined;
        }
        return v;
      },
      (err) => {
        if (s.building === promise) s.building = undefined;
        throw err;
      },
    );
    s.building = promise;
    return promise;
  }

  const viewOf = (p: LoadedPeriode, units: Map<string, UnitResult>, monthsDue: number) =>
    deriveView({
      periodeId: p.id,
      tahun: p.tahun,
      periodeStatus: p.status,
      source: 'berjalan',
      revision: null,
      framework: p.framework,
      monthsDue,
      units,
      computedAt: clock.now().toISOString(),
    });

  function snapshotView(p: LoadedPeriode, row: PublikasiRow): PeriodeView {
    const results = row.results as SnapshotResults;
    const inputs = row.inputs as Record<string, UnitInputs>;
    const units = new Map<string, UnitResult>();
    for (const [kode, u] of Object.entries(results.units)) {
      units.set(kode, { unit: u.unit, rapor: u.rapor, trend: u.trend, inputs: inputs[kode] as UnitInputs });
    }
    const fw = frameworkSchema.safeParse(row.framework);
    return deriveView({
      periodeId: p.id,
      tahun: p.tahun,
      periodeStatus: p.status,
      source: 'publikasi',
      revision: row.revision,
      framework: fw.success ? fw.data : (p.framework as Framework),
      monthsDue: results.monthsDue,
      units,
      computedAt: results.computedAt,
    });
  }

  /**
   * Loads of a published snapshot (or checks for a newer revision) in flight, per periode: the
   * requests that find the cached snapshot due for a check share one query instead of each loading
   * the whole snapshot. `snapshotGen` is bumped when this instance publishes, so a load that started
   * before never stores the older revision.
   */
  const snapshotLoads = new Map<string, Promise<PeriodeView | undefined>>();
  const snapshotGen = new Map<string, number>();
  async function loadSnapshot(p: LoadedPeriode): Promise<PeriodeView | undefined> {
    const startedAt = Date.now();
    const gen = snapshotGen.get(p.id) ?? 0;
    const hit = snapshots.get(p.id);
    if (hit && (await repo.latestRevision(p.id)) === hit.revision) {
      hit.checkedAt = startedAt;
      return hit.view;
    }
    const row = await repo.latestPublication(p.id);
    if (!row) return undefined;
    const view = snapshotView(p, row);
    if ((snapshotGen.get(p.id) ?? 0) === gen) {
      snapshots.set(p.id, { checkedAt: startedAt, revision: row.revision, view, row });
    }
    return view;
  }

  /** After publication the published snapshot; before, the running rapor. */
  async function viewFor(p: LoadedPeriode): Promise<PeriodeView> {
    if (p.status !== 'diumumkan') return runningView(p);
    const hit = snapshots.get(p.id);
    if (hit && Date.now() - hit.checkedAt < snapshotTtl) return hit.view;
    let load = snapshotLoads.get(p.id);
    if (!load) {
      load = loadSnapshot(p).finally(() => snapshotLoads.delete(p.id));
      snapshotLoads.set(p.id, load);
    }
    return (await load) ?? runningView(p);
  }

  // ---- the same without a promise when everything needed is cached (most requests) ----
  /** The periode row read less than periodeTtl ago, or undefined (then periodeOf reads or refuses it). */
  function periodeNow(pemdaKode: string, tahun: number): LoadedPeriode | undefined {
    const hit = periodes.get(`${pemdaKode}:${tahun}`);
    if (!hit?.row || hit.row.status === 'draf' || Date.now() - hit.at >= periodeTtl) return undefined;
    return hit.row;
  }

  /** viewFor(p) when it would answer from the cache without a query, else undefined. */
  function viewNow(p: LoadedPeriode): PeriodeView | undefined {
    const now = Date.now();
    if (p.status === 'diumumkan') {
      const hit = snapshots.get(p.id);
      return hit && now - hit.checkedAt < snapshotTtl ? hit.view : undefined;
    }
    const mark = changeMarks.get(p.id);
    if (!mark || mark.checking || now - mark.checkedAt >= syncEveryMs) return undefined;
    return cache.peekView(p.id, `${p.version}:${p.status}:${monthsDueOf(p)}`);
  }

  /**
   * `then(p, view)` for the periode of `tahun`: at once when both are cached, else after reading
   * them. `guard` runs before the view is computed (a refusal must not cost a computation).
   * Errors always come back as a rejected promise.
   */
  function withView<T>(
    pemdaKode: string,
    tahun: number,
    then: (p: LoadedPeriode, view: PeriodeView) => T | Promise<T>,
    guard?: (p: LoadedPeriode) => void,
  ): T | Promise<T> {
    const p = periodeNow(pemdaKode, tahun);
    const view = p && viewNow(p);
    if (p && view) {
      cache.stats.immediate++;
      try {
        guard?.(p);
        return then(p, view);
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return (async () => {
      const p = await periodeOf(pemdaKode, tahun);
      guard?.(p);
      return then(p, await viewFor(p));
    })();
  }

  // ---- visibility (DESIGN.md: before publication a unit sees its own rapor and rank only) ----
  const opened = (p: LoadedPeriode) =>
    p.status === 'diumumkan' || (p.settings as PeriodeConfig).resultsVisibleBeforePublication === true;
  const seesAll = (actor: Actor, p: LoadedPeriode) =>
    can(actor, 'rapor:read-all', p.pemdaKode) || (opened(p) && actor.pemdaKode === p.pemdaKode);
  const maySee = (actor: Actor, p: LoadedPeriode, kode: string) =>
    seesAll(actor, p) || can(actor, 'rapor:read', kode);

  function assertReadAll(actor: Actor, p: LoadedPeriode) {
    if (!can(actor, 'rapor:read-all', p.pemdaKode)) {
      throw new AppError(
        'FORBIDDEN',
        'Analitik dan ekspor peringkat hanya untuk analis, verifikator dan admin.',
      );
    }
  }

  /** The same response object for the same view and key: routes serialize it once (see rapor.routes.ts). */
  function memo<T>(view: PeriodeView, key: string, build: () => T): T {
    let v = view.memo.get(key) as T | undefined;
    if (v === undefined) {
      v = build();
      view.memo.set(key, v);
    }
    return v;
  }

  const fullTopTen = new WeakMap<TopTenRow[], TopTen>();
  const topLists = new WeakMap<
    PeriodeView,
    { officials: Map<string, string>; lists: [TopTenRow[], TopTenRow[]] }
  >();
  function memoBy(
    view: PeriodeView,
    officials: Map<string, string>,
    build: () => [TopTenRow[], TopTenRow[]],
  ): [TopTenRow[], TopTenRow[]] {
    const hit = topLists.get(view);
    if (hit && hit.officials === officials) return hit.lists;
    const lists = build();
    topLists.set(view, { officials, lists });
    return lists;
  }

  const topOf = (rows: RankingRow[]) => rows.filter((r) => r.rank !== null && r.rank <= TOP);

  // The camat and lurah on record per pemda, re-read at most once a minute (the award lists name them).
  const officialsTtl = 60_000;
  const officialsCache = new Map<string, { at: number; map: Map<string, string> }>();
  const officialsLoads = new Map<string, Promise<Map<string, string>>>();
  /** The cached list at once, else a promise of the re-read one. */
  function officialsOf(pemdaKode: string): Map<string, string> | Promise<Map<string, string>> {
    const hit = officialsCache.get(pemdaKode);
    if (hit && Date.now() - hit.at < officialsTtl) return hit.map;
    // Requests arriving while the list is re-read share that one query.
    let load = officialsLoads.get(pemdaKode);
    if (!load) {
      const startedAt = Date.now();
      load = repo
        .officials(pemdaKode)
        .then((map) => {
          officialsCache.set(pemdaKode, { at: startedAt, map });
          return map;
        })
        .finally(() => officialsLoads.delete(pemdaKode));
      officialsLoads.set(pemdaKode, load);
    }
    return load;
  }
  const withPejabat = (rows: RankingRow[], officials: Map<string, string>): TopTenRow[] =>
    rows.map((r) => ({ ...r, pejabat: officials.get(r.kode) ?? null }));
  /** A published list keeps the names it was published with. */
  const publishedTop = (rows: SnapshotResults['topCamat']): TopTenRow[] =>
    rows.map((r) => ({ ...r, pejabat: r.pejabat ?? null }));

  function rowsFor(
    actor: Actor,
    p: LoadedPeriode,
    view: PeriodeView,
    q: { level: Level; kecamatan?: string | undefined },
  ) {
    const all = seesAll(actor, p);
    let rows = q.level === 'kecamatan' ? view.kecamatan : view.kelurahan;
    if (q.level === 'kelurahan' && q.kecamatan) {
      const kk = q.kecamatan;
      rows = rows
        .filter((r) => r.kecamatanKode === kk)
        .sort((a, b) => (a.rankInKecamatan ?? 1e9) - (b.rankInKecamatan ?? 1e9));
    }
    if (!all) rows = rows.filter((r) => can(actor, 'rapor:read', r.kode));
    return { p, view, all, rows };
  }

  function topTenFrom(
    actor: Actor,
    p: LoadedPeriode,
    view: PeriodeView,
    officials: Map<string, string>,
  ): TopTen {
    const all = seesAll(actor, p);
    const mine = (rows: TopTenRow[]) => (all ? rows : rows.filter((r) => can(actor, 'rapor:read', r.kode)));
    const snap = view.source === 'publikasi' ? snapshots.get(p.id) : undefined;
    let camat: TopTenRow[];
    let lurah: TopTenRow[];
    if (snap && snap.revision === view.revision) {
      const results = snap.row.results as SnapshotResults;
      [camat, lurah] = memo(view, 'top:published', () => [
        publishedTop(results.topCamat),
        publishedTop(results.topLurah),
      ]);
    } else {
      // One list per view and officials map (both are replaced, never changed).
      [camat, lurah] = memoBy(view, officials, () => [
        withPejabat(topOf(view.kecamatan), officials),
        withPejabat(topOf(view.kelurahan), officials),
      ]);
    }
    const build = (): TopTen => ({
      tahun: p.tahun,
      source: view.source,
      revision: view.revision,
      complete: all,
      camat: mine(camat),
      lurah: mine(lurah),
    });
    // The full lists are the same answer for everyone who sees all: one object per pair of lists
    // (so the route serializes it once).
    if (!all) return build();
    let full = fullTopTen.get(camat);
    if (!full) {
      full = build();
      fullTopTen.set(camat, full);
    }
    return full;
  }

  async function buildSnapshot(actor: Actor, p: LoadedPeriode, revision: number, reason: string) {
    cache.invalidatePeriode(p.id);
    const view = await runningView(p);
    const officials = await repo.officials(p.pemdaKode);
    const units: SnapshotResults['units'] = {};
    const inputs: Record<string, UnitInputs> = {};
    for (const [kode, u] of view.units) {
      units[kode] = { unit: u.unit, rapor: u.rapor, trend: u.trend };
      inputs[kode] = u.inputs;
    }
    const results: SnapshotResults = {
      monthsDue: view.monthsDue,
      computedAt: view.computedAt,
      units,
      kecamatan: view.kecamatan,
      kelurahan: view.kelurahan,
      topCamat: withPejabat(topOf(view.kecamatan), officials),
      topLurah: withPejabat(topOf(view.kelurahan), officials),
    };
    return {
      periodeId: p.id,
      pemdaKode: p.pemdaKode,
      tahun: p.tahun,
      revision,
      reason,
      formulaVersion: p.framework.settings.formulaVersion,
      framework: p.framework,
      inputs,
      results,
      publishedAt: clock.now(),
      publishedBy: actor.userId,
      publishedByName: actor.namaLengkap,
    };
  }

  async function insertSnapshot(
    actor: Actor,
    row: Awaited<ReturnType<typeof buildSnapshot>>,
    ip: string | null,
  ) {
    try {
      await db.transaction(async (tx) => {
        const inserted = await repo.insertPublication(row, tx);
        await audit.record(
          {
            actorId: actor.userId,
            actorUsername: actor.username,
            pemdaKode: row.pemdaKode,
            action: row.revision === 1 ? 'rapor.published' : 'rapor.revised',
            entity: 'rapor_publikasi',
            entityId: inserted?.id ?? null,
            after: { tahun: row.tahun, revision: row.revision, formulaVersion: row.formulaVersion },
            reason: row.reason || null,
            ip,
          },
          tx,
        );
      });
    } catch (err) {
      const e = err as { code?: string; cause?: { code?: string } };
      if (e?.code === '23505' || e?.cause?.code === '23505') {
        throw new AppError(
          'CONFLICT',
          `Revisi ${row.revision} baru saja diterbitkan orang lain. Muat ulang halaman.`,
        );
      }
      throw err;
    }
    snapshots.delete(row.periodeId);
    snapshotLoads.delete(row.periodeId);
    snapshotGen.set(row.periodeId, (snapshotGen.get(row.periodeId) ?? 0) + 1);
  }

  async function publicationsOf(p: LoadedPeriode): Promise<PublicationsResponse> {
    const rows = await repo.publications(p.id);
    return {
      tahun: p.tahun,
      periodeStatus: p.status,
      periodeVersion: p.version,
      revisions: rows.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() })),
    };
  }

  return {
    /** Invalidation API for other modules (wired in app.ts): a verification of `kode` changed its rapor. */
    invalidateUnit: (periodeId: string, kode: string) => cache.invalidateUnit(periodeId, kode),

    /** A rapor, rankings and top ten come back without a promise when their view is cached. */
    rapor(actor: Actor, tahun: number, kode: string): RaporDetail | Promise<RaporDetail> {
      return withView(
        actor.pemdaKode,
        tahun,
        (_p, view) => {
          // Only units of the view are remembered (any other code would grow the memo).
          if (!view.units.has(kode)) throw new AppError('NOT_FOUND', 'Rapor tidak ditemukan.');
          const detail = memo(view, `rapor:${kode}`, () => raporDetail(view, kode) ?? null);
          if (!detail) throw new AppError('NOT_FOUND', 'Rapor tidak ditemukan.');
          return detail;
        },
        (p) => {
          if (!maySee(actor, p, kode)) throw new AppError('NOT_FOUND', 'Rapor tidak ditemukan.');
        },
      );
    },

    rankings(
      actor: Actor,
      tahun: number,
      q: { level: Level; kecamatan?: string | undefined },
    ): RankingsResponse | Promise<RankingsResponse> {
      return withView(actor.pemdaKode, tahun, (p, view) => {
        const { all, rows } = rowsFor(actor, p, view, q);
        const build = (): RankingsResponse => ({
          tahun: p.tahun,
          periodeStatus: p.status,
          source: view.source,
          revision: view.revision,
          level: q.level,
          complete: all,
          total: (q.level === 'kecamatan' ? view.kecamatan : view.kelurahan).length,
          bidang: view.bidang.map((b) => ({ code: b.code, name: b.name })),
          rows,
        });
        // A full list is the same for everyone who sees all: build it once per view.
        return all ? memo(view, `rankings:${q.level}:${q.kecamatan ?? ''}`, build) : build();
      });
    },

    topTen(actor: Actor, tahun: number): TopTen | Promise<TopTen> {
      return withView(actor.pemdaKode, tahun, (p, view) => {
        const officials = officialsOf(p.pemdaKode);
        return officials instanceof Promise
          ? officials.then((o) => topTenFrom(actor, p, view, o))
          : topTenFrom(actor, p, view, officials);
      });
    },

    async analytics(actor: Actor, tahun: number): Promise<AnalyticsResponse> {
      const p = await periodeOf(actor.pemdaKode, tahun);
      assertReadAll(actor, p);
      const view = await viewFor(p);
      const [subs, skm] = await Promise.all([
        repo.monthlySubmissions(p.id),
        deps.skm.report(actor, p.pemdaKode, { tahun: p.tahun }).catch(() => null),
      ]);
      const byUnit = new Map<string, Map<number, (typeof subs)[number]>>();
      for (const s of subs) {
        const m = byUnit.get(s.kode) ?? new Map();
        if (s.bulan !== null) m.set(s.bulan, s);
        byUnit.set(s.kode, m);
      }
      const now = clock.now();
      const cfg = p.settings as PeriodeConfig;
      const cell = (kode: string, bulan: number): ComplianceCell => {
        const r = byUnit.get(kode)?.get(bulan);
        const due = r?.dueAt ?? dueAtFor(p.tahun, 'bulanan', bulan, cfg);
        if (r?.firstSubmittedAt) return r.firstSubmittedAt <= due ? 'tepat' : 'terlambat';
        return due < now ? 'belum' : 'belum_jatuh_tempo';
      };
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
        compliance: [...view.rows.values()]
          .sort((a, b) => (a.kode < b.kode ? -1 : 1))
          .map((r) => ({
            kode: r.kode,
            nama: r.nama,
            level: r.level,
            months: Array.from({ length: 12 }, (_, i) => cell(r.kode, i + 1)),
          })),
        skm: (skm?.hasil.unsur ?? []).map((u) => ({
          key: u.key,
          label: u.nama,
          nrr: u.nrr,
          respondents: skm?.hasil.respondents ?? 0,
        })),
      };
    },

    /** For exports: the rows an actor may export (full lists need rapor:read-all). */
    async rankingsForExport(
      actor: Actor,
      tahun: number,
      q: { level: Level; kecamatan?: string | undefined },
    ) {
      const p = await periodeOf(actor.pemdaKode, tahun);
      assertReadAll(actor, p);
      const { view, rows } = rowsFor(actor, p, await viewFor(p), q);
      return { tahun: p.tahun, bidang: view.bidang, rows, source: view.source, revision: view.revision };
    },

    async publications(actor: Actor, tahun: number): Promise<PublicationsResponse> {
      const p = await periodeOf(actor.pemdaKode, tahun, true);
      assertCan(actor, 'rapor:publish', p.pemdaKode, 'Periode');
      return publicationsOf(p);
    },

    /** Closes the periode if needed, stores revision 1 and announces the periode. */
    async publish(
      actor: Actor,
      tahun: number,
      reason: string,
      ip: string | null,
    ): Promise<PublicationsResponse> {
      let p = await periodeOf(actor.pemdaKode, tahun, true);
      assertCan(actor, 'rapor:publish', p.pemdaKode, 'Periode');
      const existing = await repo.latestRevision(p.id);
      if (p.status === 'diumumkan' && existing > 0) {
        throw new AppError(
          'CONFLICT',
          `Hasil periode ${tahun} sudah diumumkan dan tidak dapat diubah. Koreksi diterbitkan sebagai revisi dengan alasan.`,
          { reason: 'ALREADY_PUBLISHED' },
        );
      }
      if (p.status === 'aktif') {
        await deps.periode.transition(
          actor,
          p.id,
          { version: p.version, to: 'ditutup', reason: reason || 'Pengumuman hasil penilaian' },
          ip,
        );
        p = await periodeOf(actor.pemdaKode, tahun, true);
      }
      if (existing === 0)
        await insertSnapshot(
          actor,
          await buildSnapshot(actor, p, 1, reason || 'Pengumuman hasil penilaian'),
          ip,
        );
      if (p.status === 'ditutup') {
        await deps.periode.transition(
          actor,
          p.id,
          { version: p.version, to: 'diumumkan', reason: reason || undefined },
          ip,
        );
      }
      cache.invalidatePeriode(p.id);
      return publicationsOf(await periodeOf(actor.pemdaKode, tahun, true));
    },

    /** A correction after publication: a new numbered revision with its reason; earlier ones stay. */
    async revise(
      actor: Actor,
      tahun: number,
      reason: string,
      ip: string | null,
    ): Promise<PublicationsResponse> {
      const p = await periodeOf(actor.pemdaKode, tahun, true);
      assertCan(actor, 'rapor:publish', p.pemdaKode, 'Periode');
      const latest = await repo.latestRevision(p.id);
      if (p.status !== 'diumumkan' || latest === 0) {
        throw new AppError(
          'CONFLICT',
          `Periode ${tahun} belum diumumkan; revisi hanya untuk hasil yang sudah diumumkan.`,
        );
      }
      await insertSnapshot(actor, await buildSnapshot(actor, p, latest + 1, reason), ip);
      return publicationsOf(p);
    },

    /** The public ranking page's long list: every kelurahan as published. */
    publicKelurahan(pemdaKode: string, tahun: number): PublicKelurahan | Promise<PublicKelurahan> {
      return (
        (publishedMemo(pemdaKode, tahun, 'public-kelurahan') as PublicKelurahan | undefined) ??
        publicKelurahanOf(pemdaKode, tahun)
      );
    },

    /** The public ranking page: only what was published. */
    publicRankings(pemdaKode: string, tahun: number): PublicRankings | Promise<PublicRankings> {
      return (
        (publishedMemo(pemdaKode, tahun, 'public') as PublicRankings | undefined) ??
        publicRankingsOf(pemdaKode, tahun)
      );
    },
  };

  /** An answer already built from the cached published snapshot, or undefined. */
  function publishedMemo(pemdaKode: string, tahun: number, key: string): unknown {
    const p = periodeNow(pemdaKode, tahun);
    const view = p?.status === 'diumumkan' ? viewNow(p) : undefined;
    return view?.source === 'publikasi' ? view.memo.get(key) : undefined;
  }

  async function publicRankingsOf(pemdaKode: string, tahun: number): Promise<PublicRankings> {
    let p: LoadedPeriode | undefined;
    try {
      p = await periodeOf(pemdaKode, tahun);
    } catch {
      p = undefined;
    }
    const notYet = () => new AppError('NOT_FOUND', `Peringkat tahun ${tahun} belum diumumkan.`);
    if (p?.status !== 'diumumkan') throw notYet();
    const view = await viewFor(p);
    const snap = snapshots.get(p.id);
    if (view.source !== 'publikasi' || !snap) throw notYet();
    const cached = view.memo.get('public') as PublicRankings | undefined;
    if (cached) return cached;
    let nama = pemdaNames.get(pemdaKode);
    if (!nama) {
      nama = repo.wilayahNama(pemdaKode).then((n) => n ?? pemdaKode);
      nama.catch(() => pemdaNames.delete(pemdaKode));
      pemdaNames.set(pemdaKode, nama);
    }
    const pemdaNama = await nama;
    const results = snap.row.results as SnapshotResults;
    const revisions = await publicRevisions(p.id, snap.revision);
    return memo(view, 'public', () => ({
      tahun: p.tahun,
      pemdaKode,
      pemdaNama,
      revision: snap.revision,
      revised: snap.revision > 1,
      revisions,
      formulaVersion: snap.row.formulaVersion,
      kecamatan: results.kecamatan,
      topCamat: publishedTop(results.topCamat),
      topLurah: publishedTop(results.topLurah),
    }));
  }

  async function publicKelurahanOf(pemdaKode: string, tahun: number): Promise<PublicKelurahan> {
    const p = await periodeOf(pemdaKode, tahun).catch(() => undefined);
    const notYet = new AppError('NOT_FOUND', `Peringkat tahun ${tahun} belum diumumkan.`);
    if (p?.status !== 'diumumkan') throw notYet;
    const view = await viewFor(p);
    const snap = snapshots.get(p.id);
    if (view.source !== 'publikasi' || !snap) throw notYet;
    const results = snap.row.results as SnapshotResults;
    return memo(view, 'public-kelurahan', () => ({
      tahun: p.tahun,
      revision: snap.revision,
      rows: results.kelurahan,
    }));
  }

  async function publicRevisions(periodeId: string, revision: number) {
    const key = `${periodeId}:${revision}`;
    let r = revisionLists.get(key);
    if (!r) {
      r = repo
        .publications(periodeId)
        .then((rows) => rows.map((x) => ({ ...x, publishedAt: x.publishedAt.toISOString() })));
      r.catch(() => revisionLists.delete(key));
      revisionLists.set(key, r);
    }
    return r;
  }
}
export type RaporService = ReturnType<typeof createRaporService>;
