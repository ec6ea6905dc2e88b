import { MantineProvider } from '@mantine/core';
import type { LaporanDetail, LaporanEntry } from '@sip/contracts';
import type { Indikator } from '@sip/scoring';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '@/lib/i18n/i18n';
import { apiRequest } from '@/lib/api-client';
import { DecisionControls } from './decision-controls';

// The seam: the HTTP request (the PUT of one decision).
vi.mock('@/lib/api-client', async (orig) => ({
  ...(await orig<typeof import('@/lib/api-client')>()),
  apiRequest: vi.fn(),
}));
const request = vi.mocked(apiRequest);

const ind: Indikator = {
  code: 'B1.3',
  name: 'Pengaduan ditindaklanjuti',
  definition: '',
  satuan: '%',
  appliesTo: 'both',
  frequency: 'monthly',
  aggregation: 'average',
  weights: { kecamatan: 50, kelurahan: 50 },
  evidenceRequired: false,
  scoring: { type: 'percentage' },
};
const entry = (over: Partial<LaporanEntry> = {}): LaporanEntry => ({
  indikatorCode: 'B1.3',
  value: 80,
  tidakBerlaku: false,
  tidakBerlakuReason: '',
  note: '',
  decision: null,
  correctedValue: null,
  decisionReason: null,
  reviewComment: null,
  reviewCommentBy: null,
  version: 3,
  updatedAt: null,
  ...over,
});

function show(e: LaporanEntry) {
  window.matchMedia ??= () =>
    ({ matches: false, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <DecisionControls laporanId="L1" ind={ind} entry={e} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(cleanup);

describe('DecisionControls', () => {
  it('shows an undecided entry with no choice made and nothing to save', () => {
    show(entry());
    expect(screen.getByText('Belum diputuskan.')).toBeTruthy();
    for (const name of ['Terima', 'Koreksi', 'Tolak'])
      expect((screen.getByRole('radio', { name }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('button', { name: 'Simpan keputusan' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('switching a rejection to an acceptance does not send the old reason', async () => {
    request.mockResolvedValue({ id: 'L1', wilayahKode: '32.73.02.1001' } as LaporanDetail);
    show(entry({ decision: 'ditolak', decisionReason: 'Tidak ada rekap' }));
    expect((screen.getByRole('radio', { name: 'Tolak' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox', { name: /Alasan/ }) as HTMLInputElement).value).toBe(
      'Tidak ada rekap',
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Terima' }));
    expect(screen.queryByRole('textbox', { name: /Alasan/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Simpan keputusan' }));
    await waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    expect(request.mock.calls[0]?.[0]).toBe('/laporan/L1/isian/B1.3/keputusan');
    expect(request.mock.calls[0]?.[1]).toMatchObject({ method: 'PUT' });
    expect(request.mock.calls[0]?.[1]?.body).toEqual({ version: 3, decision: 'diterima' });
  });

  it('a correction starts with an empty reason, not the rejection one', () => {
    show(entry({ decision: 'ditolak', decisionReason: 'Tidak ada rekap' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Koreksi' }));
    expect((screen.getByRole('textbox', { name: /Alasan/ }) as HTMLInputElement).value).toBe('');
  });
});
