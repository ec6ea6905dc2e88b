import type { RankingRow } from '@sip/contracts';
import { AppError } from '../../lib/errors';
import { type Actor, can } from '../authz/authz';
import type { PeriodeHead } from '../periode/periode.service';

/**
 * Who sees which rapor (DESIGN.md "Yearly cycle"): before publication a unit sees its own rapor and
 * rank only, unless the periode opens the results; analysts, verifikator and admins see all in scope.
 */
const opened = (p: PeriodeHead) => p.status === 'diumumkan' || p.settings.resultsVisibleBeforePublication;

/** Every unit of the periode's pemda. */
export const seesAllRapor = (actor: Actor, p: PeriodeHead) =>
  can(actor, 'rapor:read-all', p.pemdaKode) || (opened(p) && actor.pemdaKode === p.pemdaKode);

export const maySeeRapor = (actor: Actor, p: PeriodeHead, kode: string) =>
  seesAllRapor(actor, p) || can(actor, 'rapor:read', kode);

/** The rows of a list the actor may see: all, or only the units in his own scope. */
export function visibleRows<T extends Pick<RankingRow, 'kode'>>(actor: Actor, p: PeriodeHead, rows: T[]) {
  const all = seesAllRapor(actor, p);
  return { all, rows: all ? rows : rows.filter((r) => can(actor, 'rapor:read', r.kode)) };
}

/** Analytics and exports of whole rankings: analysts, verifikator and admins only. */
export function assertReadAll(actor: Actor, p: PeriodeHead) {
  if (!can(actor, 'rapor:read-all', p.pemdaKode)) {
    throw new AppError(
      'FORBIDDEN',
      'Analitik dan ekspor peringkat hanya untuk analis, verifikator dan admin.',
    );
  }
}
