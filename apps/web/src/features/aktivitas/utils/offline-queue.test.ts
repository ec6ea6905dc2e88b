import type { AktivitasInput } from '@sip/contracts';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/http';
import { type DraftStore, dequeue, enqueue, flushQueue, queueKey, readQueue } from './offline-queue';

function memoryStore(): DraftStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

let n = 0;
const draft = (over: Partial<AktivitasInput> = {}): AktivitasInput => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  tanggal: '2026-11-30',
  mulai: '08:00',
  selesai: '09:00',
  kegiatanId: null,
  uraian: 'Menyusun laporan bulanan',
  volume: 1,
  satuan: 'dokumen',
  lembur: false,
  catatan: '',
  ...over,
});
const now = new Date('2026-11-30T02:00:00Z');
const offline = () => new ApiError(0, 'NETWORK', 'Tidak dapat terhubung ke server.');

describe('offline queue of the daily log', () => {
  it('keeps drafts per user, in order of date and time, one per id', () => {
    const store = memoryStore();
    const late = draft({ mulai: '10:00', selesai: '11:00' });
    const early = draft({ mulai: '07:30', selesai: '08:00' });
    enqueue(store, 'u1', late, now);
    enqueue(store, 'u1', early, now);
    enqueue(store, 'u1', { ...late, uraian: 'Menyusun laporan bulanan (revisi)' }, now);
    enqueue(store, 'u2', draft(), now);
    const q = readQueue(store, 'u1');
    expect(q.map((d) => d.input.id)).toEqual([early.id, late.id]);
    expect(q[1]?.input.uraian).toBe('Menyusun laporan bulanan (revisi)');
    expect(readQueue(store, 'u2')).toHaveLength(1);
    dequeue(store, 'u1', early.id);
    dequeue(store, 'u1', late.id);
    expect(store.data.has(queueKey('u1'))).toBe(false);
  });

  it('leaves out what it cannot read (edited by hand, an older format)', () => {
    const store = memoryStore();
    store.setItem(queueKey('u1'), 'not json');
    expect(readQueue(store, 'u1')).toEqual([]);
    const ok = draft();
    store.setItem(
      queueKey('u1'),
      JSON.stringify([
        { input: { ...draft(), id: 'bukan-uuid' }, disimpan: now.toISOString() },
        { input: ok, disimpan: now.toISOString() },
      ]),
    );
    expect(readQueue(store, 'u1').map((d) => d.input.id)).toEqual([ok.id]);
  });

  it('sends every draft and removes what the server now holds', async () => {
    const store = memoryStore();
    const a = draft();
    const b = draft({ mulai: '09:00', selesai: '10:00' });
    enqueue(store, 'u1', a, now);
    enqueue(store, 'u1', b, now);
    const send = vi.fn(async (_input: AktivitasInput) => ({}));
    expect(await flushQueue(store, 'u1', send)).toEqual({ terkirim: 2, ditolak: 0, terputus: false });
    expect(send.mock.calls.map(([input]) => input.id)).toEqual([a.id, b.id]);
    expect(readQueue(store, 'u1')).toEqual([]);
  });

  it('stops at a lost connection and keeps the rest for the next try, with the same ids', async () => {
    const store = memoryStore();
    const a = draft();
    const b = draft({ mulai: '09:00', selesai: '10:00' });
    enqueue(store, 'u1', a, now);
    enqueue(store, 'u1', b, now);
    const send = vi.fn().mockResolvedValueOnce({}).mockRejectedValueOnce(offline());
    expect(await flushQueue(store, 'u1', send)).toEqual({ terkirim: 1, ditolak: 0, terputus: true });
    expect(readQueue(store, 'u1').map((d) => d.input.id)).toEqual([b.id]);
    const again = vi.fn(async () => ({}));
    await flushQueue(store, 'u1', again);
    expect(again).toHaveBeenCalledWith(expect.objectContaining({ id: b.id }));
    expect(readQueue(store, 'u1')).toEqual([]);
  });

  it('a draft the server refuses by a rule is kept with its message and not sent again by itself', async () => {
    const store = memoryStore();
    const refused = draft();
    const fine = draft({ mulai: '09:00', selesai: '10:00' });
    enqueue(store, 'u1', refused, now);
    enqueue(store, 'u1', fine, now);
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(400, 'VALIDATION', 'Batas pengisian tanggal ini sudah lewat.'))
      .mockResolvedValueOnce({});
    expect(await flushQueue(store, 'u1', send)).toEqual({ terkirim: 1, ditolak: 1, terputus: false });
    const [kept] = readQueue(store, 'u1');
    expect(kept?.input.id).toBe(refused.id);
    expect(kept?.gagal).toBe('Batas pengisian tanggal ini sudah lewat.');
    const quiet = vi.fn(async () => ({}));
    await flushQueue(store, 'u1', quiet);
    expect(quiet).not.toHaveBeenCalled();
    await flushQueue(store, 'u1', quiet, { includeFailed: true });
    expect(quiet).toHaveBeenCalledTimes(1);
    expect(readQueue(store, 'u1')).toEqual([]);
  });

  it('a server fault or a signed-out session is not a refusal: the draft waits', async () => {
    const store = memoryStore();
    enqueue(store, 'u1', draft(), now);
    const send = vi.fn().mockRejectedValue(new ApiError(503, 'HTTP_ERROR', 'Server sibuk'));
    expect((await flushQueue(store, 'u1', send)).terputus).toBe(true);
    const expired = vi.fn().mockRejectedValue(new ApiError(401, 'UNAUTHENTICATED', 'Sesi berakhir'));
    expect((await flushQueue(store, 'u1', expired)).terputus).toBe(true);
    expect(readQueue(store, 'u1')[0]?.gagal).toBeNull();
  });

  it('two rounds started at once (online event and page open) send each draft once', async () => {
    const store = memoryStore();
    enqueue(store, 'u1', draft(), now);
    const send = vi.fn(async () => ({}));
    const [r1, r2] = await Promise.all([flushQueue(store, 'u1', send), flushQueue(store, 'u1', send)]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(r1).toBe(r2);
  });
});
