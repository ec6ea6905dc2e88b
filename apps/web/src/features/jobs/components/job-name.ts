import { type JobName, jobNames } from '@sip/contracts';
import type { TFunction } from 'i18next';
import { formatNumber } from '@/lib/format';
import type { id } from '@/lib/i18n/id';

/** A job's name in the UI language (a name this app version does not know stays as the API sent it). */
export function jobTitle(t: TFunction, name: string): string {
  return (jobNames as readonly string[]).includes(name) ? t(`jobs.names.${name as JobName}`) : name;
}

type JobCountKey = keyof (typeof id)['jobs']['counts'];

/** What a job did, worded: `{ baris: 1200 }` → "1.200 baris". */
export function jobCounts(t: TFunction, counts: Record<string, number> | null): string[] {
  if (!counts) return [];
  return Object.entries(counts).map(([key, n]) =>
    t('jobs.count', {
      n: formatNumber(n),
      what: t(`jobs.counts.${key as JobCountKey}`, { defaultValue: key }),
    }),
  );
}
