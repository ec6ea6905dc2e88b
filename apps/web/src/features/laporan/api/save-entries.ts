import { type EntryInput, saveEntriesResponseSchema } from '@sip/contracts';
import { apiRequest } from '@/lib/api-client';

/** Saves changed entries; each carries the version it was read at (a stale one gets 409 STALE). */
export function saveEntries({
  id,
  entries,
  signal,
}: {
  id: string;
  entries: EntryInput[];
  signal?: AbortSignal;
}) {
  return apiRequest(`/laporan/${encodeURIComponent(id)}/isian`, {
    method: 'PATCH',
    body: { entries },
    schema: saveEntriesResponseSchema,
    ...(signal ? { signal } : {}),
  });
}
