import {
  type acceptUndecidedBodySchema,
  type decisionBodySchema,
  type ExceptionBody,
  frequencyOfKind,
  type LaporanDetail,
  type NotificationKind,
  type NotificationParams,
  type returnBodySchema,
} from '@sip/contracts';
import { checkEntryValue, type Framework, missingForSubmit, reportedIndikator } from '@sip/scoring';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import type { AuditEvent, AuditRepo } from '../audit/audit.repo';
import { type Action, type Actor, assertCan, reportsFor } from '../authz/authz';
import type { LoadedPeriode } from '../periode/periode.service';
import type { LaporanDetailReader } from './laporan.detail';
import type { LaporanChanges, LaporanRepo, LaporanRow } from './laporan.repo';
import { STALE_MESSAGE } from './laporan.service';
import { type ReportSnapshot, snapshotOf } from './laporan.snapshot';
import {
  editableStatuses,
  laporanLabel,
  lockInputOf,
  lockReason,
  nextStatus,
  type Reviewer,
  type Transition,
  TransitionError,
  waitingFor,
} from './laporan.state';

/** Tells the people who report for a unit (lurah or camat, operator) what happened to their report. */
export interface UnitNotifier {
  notifyUnit(
    n: {
      kode: string;
      kind: NotificationKind;
      laporanId: string;
      message: string;
      params: NotificationParams;
    },
    tx: DbOrTx,
  ): Promise<void>;
  /** Tells the reviewers a report now waits for (its camat, or the verifikators) that it does. */
  notifyReviewers(
    n: {
      kode: string;
      reviewer: Reviewer;
      laporanId: string;
      message: string;
      params: NotificationParams;
      except?: string;
    },
    tx: DbOrTx,
  ): Promise<void>;
}

export interface LaporanReviewServiceDeps {
  db: Db;
  repo: LaporanRepo;
  reader: LaporanDetailReader;
  wilayah: { get(kode: string, tx?: DbOrTx): Promise<{ nama: string } | undefined> };
  audit: AuditRepo;
  notifier: UnitNotifier;
  events: Pick<Events, 'emit'>;
  clock: Clock;
}

const indikatorOf = (framework: Framework, level: LaporanRow['level'], kind: LaporanRow['kind']) =>
  reportedIndikator(framework, level, frequencyOfKind[kind]);

interface TransitionContext {
  row: LaporanRow;
  periode: LoadedPeriode;
  now: Date;
  tx: DbOrTx;
}

/** One transition of a report: who may, what it changes, what the audit log and the unit are told. */
interface TransitionSpec {
  /** The authorization action the actor needs on the report's unit. */
  permission: (row: LaporanRow) => Action;
  /** A review step: the reviewer must not report for the unit, nor verify what he endorsed. */
  reviewer?: (row: LaporanRow) => Reviewer;
  /** The state machine step; none for changes that keep the state (a late-entry exception). */
  step?: (row: LaporanRow) => { transition: Transition; by?: Reviewer };
  /** Further rules, checked with the report locked. */
  check?: (c: TransitionContext) => void | Promise<void>;
  changes: (c: TransitionContext & { to: LaporanRow['status'] }) => LaporanChanges;
  /** Writes of the same transaction besides the report row (comments …). */
  also?: (c: TransitionContext) => Promise<void>;
  audit: (
    c: TransitionContext & { to: LaporanRow['status']; updated: LaporanRow },
  ) => Pick<AuditEvent, 'action' | 'before' | 'after' | 'reason'>;
  notify?: {
    kind: NotificationKind;
    message: (label: string) => string;
    /** What the message says besides the report (who returned it and why), read when sending. */
    params?: () => Pick<NotificationParams, 'by' | 'reason'>;
  };
}

/**
 * The review of a report (DESIGN.md "Yearly cycle" step 3, docs/laporan.md): submit, endorse, return,
 * decide an entry, approve, reopen, grant a late-entry exception. Every transition runs through
 * `runTransition`: lock the report, check who and what, write, audit and notify in one transaction,
 * then announce `laporan.changed`.
 */
