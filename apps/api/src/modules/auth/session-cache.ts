import type { Clock } from '../../lib/clock';
import type { Actor } from '../authz/authz';

/**
 * Who is behind a live session, kept for a few seconds so that a logged-in request does not cost
 * two database queries. Entries go at once when this instance revokes a session (events
 * `session.revoked`, `user.revoked`), and within milliseconds when any instance changes a user, a
 * session or a role (the `sip_auth` NOTIFY of migration 0006). While that notification channel is
 * down the cache is bypassed, so a change made elsewhere is never missed for longer than one request.
 */
export function createSessionCache({ ttlMs, clock }: { ttlMs: number; clock: Clock }) {
  // lastUsedAt travels with the actor: a user's request served from the cache still counts as activity.
  const bySession = new Map<string, { actor: Actor; lastUsedAt: Date; until: number }>();
  let enabled = ttlMs > 0;

  return {
    get(sessionId: string): { actor: Actor; lastUsedAt: Date } | undefined {
      if (!enabled) return undefined;
      const hit = bySession.get(sessionId);
      if (!hit) return undefined;
      if (hit.until <= clock.now().getTime()) {
        bySession.delete(sessionId);
        return undefined;
      }
      return { actor: hit.actor, lastUsedAt: hit.lastUsedAt };
    },
    set(actor: Actor, sessionExpiresAt: Date, lastUsedAt: Date) {
      if (!enabled) return;
      const until = Math.min(clock.now().getTime() + ttlMs, sessionExpiresAt.getTime());
      bySession.set(actor.sessionId, { actor, lastUsedAt, until });
    },
    /** The session's last_used_at was just written. */
    touched(sessionId: string, at: Date) {
      const hit = bySession.get(sessionId);
      if (hit) hit.lastUsedAt = at;
    },
    evictSession(sessionId: string) {
      bySession.delete(sessionId);
    },
    evictUser(userId: string) {
      for (const [sid, hit] of bySession) if (hit.actor.userId === userId) bySession.delete(sid);
    },
    /** Called with false while change notifications cannot be received. */
    setEnabled(on: boolean) {
      enabled = on && ttlMs > 0;
      if (!enabled) bySession.clear();
    },
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;
