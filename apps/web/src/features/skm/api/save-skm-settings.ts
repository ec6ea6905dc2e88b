import { skmSettingsSchema } from '@sip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { skmSettingsQueryOptions } from './get-skm-settings';

/** Turns a unit's kode layanan mode on or off for a year (admin; audited). */
export function saveSkmSettings({
  kode,
  tahun,
  kodeLayananWajib,
}: {
  kode: string;
  tahun: number;
  kodeLayananWajib: boolean;
}) {
  return apiRequest(`/skm/${encodeURIComponent(kode)}/pengaturan`, {
    method: 'PUT',
    body: { tahun, kodeLayananWajib },
    schema: skmSettingsSchema,
  });
}

export function useSaveSkmSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSkmSettings,
    onSuccess: (data) => {
      queryClient.setQueryData(skmSettingsQueryOptions(data.kode, data.tahun).queryKey, data);
    },
  });
}
