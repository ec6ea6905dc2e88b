import type { NotificationKind, NotificationList, NotificationParams } from '@sip/contracts';
import type { DbOrTx } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { type Actor, reportingUnits } from '../authz/authz';
import type { UsersRepo } from '../users/users.repo';
import type { Reminders } from './notifications.reminders';
import type { NotificationsRepo } from './notifications.repo';

export interface NotificationsServiceDeps {
  repo: NotificationsRepo;
  users: Pick<UsersRepo, 'reportersOf' | 'reviewersOf'>;
  reminders: Reminders;
  clock: Clock;
}

/**
 * In-app notifications. Transitions write theirs in their own transaction; due and late reminders
 * are made when the person next looks (once per report), so no scheduler is needed.
 */
export function createNotificationsService({ repo, users, reminders, clock }: NotificationsServiceDeps) {
  async function remind(actor: Actor) {
    const units = reportingUnits(actor);
    if (units.length === 0) return;
    for (const r of await reminders(actor.pemdaKode, units))
      await repo.remind({ userId: actor.userId, ...r });
  }

  return {
    /** Everyone who reports for the unit hears what happened to its report (in the transition's transaction). */
    async notifyUnit(
      n: {
        kode: string;
        kind: NotificationKind;
        laporanId: string;
        message: string;
        params: NotificationParams;
      },
      tx: DbOrTx,
    ) {
      const recipients = await users.reportersOf(n.kode, tx);
      await repo.notifyAll(
        recipients,
        { kind: n.kind, laporanId: n.laporanId, message: n.message, params: n.params },
        tx,
      );
    },

    /** The reviewers a report now waits for (its camat, or the verifikator) hear that it does. */
    async notifyReviewers(
      n: {
        kode: string;
        reviewer: 'camat' | 'verifikator';
        laporanId: string;
        message: string;
        params: NotificationParams;
        except?: string;
      },
      tx: DbOrTx,
    ) {
      const recipients = (await users.reviewersOf(n.kode, n.reviewer, tx)).filter((u) => u.id !== n.except);
      await repo.notifyAll(
        recipients,
        {
          kind: 'menunggu_kajian',
          laporanId: n.laporanId,
          message: n.message,
          params: { ...n.params, reviewer: n.reviewer },
        },
        tx,
      );
    },

    async list(actor: Actor): Promise<NotificationList> {
      await remind(actor);
      const [rows, unread] = await Promise.all([repo.list(actor.userId, 50), repo.unread(actor.userId)]);
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          laporanId: n.laporanId,
          message: n.message,
          params: n.params ?? null,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
        unread,
      };
    },
    async unread(actor: Actor) {
      await remind(actor);
      return { unread: await repo.unread(actor.userId) };
    },
    async markRead(actor: Actor, id: string | null) {
      const marked = await repo.markRead(actor.userId, id, clock.now());
      // Someone else's notification (or none): 404, never a silent 200 (DESIGN.md: out of scope -> 404).
      if (id && marked === 0) throw new AppError('NOT_FOUND', 'Notifikasi tidak ditemukan.');
      return { unread: await repo.unread(actor.userId) };
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
