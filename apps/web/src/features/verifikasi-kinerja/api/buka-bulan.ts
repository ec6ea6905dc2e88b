import { verifikasiUnitSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { verifikasiKinerjaRootKey } from './get-antrean';
import { unitMonthPath } from './get-verifikasi-unit';
import type { UnitMonth } from './mulai-verifikasi';

/** Reopens a closed month (the personnel office only), with the reason kept in the audit log. */
export function bukaBulan({ unit, alasan }: { unit: UnitMonth; alasan: string }) {
  return apiRequest(`${unitMonthPath(unit.unitKerjaId, unit.tahun, unit.bulan)}/buka`, {
    method: 'POST',
    body: { alasan },
    schema: verifikasiUnitSchema,
  });
}

export function useBukaBulan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bukaBulan,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: verifikasiKinerjaRootKey }),
  });
}
