import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const resultSchema = z.object({ berlakuSampai: z.string() });

/** Lets a member log a date past its deadline, until the returned instant. */
export function beriPengecualian(body: { pegawaiId: string; tanggal: string; alasan: string }) {
  return apiRequest('/persetujuan/pengecualian', { method: 'POST', body, schema: resultSchema });
}

export function useBeriPengecualian() {
  return useMutation({ mutationFn: beriPengecualian });
}
