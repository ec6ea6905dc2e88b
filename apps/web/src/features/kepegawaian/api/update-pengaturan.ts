import { pengaturanKinerjaSchema } from '@sip/contracts';
import type { KinerjaSettings } from '@sip/scoring';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function updatePengaturan({
  tahun,
  settings,
  version,
}: {
  tahun: number;
  settings: KinerjaSettings;
  version: number;
}) {
  return apiRequest(`/kepegawaian/pengaturan/${tahun}`, {
    method: 'PUT',
    body: { settings, version },
    schema: pengaturanKinerjaSchema,
  });
}

export const useUpdatePengaturan = () => useKepegawaianMutation(updatePengaturan);