export function createLaporanReviewService({
  db,
  repo,
  reader,
  wilayah,
  audit,
  notifier,
  events,
  clock,
}: LaporanReviewServiceDeps) {
  /**
   * Separation of duties: nobody reviews a report of a unit he reports for, and whoever endorsed a
   * report (as camat) never verifies it.
   */
  function assertMayReview(actor: Actor, row: LaporanRow, as: Reviewer) {
    if (reportsFor(actor, row.wilayahKode)) {
      throw new AppError(
        'FORBIDDEN',
        'Anda tidak dapat mengkaji laporan unit yang Anda laporkan sendiri; laporan ini dikaji pejabat lain.',
      );
    }
    if (as === 'verifikator' && row.endorsedBy === actor.userId) {
      throw new AppError(
        'FORBIDDEN',
        'Anda sudah mengesahkan laporan ini sebagai camat; verifikasinya dilakukan verifikator lain.',
      );
    }
  }

  function step(row: LaporanRow, transition: Transition, by?: Reviewer) {
    try {
      return nextStatus(row.status, transition, {
        endorsementRequired: row.endorsementRequired,
        ...(by ? { by } : {}),
      });
    } catch (err) {
      if (err instanceof TransitionError) throw new AppError('CONFLICT', err.message);
      throw err;
    }
  }

  /** How a notification names the report ("Laporan bulanan Maret 2026 Dago"), and the same as data. */
  async function subject(row: LaporanRow, p: LoadedPeriode, tx: DbOrTx) {
    const unit = (await wilayah.get(row.wilayahKode, tx))?.nama ?? row.wilayahKode;
    const params: NotificationParams = {
      laporan: { kind: row.kind, bulan: row.bulan, tahun: p.tahun, unit },
      ...(p.latihan ? { latihan: true } : {}),
    };
    return { label: `${laporanLabel(row.kind, row.bulan, p.tahun)} ${unit}`, params };
  }

  /** A notification about a practice report says so (mode latihan: it never counts). */
  const inPractice = (p: { latihan: boolean }, message: string) =>
    p.latihan ? `[Latihan] ${message}` : message;

  async function runTransition(
    actor: Actor,
    id: string,
    version: number,
    ip: string | null,
    spec: TransitionSpec,
  ): Promise<LaporanDetail> {
    const changed = await db.transaction(async (tx) => {
      const row = await reader.loadVisible(actor, id, tx, true);
      assertCan(actor, spec.permission(row), row.wilayahKode, 'Laporan');
      if (spec.reviewer) assertMayReview(actor, row, spec.reviewer(row));
      if (row.version !== version) throw new AppError('STALE', STALE_MESSAGE);
      const move = spec.step?.(row);
      const to = move ? step(row, move.transition, move.by) : row.status;
      const c: TransitionContext = {
        row,
        periode: await reader.periodeOf(row.periodeId, tx),
        now: clock.now(),
        tx,
      };
      await spec.check?.(c);
      const updated = await repo.update(id, version, spec.changes({ ...c, to }), c.now, tx);
      if (!updated) throw new AppError('STALE', STALE_MESSAGE);
      await spec.also?.(c);
      await audit.record(
        actor,
        { entity: 'laporan', entityId: id, ip, ...spec.audit({ ...c, to, updated }) },
        tx,
      );
      const about = await subject(row, c.periode, tx);
      if (spec.notify) {
        await notifier.notifyUnit(
          {
            kode: row.wilayahKode,
            kind: spec.notify.kind,
            laporanId: id,
            message: inPractice(c.periode, spec.notify.message(about.label)),
            params: { ...about.params, ...spec.notify.params?.() },
          },
          tx,
        );
      }
      // Whoever the report now waits for hears of it (not the one who acted).
      const next = waitingFor(updated.status, updated.endorsementRequired);
      if (updated.status !== row.status && (next === 'camat' || next === 'verifikator')) {
        const what = about.label;
        await notifier.notifyReviewers(
          {
            kode: row.wilayahKode,
            reviewer: next,
            laporanId: id,
            message: inPractice(
              c.periode,
              next === 'camat' ? `${what} menunggu pengesahan Anda.` : `${what} menunggu verifikasi Anda.`,
            ),
            params: about.params,
            except: actor.userId,
          },
          tx,
        );
      }
      return updated;
    });
    events.emit('laporan.changed', { periodeId: changed.periodeId, wilayahKode: changed.wilayahKode });
    return reader.detail(actor, await reader.loadVisible(actor, id));
  }

  /** Locks a report for a verifikator's entry decisions: his to review and waiting for him. */
  async function lockForDecisions(actor: Actor, id: string, tx: DbOrTx) {
    const row = await reader.loadVisible(actor, id, tx, true);
    assertCan(actor, 'laporan:verify', row.wilayahKode, 'Laporan');
    assertMayReview(actor, row, 'verifikator');
    if (waitingFor(row.status, row.endorsementRequired) !== 'verifikator') {
      throw new AppError('CONFLICT', 'Laporan ini tidak sedang menunggu verifikasi.');
    }
    const p = await reader.periodeOf(row.periodeId, tx);
    return { row, indikator: indikatorOf(p.framework, row.level, row.kind) };
  }

  /** Writes and audits one decision, the entry's version checked. */
  async function decideEntry(
    actor: Actor,
    d: {
      row: LaporanRow;
      indikator: ReturnType<typeof indikatorOf>;
      entry: Awaited<ReturnType<LaporanRepo['entries']>>[number] | undefined;
      code: string;
      body: z.output<typeof decisionBodySchema>;
      now: Date;
      ip: string | null;
      bulk?: boolean;
    },
    tx: DbOrTx,
  ) {
    const { row, entry, code, body } = d;
    const ind = d.indikator.find((i) => i.code === code);
    if (!ind || !entry)
      throw new AppError('NOT_FOUND', `Isian indikator ${code} tidak ditemukan pada laporan ini.`);
    if (entry.version !== body.version) throw new AppError('STALE', STALE_MESSAGE);
    if (body.decision === 'dikoreksi') {
      const msg = checkEntryValue(ind, body.correctedValue ?? Number.NaN);
      if (msg)
        throw new AppError('VALIDATION', `Nilai koreksi ${code}: ${msg}`, [
          { path: 'body.correctedValue', message: msg },
        ]);
    }
    const changes = {
      decision: body.decision,
      correctedValue: body.decision === 'dikoreksi' ? (body.correctedValue ?? null) : null,
      decisionReason: body.decision === 'diterima' ? null : body.reason,
      decidedBy: actor.userId,
      decidedAt: d.now,
    };
    const updated = await repo.updateEntry(row.id, code, body.version, changes, tx);
    if (!updated) throw new AppError('STALE', STALE_MESSAGE);
    await audit.record(
      actor,
      {
        action: 'laporan.entry_decided',
        entity: 'laporan',
        entityId: row.id,
        before: {
          indikatorCode: code,
          value: entry.value,
          tidakBerlaku: entry.tidakBerlaku,
          decision: entry.decision,
          correctedValue: entry.correctedValue,
        },
        after: {
          indikatorCode: code,
          decision: body.decision,
          correctedValue: changes.correctedValue,
          ...(d.bulk ? { bulk: true } : {}),
        },
        reason: changes.decisionReason,
        ip: d.ip,
      },
      tx,
    );
  }

  const statusChange = (c: { row: LaporanRow; to: LaporanRow['status'] }) => ({
    before: { status: c.row.status },
    after: { status: c.to },
  });

  function assertEditable(c: TransitionContext) {
    const lock = lockReason(lockInputOf(c.row, c.periode, c.now, true));
    if (lock) throw new AppError('CONFLICT', lock);
  }

  return {
    async submit(actor: Actor, id: string, version: number, ip: string | null) {
      return runTransition(actor, id, version, ip, {
        permission: () => 'laporan:submit',
        step: () => ({ transition: 'submit' }),
        async check(c) {
          assertEditable(c);
          const indikator = indikatorOf(c.periode.framework, c.row.level, c.row.kind);
          const [entries, counts] = await Promise.all([
            repo.entries(id, c.tx),
            reader.evidenceCounts(id, c.tx),
          ]);
          const missing = missingForSubmit(indikator, entries, (code) => counts.get(code) ?? 0);
          if (missing.length) {
            throw new AppError(
              'VALIDATION',
              `Laporan belum lengkap (${missing.length} hal): ${missing.map((m) => m.message).join('; ')}.`,
              missing.map((m) => ({
                path: `entries.${m.indikatorCode}`,
                indikatorCode: m.indikatorCode,
                message: m.message,
              })),
            );
          }
        },
        changes: ({ row, periode, now, to }) => ({
          status: to,
          endorsementRequired: row.level === 'kelurahan' && periode.settings.camatEndorsement,
          submittedAt: now,
          submittedBy: actor.userId,
          firstSubmittedAt: row.firstSubmittedAt ?? now,
          // The first submission decides lateness (docs/laporan.md).
          late: row.firstSubmittedAt === null ? now > row.dueAt : row.late,
          // Each submission starts a new review round.
          endorsedAt: null,
          endorsedBy: null,
        }),
        audit: (c) => ({
          action: 'laporan.submitted',
          before: { status: c.row.status },
          after: { status: c.to, late: c.updated.late, endorsementRequired: c.updated.endorsementRequired },
        }),
      });
    },

    async endorse(actor: Actor, id: string, body: { version: number; comment: string }, ip: string | null) {
      return runTransition(actor, id, body.version, ip, {
        permission: () => 'laporan:endorse',
        reviewer: () => 'camat',
        step: () => ({ transition: 'endorse' }),
        changes: ({ now, to }) => ({ status: to, endorsedAt: now, endorsedBy: actor.userId }),
        audit: (c) => ({ action: 'laporan.endorsed', ...statusChange(c), reason: body.comment || null }),
        notify: {
          kind: 'disahkan',
          message: (what) => `${what} telah disahkan camat dan diteruskan ke verifikator.`,
        },
      });
    },

    async returnToUnit(actor: Actor, id: string, body: z.output<typeof returnBodySchema>, ip: string | null) {
      const reviewerOf = (row: LaporanRow): Reviewer =>
        waitingFor(row.status, row.endorsementRequired) === 'camat' ? 'camat' : 'verifikator';
      let by: Reviewer = 'verifikator';
      let returned: ReportSnapshot = {};
      return runTransition(actor, id, body.version, ip, {
        permission: (row) => (reviewerOf(row) === 'camat' ? 'laporan:endorse' : 'laporan:verify'),
        reviewer: reviewerOf,
        step: (row) => {
          by = reviewerOf(row);
          return { transition: 'return', by };
        },
        async check(c) {
          if (c.periode.status !== 'aktif')
            throw new AppError(
              'CONFLICT',
              `Periode ${c.periode.tahun} sudah ditutup: unit tidak dapat lagi mengubah laporannya, jadi laporan tidak dikembalikan. Putuskan setiap isian (terima, koreksi atau tolak) lalu setujui.`,
            );
          const codes = new Set(indikatorOf(c.periode.framework, c.row.level, c.row.kind).map((i) => i.code));
          const unknown = body.comments.find((x) => !codes.has(x.indikatorCode));
          if (unknown)
            throw new AppError(
              'VALIDATION',
              `Indikator ${unknown.indikatorCode} tidak termasuk laporan ini.`,
            );
          // What the reviewer returned, so he sees what changed when it comes back to him.
          const [entries, files] = await Promise.all([repo.entries(id, c.tx), reader.evidenceOf(id, c.tx)]);
          returned = snapshotOf(entries, files);
        },
        changes: ({ now, to }) => ({
          status: to,
          returnedAt: now,
          returnReason: body.reason,
          endorsedAt: null,
          endorsedBy: null,
        }),
        also: (c) => repo.setComments(id, body.comments, by === 'camat' ? 'Camat' : 'Verifikator', c.tx),
        audit: (c) => ({
          action: 'laporan.returned',
          before: { status: c.row.status, entries: returned },
          after: { status: c.to, by, comments: body.comments },
          reason: body.reason,
        }),
        notify: {
          kind: 'dikembalikan',
          message: (what) =>
            `${what} dikembalikan oleh ${by === 'camat' ? 'camat' : 'verifikator'}: ${body.reason}`,
          params: () => ({ by, reason: body.reason }),
        },
      });
    },

    /** A verifikator's decision on one entry (accept, correct with reason, reject with reason). */
    async decide(
      actor: Actor,
      id: string,
      code: string,
      body: z.output<typeof decisionBodySchema>,
      ip: string | null,
    ) {
      await db.transaction(async (tx) => {
        const { row, indikator } = await lockForDecisions(actor, id, tx);
        const entry = (await repo.entries(id, tx)).find((e) => e.indikatorCode === code);
        await decideEntry(actor, { row, indikator, entry, code, body, now: clock.now(), ip }, tx);
      });
      return reader.detail(actor, await reader.loadVisible(actor, id));
    },

    /**
     * Accepts every entry still undecided in one transaction. The client names the entries it saw
     * undecided with their versions: when that is no longer the set of undecided entries (someone
     * decided or the versions moved), nothing is written (409 STALE). Decided entries are never touched.
     */
    async acceptUndecided(
      actor: Actor,
      id: string,
      body: z.output<typeof acceptUndecidedBodySchema>,
      ip: string | null,
    ) {
      await db.transaction(async (tx) => {
        const { row, indikator } = await lockForDecisions(actor, id, tx);
        const entries = new Map((await repo.entries(id, tx)).map((e) => [e.indikatorCode, e]));
        const undecided = indikator.filter((i) => !entries.get(i.code)?.decision).map((i) => i.code);
        const sent = new Map(body.entries.map((e) => [e.indikatorCode, e.version]));
        if (sent.size !== body.entries.length)
          throw new AppError('VALIDATION', 'Setiap indikator hanya boleh disebut sekali.');
        if (undecided.length !== sent.size || undecided.some((code) => !sent.has(code)))
          throw new AppError('STALE', STALE_MESSAGE);
        const now = clock.now();
        for (const code of undecided) {
          await decideEntry(
            actor,
            {
              row,
              indikator,
              entry: entries.get(code),
              code,
              body: { version: sent.get(code) ?? -1, decision: 'diterima', reason: '' },
              now,
              ip,
              bulk: true,
            },
            tx,
          );
        }
      });
      return reader.detail(actor, await reader.loadVisible(actor, id));
    },

    async approve(actor: Actor, id: string, body: { version: number; comment: string }, ip: string | null) {
      return runTransition(actor, id, body.version, ip, {
        permission: () => 'laporan:verify',
        reviewer: () => 'verifikator',
        step: () => ({ transition: 'approve' }),
        async check(c) {
          const entries = new Map((await repo.entries(id, c.tx)).map((e) => [e.indikatorCode, e]));
          const undecided = indikatorOf(c.periode.framework, c.row.level, c.row.kind).filter(
            (i) => !entries.get(i.code)?.decision,
          );
          if (undecided.length) {
            throw new AppError(
              'VALIDATION',
              `Setiap isian harus diputuskan (diterima, dikoreksi atau ditolak) sebelum laporan disetujui. Belum: ${undecided.map((i) => i.code).join(', ')}.`,
              undecided.map((i) => ({
                path: `entries.${i.code}`,
                indikatorCode: i.code,
                message: `${i.code} belum diputuskan`,
              })),
            );
          }
        },
        changes: ({ now, to }) => ({ status: to, verifiedAt: now, verifiedBy: actor.userId }),
        audit: (c) => ({ action: 'laporan.approved', ...statusChange(c), reason: body.comment || null }),
        notify: { kind: 'diverifikasi', message: (what) => `${what} telah diverifikasi dan dikunci.` },
      });
    },

    async reopen(actor: Actor, id: string, body: { version: number; reason: string }, ip: string | null) {
      return runTransition(actor, id, body.version, ip, {
        permission: () => 'laporan:manage',
        step: () => ({ transition: 'reopen' }),
        check({ periode }) {
          if (periode.status !== 'aktif')
            throw new AppError(
              'CONFLICT',
              `Periode ${periode.tahun} sudah ditutup; laporan tidak dapat dibuka kembali.`,
            );
        },
        changes: ({ to }) => ({ status: to, reopenReason: body.reason, verifiedAt: null, verifiedBy: null }),
        audit: (c) => ({ action: 'laporan.reopened', ...statusChange(c), reason: body.reason }),
      });
    },

    async grantException(actor: Actor, id: string, body: ExceptionBody, ip: string | null) {
      const until = new Date(body.until);
      return runTransition(actor, id, body.version, ip, {
        permission: () => 'laporan:manage',
        check({ row, periode, now }) {
          if (periode.status !== 'aktif')
            throw new AppError(
              'CONFLICT',
              `Periode ${periode.tahun} sudah ${periode.status === 'diumumkan' ? 'diumumkan' : 'ditutup'}; izin pengisian terlambat tidak dapat diberikan lagi.`,
            );
          if (until <= now)
            throw new AppError('VALIDATION', 'Batas waktu izin harus di masa depan.', [
              { path: 'body.until', message: 'Harus di masa depan' },
            ]);
          if (!editableStatuses.has(row.status))
            throw new AppError(
              'CONFLICT',
              'Izin pengisian terlambat hanya untuk laporan yang belum diajukan.',
            );
        },
        changes: () => ({ exceptionUntil: until, exceptionReason: body.reason, exceptionBy: actor.userId }),
        audit: ({ row }) => ({
          action: 'laporan.exception_granted',
          before: { until: row.exceptionUntil?.toISOString() ?? null },
          after: { until: until.toISOString() },
          reason: body.reason,
        }),
      });
    },
  };
}
export type LaporanReviewService = ReturnType<typeof createLaporanReviewService>;
