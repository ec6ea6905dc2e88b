import {
  type DecisionBody,
  type ExceptionBody,
  type LaporanDetail,
  laporanDetailSchema,
  type ReturnBody,
} from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { laporanQueryKey } from './get-laporan';

const post = (id: string, action: string, body: unknown, method: 'POST' | 'PUT' = 'POST') =>
  apiRequest(`/laporan/${encodeURIComponent(id)}/${action}`, { method, body, schema: laporanDetailSchema });

export const submitLaporan = ({ id, version }: { id: string; version: number }) =>
  post(id, 'submit', { version });
export const endorseLaporan = ({ id, version, comment }: { id: string; version: number; comment?: string }) =>
  post(id, 'endorse', { version, comment: comment ?? '' });
export const returnLaporan = ({ id, body }: { id: string; body: ReturnBody }) => post(id, 'return', body);
export const decideEntry = ({ id, code, body }: { id: string; code: string; body: DecisionBody }) =>
  post(id, `entries/${encodeURIComponent(code)}/decision`, body, 'PUT');
export const approveLaporan = ({ id, version }: { id: string; version: number }) =>
  post(id, 'approve', { version });
export const reopenLaporan = ({ id, version, reason }: { id: string; version: number; reason: string }) =>
  post(id, 'reopen', { version, reason });
export const grantException = ({ id, body }: { id: string; body: ExceptionBody }) =>
  post(id, 'exception', body, 'PUT');

/** A transition of one report: the answer is the report's new state, put straight into the cache. */
export function useLaporanTransition<V>(fn: (vars: V) => Promise<LaporanDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(laporanQueryKey(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['laporan', 'timeline', detail.id] });
      void queryClient.invalidateQueries({ queryKey: ['laporan', 'unit', detail.wilayahKode] });
      void queryClient.invalidateQueries({ queryKey: ['verifikasi'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
