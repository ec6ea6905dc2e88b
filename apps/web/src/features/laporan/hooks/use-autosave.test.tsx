import type { LaporanDetail, LaporanEntry } from '@sip/contracts';
import { defaultSettings, type Framework, type Indikator } from '@sip/scoring';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/http';
import { saveEntries } from '../api/save-entries';
import { useAutosave } from './use-autosave';

// The seam: the PATCH of the entries. Everything else (debounce, backup, statuses) is the hook's own.
vi.mock('../api/save-entries', () => ({ saveEntries: vi.fn() }));
const save = vi.mocked(saveEntries);

const indikator = (code: string): Indikator => ({
  code,
  name: `Indikator ${code}`,
  definition: '',
  satuan: '%',
  appliesTo: 'both',
  frequency: 'monthly',
  aggregation: 'average',
  weights: { kecamatan: 50, kelurahan: 50 },
  evidenceRequired: false,
  scoring: { type: 'percentage' },
});
const framework: Framework = {
  settings: defaultSettings(),
  bidang: [
    {
      code: 'B1',
      name: 'Bidang 1',
      weight: 100,
      order: 1,
      indikator: [indikator('B1.1'), indikator('B1.2')],
    },
  ],
};

const entry = (code: string, value: number | null, version = 1): LaporanEntry => ({
  indikatorCode: code,
  value,
  tidakBerlaku: false,
  tidakBerlakuReason: '',
  note: '',
  decision: null,
  correctedValue: null,
  decisionReason: null,
  reviewComment: null,
  reviewCommentBy: null,
  version,
  updatedAt: null,
});

let counter = 0;
function makeDetail(overrides: Partial<LaporanDetail> = {}): LaporanDetail {
  counter += 1;
  return {
    id: `laporan-${counter}`,
    periodeId: 'p2026',
    tahun: 2026,
    wilayahKode: '32.73.02.1004',
    wilayahNama: 'Dago',
    kecamatanKode: '32.73.02',
    kecamatanNama: 'Coblong',
    level: 'kelurahan',
    kind: 'bulanan',
    bulan: 4,
    status: 'draf',
    waitingFor: 'unit',
    dueAt: '2026-05-10T16:59:59.000Z',
    submittedAt: null,
    late: false,
    version: 1,
    pemdaNama: 'KOTA BANDUNG',
    penandatangan: [],
    periodeStatus: 'aktif',
    endorsementRequired: true,
    firstSubmittedAt: null,
    endorsedAt: null,
    verifiedAt: null,
    returnReason: null,
    reopenReason: null,
    exception: null,
    lockReason: null,
    lock: null,
    warning: null,
    lateDueAt: null,
    buktiMaxBytes: 10 * 1024 * 1024,
    permissions: {
      edit: true,
      submit: true,
      endorse: false,
      verify: false,
      kembalikan: false,
      reopen: false,
      grantException: false,
    },
    indikatorCodes: ['B1.1', 'B1.2'],
    sinceReturn: null,
    framework,
    entries: [entry('B1.1', 80), entry('B1.2', null, 0)],
    evidence: [],
    preview: {
      otherEntries: [],
      month: 4,
      decisionsApply: false,
      monthsDue: 4,
      annualDue: true,
      timeliness: null,
      ikm: null,
      kelurahanTotals: null,
    },
    ...overrides,
  };
}

function renderAutosave(detail: LaporanDetail) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(() => useAutosave(detail), { wrapper });
}

/** Moves the fake clock and lets the promises it releases settle. */
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

const saved = (codes: [string, number | null, number][]) => ({
  entries: codes.map(([code, value, version]) => entry(code, value, version)),
  savedAt: '2026-04-20T07:05:00.000Z',
});

