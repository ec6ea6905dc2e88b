import { z } from 'zod';
import type { JobResult } from '../jobs/jobs.files';
import type { JobDefinition } from '../jobs/jobs.runtime';
import type { PeriodeRepo } from '../periode/periode.repo';
import type { UsersRepo } from '../users/users.repo';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { Reminders } from './notifications.reminders';
import type { NotificationsRepo } from './notifications.repo';

/**
 * The reminder round (hourly, jobs.schedules.ts): for every pemda with a periode in use, every unit's
 * due and late reminders go to everyone who reports for the unit, whether or not they look today.
 * The dedupe keys are the ones the lazy path uses, so a reminder is made once per person and report
 * however often the round runs, and a round that is retried after a crash only adds what is missing.
 */
export function remindersRoundJob({
  periode,
  wilayah,
  reminders,
  users,
  repo,
}: {
  periode: Pick<PeriodeRepo, 'activeAll'>;
  wilayah: Pick<WilayahRepo, 'unitsOf'>;
  reminders: Reminders;
  users: Pick<UsersRepo, 'reportersOf'>;
  repo: Pick<NotificationsRepo, 'remind'>;
}): JobDefinition<Record<string, never>, JobResult> {
  return {
    name: 'notifications.reminders',
    data: z.object({}).strict(),
    attempts: 3,
    timeoutSeconds: 30 * 60,
    async run(ctx) {
      const pemdas = [...new Set((await periode.activeAll()).map((p) => p.pemdaKode))];
      const units = (
        await Promise.all(
          pemdas.map(async (pemda) => (await wilayah.unitsOf(pemda)).map((u) => ({ pemda, ...u }))),
        )
      ).flat();
      let made = 0;
      for (const [i, unit] of units.entries()) {
        const due = await reminders(unit.pemda, [unit.kode]);
        if (due.length > 0) {
          const people = await users.reportersOf(unit.kode);
          for (const r of due) {
            for (const person of people) if (await repo.remind({ userId: person.id, ...r })) made++;
          }
        }
        if (i % 20 === 19)
          await ctx.progress((100 * (i + 1)) / units.length, `Unit ${i + 1} dari ${units.length}`);
      }
      return { counts: { pemda: pemdas.length, unit: units.length, pengingat: made } };
    },
  };
}
