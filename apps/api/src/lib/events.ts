/**
 * Domain events: services emit them after their transaction committed; caches and notifications
 * subscribe in app.ts. In-process only — other instances learn of the same changes from PostgreSQL
 * (LISTEN/NOTIFY, migrations 0006 and 0007).
 */
export interface EventMap {
  /** A report's state, submission time or verified data changed (submit, approve, reopen, …). */
  'laporan.changed': { periodeId: string; wilayahKode: string };
  /** A citizen's SKM response was counted, or one was voided. */
  'skm.responded': { wilayahKode: string };
  'skm.voided': { wilayahKode: string };
  /** A periode was created, or its framework, settings or state changed. */
  'periode.changed': { periodeId: string };
  /** The pemda's time zone changed: every periode head (which carries it) is read again. */
  'pemda.zona_changed': { pemdaKode: string };
  /** A periode's results were published (revision 1) or revised. */
  'rapor.published': { periodeId: string; revision: number };
  /** One session ended (logout, a stolen refresh token). */
  'session.revoked': { sessionId: string };
  /** Every session of a user ended, or his roles or state changed (password, deactivation). */
  'user.revoked': { userId: string };
}
export type EventName = keyof EventMap;
type Handler<K extends EventName> = (payload: EventMap[K]) => void;

export function createEvents({ onError }: { onError: (err: unknown, name: EventName) => void }) {
  const handlers = new Map<EventName, Set<Handler<never>>>();
  return {
    on<K extends EventName>(name: K, handler: Handler<K>): () => void {
      let set = handlers.get(name);
      if (!set) {
        set = new Set();
        handlers.set(name, set);
      }
      set.add(handler as Handler<never>);
      return () => set.delete(handler as Handler<never>);
    },
    /** Runs every subscriber now; a failing subscriber is reported, never fails the change that happened. */
    emit<K extends EventName>(name: K, payload: EventMap[K]): void {
      for (const handler of handlers.get(name) ?? []) {
        try {
          (handler as Handler<K>)(payload);
        } catch (err) {
          onError(err, name);
        }
      }
    },
  };
}
export type Events = ReturnType<typeof createEvents>;
