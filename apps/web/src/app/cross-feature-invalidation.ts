import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { tugasQueryOptions } from '@/features/beranda/api/get-tugas';
import { laporanTransitionMutationKey } from '@/features/laporan/api/use-laporan-mutation';
import { notificationsQueryOptions } from '@/features/notifications/api/get-notifications';
import { unreadCountQueryOptions } from '@/features/notifications/api/get-unread-count';
import { periodeTahunQueryOptions } from '@/features/periode/api/get-periode-tahun';
import { periodeRootKey } from '@/features/periode/api/get-periodes';
import { publishMutationKey } from '@/features/rapor/api/publish';
import { queueCountsQueryOptions } from '@/features/verifikasi/api/get-counts';
import { queueQueryKey } from '@/features/verifikasi/api/get-queue';

/**
 * What a mutation of one feature makes stale in another. Features never import each other, so the
 * app says it here, by the mutation keys and query keys their owners export.
 */
const staleAfter: [mutationKey: QueryKey, stale: QueryKey[]][] = [
  // A report moved: the review queue, its counts, the notifications the move sent, the home page's
  // to-do list and the open work per year.
  [
    laporanTransitionMutationKey,
    [
      queueQueryKey,
      tugasQueryOptions().queryKey,
      periodeTahunQueryOptions().queryKey,
      queueCountsQueryOptions().queryKey,
      notificationsQueryOptions().queryKey,
      unreadCountQueryOptions().queryKey,
    ],
  ],
  // Publishing the results sets the periode to diumumkan.
  [publishMutationKey, [periodeRootKey]],
];

export function invalidateOtherFeatures(queryClient: QueryClient, mutationKey: QueryKey | undefined) {
  if (!mutationKey) return;
  const hash = hashKey(mutationKey);
  for (const [key, stale] of staleAfter) {
    if (hashKey(key) !== hash) continue;
    for (const queryKey of stale) void queryClient.invalidateQueries({ queryKey });
  }
}
