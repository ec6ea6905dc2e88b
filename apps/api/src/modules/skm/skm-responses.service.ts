import {
  pemdaOf,
  type SkmKarantinaSummary,
  type SkmPaperBody,
  type SkmResponseStatus,
  skmUnsurKeys,
} from '@sip/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import { dayIn } from '../../lib/time';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, can, scopesFor } from '../authz/authz';
import type { Zones } from '../pemda/pemda.zona';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { SaranStatus, SkmNewResponse, SkmRepo, SkmScope } from './skm.repo';
import { answersOf, createSkmUnits, refuse, saranItem } from './skm.units';

export interface SkmResponsesServiceDeps {
  db: Db;
  repo: SkmRepo;
  wilayah: Pick<WilayahRepo, 'get'>;
  audit: AuditRepo;
  zones: Zones;
  clock: Clock;
  events: Pick<Events, 'emit'>;
}

/**
 * What officers do with the responses of their units (ADR 004, 005): list them, void one, release a
 * quarantined one, see what waits in quarantine, type in a paper questionnaire, and moderate the
 * suggestions before they are shown. Every change is audited with its reason.
 */
export function createSkmResponsesService({
  db,
  repo,
  wilayah,
  audit,
  zones,
  clock,
  events,
}: SkmResponsesServiceDeps) {
  const { publicUnit } = createSkmUnits(wilayah);
  return {
    async listResponses(
      actor: Actor,
      kode: string,
      q: {
        tahun: number;
        semester?: number | undefined;
        status?: SkmResponseStatus | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      assertCan(actor, 'skm:void', kode, 'Unit');
      const { rows, total } = await repo.listResponses({ kode, ...q });
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          wilayahKode: r.wilayahKode,
          submittedAt: r.submittedAt.toISOString(),
          jawaban: Object.fromEntries(skmUnsurKeys.map((k) => [k, r[k]])),
          layanan: r.layanan,
          status: r.status,
          sumber: r.sumber,
          voidedAt: r.voidedAt?.toISOString() ?? null,
          voidReason: r.voidReason,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async voidResponse(actor: Actor, id: number, alasan: string, ip: string | null) {
      const r = await repo.get(id);
      if (!r || !can(actor, 'skm:read', r.wilayahKode))
        throw new AppError('NOT_FOUND', 'Jawaban survei tidak ditemukan.');
      assertCan(actor, 'skm:void', r.wilayahKode, 'Jawaban survei');
      if (r.status === 'dibatalkan')
        throw new AppError('CONFLICT', 'Jawaban ini sudah dibatalkan sebelumnya.');
      await db.transaction(async (tx) => {
        const done = await repo.void(id, actor.userId, alasan, clock.now(), tx);
        if (!done) throw new AppError('CONFLICT', 'Jawaban ini sudah dibatalkan sebelumnya.');
        await audit.record(
          actor,
          {
            action: 'skm.response_voided',
            entity: 'skm_response',
            entityId: String(id),
            before: { wilayahKode: r.wilayahKode, voided: false, status: r.status },
            after: { wilayahKode: r.wilayahKode, voided: true, status: 'dibatalkan' },
            reason: alasan,
            ip,
          },
          tx,
        );
      });
      events.emit('skm.voided', { wilayahKode: r.wilayahKode });
      return { ok: true as const };
    },

    /** A quarantined response an admin judges genuine: it counts from now on (audited, reason kept). */
    async releaseResponse(actor: Actor, id: number, alasan: string, ip: string | null) {
      const r = await repo.get(id);
      if (!r || !can(actor, 'skm:read', r.wilayahKode))
        throw new AppError('NOT_FOUND', 'Jawaban survei tidak ditemukan.');
      assertCan(actor, 'skm:void', r.wilayahKode, 'Jawaban survei');
      const notHeld = () =>
        new AppError('CONFLICT', 'Jawaban ini tidak sedang dikarantina (sudah dilepas atau dibatalkan).');
      if (r.status !== 'karantina') throw notHeld();
      await db.transaction(async (tx) => {
        if (!(await repo.release(id, tx))) throw notHeld();
        await audit.record(
          actor,
          {
            action: 'skm.response_released',
            entity: 'skm_response',
            entityId: String(id),
            before: { wilayahKode: r.wilayahKode, status: 'karantina' },
            after: { wilayahKode: r.wilayahKode, status: 'diterima' },
            reason: alasan,
            ip,
          },
          tx,
        );
      });
      events.emit('skm.responded', { wilayahKode: r.wilayahKode });
      return { ok: true as const };
    },

    /** Quarantined responses waiting, per unit, within the actor's reach under `kode`. */
    async karantina(actor: Actor, kode: string): Promise<SkmKarantinaSummary> {
      assertCan(actor, 'skm:void', kode, 'Wilayah');
      const items = await repo.karantinaCounts([kode]);
      return { items, total: items.reduce((n, i) => n + i.jumlah, 0) };
    },

    /** A paper questionnaire collected at the office, typed in by an officer (audited, `kertas`). */
    async enterPaper(actor: Actor, kode: string, body: SkmPaperBody, ip: string | null) {
      const unit = await publicUnit(kode);
      assertCan(actor, 'skm:enter-paper', kode, 'Unit');
      const prev = await repo.findByIdempotencyKey(body.idempotencyKey);
      if (prev) {
        if (prev.wilayahKode !== kode)
          throw new AppError(
            'CONFLICT',
            'Kunci pengiriman ini sudah dipakai untuk unit lain. Muat ulang formulir.',
          );
        return { id: String(prev.id), ulang: true };
      }
      const now = clock.now();
      const today = dayIn(now, await zones.zonaOf(pemdaOf(kode)));
      if (body.tanggal > today) {
        throw refuse('Tanggal pengisian tidak boleh setelah hari ini.', 'body.tanggal');
      }
      const [y, m] = body.tanggal.split('-').map(Number) as [number, number];
      if (y < Number(today.slice(0, 4)) - 1) {
        throw refuse(
          'Kuesioner kertas hanya dapat dimasukkan untuk tahun ini atau tahun lalu.',
          'body.tanggal',
        );
      }
      const values: SkmNewResponse = {
        wilayahKode: kode,
        submittedAt: now,
        tahun: y,
        semester: m <= 6 ? 1 : 2,
        day: body.tanggal,
        ...answersOf(body),
        // Paper has no device: a key of its own keeps the one-per-device rule out of the way.
        deviceId: `kertas:${body.idempotencyKey}`,
        status: 'diterima',
        sumber: 'kertas',
        formNonce: null,
        kodeLayanan: null,
        enteredBy: actor.userId,
      };
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertIn(tx, values);
        if (newId === undefined) return undefined;
        await audit.record(
          actor,
          {
            action: 'skm.paper_entered',
            entity: 'skm_response',
            entityId: String(newId),
            before: null,
            after: { wilayahKode: kode, sumber: 'kertas', tanggal: body.tanggal, jawaban: body.jawaban },
            ip,
          },
          tx,
        );
        return newId;
      });
      if (id === undefined) {
        const again = await repo.findByIdempotencyKey(body.idempotencyKey);
        if (again) return { id: String(again.id), ulang: true };
        throw new AppError(
          'CONFLICT',
          `Kuesioner ini tidak dapat disimpan untuk ${unit.nama}. Muat ulang formulir.`,
        );
      }
      events.emit('skm.responded', { wilayahKode: kode });
      return { id: String(id), ulang: false };
    },

    async listSaran(
      actor: Actor,
      q: { status: SaranStatus; kode?: string | undefined; page: number; pageSize: number },
    ) {
      let scope: SkmScope;
      if (q.kode) {
        assertCan(actor, 'skm:moderate', q.kode, 'Unit');
        scope = { kodes: [q.kode] };
      } else {
        const { within } = scopesFor(actor, 'skm:moderate');
        if (within.length === 0)
          throw new AppError('FORBIDDEN', 'Peran Anda tidak berwenang memoderasi saran.');
        scope = { kodes: within };
      }
      const { rows, total } = await repo.saran({
        scope,
        status: q.status,
        page: q.page,
        pageSize: q.pageSize,
      });
      return {
        items: rows.map((r) => saranItem(r, q.status)),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async moderate(actor: Actor, id: number, status: 'disetujui' | 'disembunyikan', ip: string | null) {
      const r = await repo.get(id);
      if (!r || r.saranStatus === null || !can(actor, 'skm:read', r.wilayahKode)) {
        throw new AppError('NOT_FOUND', 'Saran tidak ditemukan.');
      }
      assertCan(actor, 'skm:moderate', r.wilayahKode, 'Saran');
      await db.transaction(async (tx) => {
        await repo.moderate(id, status, actor.userId, clock.now(), tx);
        await audit.record(
          actor,
          {
            action: 'skm.saran_moderated',
            entity: 'skm_response',
            entityId: String(id),
            before: { saranStatus: r.saranStatus },
            after: { saranStatus: status },
            ip,
          },
          tx,
        );
      });
      return { ok: true as const };
    },
  };
}
export type SkmResponsesService = ReturnType<typeof createSkmResponsesService>;
