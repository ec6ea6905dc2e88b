import { jobStartedSchema } from '@sip/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';

/** Starts the export of every unit's rapor of a year as a background job; the answer is the job to follow. */
export function startRaporExport({ tahun, format }: { tahun: number; format: 'csv' | 'xlsx' }) {
  return apiRequest(`/rapor/${tahun}/export`, { method: 'POST', body: { format }, schema: jobStartedSchema });
}

export function useStartRaporExport() {
  return useMutation({ mutationFn: startRaporExport });
}
