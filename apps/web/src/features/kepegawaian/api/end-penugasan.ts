import { pegawaiDetailSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

export function endPenugasan({
  pegawaiId,
  spanId,
  selesai,
}: {
  pegawaiId: string;
  spanId: string;
  selesai: string;
}) {
  return apiRequest(
    `/kepegawaian/pegawai/${encodeURIComponent(pegawaiId)}/penugasan/${encodeURIComponent(spanId)}`,
    { method: 'PUT', body: { selesai }, schema: pegawaiDetailSchema },
  );
}

export const useEndPenugasan = () => useKepegawaianMutation(endPenugasan);
