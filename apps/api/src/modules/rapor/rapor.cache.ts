import type { PeriodeView, UnitResult } from './rapor.compute';

const kecamatanOf = (kode: string) => kode.split('.').slice(0, 3).join('.');

interface PeriodeState {
  /** Periode version and months due the entries were computed for; either changing drops the state. */
  key: string;
  units: Map<string, UnitResult>;
  /** Bumped by every invalidation of a unit, so a computation that started before it is not stored. */
  gens: Map<string, number>;
  view: PeriodeView | undefined;
  building: Promise<PeriodeView> | undefined;
}

/**
 * In-process cache of running rapor: one entry per (periode, unit) plus the derived view
 * (rankings, averages) per periode. A verification of unit X drops exactly X, the kecamatan of X
 * (its kelurahan_average uses X's total) and the periode's derived view; every other unit stays.
 * Only ever a cache: losing it costs one recomputation.
 */
export function createRaporCache() {
  const periodes = new Map<string, PeriodeState>();
  /** `immediate`: answers built from cached data without waiting on anything (see withView). */
  const stats = { hits: 0, misses: 0, unitsComputed: 0, invalidations: 0, immediate: 0 };

  const stateOf = (periodeId: string, key: string): PeriodeState => {
    let s = periodes.get(periodeId);
    if (!s || s.key !== key) {
      s = { key, units: new Map(), gens: new Map(), view: undefined, building: undefined };
      periodes.set(periodeId, s);
    }
    return s;
  };

  function drop(s: PeriodeState, kode: string) {
    s.units.delete(kode);
    s.gens.set(kode, (s.gens.get(kode) ?? 0) + 1);
  }

  return {
    stats,
    stateOf,

    /** The derived view of a periode if it is cached for this key (nothing is created or dropped). */
    peekView(periodeId: string, key: string): PeriodeView | undefined {
      const s = periodes.get(periodeId);
      if (s?.key !== key || !s.view) return undefined;
      stats.hits++;
      return s.view;
    },

    /** Drops unit `kode` of the periode, its kecamatan and the derived view. */
    invalidateUnit(periodeId: string, kode: string) {
      const s = periodes.get(periodeId);
      stats.invalidations++;
      if (!s) return;
      drop(s, kode);
      if (kode.split('.').length === 4) drop(s, kecamatanOf(kode));
      s.view = undefined;
      s.building = undefined;
    },

    /** Same, in every cached periode (an SKM response changes the IKM of its unit whatever the periode). */
    invalidateUnitEverywhere(kode: string) {
      for (const id of periodes.keys()) this.invalidateUnit(id, kode);
    },

    invalidatePeriode(periodeId: string) {
      stats.invalidations++;
      periodes.delete(periodeId);
    },

    clear() {
      periodes.clear();
    },

    /** Cached unit codes of a periode (for tests and diagnostics). */
    cachedUnits(periodeId: string): string[] {
      return [...(periodes.get(periodeId)?.units.keys() ?? [])];
    },
  };
}
export type RaporCache = ReturnType<typeof createRaporCache>;

/** The laporan transitions that change verified data or submission times, i.e. a rapor. */
const changingMethods = new Set(['approve', 'reopen', 'submit']);

/**
 * Wraps the laporan service so that every transition that can change a rapor invalidates the
 * unit afterwards (after its transaction committed). Wiring only: the laporan module stays unaware.
 */
export function invalidatingLaporan<T extends object>(service: T, cache: RaporCache): T {
  return new Proxy(service, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !changingMethods.has(prop) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        const r = result as { periodeId?: unknown; wilayahKode?: unknown } | undefined;
        if (r && typeof r.periodeId === 'string' && typeof r.wilayahKode === 'string') {
          cache.invalidateUnit(r.periodeId, r.wilayahKode);
        }
        return result;
      };
    },
  });
}

/** SKM: a new response changes the IKM of its unit; voiding one (rare, admin) drops all. */
export function invalidatingSkm<T extends object>(service: T, cache: RaporCache): T {
  return new Proxy(service, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if ((prop !== 'submit' && prop !== 'voidResponse') || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (prop === 'submit' && typeof args[0] === 'string') cache.invalidateUnitEverywhere(args[0]);
        else cache.clear();
        return result;
      };
    },
  });
}
