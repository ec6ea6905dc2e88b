import { type PegawaiCreate, pegawaiCreatedSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';
import { useKepegawaianMutation } from './use-kepegawaian-mutation';

/** A new pegawai; with a new account its temporary password comes back once. */
export function createPegawai(body: PegawaiCreate) {
  return apiRequest('/kepegawaian/pegawai', { method: 'POST', body, schema: pegawaiCreatedSchema });
}

export const useCreatePegawai = () => useKepegawaianMutation(createPegawai);
