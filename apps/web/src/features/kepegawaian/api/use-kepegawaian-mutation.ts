import { useMutation, useQueryClient } from '@tanstack/react-query';
import { kepegawaianRootKey } from './get-unit-kerja';

/** A personnel change: everything the office reads may show it (lists, the tree, holders, counts). */
export function useKepegawaianMutation<V, R>(mutationFn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: kepegawaianRootKey }),
  });
}
