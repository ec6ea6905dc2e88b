import { type Evidence, frequencyOfKind, type LaporanDetail } from '@sip/contracts';
import { reportedIndikator } from '@sip/scoring';
import type { DbOrTx } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { type Actor, assertCan, can, reportsFor } from '../authz/authz';
import type { LoadedPeriode, PeriodeService } from '../periode/periode.service';
import { entryDto, iso, type SummaryRow, summaryDto } from './laporan.dto';
import type { LaporanInputs } from './laporan.inputs';
import { toScoringEntries } from './laporan.inputs';
import type { LaporanRepo, LaporanRow } from './laporan.repo';
import { changedSince, type ReportSnapshot, snapshotOf } from './laporan.snapshot';
import {
  annualDueAt,
  countsOf,
  lateWarning,
  lockInputOf,
  lockMessage,
  lockOf,
  lockReason,
  waitingFor,
} from './laporan.state';

/** The evidence of a report, as the bukti dukung module keeps it (wired in app.ts). */
export interface EvidenceSource {
  listFor(laporanId: string, tx?: DbOrTx): Promise<Evidence[]>;
  countsFor(laporanId: string, tx?: DbOrTx): Promise<Map<string, number>>;
}

/** What the rapor of a unit takes from elsewhere (its IKM, a kecamatan's kelurahan totals), for the preview. */
export type RaporContextSource = (
  p: LoadedPeriode,
  kode: string,
) => Promise<{ ikm: number | null; kelurahanTotals: number[] | null }>;

export interface LaporanDetailDeps {
  repo: LaporanRepo;
  raporContext: RaporContextSource;
  periode: Pick<PeriodeService, 'getPeriode'>;
  inputs: Pick<LaporanInputs, 'timeliness'>;
  evidence: EvidenceSource;
  /** The report's returns, oldest first: who returned it (camat or verifikator), when, what it held. */
  returns: (laporanId: string) => Promise<{ at: Date; by: unknown; entries: unknown }[]>;
  /** MAX_UPLOAD_BYTES, told to the form so it refuses a bigger file before sending it. */
  maxUploadBytes: number;
  clock: Clock;
}

