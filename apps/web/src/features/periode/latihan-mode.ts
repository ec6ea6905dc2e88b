import { type LatihanModeBody, latihanModeSchema } from '@sip/contracts';
import { hashKey, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { apiRequest } from '@/lib/api-client';
import { periodeRootKey } from './api/get-periodes';

/** Whether this session is in mode latihan, and whether the pemda has a practice periode. */
export const latihanModeQueryOptions = () =>
  queryOptions({
    queryKey: [...periodeRootKey, 'latihan', 'mode'],
    queryFn: ({ signal }) => apiRequest('/periode/latihan/mode', { schema: latihanModeSchema, signal }),
  });

/** Mode latihan is a session cookie the API sets and reads on every request (links and downloads too). */
export function switchLatihanMode(body: LatihanModeBody) {
  return apiRequest('/periode/latihan/mode', { method: 'PUT', body, schema: latihanModeSchema });
}

/** Whether mode latihan is on (as the API answered) and can be, and the switch. */
export function useLatihanMode() {
  const mode = useQuery(latihanModeQueryOptions());
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
    on: mode.data?.modeLatihan ?? false,
    available: mode.data?.tersedia ?? false,
    switching: mutation.isPending,
    error: mutation.error,
    switchTo: (aktif: boolean) => mutation.mutate({ aktif }),
  };
}
