import { randomBytes, randomUUID } from 'node:crypto';
import { pemdaOf, type SkmKodeBatch, type SkmSettings as SkmUnitSettings } from '@sip/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { startOfDay } from '../../lib/time';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan } from '../authz/authz';
import type { Zones } from '../pemda/pemda.zona';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { SkmRepo } from './skm.repo';
import { createSkmUnits } from './skm.units';

/** Kode layanan alphabet: Crockford base32 (no I, L, O, U), read aloud and typed without mix-ups. */
const KODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function newKodeLayanan(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (const b of bytes) out += KODE_ALPHABET[b & 31];
  return out;
}
/** What a person typed (lower case, spaces, dash, O for 0, I/L for 1) as the stored code. */
export function normaliseKodeLayanan(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
export const formatKodeLayanan = (k: string) => `${k.slice(0, 4)}-${k.slice(4)}`;

export interface SkmKodeServiceDeps {
  db: Db;
  repo: SkmRepo;
  wilayah: Pick<WilayahRepo, 'get'>;
  audit: AuditRepo;
  zones: Zones;
  clock: Clock;
}

/**
 * Kode layanan (ADR 005): a unit may count only responses that bring a one-time code the service
 * counter handed out (printed slips with a QR code); the admin turns the mode on per unit and year.
 */
export function createSkmKodeService({ db, repo, wilayah, audit, zones, clock }: SkmKodeServiceDeps) {
  const { publicUnit } = createSkmUnits(wilayah);
  return {
    async unitSettings(actor: Actor, kode: string, tahun: number): Promise<SkmUnitSettings> {
      await publicUnit(kode);
      assertCan(actor, 'skm:kode-layanan', kode, 'Unit');
      const zona = await zones.zonaOf(pemdaOf(kode));
      const [mode, batches] = await Promise.all([
        repo.settings(kode, tahun),
        repo.batches(kode, startOfDay(zona, tahun, 1, 1), startOfDay(zona, tahun + 1, 1, 1)),
      ]);
      return {
        kode,
        tahun,
        kodeLayananWajib: mode.kodeLayananWajib,
        kodeLayanan: {
          dibuat: batches.reduce((n, b) => n + b.jumlah, 0),
          dipakai: batches.reduce((n, b) => n + b.dipakai, 0),
        },
        batches: batches.map((b) => ({
          batchId: b.batchId,
          createdAt: b.createdAt.toISOString(),
          jumlah: b.jumlah,
          dipakai: b.dipakai,
        })),
      };
    },

    /** Turns the kode layanan mode of a unit for a year on or off (admin; audited). */
    async saveUnitSettings(
      actor: Actor,
      kode: string,
      body: { tahun: number; kodeLayananWajib: boolean },
      ip: string | null,
    ) {
      await publicUnit(kode);
      assertCan(actor, 'skm:settings', kode, 'Unit');
      const before = await repo.settings(kode, body.tahun);
      if (before.kodeLayananWajib !== body.kodeLayananWajib) {
        await db.transaction(async (tx) => {
          await repo.saveSettings({ kode, ...body, by: actor.userId, now: clock.now() }, tx);
          await audit.record(
            actor,
            {
              action: 'skm.settings_updated',
              entity: 'skm_unit_settings',
              entityId: `${kode}/${body.tahun}`,
              before,
              after: { kodeLayananWajib: body.kodeLayananWajib },
              ip,
            },
            tx,
          );
        });
      }
      return this.unitSettings(actor, kode, body.tahun);
    },

    /** A batch of one-time codes for the service counter (printed as slips with a QR code). */
    async createKodeBatch(
      actor: Actor,
      kode: string,
      jumlah: number,
      ip: string | null,
    ): Promise<SkmKodeBatch> {
      const unit = await publicUnit(kode);
      assertCan(actor, 'skm:kode-layanan', kode, 'Unit');
      const batchId = randomUUID();
      const now = clock.now();
      await db.transaction(async (tx) => {
        let made = 0;
        // 40 random bits per code: a clash is rare; a clashing code is simply drawn again.
        while (made < jumlah) {
          const rows = Array.from({ length: jumlah - made }, () => ({
            kode: newKodeLayanan(),
            wilayahKode: kode,
            batchId,
            createdAt: now,
            createdBy: actor.userId,
          }));
          made += await repo.insertCodes(rows, tx);
        }
        await audit.record(
          actor,
          {
            action: 'skm.kode_layanan_created',
            entity: 'skm_kode_layanan',
            entityId: batchId,
            before: null,
            after: { wilayahKode: kode, jumlah },
            ip,
          },
          tx,
        );
      });
      return this.kodeBatch(actor, unit.kode, batchId);
    },

    async kodeBatch(actor: Actor, kode: string, batchId: string): Promise<SkmKodeBatch> {
      const unit = await publicUnit(kode);
      assertCan(actor, 'skm:kode-layanan', kode, 'Unit');
      const rows = await repo.batch(kode, batchId);
      if (rows.length === 0) throw new AppError('NOT_FOUND', 'Kumpulan kode layanan tidak ditemukan.');
      return {
        batchId,
        kode: unit.kode,
        nama: unit.nama,
        level: unit.level,
        createdAt: (rows[0]?.createdAt ?? clock.now()).toISOString(),
        items: rows.map((r) => ({ kode: formatKodeLayanan(r.kode), dipakai: r.usedAt !== null })),
      };
    },
  };
}
export type SkmKodeService = ReturnType<typeof createSkmKodeService>;
