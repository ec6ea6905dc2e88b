import {
  type EntryInput,
  entryInputSchema,
  frequencyOfKind,
  kecamatanOf,
  type LaporanDetail,
  type LaporanKind,
  type OpenLaporanBody,
  type PreviewResponse,
  previewInputOf,
  type SaveEntriesResponse,
  type TimelineItem,
  type UnitLaporanOverview,
  unitLevelOf,
} from '@sip/contracts';
import { checkEntryValue, createScorer, previewRapor, reportedIndikator } from '@sip/scoring';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, can } from '../authz/authz';
import type { LoadedPeriode, PeriodeService } from '../periode/periode.service';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { LaporanDetailReader } from './laporan.detail';
import { entryDto, iso } from './laporan.dto';
import type { EntryInsert, LaporanRepo } from './laporan.repo';
import { complianceOf, dueAtFor, lockInputOf, lockReason, opensAtFor } from './laporan.state';
import { timelineItem } from './laporan.timeline';

export interface LaporanServiceDeps {
  db: Db;
  repo: LaporanRepo;
  reader: LaporanDetailReader;
  periode: Pick<PeriodeService, 'getPeriode' | 'getCurrentPeriode'>;
  wilayah: Pick<WilayahRepo, 'get'>;
  audit: AuditRepo;
  clock: Clock;
}

export const STALE_MESSAGE =
  'Laporan ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.';

