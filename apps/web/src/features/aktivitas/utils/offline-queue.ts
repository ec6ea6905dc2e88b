import { type AktivitasInput, aktivitasInputSchema } from '@sip/contracts';
import { z } from 'zod';
import { isApiError } from '@/lib/http';

/*
 * Drafts of the daily log that could not reach the server (DESIGN.md "Kinerja pegawai", step 2: it
 * works offline too). Kept in the browser's storage per signed-in user, each with the id the device
 * gave it, and sent again when the connection returns: the API stores an id once, so a draft that did
 * arrive before its answer was lost is not doubled.
 */

/** The part of `localStorage` the queue uses (a fake in tests). */
export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Draft {
  input: AktivitasInput;
  /** When it was kept on the device (ISO instant). */
  disimpan: string;
  /** Why the server refused it (a rule, not the connection): shown, and the person decides. */
  gagal: string | null;
}

const draftSchema = z.object({
  input: aktivitasInputSchema,
  disimpan: z.string(),
  gagal: z.string().nullable().default(null),
});

export const queueKey = (userId: string) => `sip.aktivitas.antrean.${userId}`;

/** The user's drafts, in order of date and start time; anything unreadable is left out. */
export function readQueue(store: DraftStore, userId: string): Draft[] {
  let raw: unknown;
  try {
    raw = JSON.parse(store.getItem(queueKey(userId)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const drafts: Draft[] = [];
  for (const item of raw) {
    const parsed = draftSchema.safeParse(item);
    if (parsed.success) drafts.push(parsed.data);
  }
  return drafts.sort(
    (a, b) => a.input.tanggal.localeCompare(b.input.tanggal) || a.input.mulai.localeCompare(b.input.mulai),
  );
}

function write(store: DraftStore, userId: string, drafts: Draft[]): Draft[] {
  if (drafts.length === 0) store.removeItem(queueKey(userId));
  else store.setItem(queueKey(userId), JSON.stringify(drafts));
  return drafts;
}

/** Keeps a draft (a draft with the same id is replaced). */
export function enqueue(store: DraftStore, userId: string, input: AktivitasInput, now: Date): Draft[] {
  const rest = readQueue(store, userId).filter((d) => d.input.id !== input.id);
  return write(store, userId, [...rest, { input, disimpan: now.toISOString(), gagal: null }]);
}

export function dequeue(store: DraftStore, userId: string, id: string): Draft[] {
  return write(
    store,
    userId,
    readQueue(store, userId).filter((d) => d.input.id !== id),
  );
}

function markFailed(store: DraftStore, userId: string, id: string, message: string): void {
  write(
    store,
    userId,
    readQueue(store, userId).map((d) => (d.input.id === id ? { ...d, gagal: message } : d)),
  );
}

export interface FlushResult {
  /** Drafts the server now holds (removed from the device). */
  terkirim: number;
  /** Drafts the server refused by a rule (kept, marked with its message). */
  ditolak: number;
  /** The connection failed (or the server had a fault): the rest waits for the next try. */
  terputus: boolean;
}

/** Answers that say "not now" rather than "never": signed out (401), too many requests (429), timeout (408). */
const transient = new Set([401, 408, 429]);

const running = new Map<string, Promise<FlushResult>>();

/**
 * Sends the drafts one by one, oldest first. Sent: removed. Refused with a 4xx (the day closed, an
 * overlap): kept with the message, the next draft is tried. No answer or a 5xx: stop, all stay.
 * A draft already refused is tried again only when `includeFailed` (the person asked).
 * Two calls for one user at once share one round (the `online` event and the page opening).
 */
export function flushQueue(
  store: DraftStore,
  userId: string,
  send: (input: AktivitasInput) => Promise<unknown>,
  { includeFailed = false }: { includeFailed?: boolean } = {},
): Promise<FlushResult> {
  const current = running.get(userId);
  if (current) return current;
  const round = (async () => {
    const result: FlushResult = { terkirim: 0, ditolak: 0, terputus: false };
    for (const draft of readQueue(store, userId)) {
      if (draft.gagal && !includeFailed) continue;
      try {
        await send(draft.input);
        dequeue(store, userId, draft.input.id);
        result.terkirim++;
      } catch (error) {
        if (isApiError(error) && error.status >= 400 && error.status < 500 && !transient.has(error.status)) {
          markFailed(store, userId, draft.input.id, error.message);
          result.ditolak++;
          continue;
        }
        result.terputus = true;
        break;
      }
    }
    return result;
  })().finally(() => running.delete(userId));
  running.set(userId, round);
  return round;
}
