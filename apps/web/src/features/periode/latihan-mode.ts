import { type LatihanModeBody, latihanModeSchema } from '@sip/contracts';
import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { apiRequest } from '@/lib/api-client';
import { usePeriodeTahun } from './api/get-periode-tahun';

/** Mode latihan is a session cookie the API sets and reads on every request (links and downloads too). */
export function switchLatihanMode(body: LatihanModeBody) {
  return apiRequest('/periode/latihan/mode', { method: 'PUT', body, schema: latihanModeSchema });
}

/** Whether mode latihan is on (as the API answered) and can be, and the switch. */
export function useLatihanMode() {
  const years = usePeriodeTahun();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = hashKey(meQueryOptions().queryKey);
  const mutation = useMutation({
    mutationFn: switchLatihanMode,
    onSuccess: () => {
      // Every page's data belongs to the other mode now (the signed-in person stays).
      void queryClient.resetQueries({ predicate: (q) => hashKey(q.queryKey) !== me });
      void navigate(paths.home.getHref());
    },
  });
  return {
    on: years.data?.modeLatihan ?? false,
    available: years.data?.latihanTersedia ?? false,
    switching: mutation.isPending,
    error: mutation.error,
    switchTo: (aktif: boolean) => mutation.mutate({ aktif }),
  };
}
