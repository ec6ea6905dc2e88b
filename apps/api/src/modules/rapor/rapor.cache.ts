import { kecamatanOf, type PublicationsResponse, unitLevelOf } from '@sip/contracts';
import type { Database } from '../../db/client';
import type { Events } from '../../lib/events';
import type { PeriodeHead } from '../periode/periode.service';
import type { PeriodeView, UnitResult } from './rapor.compute';
import type { PublikasiRow } from './rapor.repo';

/** A published snapshot as stored, its view, and what its public page shows beside it. */
export interface PublishedView {
  revision: number;
  row: PublikasiRow;
  view: PeriodeView;
  /** Every revision of the periode (number, date, reason), oldest first. */
  revisions: PublicationsResponse['revisions'];
  pemdaNama: string;
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
 * The one rapor cache of an instance: per periode its head (state, version, settings: the key of
 * everything else), the running rapor of every unit and the view derived from them (rankings,
 * averages), and the published snapshot by revision. A verification of
 * unit X drops X, the kecamatan of X (its kelurahan_average uses X's total) and the derived view;
 * every other unit stays. Only ever a cache: losing it costs one recomputation. While change
 * notifications cannot be received it keeps nothing (every request computes afresh).
 */
export function createRaporCache() {
  /** The camat and lurah on record per pemda (unit code → name), for the running award lists. */
  const officials = new Map<string, Map<string, string>>();
  let officialsGeneration = 0;
  /** By `pemda:tahun:latihan|resmi`; undefined = no such periode (kept too, so a wrong year costs no query). */
  const heads = new Map<string, PeriodeHead | undefined>();
  const running = new Map<string, RunningState>();
  const published = new Map<string, PublishedView>();
  /** Bumped when a periode is published or revised, so a snapshot read before that is not stored. */
  const publishedGen = new Map<string, number>();
  let headGeneration = 0;
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

  /**
   * Encoded answers (the serialized JSON and its compressed forms) per view. A view never changes
   * and is replaced whole on any change (a verified report, a revision), so its answers leave with
   * it: a WeakMap needs no invalidation of its own. Only answers every allowed reader gets alike
   * are kept (a unit's rapor, the complete rankings and top ten, the public page).
   */
  const answers = new WeakMap<object, Map<string, Buffer>>();

  const cache = {
    /** The answer `key` of `view`, built once. */
    answer(view: object, key: string, build: () => Buffer): Buffer {
      if (!enabled) return build();
      let byKey = answers.get(view);
      if (!byKey) {
        byKey = new Map();
        answers.set(view, byKey);
      }
      let body = byKey.get(key);
      if (!body) {
        body = build();
        byKey.set(key, body);
      }
      return body;
    },

    /** The periode head of a year (real or practice), read through `load` once until the periode changes. */
    async head(
      pemdaKode: string,
      tahun: number,
      latihan: boolean,
      load: () => Promise<PeriodeHead | undefined>,
    ) {
      const key = `${pemdaKode}:${tahun}:${latihan ? 'latihan' : 'resmi'}`;
      if (enabled && heads.has(key)) return heads.get(key);
      const generation = headGeneration;
      const head = await load();
      // A change that arrived while reading wins: the head is read again next time.
      if (enabled && generation === headGeneration) heads.set(key, head);
      return head;
    },

    /** The officials of a pemda's year (key `pemda:tahun`), read through `load` once until a person, role or position changes. */
    async officials(key: string, load: () => Promise<Map<string, string>>) {
      const hit = enabled ? officials.get(key) : undefined;
      if (hit) return hit;
      const generation = officialsGeneration;
      const map = await load();
      if (enabled && generation === officialsGeneration) officials.set(key, map);
      return map;
    },

    /** A user, a session or a role changed somewhere: officials are read again. */
    invalidateOfficials() {
      officials.clear();
      officialsGeneration++;
    },

    /** A periode was created or changed: every head is read again (periodes change rarely). */
    invalidateHeads() {
      heads.clear();
      headGeneration++;
    },

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
      cache.invalidateHeads();
      cache.invalidateOfficials();
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

/** Applies one `sip_rapor` notice (migrations 0007, 0010, 0018) from any instance. */
function applyNotice(cache: RaporCache, payload: string) {
  const [kind, a, b] = payload.split(':');
  if (kind === 'laporan' && a && b) cache.invalidateUnit(a, b);
  else if (kind === 'skm' && a) cache.invalidateUnitEverywhere(a);
  else if (kind === 'publikasi' && a) cache.invalidatePeriode(a);
  else if (kind === 'periode') cache.invalidateHeads();
  else if (kind === 'pejabat') cache.invalidateOfficials();
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
  events.on('periode.changed', () => cache.invalidateHeads());
  // Heads and published answers carry the zone; it changes about never: start afresh.
  events.on('pemda.zona_changed', () => cache.clear());
  events.on('user.revoked', () => cache.invalidateOfficials());
  const stopRapor = await database.listen(
    'sip_rapor',
    (payload) => applyNotice(cache, payload),
    (listening) => cache.setEnabled(listening),
  );
  // Users and roles (the officials named on award lists) change through the auth channel (migration 0006).
  const stopAuth = await database.listen(
    'sip_auth',
    () => cache.invalidateOfficials(),
    (listening) => {
      if (!listening) cache.invalidateOfficials();
    },
  );
  return async () => {
    await stopRapor();
    await stopAuth();
  };
}