/** Reading one report: who may see it, its periode, and the detail the form shows. */
export function createLaporanDetail({
  repo,
  raporContext,
  periode,
  inputs,
  evidence,
  returns,
  maxUploadBytes,
  clock,
}: LaporanDetailDeps) {
  async function periodeOf(id: string, tx?: DbOrTx): Promise<LoadedPeriode> {
    const p = await periode.getPeriode(id, tx);
    if (!p) throw new AppError('NOT_FOUND', 'Periode tidak ditemukan.');
    return p;
  }

  /** A report the actor may see (404 otherwise), optionally locked for a transition. */
  async function loadVisible(actor: Actor, id: string, tx?: DbOrTx, forUpdate = false): Promise<LaporanRow> {
    const row = await repo.get(id, tx, { forUpdate });
    if (!row) throw new AppError('NOT_FOUND', 'Laporan tidak ditemukan.');
    assertCan(actor, 'laporan:read', row.wilayahKode, 'Laporan');
    return row;
  }

  async function detail(actor: Actor, row: LaporanRow): Promise<LaporanDetail> {
    const p = await periodeOf(row.periodeId);
    const signers = [
      { peran: 'pelapor' as const, id: row.submittedBy, at: row.submittedAt },
      { peran: 'camat' as const, id: row.endorsedBy, at: row.endorsedAt },
      { peran: 'verifikator' as const, id: row.verifiedBy, at: row.verifiedAt },
    ].filter((s): s is { peran: typeof s.peran; id: string; at: Date } => Boolean(s.id && s.at));
    const [summary, entries, files, unitRows, timeliness, context, people, pemdaNama] = await Promise.all([
      repo.summaryOf(row.id),
      repo.entries(row.id),
      evidence.listFor(row.id),
      repo.unitEntries(row.periodeId, [row.wilayahKode]),
      inputs.timeliness(p, [row.wilayahKode]),
      raporContext(p, row.wilayahKode),
      repo.people(signers.map((s) => s.id)),
      repo.wilayahNama(p.pemdaKode),
    ]);
    if (!summary) throw new AppError('NOT_FOUND', 'Laporan tidak ditemukan.');
    const mayEdit = can(actor, 'laporan:edit', row.wilayahKode);
    const lockInput = lockInputOf(row, p, clock.now(), mayEdit);
    const lockData = lockOf(lockInput);
    const lock = lockData && lockMessage(lockData, p.zona);
    const late = lock ? null : lateWarning(lockInput);
    const waiting = waitingFor(row.status, row.endorsementRequired);
    const own = reportsFor(actor, row.wilayahKode);
    const indikatorCodes = reportedIndikator(p.framework, row.level, frequencyOfKind[row.kind]).map(
      (i) => i.code,
    );
    const reviewer =
      (waiting === 'camat' && can(actor, 'laporan:endorse', row.wilayahKode)) ||
      (waiting === 'verifikator' && can(actor, 'laporan:verify', row.wilayahKode));
    // The last return by the reviewer the report now waits for (rows written before snapshots were
    // kept have none: no marker then).
    const lastReturn =
      reviewer && !own
        ? (await returns(row.id))
            .filter((r) => r.by === waiting && r.entries && typeof r.entries === 'object')
            .at(-1)
        : undefined;
    const periodeAktif = p.status === 'aktif';
    // A report submitted before the periode closed can still be reviewed and approved after the
    // close or the publication (a revision then counts it); it is no longer returned to the unit.
    const reviewable = periodeAktif || p.status === 'ditutup' || p.status === 'diumumkan';
    const byId = new Map(people.map((u) => [u.id, u]));
    const jabatan = {
      pelapor: `${row.level === 'kelurahan' ? 'Lurah' : 'Camat'} ${summary.wilayahNama}`,
      camat: `Camat ${summary.kecamatanNama}`,
      verifikator: 'Verifikator',
    };
    return {
      ...summaryDto(summary as SummaryRow),
      pemdaNama: pemdaNama ?? p.pemdaKode,
      penandatangan: signers.flatMap((s) => {
        const u = byId.get(s.id);
        return u
          ? [{ peran: s.peran, jabatan: jabatan[s.peran], nama: u.nama, nip: u.nip, at: s.at.toISOString() }]
          : [];
      }),
      periodeStatus: p.status,
      endorsementRequired: row.endorsementRequired,
      firstSubmittedAt: iso(row.firstSubmittedAt),
      endorsedAt: iso(row.endorsedAt),
      verifiedAt: iso(row.verifiedAt),
      returnReason: row.returnReason,
      reopenReason: row.reopenReason,
      exception:
        row.exceptionUntil && row.exceptionReason
          ? { until: row.exceptionUntil.toISOString(), reason: row.exceptionReason, by: row.exceptionBy }
          : null,
      lockReason: lock,
      lock: lockData,
      warning: late,
      lateDueAt: late ? row.dueAt.toISOString() : null,
      buktiMaxBytes: maxUploadBytes,
      permissions: {
        edit: lock === null && mayEdit,
        submit: lock === null && can(actor, 'laporan:submit', row.wilayahKode),
        endorse: reviewable && waiting === 'camat' && !own && can(actor, 'laporan:endorse', row.wilayahKode),
        verify:
          reviewable &&
          waiting === 'verifikator' &&
          !own &&
          row.endorsedBy !== actor.userId &&
          can(actor, 'laporan:verify', row.wilayahKode),
        // Returned to the unit only while it can still change the report.
        kembalikan:
          periodeAktif &&
          !own &&
          ((waiting === 'camat' && can(actor, 'laporan:endorse', row.wilayahKode)) ||
            (waiting === 'verifikator' &&
              row.endorsedBy !== actor.userId &&
              can(actor, 'laporan:verify', row.wilayahKode))),
        reopen:
          periodeAktif && row.status === 'diverifikasi' && can(actor, 'laporan:manage', row.wilayahKode),
        grantException: periodeAktif && can(actor, 'laporan:manage', row.wilayahKode),
      },
      indikatorCodes,
      sinceReturn: lastReturn
        ? {
            returnedAt: lastReturn.at.toISOString(),
            changed: changedSince(
              indikatorCodes,
              lastReturn.entries as ReportSnapshot,
              snapshotOf(entries, files),
            ),
          }
        : null,
      framework: p.framework,
      entries: entries.map(entryDto),
      evidence: files,
      preview: {
        otherEntries: toScoringEntries(unitRows, row.id),
        month: row.kind === 'bulanan' ? row.bulan : null,
        // docs/scoring.md §10: under review and once verified the reviewer's decisions count.
        decisionsApply: waiting !== 'unit',
        monthsDue: row.kind === 'bulanan' ? (row.bulan ?? 12) : 12,
        // The annual report itself is previewed as counted; a monthly one as the rapor counts it now.
        annualDue: row.kind === 'bulanan' ? annualDueAt(p, clock.now()) : true,
        timeliness: countsOf(timeliness.get(row.wilayahKode)),
        ikm: context.ikm,
        kelurahanTotals: row.level === 'kecamatan' ? (context.kelurahanTotals ?? []) : null,
      },
    };
  }

  return {
    periodeOf,
    loadVisible,
    detail,
    /** Evidence files per indicator of a report (submission needs them where required). */
    evidenceCounts: (laporanId: string, tx?: DbOrTx) => evidence.countsFor(laporanId, tx),
    evidenceOf: (laporanId: string, tx?: DbOrTx) => evidence.listFor(laporanId, tx),

    /**
     * A report the actor may fill now, with its periode: 404 when he may not see it, 403 when he may
     * not fill it, 409 with the reason when it is locked (submitted, verified, periode closed …).
     */
    async editable(
      actor: Actor,
      id: string,
      tx?: DbOrTx,
    ): Promise<{ row: LaporanRow; periode: LoadedPeriode }> {
      const row = await loadVisible(actor, id, tx);
      assertCan(actor, 'laporan:edit', row.wilayahKode, 'Laporan');
      const p = await periodeOf(row.periodeId, tx);
      const lock = lockReason(lockInputOf(row, p, clock.now(), true));
      if (lock) throw new AppError('CONFLICT', lock);
      return { row, periode: p };
    },
  };
}
export type LaporanDetailReader = ReturnType<typeof createLaporanDetail>;
