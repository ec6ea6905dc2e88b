import {
  checkEntryValue,
  type decisionBodySchema,
  type EntryInput,
  type ExceptionBody,
  entryInputSchema,
  type LaporanDetail,
  type LaporanEntry,
  type LaporanKind,
  type LaporanSummary,
  laporanIndikator,
  missingForSubmit,
  type OpenLaporanBody,
  ownPreviewEntries,
  type PeriodeConfig,
  type PreviewResponse,
  type returnBodySchema,
  type TimelineItem,
  type UnitLaporanOverview,
} from '@sip/contracts';
import { createScorer, type Entry, type Framework, type Scorer } from '@sip/scoring';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import { type Clock, jakartaYear } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, can, reportsFor } from '../authz/authz';
import type { NotificationsRepo } from '../notifications/notifications.repo';
import type { EntryInsert, EntryRow, LaporanRepo, LaporanRow, summaryColumns } from './laporan.repo';
import {
  dueAtFor,
  editableStatuses,
  laporanLabel,
  lateWarning,
  lockReason,
  nextStatus,
  opensAtFor,
  type Reviewer,
  type Transition,
  TransitionError,
  waitingFor,
} from './laporan.state';

export interface LaporanServiceDeps {
  db: Db;
  repo: LaporanRepo;
  audit: AuditRepo;
  notifications: NotificationsRepo;
  clock: Clock;
}

type PeriodeRow = NonNullable<Awaited<ReturnType<LaporanRepo['periode']>>>;
type Level = 'kecamatan' | 'kelurahan';
type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & {
  row: LaporanRow;
  wilayahNama: string;
  kecamatanNama: string;
  tahun: number;
};

const STALE_MESSAGE =
  'Laporan ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.';

