import { verifikasiUnitSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { verifikasiKinerjaRootKey } from './get-antrean';
import { unitMonthPath, verifikasiUnitQueryOptions } from './get-verifikasi-unit';

export interface UnitMonth {
  unitKerjaId: string;
  tahun: number;
  bulan: number;
}

/** Starts the month's verification: every approved entry, or a random sample of `ukuranSampel`. */
export function mulaiVerifikasi({
  unit,
  body,
}: {
  unit: UnitMonth;
  body: { cara: 'semua' | 'sampel'; ukuranSampel?: number };
}) {
  return apiRequest(`${unitMonthPath(unit.unitKerjaId, unit.tahun, unit.bulan)}/mulai`, {
    method: 'POST',
    body,
    schema: verifikasiUnitSchema,
  });
}

export function useMulaiVerifikasi() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mulaiVerifikasi,
    onSuccess: (data, { unit }) => {
      queryClient.setQueryData(
        verifikasiUnitQueryOptions(unit.unitKerjaId, unit.tahun, unit.bulan).queryKey,
        data,
      );
      void queryClient.invalidateQueries({ queryKey: verifikasiKinerjaRootKey });
    },
  });
}
