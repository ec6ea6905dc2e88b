import type { PublicationSummary } from '@sip/contracts';
import type { TFunction } from 'i18next';
import { formatNumber } from '@/lib/format';

/**
 * What a revision says about the SKM responses behind its IKM (issue 15): how many count, and how
 * that changed since the previous revision (quarantined responses are never among them).
 */
export function skmRevisionCount(
  r: Pick<PublicationSummary, 'skmResponses' | 'skmAdded'>,
  t: TFunction,
): { count: string; change: string | null } {
  if (r.skmResponses === null) return { count: t('rapor.publication.skmUnknown'), change: null };
  const count = t('rapor.publication.skmCount', { n: formatNumber(r.skmResponses) });
  if (r.skmAdded === null) return { count, change: null };
  const n = formatNumber(Math.abs(r.skmAdded));
  const change =
    r.skmAdded > 0
      ? t('rapor.publication.skmAdded', { n })
      : r.skmAdded < 0
        ? t('rapor.publication.skmRemoved', { n })
        : t('rapor.publication.skmUnchanged');
  return { count, change };
}