export const levelOfUnit = (kode: string): Level | null => {
  const parts = kode.split('.').length;
  return parts === 3 ? 'kecamatan' : parts === 4 ? 'kelurahan' : null;
};
export const kecamatanOf = (kode: string) => kode.split('.').slice(0, 3).join('.');
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function createLaporanService({ db, repo, audit, notifications, clock }: LaporanServiceDeps) {
  // Frameworks of aktif periodes never change their scoring, so a scorer per (periode, version) is a safe cache.
  const scorers = new Map<string, Scorer>();
  const scorerFor = (p: PeriodeRow): Scorer => {
    const key = `${p.id}:${p.version}`;
    let s = scorers.get(key);
    if (!s) {
      s = createScorer(p.framework);
      if (scorers.size > 50) scorers.clear();
      scorers.set(key, s);
    }
    return s;
  };

  const indikatorOf = (p: PeriodeRow, level: Level, kind: LaporanKind) =>
    laporanIndikator(p.framework as Framework, level, kind);

  async function periodeOrThrow(id: string, tx: DbOrTx = db): Promise<PeriodeRow> {
    const p = await repo.periode(id, tx);
    if (!p) throw new AppError('NOT_FOUND', 'Periode tidak ditemukan.');
    return p;
  }

  async function resolvePeriode(
    actor: Actor,
    periodeId: string | undefined,
  ): Promise<PeriodeRow | undefined> {
    if (periodeId) {
      const p = await repo.periode(periodeId);
      if (!p || p.pemdaKode !== actor.pemdaKode) throw new AppError('NOT_FOUND', 'Periode tidak ditemukan.');
      return p;
    }
    return repo.activePeriode(actor.pemdaKode, jakartaYear(clock.now()));
  }

  /** Loads a report the actor may see (404 otherwise), optionally locking it for a transition. */
  async function loadVisible(actor: Actor, id: string, tx: DbOrTx = db, forUpdate = false) {
    const row = await repo.get(id, tx, { forUpdate });
    if (!row) throw new AppError('NOT_FOUND', 'Laporan tidak ditemukan.');
    assertCan(actor, 'laporan:read', row.wilayahKode, 'Laporan');
    return row;
  }

  const lockInput = (row: LaporanRow, p: PeriodeRow, mayEdit: boolean) => ({
    status: row.status,
    endorsementRequired: row.endorsementRequired,
    periodeStatus: p.status,
    tahun: p.tahun,
    kind: row.kind,
    bulan: row.bulan,
    now: clock.now(),
    dueAt: row.dueAt,
    firstSubmittedAt: row.firstSubmittedAt,
    exceptionUntil: row.exceptionUntil,
    cfg: p.settings as PeriodeConfig,
    mayEdit,
  });

  function assertVersion(row: { version: number }, expected: number) {
    if (row.version !== expected) throw new AppError('STALE', STALE_MESSAGE);
  }

  function transition(row: LaporanRow, t: Transition, by?: Reviewer) {
    try {
      return nextStatus(row.status, t, {
        endorsementRequired: row.endorsementRequired,
        ...(by ? { by } : {}),
      });
    } catch (err) {
      if (err instanceof TransitionError) throw new AppError('CONFLICT', err.message);
      throw err;
    }
  }

  /** Nobody reviews a report of a unit he reports for. */
  function assertNotOwnUnit(actor: Actor, row: LaporanRow) {
    if (reportsFor(actor, row.wilayahKode)) {
      throw new AppError(
        'FORBIDDEN',
        'Anda tidak dapat mengkaji laporan unit yang Anda laporkan sendiri; laporan ini dikaji pejabat lain.',
      );
    }
  }

  const entryDto = (e: EntryRow): LaporanEntry => ({
    indikatorCode: e.indikatorCode,
    value: e.value,
    tidakBerlaku: e.tidakBerlaku,
    tidakBerlakuReason: e.tidakBerlakuReason,
    note: e.note,
    decision: e.decision,
    correctedValue: e.correctedValue,
    decisionReason: e.decisionReason,
    reviewComment: e.reviewComment,
    reviewCommentBy: e.reviewCommentBy,
    version: e.version,
    updatedAt: iso(e.updatedAt),
  });

  const summaryDto = (s: SummaryRow): LaporanSummary => ({
    id: s.row.id,
    periodeId: s.row.periodeId,
    tahun: s.tahun,
    wilayahKode: s.row.wilayahKode,
    wilayahNama: s.wilayahNama,
    kecamatanKode: s.row.kecamatanKode,
    kecamatanNama: s.kecamatanNama,
    level: s.row.level,
    kind: s.row.kind,
    bulan: s.row.bulan,
    status: s.row.status,
    waitingFor: waitingFor(s.row.status, s.row.endorsementRequired),
    dueAt: s.row.dueAt.toISOString(),
    submittedAt: iso(s.row.submittedAt),
    late: s.row.late,
    version: s.row.version,
  });

  /** A unit's entries as the scoring engine reads them (see verifiedEntries). */
  function toScoringEntries(
    rows: Awaited<ReturnType<LaporanRepo['unitEntries']>>,
    exceptLaporanId?: string,
  ): Entry[] {
    const out: Entry[] = [];
    for (const r of rows) {
      if (r.laporanId === exceptLaporanId) continue;
      const e = r.entry;
      const month = r.kind === 'bulanan' ? r.bulan : null;
      if (r.status !== 'diverifikasi' || e.decision === null || e.decision === 'rejected') {
        out.push({ indikatorCode: e.indikatorCode, month, value: e.value, status: 'unverified' });
      } else if (e.decision === 'corrected') {
        out.push({ indikatorCode: e.indikatorCode, month, value: e.correctedValue, status: 'verified' });
      } else if (e.tidakBerlaku) {
        out.push({ indikatorCode: e.indikatorCode, month, value: null, status: 'tidak_berlaku' });
      } else {
        out.push({ indikatorCode: e.indikatorCode, month, value: e.value, status: 'verified' });
      }
    }
    return out;
  }

  async function timelinessCounts(periodeId: string, kode: string, tx: DbOrTx = db) {
    const p = await periodeOrThrow(periodeId, tx);
    const cfg = p.settings as PeriodeConfig;
    const now = clock.now();
    const reports = new Map(
      (await repo.listForUnit(periodeId, kode, tx))
        .filter((r) => r.kind === 'bulanan')
        .map((r) => [r.bulan, r]),
    );
    let onTime = 0;
    let total = 0;
    for (let m = 1; m <= 12; m++) {
      const r = reports.get(m);
      const due = r?.dueAt ?? dueAtFor(p.tahun, 'bulanan', m, cfg);
      const submitted = r?.firstSubmittedAt ?? null;
      // A month counts once it is due, or earlier when it was already submitted.
      if (now <= due && !submitted) continue;
      total++;
      if (submitted && submitted <= due) onTime++;
    }
    return { onTime, total };
  }

  async function detail(actor: Actor, row: LaporanRow): Promise<LaporanDetail> {
    const p = await periodeOrThrow(row.periodeId);
    const [summary, entries, evidence, unitRows, timeliness] = await Promise.all([
      repo.summaryOf(row.id),
      repo.entries(row.id),
      repo.evidenceOf(row.id),
      repo.unitEntries(row.periodeId, row.wilayahKode),
      timelinessCounts(row.periodeId, row.wilayahKode),
    ]);
    if (!summary) throw new AppError('NOT_FOUND', 'Laporan tidak ditemukan.');
    const mayEdit = can(actor, 'laporan:edit', row.wilayahKode);
    const lock = lockReason(lockInput(row, p, mayEdit));
    const waiting = waitingFor(row.status, row.endorsementRequired);
    const own = reportsFor(actor, row.wilayahKode);
    const periodeAktif = p.status === 'aktif';
    return {
      ...summaryDto(summary as SummaryRow),
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
      warning: lock ? null : lateWarning(lockInput(row, p, mayEdit)),
      permissions: {
        edit: lock === null && mayEdit,
        submit: lock === null && can(actor, 'laporan:submit', row.wilayahKode),
        endorse:
          periodeAktif && waiting === 'camat' && !own && can(actor, 'laporan:endorse', row.wilayahKode),
        verify:
          periodeAktif && waiting === 'verifikator' && !own && can(actor, 'laporan:verify', row.wilayahKode),
        reopen:
          periodeAktif && row.status === 'diverifikasi' && can(actor, 'laporan:manage', row.wilayahKode),
        grantException: periodeAktif && can(actor, 'laporan:manage', row.wilayahKode),
      },
      indikatorCodes: indikatorOf(p, row.level, row.kind).map((i) => i.code),
      framework: p.framework,
      entries: entries.map(entryDto),
      evidence: evidence.map((e) => ({
        ...e,
        uploadedBy: e.uploadedBy ?? null,
        uploadedAt: e.uploadedAt.toISOString(),
      })),
      preview: {
        otherEntries: toScoringEntries(unitRows, row.id),
        monthsDue: row.kind === 'bulanan' ? (row.bulan ?? 12) : 12,
        timeliness,
      },
    };
  }

  async function after(
    tx: DbOrTx,
    row: LaporanRow,
    actor: Actor,
    action: string,
    extra: {
      before?: unknown;
      after?: unknown;
      reason?: string | null;
      ip: string | null;
    },
  ) {
    await audit.record(
      {
        actorId: actor.userId,
        actorUsername: actor.username,
        pemdaKode: actor.pemdaKode,
        action,
        entity: 'laporan',
        entityId: row.id,
        before: extra.before ?? null,
        after: extra.after ?? null,
        reason: extra.reason ?? null,
        ip: extra.ip,
      },
      tx,
    );
  }

  /** Locks the report, checks visibility, permission and version: the start of every transition. */
  async function begin(tx: DbOrTx, actor: Actor, id: string, version: number) {
    const row = await loadVisible(actor, id, tx, true);
    return { row, check: () => assertVersion(row, version) };
  }

  async function label(row: LaporanRow, tx: DbOrTx) {
    const p = await periodeOrThrow(row.periodeId, tx);
    const names = await repo.wilayahNames([row.wilayahKode], tx);
    return `${laporanLabel(row.kind, row.bulan, p.tahun)} ${names.get(row.wilayahKode) ?? row.wilayahKode}`;
  }

  return {
    timelinessCounts,

    /** The unit's entries for the scoring engine: corrected values as corrected; rejected or not yet approved as unverified. */
    async verifiedEntries(periodeId: string, kode: string, tx: DbOrTx = db): Promise<Entry[]> {
      return toScoringEntries(await repo.unitEntries(periodeId, kode, tx));
    },

    async overview(actor: Actor, kode: string, periodeId?: string): Promise<UnitLaporanOverview> {
      const level = levelOfUnit(kode);
      assertCan(actor, 'laporan:read', kode, 'Unit');
      const names = await repo.wilayahNames([kode]);
      const nama = names.get(kode);
      if (!level || !nama) throw new AppError('NOT_FOUND', 'Unit tidak ditemukan.');
      const p = await resolvePeriode(actor, periodeId);
      const canCreate = can(actor, 'laporan:edit', kode) || can(actor, 'laporan:manage', kode);
      if (!p) return { periode: null, unit: { kode, nama, level }, canCreate, reports: [] };
      const cfg = p.settings as PeriodeConfig;
      const existing = await repo.listForUnit(p.id, kode);
      const now = clock.now();
      const slots: Array<{ kind: LaporanKind; bulan: number | null }> = [
        ...Array.from({ length: 12 }, (_, i) => ({ kind: 'bulanan' as const, bulan: i + 1 })),
        { kind: 'tahunan', bulan: null },
      ];
      return {
        periode: { id: p.id, tahun: p.tahun, status: p.status },
        unit: { kode, nama, level },
        canCreate,
        reports: slots.map(({ kind, bulan }) => {
          const r = existing.find((x) => x.kind === kind && x.bulan === bulan);
          const dueAt = r?.dueAt ?? dueAtFor(p.tahun, kind, bulan, cfg);
          return {
            kind,
            bulan,
            id: r?.id ?? null,
            status: r?.status ?? null,
            dueAt: dueAt.toISOString(),
            submittedAt: iso(r?.submittedAt),
            late: r ? r.late || (!r.firstSubmittedAt && now > dueAt) : now > dueAt,
            open: now >= opensAtFor(p.tahun, kind, bulan),
          };
        }),
      };
    },

    /** Opens a unit's report for a month or the year, creating it on first open (by who may fill it, or an admin). */
    async open(actor: Actor, body: OpenLaporanBody, ip: string | null) {
      const level = levelOfUnit(body.wilayahKode);
      assertCan(actor, 'laporan:read', body.wilayahKode, 'Unit');
      const p = await resolvePeriode(actor, body.periodeId);
      if (!p) throw new AppError('NOT_FOUND', 'Belum ada periode aktif.');
      const names = await repo.wilayahNames([body.wilayahKode]);
      if (!level || !names.has(body.wilayahKode)) throw new AppError('NOT_FOUND', 'Unit tidak ditemukan.');
      const key = { periodeId: p.id, wilayahKode: body.wilayahKode, kind: body.kind, bulan: body.bulan };
      const existing = await repo.findByKey(key);
      if (existing) return { created: false, detail: await detail(actor, existing) };
      if (!can(actor, 'laporan:edit', body.wilayahKode) && !can(actor, 'laporan:manage', body.wilayahKode)) {
        throw new AppError('NOT_FOUND', 'Laporan ini belum dibuat oleh unit.');
      }
      if (p.status !== 'aktif')
        throw new AppError('CONFLICT', `Periode ${p.tahun} tidak aktif; laporan baru tidak dapat dibuat.`);
      const opensAt = opensAtFor(p.tahun, body.kind, body.bulan);
      if (clock.now() < opensAt) {
        throw new AppError(
          'CONFLICT',
          lockReason({
            status: 'draf',
            endorsementRequired: false,
            periodeStatus: 'aktif',
            tahun: p.tahun,
            kind: body.kind,
            bulan: body.bulan,
            now: clock.now(),
            dueAt: opensAt,
            firstSubmittedAt: null,
            exceptionUntil: null,
            cfg: p.settings as PeriodeConfig,
            mayEdit: true,
          }) ?? 'Laporan ini belum dapat diisi.',
        );
      }
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insert(
          {
            ...key,
            kecamatanKode: kecamatanOf(body.wilayahKode),
            level,
            dueAt: dueAtFor(p.tahun, body.kind, body.bulan, p.settings as PeriodeConfig),
            createdAt: clock.now(),
            updatedAt: clock.now(),
          },
          tx,
        );
        if (inserted) await after(tx, inserted, actor, 'laporan.created', { after: key, ip });
        return inserted;
      });
      const final = row ?? (await repo.findByKey(key));
      if (!final) throw new AppError('INTERNAL', 'Laporan tidak dapat dibuat.');
      return { created: Boolean(row), detail: await detail(actor, final) };
    },

    async get(actor: Actor, id: string): Promise<LaporanDetail> {
      return detail(actor, await loadVisible(actor, id));
    },

    /** Saves changed entries of an editable report; every entry carries the version its writer read. */
    async saveEntries(actor: Actor, id: string, input: EntryInput[], ip: string | null) {
      const parsed = input.map((e) => entryInputSchema.parse(e));
      const now = clock.now();
      await db.transaction(async (tx) => {
        const row = await loadVisible(actor, id, tx, true);
        assertCan(actor, 'laporan:edit', row.wilayahKode, 'Laporan');
        const p = await periodeOrThrow(row.periodeId, tx);
        const lock = lockReason(lockInput(row, p, true));
        if (lock) throw new AppError('CONFLICT', lock);
        const indikator = new Map(indikatorOf(p, row.level, row.kind).map((i) => [i.code, i]));
        const issues: Array<{ path: string; message: string }> = [];
        parsed.forEach((e, i) => {
          const ind = indikator.get(e.indikatorCode);
          if (!ind)
            issues.push({
              path: `body.entries.${i}.indikatorCode`,
              message: `Indikator ${e.indikatorCode} tidak termasuk laporan ini`,
            });
          else if (!e.tidakBerlaku && e.value !== null) {
            const msg = checkEntryValue(ind, e.value);
            if (msg) issues.push({ path: `body.entries.${i}.value`, message: `${ind.code}: ${msg}` });
          }
        });
        if (new Set(parsed.map((e) => e.indikatorCode)).size !== parsed.length) {
          issues.push({ path: 'body.entries', message: 'Satu indikator dikirim lebih dari sekali' });
        }
        if (issues.length) {
          throw new AppError(
            'VALIDATION',
            `Data tidak valid — ${issues.map((x) => x.message).join('; ')}`,
            issues,
          );
        }
        const current = new Map((await repo.entries(id, tx)).map((e) => [e.indikatorCode, e]));
        const writes: EntryInsert[] = [];
        const before: Record<string, unknown> = {};
        const afterValues: Record<string, unknown> = {};
        for (const e of parsed) {
          const old = current.get(e.indikatorCode);
          if ((old?.version ?? 0) !== e.version)
            throw new AppError('STALE', STALE_MESSAGE, { indikatorCode: e.indikatorCode });
          const value = e.tidakBerlaku ? null : e.value;
          const reasonTb = e.tidakBerlaku ? e.tidakBerlakuReason : '';
          const valueChanged = !old || old.value !== value || old.tidakBerlaku !== e.tidakBerlaku;
          const changed = valueChanged || old.tidakBerlakuReason !== reasonTb || old.note !== e.note;
          if (!changed) continue;
          writes.push({
            laporanId: id,
            indikatorCode: e.indikatorCode,
            value,
            tidakBerlaku: e.tidakBerlaku,
            tidakBerlakuReason: reasonTb,
            note: e.note,
            // A changed value needs a fresh decision from the verifikator.
            decision: valueChanged ? null : (old?.decision ?? null),
            correctedValue: valueChanged ? null : (old?.correctedValue ?? null),
            decisionReason: valueChanged ? null : (old?.decisionReason ?? null),
            decidedBy: valueChanged ? null : (old?.decidedBy ?? null),
            decidedAt: valueChanged ? null : (old?.decidedAt ?? null),
            version: (old?.version ?? 0) + 1,
            updatedAt: now,
            updatedBy: actor.userId,
          });
          before[e.indikatorCode] = old
            ? {
                value: old.value,
                tidakBerlaku: old.tidakBerlaku,
                tidakBerlakuReason: old.tidakBerlakuReason,
                note: old.note,
              }
            : null;
          afterValues[e.indikatorCode] = {
            value,
            tidakBerlaku: e.tidakBerlaku,
            tidakBerlakuReason: reasonTb,
            note: e.note,
          };
        }
        if (writes.length === 0) return;
        await repo.upsertEntries(writes, tx);
        await after(tx, row, actor, 'laporan.entries_saved', { before, after: afterValues, ip });
      });
      const entries = await repo.entries(id);
      return { entries: entries.map(entryDto), savedAt: now.toISOString() };
    },

    async submit(actor: Actor, id: string, version: number, ip: string | null) {
      await db.transaction(async (tx) => {
        const { row, check } = await begin(tx, actor, id, version);
        assertCan(actor, 'laporan:submit', row.wilayahKode, 'Laporan');
        check();
        const to = transition(row, 'submit');
        const p = await periodeOrThrow(row.periodeId, tx);
        const lock = lockReason(lockInput(row, p, true));
        if (lock) throw new AppError('CONFLICT', lock);
        const indikator = indikatorOf(p, row.level, row.kind);
        const [entries, counts] = await Promise.all([repo.entries(id, tx), repo.evidenceCounts(id, tx)]);
        const missing = missingForSubmit(indikator, entries, (c) => counts.get(c) ?? 0);
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
        const now = clock.now();
        const cfg = p.settings as PeriodeConfig;
        const first = row.firstSubmittedAt === null;
        const updated = await repo.update(
          id,
          version,
          {
            status: to,
            endorsementRequired: row.level === 'kelurahan' && cfg.camatEndorsement,
            submittedAt: now,
            submittedBy: actor.userId,
            firstSubmittedAt: row.firstSubmittedAt ?? now,
            late: first ? now > row.dueAt : row.late,
            // Each submission starts a new review round.
            endorsedAt: null,
            endorsedBy: null,
          },
          now,
          tx,
        );
        if (!updated) throw new AppError('STALE', STALE_MESSAGE);
        await after(tx, row, actor, 'laporan.submitted', {
          before: { status: row.status },
          after: { status: to, late: updated.late, endorsementRequired: updated.endorsementRequired },
          ip,
        });
      });
      return detail(actor, await loadVisible(actor, id));
    },

    async endorse(actor: Actor, id: string, body: { version: number; comment: string }, ip: string | null) {
      const row0 = await db.transaction(async (tx) => {
        const { row, check } = await begin(tx, actor, id, body.version);
        assertCan(actor, 'laporan:endorse', row.wilayahKode, 'Laporan');
        assertNotOwnUnit(actor, row);
        check();
        const to = transition(row, 'endorse');
        const now = clock.now();
        const updated = await repo.update(
          id,
          body.version,
          { status: to, endorsedAt: now, endorsedBy: actor.userId },
          now,
          tx,
        );
        if (!updated) throw new AppError('STALE', STALE_MESSAGE);
        await after(tx, row, actor, 'laporan.endorsed', {
          before: { status: row.status },
          after: { status: to },
          reason: body.comment || null,
          ip,
        });
        await notifications.notifyUnit(
          {
            kode: row.wilayahKode,
            kind: 'disahkan',
            laporanId: id,
            message: `${await label(row, tx)} telah disahkan camat dan diteruskan ke verifikator.`,
          },
          tx,
        );
        return row;
      });
      return detail(actor, await loadVisible(actor, row0.id));
    },

    async returnToUnit(actor: Actor, id: string, body: z.output<typeof returnBodySchema>, ip: string | null) {
      await db.transaction(async (tx) => {
        const { row, check } = await begin(tx, actor, id, body.version);
        const waiting = waitingFor(row.status, row.endorsementRequired);
        const by: Reviewer = waiting === 'camat' ? 'camat' : 'verifikator';
        assertCan(actor, by === 'camat' ? 'laporan:endorse' : 'laporan:verify', row.wilayahKode, 'Laporan');
        assertNotOwnUnit(actor, row);
        check();
        const to = transition(row, 'return', by);
        const p = await periodeOrThrow(row.periodeId, tx);
        const codes = new Set(indikatorOf(p, row.level, row.kind).map((i) => i.code));
        const unknown = body.comments.find((c) => !codes.has(c.indikatorCode));
        if (unknown)
          throw new AppError('VALIDATION', `Indikator ${unknown.indikatorCode} tidak termasuk laporan ini.`);
        const now = clock.now();
        const updated = await repo.update(
          id,
          body.version,
          { status: to, returnedAt: now, returnReason: body.reason, endorsedAt: null, endorsedBy: null },
          now,
          tx,
        );
        if (!updated) throw new AppError('STALE', STALE_MESSAGE);
        await repo.setComments(id, body.comments, by === 'camat' ? 'Camat' : 'Verifikator', tx);
        await after(tx, row, actor, 'laporan.returned', {
          before: { status: row.status },
          after: { status: to, by, comments: body.comments },
          reason: body.reason,
          ip,
        });
        await notifications.notifyUnit(
          {
            kode: row.wilayahKode,
            kind: 'dikembalikan',
            laporanId: id,
            message: `${await label(row, tx)} dikembalikan oleh ${by === 'camat' ? 'camat' : 'verifikator'}: ${body.reason}`,
          },
          tx,
        );
      });
      return detail(actor, await loadVisible(actor, id));
    },

    async decide(
      actor: Actor,
      id: string,
      code: string,
      body: z.output<typeof decisionBodySchema>,
      ip: string | null,
    ) {
      const now = clock.now();
      await db.transaction(async (tx) => {
        const row = await loadVisible(actor, id, tx, true);
        assertCan(actor, 'laporan:verify', row.wilayahKode, 'Laporan');
        assertNotOwnUnit(actor, row);
        if (waitingFor(row.status, row.endorsementRequired) !== 'verifikator') {
          throw new AppError('CONFLICT', 'Laporan ini tidak sedang menunggu verifikasi.');
        }
        const p = await periodeOrThrow(row.periodeId, tx);
        const ind = indikatorOf(p, row.level, row.kind).find((i) => i.code === code);
        const entry = (await repo.entries(id, tx)).find((e) => e.indikatorCode === code);
        if (!ind || !entry)
          throw new AppError('NOT_FOUND', `Isian indikator ${code} tidak ditemukan pada laporan ini.`);
        if (entry.version !== body.version) throw new AppError('STALE', STALE_MESSAGE);
        if (body.decision === 'corrected') {
          const msg = checkEntryValue(ind, body.correctedValue ?? Number.NaN);
          if (msg)
            throw new AppError('VALIDATION', `Nilai koreksi ${code}: ${msg}`, [
              { path: 'body.correctedValue', message: msg },
            ]);
        }
        const changes = {
          decision: body.decision,
          correctedValue: body.decision === 'corrected' ? (body.correctedValue ?? null) : null,
          decisionReason: body.decision === 'accepted' ? null : body.reason,
          decidedBy: actor.userId,
          decidedAt: now,
        };
        const updated = await repo.updateEntry(id, code, body.version, changes, tx);
        if (!updated) throw new AppError('STALE', STALE_MESSAGE);
        await after(tx, row, actor, 'laporan.entry_decided', {
          before: {
            indikatorCode: code,
            value: entry.value,
            tidakBerlaku: entry.tidakBerlaku,
            decision: entry.decision,
            correctedValue: entry.correctedValue,
          },
          after: { indikatorCode: code, decision: body.decision, correctedValue: changes.correctedValue },
          reason: changes.decisionReason,
          ip,
        });
      });
      return detail(actor, await loadVisible(actor, id));
    },

    async approve(actor: Actor, id: string, version: number, ip: string | null) {
      await db.transaction(async (tx) => {
        const { row, check } = await begin(tx, actor, id, version);
        assertCan(actor, 'laporan:verify', row.wilayahKode, 'Laporan');
        assertNotOwnUnit(actor, row);
        check();
        const to = transition(row, 'approve');
        const p = await periodeOrThrow(row.periodeId, tx);
        const entries = new Map((await repo.entries(id, tx)).map((e) => [e.indikatorCode, e]));
        const undecided = indikatorOf(p, row.level, row.kind).filter((i) => !entries.get(i.code)?.decision);
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
        const now = clock.now();
        const updated = await repo.update(
          id,
          version,
          { status: to, verifiedAt: now, verifiedBy: actor.userId },
          now,
          tx,
        );
        if (!updated) throw new AppError('STALE', STALE_MESSAGE);
        await after(tx, row, actor, 'laporan.approved', {
          before: { status: row.status },
          after: { status: to },
          ip,
        });
        await notifications.notifyUnit(
          {
            kode: row.wilayahKode,
            kind: 'diverifikasi',
            laporanId: id,
            message: `${await label(row, tx)} telah diverifikasi dan dikunci.`,
          },
          tx,
        );
      });
      return detail(actor, await loadVisible(actor, id));
    },

    async reopen(actor: Actor, id: string, body: { version: number; reason: string }, ip: string | null) {
      await db.transaction(async (tx) => {
        const { row, check } = await begin(tx, actor, id, body.version);
        assertCan(actor, 'laporan:manage', row.wilayahKode, 'Laporan');
        check();
        const to = transition(row, 'reopen');
        const p = await periodeOrThrow(row.periodeId, tx);
        if (p.status !== 'aktif')
          throw new AppError(
            'CONFLICT',
            `Periode ${p.tahun} sudah ditutup; laporan tidak dapat dibuka kembali.`,
          );
        const now = clock.now();
        const updated = await repo.update(
          id,
          body.version,
          { status: to, reopenReason: body.reason, verifiedAt: null, verifiedBy: null },
          now,
          tx,
        );
        if (!updated) throw new AppError('STALE', STALE_MESSAGE);
        await after(tx, row, actor, 'laporan.reopened', {
          before: { status: row.status },
          after: { status: to },
          reason: body.reason,
          ip,
        });
      });
      return detail(actor, await loadVisible(actor, id));
    },

    async grantException(actor: Actor, id: string, body: ExceptionBody, ip: string | null) {
      await db.transaction(async (tx) => {
        const { row, check } = await begin(tx, actor, id, body.version);
        assertCan(actor, 'laporan:manage', row.wilayahKode, 'Laporan');
        check();
        const until = new Date(body.until);
        const now = clock.now();
        if (until <= now)
          throw new AppError('VALIDATION', 'Batas waktu izin harus di masa depan.', [
            { path: 'body.until', message: 'Harus di masa depan' },
          ]);
        if (!editableStatuses.has(row.status))
          throw new AppError('CONFLICT', 'Izin pengisian terlambat hanya untuk laporan yang belum diajukan.');
        const updated = await repo.update(
          id,
          body.version,
          { exceptionUntil: until, exceptionReason: body.reason, exceptionBy: actor.userId },
          now,
          tx,
        );
        if (!updated) throw new AppError('STALE', STALE_MESSAGE);
        await after(tx, row, actor, 'laporan.exception_granted', {
          before: { until: iso(row.exceptionUntil) },
          after: { until: until.toISOString() },
          reason: body.reason,
          ip,
        });
      });
      return detail(actor, await loadVisible(actor, id));
    },

    /** The same numbers the browser previews: this report's values as typed (as if accepted) plus the unit's verified data. */
    async preview(actor: Actor, id: string): Promise<PreviewResponse> {
      const row = await loadVisible(actor, id);
      const p = await periodeOrThrow(row.periodeId);
      const [entries, unitRows, timeliness] = await Promise.all([
        repo.entries(id),
        repo.unitEntries(row.periodeId, row.wilayahKode),
        timelinessCounts(row.periodeId, row.wilayahKode),
      ]);
      const own: Entry[] = ownPreviewEntries(row, entries);
      const rapor = scorerFor(p).compute({
        level: row.level,
        entries: [...toScoringEntries(unitRows, id), ...own],
        context: { monthsDue: row.kind === 'bulanan' ? (row.bulan ?? 12) : 12, timeliness },
      });
      return {
        total: rapor.total,
        predikat: rapor.predikat,
        bidang: rapor.bidang.map((b) => ({
          code: b.code,
          score: b.score,
          indikator: b.indikator.map((i) => ({ code: i.code, score: i.score })),
        })),
      };
    },

    async timeline(actor: Actor, id: string): Promise<TimelineItem[]> {
      await loadVisible(actor, id);
      const rows = await repo.timeline(id);
      return rows.map(({ a, nama }) => ({
        id: String(a.id),
        at: a.at.toISOString(),
        actorUsername: a.actorUsername,
        actorNama: nama,
        action: a.action,
        summary: summarize(a.action, a.before, a.after),
        reason: a.reason,
        before: a.before,
        after: a.after,
      }));
    },

    /** Reminders for the units the actor reports for: the current month's report due within 3 days, or late. */
    async reminders(actor: Actor, kodes: string[]) {
      const p = await repo.activePeriode(actor.pemdaKode, jakartaYear(clock.now()));
      if (!p || kodes.length === 0) return [];
      const cfg = p.settings as PeriodeConfig;
      const now = clock.now();
      const out: Array<{
        kind: 'jatuh_tempo' | 'terlambat';
        laporanId: string | null;
        message: string;
        dedupeKey: string;
      }> = [];
      const names = await repo.wilayahNames(kodes);
      for (const kode of kodes) {
        if (!levelOfUnit(kode)) continue;
        const reports = await repo.listForUnit(p.id, kode);
        // The most recent month already due, and the next one coming due.
        for (let m = 1; m <= 12; m++) {
          const due = dueAtFor(p.tahun, 'bulanan', m, cfg);
          const r = reports.find((x) => x.kind === 'bulanan' && x.bulan === m);
          if (r?.firstSubmittedAt) continue;
          const ms = due.getTime() - now.getTime();
          const what = `${laporanLabel('bulanan', m, p.tahun)} ${names.get(kode) ?? kode}`;
          if (ms > 0 && ms <= 3 * 86_400_000) {
            out.push({
              kind: 'jatuh_tempo',
              laporanId: r?.id ?? null,
              dedupeKey: `jatuh_tempo:${p.id}:${kode}:${m}`,
              message: `${what} jatuh tempo ${formatDue(due)}.`,
            });
          } else if (ms <= 0 && ms > -31 * 86_400_000) {
            out.push({
              kind: 'terlambat',
              laporanId: r?.id ?? null,
              dedupeKey: `terlambat:${p.id}:${kode}:${m}`,
              message: `${what} terlambat: batas waktu ${formatDue(due)} sudah lewat.`,
            });
          }
        }
      }
      return out;
    },
  };
}
export type LaporanService = ReturnType<typeof createLaporanService>;

const dueFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' });
const formatDue = (d: Date) => dueFormat.format(d);

const fmt = (v: unknown) =>
  typeof v === 'number'
    ? v.toLocaleString('id-ID', { maximumFractionDigits: 4 })
    : v === null || v === undefined
      ? '—'
      : String(v);

/** One line a person can read for each audit action of a report. */
function summarize(action: string, before: unknown, afterV: unknown): string {
  const a = (afterV ?? {}) as Record<string, unknown>;
  const b = (before ?? {}) as Record<string, unknown>;
  switch (action) {
    case 'laporan.created':
      return 'Membuat laporan';
    case 'laporan.entries_saved': {
      const parts = Object.entries(a).map(([code, v]) => {
        const nv = v as { value: number | null; tidakBerlaku: boolean };
        const ov = b[code] as { value: number | null; tidakBerlaku: boolean } | null;
        const show = (x: { value: number | null; tidakBerlaku: boolean } | null) =>
          x === null ? '—' : x.tidakBerlaku ? 'tidak berlaku' : fmt(x.value);
        return `${code}: ${show(ov ?? null)} → ${show(nv)}`;
      });
      return `Mengubah isian (${parts.join(', ')})`;
    }
    case 'laporan.submitted':
      return a.late ? 'Mengajukan laporan (terlambat)' : 'Mengajukan laporan';
    case 'laporan.endorsed':
      return 'Mengesahkan laporan (camat)';
    case 'laporan.returned':
      return a.by === 'camat' ? 'Mengembalikan laporan (camat)' : 'Mengembalikan laporan (verifikator)';
    case 'laporan.entry_decided': {
      const code = String(a.indikatorCode ?? '');
      if (a.decision === 'accepted') return `Menerima isian ${code}`;
      if (a.decision === 'corrected') return `Mengoreksi ${code}: ${fmt(b.value)} → ${fmt(a.correctedValue)}`;
      return `Menolak isian ${code}`;
    }
    case 'laporan.approved':
      return 'Menyetujui laporan; laporan dikunci';
    case 'laporan.reopened':
      return 'Membuka kembali laporan (admin)';
    case 'laporan.exception_granted':
      return `Memberi izin pengisian terlambat sampai ${a.until ? dueFormat.format(new Date(String(a.until))) : '—'}`;
    case 'evidence.uploaded':
      return `Mengunggah bukti dukung ${String(a.indikatorCode ?? '')}: ${String(a.originalName ?? '')}`;
    case 'evidence.deleted':
      return `Menghapus bukti dukung ${String(b.indikatorCode ?? '')}: ${String(b.originalName ?? '')}`;
    default:
      return action;
  }
}