beforeEach(() => {
  vi.useFakeTimers();
  window.localStorage.clear();
  save.mockReset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useAutosave', () => {
  it('saves what was typed once typing pauses, with the version it was typed on', async () => {
    save.mockResolvedValue(saved([['B1.1', 92, 2]]));
    const detail = makeDetail();
    const { result } = renderAutosave(detail);

    act(() => result.current.setDraft('B1.1', { value: 9 }));
    await wait(1000);
    act(() => result.current.setDraft('B1.1', { value: 92 }));
    expect(result.current.status).toBe('dirty');
    await wait(1100);
    expect(save).not.toHaveBeenCalled();

    await wait(200);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toMatchObject({
      id: detail.id,
      entries: [{ indikatorCode: 'B1.1', value: 92, version: 1 }],
    });
    expect(result.current.status).toBe('saved');
    expect(result.current.savedAt).toBe('2026-04-20T07:05:00.000Z');
  });

  it('keeps unsaved typing in this browser and restores it when the report opens again', async () => {
    const detail = makeDetail();
    const first = renderAutosave(detail);
    act(() => first.result.current.setDraft('B1.2', { value: 75, note: 'Rekap register' }));
    first.unmount();

    const again = renderAutosave(detail);

    expect(again.result.current.restored).toBe(true);
    expect(again.result.current.drafts['B1.2']).toMatchObject({ value: 75, note: 'Rekap register' });
    expect(again.result.current.status).toBe('dirty');
  });

  it('does not restore typing made on an older version of an entry', async () => {
    const detail = makeDetail();
    const first = renderAutosave(detail);
    act(() => first.result.current.setDraft('B1.1', { value: 55 }));
    first.unmount();

    // Someone else saved B1.1 meanwhile: the server's copy wins.
    const again = renderAutosave({ ...detail, entries: [entry('B1.1', 70, 2), entry('B1.2', null, 0)] });

    expect(again.result.current.restored).toBe(false);
    expect(again.result.current.drafts['B1.1']?.value).toBe(70);
  });

  it('says it is offline when the connection drops and saves again by itself', async () => {
    save
      .mockRejectedValueOnce(new ApiError(0, 'NETWORK', 'Tidak dapat terhubung ke server.'))
      .mockResolvedValueOnce(saved([['B1.1', 88, 2]]));
    const { result } = renderAutosave(makeDetail());

    act(() => result.current.setDraft('B1.1', { value: 88 }));
    await wait(1200);
    expect(result.current.status).toBe('offline');

    await wait(5000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(result.current.status).toBe('saved');
  });

  it('stops and says so when someone else changed the entry (STALE), even while typing goes on', async () => {
    save.mockRejectedValue(new ApiError(409, 'STALE', 'Data sudah diubah orang lain.'));
    const { result } = renderAutosave(makeDetail());

    act(() => result.current.setDraft('B1.1', { value: 90 }));
    await wait(1200);
    expect(result.current.status).toBe('stale');

    act(() => result.current.setDraft('B1.1', { value: 91 }));
    expect(result.current.status).toBe('stale');
    await wait(10_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(result.current.status).toBe('stale');
  });

  it('does not send a value the indicator cannot take, and names what is wrong', async () => {
    const { result } = renderAutosave(makeDetail());

    act(() => result.current.setDraft('B1.1', { value: 150 }));
    await wait(1200);

    expect(save).not.toHaveBeenCalled();
    expect(result.current.status).toBe('invalid');
    expect(result.current.fieldErrors['B1.1']).toBe(
      '150 terlalu besar. Nilai yang diterima: 0–100, boleh desimal.',
    );
  });

  it('flush saves at once and tells whether everything is on the server', async () => {
    save.mockResolvedValue(saved([['B1.2', 60, 1]]));
    const { result } = renderAutosave(makeDetail());

    act(() => result.current.setDraft('B1.2', { value: 60 }));
    let done = false;
    await act(async () => {
      done = await result.current.flush();
    });

    expect(done).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    expect(window.localStorage.length).toBe(0);
  });
});
