import { verifikasiUnitSchema } from '@sip/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { verifikasiKinerjaRootKey } from './get-antrean';

export const unitMonthPath = (unitKerjaId: string, tahun: number, bulan: number) =>
  `/verifikasi-kinerja/${encodeURIComponent(unitKerjaId)}/${tahun}/${bulan}`;

export function getVerifikasiUnit(unitKerjaId: string, tahun: number, bulan: number, signal?: AbortSignal) {
  return apiRequest(unitMonthPath(unitKerjaId, tahun, bulan), {
    schema: verifikasiUnitSchema,
    ...(signal ? { signal } : {}),
  });
}

export const verifikasiUnitQueryOptions = (unitKerjaId: string, tahun: number, bulan: number) =>
  queryOptions({
    queryKey: [...verifikasiKinerjaRootKey, 'unit', unitKerjaId, tahun, bulan],
    queryFn: ({ signal }) => getVerifikasiUnit(unitKerjaId, tahun, bulan, signal),
  });

export function useVerifikasiUnit(unitKerjaId: string, tahun: number, bulan: number) {
  return useQuery(verifikasiUnitQueryOptions(unitKerjaId, tahun, bulan));
}
