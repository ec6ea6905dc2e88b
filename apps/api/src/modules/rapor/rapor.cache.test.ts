import { describe, expect, it } from 'vitest';
import { createEvents } from '../../lib/events';
import { createRaporCache, keepRaporCacheFresh } from './rapor.cache';
import type { PeriodeView, UnitResult } from './rapor.compute';

const view = {} as PeriodeView;
const result = {} as UnitResult;

function cacheWithUnits(kodes: string[]) {
  const cache = createRaporCache();
  const s = cache.running('p', 'k');
  for (const k of kodes) s.units.set(k, result);
  s.view = view;
  return { cache, s };
}

/** A stand-in for the database's LISTEN: the test sends notices on `sip_rapor` and says whether it is connected. */
function fakeListen() {
  const channels = new Map<string, { onMessage: (p: string) => void; onState: (on: boolean) => void }>();
  return {
    send: (payload: string, channel = 'sip_rapor') => channels.get(channel)?.onMessage(payload),
    state: (on: boolean) => {
      for (const c of channels.values()) c.onState(on);
    },
    listen: async (channel: string, onMessage: (p: string) => void, onState: (on: boolean) => void) => {
      channels.set(channel, { onMessage, onState });
      onState(true);
      return async () => {};
    },
  };
}

describe('rapor cache: what a change drops', () => {
  it('a kelurahan: itself, its kecamatan and the derived view; every other unit stays', () => {
    const { cache, s } = cacheWithUnits(['32.73.02', '32.73.02.1004', '32.73.02.1001', '32.73.01']);
    cache.invalidateUnit('p', '32.73.02.1004');
    expect([...s.units.keys()].sort()).toEqual(['32.73.01', '32.73.02.1001']);
    expect(s.view).toBeUndefined();
  });

  it('a computation that started before a change is not stored (generation)', () => {
    const { cache, s } = cacheWithUnits(['32.73.01']);
    const before = s.gens.get('32.73.01') ?? 0;
    cache.invalidateUnit('p', '32.73.01');
    expect(s.gens.get('32.73.01')).toBe(before + 1);
  });

  it('another key (a new periode version, status or month due) starts empty', () => {
    const { cache } = cacheWithUnits(['32.73.01']);
    expect(cache.running('p', 'other').units.size).toBe(0);
  });

  it('a snapshot read before a publication is not kept', () => {
    const cache = createRaporCache();
    const generation = cache.publishedGeneration('p');
    cache.invalidatePeriode('p');
    cache.setPublished(
      'p',
      { revision: 1, row: {} as never, view, revisions: [], pemdaNama: 'Kota Bandung' },
      generation,
    );
    expect(cache.published('p')).toBeUndefined();
    cache.setPublished(
      'p',
      { revision: 2, row: {} as never, view, revisions: [], pemdaNama: 'Kota Bandung' },
      cache.publishedGeneration('p'),
    );
    expect(cache.published('p')?.revision).toBe(2);
  });
});

describe('rapor cache: periode heads', () => {
  it('reads a head once until the periode changes (here or elsewhere)', async () => {
    const cache = createRaporCache();
    let reads = 0;
    const load = async () => {
      reads++;
      return { id: 'p', tahun: 2026 } as never;
    };
    await cache.head('32.73', 2026, false, load);
    await cache.head('32.73', 2026, false, load);
    expect(reads).toBe(1);
    const events = createEvents({ onError: () => {} });
    const db = fakeListen();
    await keepRaporCacheFresh({ cache, events, database: db });
    events.emit('periode.changed', { periodeId: 'p' });
    await cache.head('32.73', 2026, false, load);
    expect(reads).toBe(2);
    db.send('periode:p');
    await cache.head('32.73', 2026, false, load);
    expect(reads).toBe(3);
  });
});

describe('rapor cache: officials on the award lists', () => {
  it('are read once until a user or role changes, on this instance or another', async () => {
    const cache = createRaporCache();
    const events = createEvents({ onError: () => {} });
    const db = fakeListen();
    await keepRaporCacheFresh({ cache, events, database: db });
    let reads = 0;
    const load = async () => {
      reads++;
      return new Map([['32.73.02.1004', 'Lurah Dago']]);
    };
    await cache.officials('32.73', load);
    await cache.officials('32.73', load);
    expect(reads).toBe(1);
    events.emit('user.revoked', { userId: 'u' });
    await cache.officials('32.73', load);
    expect(reads).toBe(2);
    db.send('some-user-id', 'sip_auth');
    await cache.officials('32.73', load);
    expect(reads).toBe(3);
  });
});

describe('rapor cache: kept fresh by events and database notices', () => {
  it('this instance: laporan.changed drops the unit at once; other events leave it', async () => {
    const { cache, s } = cacheWithUnits(['32.73.02', '32.73.02.1004', '32.73.01']);
    const events = createEvents({
      onError: (err) => {
        throw err;
      },
    });
    await keepRaporCacheFresh({ cache, events, database: fakeListen() });
    events.emit('session.revoked', { sessionId: 'x' });
    expect(s.units.size).toBe(3);
    events.emit('laporan.changed', { periodeId: 'p', wilayahKode: '32.73.02.1004' });
    expect([...s.units.keys()]).toEqual(['32.73.01']);
    events.emit('skm.responded', { wilayahKode: '32.73.01' });
    expect(s.units.size).toBe(0);
  });

  it('other instances: each notice of migration 0007 drops what it names', async () => {
    const { cache, s } = cacheWithUnits(['32.73.02', '32.73.02.1004', '32.73.01']);
    const db = fakeListen();
    await keepRaporCacheFresh({ cache, events: createEvents({ onError: () => {} }), database: db });
    db.send('laporan:p:32.73.01');
    expect([...s.units.keys()].sort()).toEqual(['32.73.02', '32.73.02.1004']);
    cache.setPublished(
      'p',
      { revision: 1, row: {} as never, view, revisions: [], pemdaNama: 'Kota Bandung' },
      cache.publishedGeneration('p'),
    );
    db.send('publikasi:p');
    expect(cache.published('p')).toBeUndefined();
    const again = cache.running('p', 'k');
    again.units.set('32.73.01', result);
    db.send('wilayah');
    expect(cache.running('p', 'k').units.size).toBe(0);
  });

  it('keeps nothing while notices cannot be received', async () => {
    const { cache } = cacheWithUnits(['32.73.01']);
    const db = fakeListen();
    await keepRaporCacheFresh({ cache, events: createEvents({ onError: () => {} }), database: db });
    db.state(false);
    expect(cache.running('p', 'k').units.size).toBe(0);
    cache.running('p', 'k').units.set('32.73.01', result);
    expect(cache.running('p', 'k').units.size).toBe(0);
    db.state(true);
    cache.running('p', 'k').units.set('32.73.01', result);
    expect(cache.running('p', 'k').units.size).toBe(1);
  });
});
