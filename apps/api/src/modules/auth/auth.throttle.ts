import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuthRepo, ThrottleKind } from './auth.repo';

const MAX_LOCK_MINUTES = 24 * 60;

/**
 * How long an address waits after its `failures`-th wrong password for one subject: nothing before
 * the threshold, then `minutes`, doubling with every further failure, at most a day. Progressive and
 * bound to the address, so guessing gets slow while nobody can lock a person out from elsewhere.
 */
export function lockMinutes(failures: number, threshold: number, minutes: number): number | null {
  if (failures < threshold) return null;
  return Math.min(MAX_LOCK_MINUTES, minutes * 2 ** (failures - threshold));
}

export interface ThrottleDeps {
  repo: Pick<AuthRepo, 'throttle' | 'addFailure' | 'lockThrottle' | 'clearThrottle'>;
  clock: Clock;
  settings: { lockoutThreshold: number; lockoutMinutes: number };
}

/** Failed password attempts per (kind, subject, address): login by username, password change by user. */
export function createThrottle({ repo, clock, settings }: ThrottleDeps) {
  return {
    /** 423 while this address waits for this subject (the same answer whether the account exists or not). */
    async assertOpen(kind: ThrottleKind, subject: string, ip: string) {
      const row = await repo.throttle(kind, subject, ip);
      const now = clock.now();
      if (!row?.lockedUntil || row.lockedUntil <= now) return;
      const minutes = Math.max(1, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60_000));
      throw new AppError(
        'ACCOUNT_LOCKED',
        `Terlalu banyak percobaan kata sandi yang salah dari perangkat ini. Coba lagi dalam ${minutes} menit, atau hubungi admin pemda Anda.`,
        { retryAfterMinutes: minutes },
      );
    },

    /** Counts a wrong password; returns how many in a row and whether the address now waits. */
    async failed(kind: ThrottleKind, subject: string, ip: string) {
      const now = clock.now();
      const failures = await repo.addFailure(kind, subject, ip, now);
      const wait = lockMinutes(failures, settings.lockoutThreshold, settings.lockoutMinutes);
      if (wait !== null) await repo.lockThrottle(kind, subject, ip, new Date(now.getTime() + wait * 60_000));
      return { failures, locked: wait !== null };
    },

    /** A right password clears the count of this address. */
    async succeeded(kind: ThrottleKind, subject: string, ip: string) {
      await repo.clearThrottle(kind, subject, ip);
    },
  };
}
export type Throttle = ReturnType<typeof createThrottle>;