/** The unit's side of a report: the year's overview, opening a report, filling it, its preview and timeline. */
export function createLaporanService({
  db,
  repo,
  reader,
  periode,
  wilayah,
  audit,
  clock,
}: LaporanServiceDeps) {
  /** The periode asked for (of the actor's pemda), or the one reports are filled for now. */
  async function periodeFor(actor: Actor, periodeId: string | undefined): Promise<LoadedPeriode | undefined> {
    if (periodeId) {
      const p = await periode.getPeriode(periodeId);
      if (!p || p.pemdaKode !== actor.pemdaKode) throw new AppError('NOT_FOUND', 'Periode tidak ditemukan.');
      return p;
    }
    return periode.getCurrentPeriode(actor.pemdaKode, clock.now(), actor.latihan);
  }

  /** The unit's name, when `kode` is a kecamatan or kelurahan that exists. */
  async function unitOrThrow(kode: string) {
    const level = unitLevelOf(kode);
    const w = level ? await wilayah.get(kode) : undefined;
    if (!level || !w) throw new AppError('NOT_FOUND', 'Unit tidak ditemukan.');
    return { kode, nama: w.nama, level };
  }

  return {
    async overview(actor: Actor, kode: string, periodeId?: string): Promise<UnitLaporanOverview> {
      assertCan(actor, 'laporan:read', kode, 'Unit');
      const unit = await unitOrThrow(kode);
      const p = await periodeFor(actor, periodeId);
      const canCreate = can(actor, 'laporan:edit', kode) || can(actor, 'laporan:manage', kode);
      if (!p) return { periode: null, unit, canCreate, reports: [] };
      const existing = await repo.listForUnit(p.id, kode);
      const now = clock.now();
      const slots: Array<{ kind: LaporanKind; bulan: number | null }> = [
        ...Array.from({ length: 12 }, (_, i) => ({ kind: 'bulanan' as const, bulan: i + 1 })),
        { kind: 'tahunan', bulan: null },
      ];
      return {
        periode: { id: p.id, tahun: p.tahun, status: p.status },
        unit,
        canCreate,
        reports: slots.map(({ kind, bulan }) => {
          const r = existing.find((x) => x.kind === kind && x.bulan === bulan);
          const dueAt = r?.dueAt ?? dueAtFor(p, kind, bulan);
          const compliance = complianceOf(r?.firstSubmittedAt, dueAt, now);
          return {
            kind,
            bulan,
            id: r?.id ?? null,
            status: r?.status ?? null,
            dueAt: dueAt.toISOString(),
            submittedAt: iso(r?.submittedAt),
            late: compliance === 'terlambat' || compliance === 'belum',
            open: now >= opensAtFor(p, kind, bulan),
          };
        }),
      };
    },

    /** Opens a unit's report for a month or the year, creating it on first open (by who may fill it, or an admin). */
    async open(actor: Actor, body: OpenLaporanBody, ip: string | null) {
      assertCan(actor, 'laporan:read', body.wilayahKode, 'Unit');
      const p = await periodeFor(actor, body.periodeId);
      if (!p) throw new AppError('NOT_FOUND', 'Belum ada periode aktif.');
      const unit = await unitOrThrow(body.wilayahKode);
      const key = { periodeId: p.id, wilayahKode: body.wilayahKode, kind: body.kind, bulan: body.bulan };
      const existing = await repo.findByKey(key);
      if (existing) return { created: false, detail: await reader.detail(actor, existing) };
      if (!can(actor, 'laporan:edit', body.wilayahKode) && !can(actor, 'laporan:manage', body.wilayahKode)) {
        throw new AppError('NOT_FOUND', 'Laporan ini belum dibuat oleh unit.');
      }
      if (p.status !== 'aktif')
        throw new AppError('CONFLICT', `Periode ${p.tahun} tidak aktif; laporan baru tidak dapat dibuat.`);
      const now = clock.now();
      const dueAt = dueAtFor(p, body.kind, body.bulan);
      if (now < opensAtFor(p, body.kind, body.bulan)) {
        const draft = {
          ...key,
          status: 'draf' as const,
          endorsementRequired: false,
          dueAt,
          firstSubmittedAt: null,
          exceptionUntil: null,
        };
        throw new AppError(
          'CONFLICT',
          lockReason(lockInputOf(draft, p, now, true)) ?? 'Laporan ini belum dapat diisi.',
        );
      }
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insert(
          {
            ...key,
            kecamatanKode: kecamatanOf(body.wilayahKode),
            level: unit.level,
            dueAt,
            createdAt: now,
            updatedAt: now,
          },
          tx,
        );
        if (inserted)
          await audit.record(
            actor,
            { action: 'laporan.created', entity: 'laporan', entityId: inserted.id, after: key, ip },
            tx,
          );
        return inserted;
      });
      const final = row ?? (await repo.findByKey(key));
      if (!final) throw new AppError('INTERNAL', 'Laporan tidak dapat dibuat.');
      return { created: Boolean(row), detail: await reader.detail(actor, final) };
    },

    async get(actor: Actor, id: string): Promise<LaporanDetail> {
      return reader.detail(actor, await reader.loadVisible(actor, id));
    },

    /** Saves changed entries of an editable report; every entry carries the version its writer read. */
    async saveEntries(
      actor: Actor,
      id: string,
      input: EntryInput[],
      ip: string | null,
    ): Promise<SaveEntriesResponse> {
      const parsed = input.map((e) => entryInputSchema.parse(e));
      const now = clock.now();
      await db.transaction(async (tx) => {
        const row = await reader.loadVisible(actor, id, tx, true);
        assertCan(actor, 'laporan:edit', row.wilayahKode, 'Laporan');
        const p = await reader.periodeOf(row.periodeId, tx);
        const lock = lockReason(lockInputOf(row, p, now, true));
        if (lock) throw new AppError('CONFLICT', lock);
        const indikator = new Map(
          reportedIndikator(p.framework, row.level, frequencyOfKind[row.kind]).map((i) => [i.code, i]),
        );
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
        await audit.record(
          actor,
          {
            action: 'laporan.entries_saved',
            entity: 'laporan',
            entityId: id,
            before,
            after: afterValues,
            ip,
          },
          tx,
        );
      });
      const entries = await repo.entries(id);
      return { entries: entries.map(entryDto), savedAt: now.toISOString() };
    },

    /** The same numbers the browser previews (previewRapor from the same detail): the report as it stands. */
    async preview(actor: Actor, id: string): Promise<PreviewResponse> {
      const d = await reader.detail(actor, await reader.loadVisible(actor, id));
      const rapor = previewRapor({ scorer: createScorer(d.framework), ...previewInputOf(d, d.entries) });
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
      await reader.loadVisible(actor, id);
      return (await audit.history('laporan', id)).map(timelineItem);
    },
  };
}
export type LaporanService = ReturnType<typeof createLaporanService>;
