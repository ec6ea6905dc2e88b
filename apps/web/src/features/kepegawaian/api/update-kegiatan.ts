import { type KegiatanInput, savedSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function updateKegiatan({
  jabatanId,
  kegiatanId,
  body,
}: {
  jabatanId: string;
  kegiatanId: string;
  body: KegiatanInput;
}) {
  return apiRequest(
    `/kepegawaian/jabatan/${encodeURIComponent(jabatanId)}/kegiatan/${encodeURIComponent(kegiatanId)}`,
    { method: 'PUT', body, schema: savedSchema },
  );
}

export const useUpdateKegiatan = () => useKepegawaianMutation(updateKegiatan);
