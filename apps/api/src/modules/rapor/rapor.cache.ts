import { kecamatanOf, unitLevelOf } from '@sip/contracts';
import type { Database } from '../../db/client';
import type { Events } from '../../lib/events';
import type { PeriodeView, UnitResult } from './rapor.compute';
import type { PublikasiRow } from './rapor.repo';

/** A published snapshot as stored, and its view. */
export interface PublishedView {
  revision: number;
  row: PublikasiRow;
  view: PeriodeView;
}

/** The running rapor of one periode, for one key (periode version, status and months due). */
export interface RunningState {
  key: string;
  units: Map<string, UnitResult>;
  /** Bumped by every invalidation of a unit, so a computation that started before it is not stored. */
  gens: Map<string, number>;
  view: PeriodeView | undefined;
  /** The view being built: requests arriving meanwhile wait for it instead of building their own. */
  building: Promise<PeriodeView> | undefined;
}

/**
 * The one rapor cache of an instance: per periode the running rapor of every unit and the view
 * derived from them (rankings, averages), and the published snapshot by revision. A verification of
 * unit X drops X, the kecamatan of X (its kelurahan_average uses X's total) and the derived view;
 * every other unit stays. Only ever a cache: losing it costs one recomputation. While change
 * notifications cannot be received it keeps nothing (every request computes afresh).
 */
export function createRaporCache() {
  const running = new Map<string, RunningState>();
  const published = new Map<string, PublishedView>();
  /** Bumped when a periode is published or revised, so a snapshot read before that is not stored. */
  const publishedGen = new Map<string, number>();
  let enabled = true;

  const fresh = (key: string): RunningState => ({
    key,
    units: new Map(),
    gens: new Map(),
    view: undefined,
    building: undefined,
  });

  function drop(s: RunningState, kode: string) {
    s.units.delete(kode);
    s.gens.set(kode, (s.gens.get(kode) ?? 0) + 1);
  }

  const cache = {
    /** The running state of a periode for this key; a new key (or a disabled cache) starts empty. */
    running(periodeId: string, key: string): RunningState {
      if (!enabled) return fresh(key);
      let s = running.get(periodeId);
      if (!s || s.key !== key) {
        s = fresh(key);
        running.set(periodeId, s);
      }
      return s;
    },

    published(periodeId: string): PublishedView | undefined {
      return enabled ? published.get(periodeId) : undefined;
    },
    /** Take before reading a snapshot; pass to setPublished. */
    publishedGeneration: (periodeId: string) => publishedGen.get(periodeId) ?? 0,
    setPublished(periodeId: string, value: PublishedView, generation: number) {
      if (enabled && generation === (publishedGen.get(periodeId) ?? 0)) published.set(periodeId, value);
    },

    /** Unit `kode` of the periode changed: drop it, its kecamatan and the derived view. */
    invalidateUnit(periodeId: string, kode: string) {
      const s = running.get(periodeId);
      if (!s) return;
      drop(s, kode);
      if (unitLevelOf(kode) === 'kelurahan') drop(s, kecamatanOf(kode));
      s.view = undefined;
      s.building = undefined;
    },

    /** The same in every periode (an SKM response changes the unit's IKM whatever the periode). */
    invalidateUnitEverywhere(kode: string) {
      for (const id of running.keys()) cache.invalidateUnit(id, kode);
    },

    /** A periode was published or revised: its snapshot and running state are read again. */
    invalidatePeriode(periodeId: string) {
      running.delete(periodeId);
      published.delete(periodeId);
      publishedGen.set(periodeId, (publishedGen.get(periodeId) ?? 0) + 1);
    },

    clear() {
      for (const id of new Set([...running.keys(), ...published.keys()])) cache.invalidatePeriode(id);
    },

    /** Off while change notifications cannot be received (a change elsewhere could be missed). */
    setEnabled(on: boolean) {
      enabled = on;
      if (!on) cache.clear();
    },
  };
  return cache;
}
export type RaporCache = ReturnType<typeof createRaporCache>;

/** Applies one `sip_rapor` notice (migration 0007) from any instance. */
function applyNotice(cache: RaporCache, payload: string) {
  const [kind, a, b] = payload.split(':');
  if (kind === 'laporan' && a && b) cache.invalidateUnit(a, b);
  else if (kind === 'skm' && a) cache.invalidateUnitEverywhere(a);
  else if (kind === 'publikasi' && a) cache.invalidatePeriode(a);
  else cache.clear();
}

/**
 * Keeps the cache true to the database: this instance's changes at once (domain events, after
 * commit), every instance's changes — hand-made SQL included — through LISTEN sip_rapor.
 * Returns a function that stops listening.
 */
export async function keepRaporCacheFresh({
  cache,
  events,
  database,
}: {
  cache: RaporCache;
  events: Pick<Events, 'on'>;
  database: Pick<Database, 'listen'>;
}): Promise<() => Promise<void>> {
  events.on('laporan.changed', (e) => cache.invalidateUnit(e.periodeId, e.wilayahKode));
  events.on('skm.responded', (e) => cache.invalidateUnitEverywhere(e.wilayahKode));
  events.on('skm.voided', (e) => cache.invalidateUnitEverywhere(e.wilayahKode));
  events.on('rapor.published', (e) => cache.invalidatePeriode(e.periodeId));
  return database.listen(
    'sip_rapor',
    (payload) => applyNotice(cache, payload),
    (listening) => cache.setEnabled(listening),
  );
}
