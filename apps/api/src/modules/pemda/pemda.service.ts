import {
  type Bantuan,
  type BantuanBody,
  defaultZonaOf,
  type PemdaZona,
  type PemdaZonaBody,
} from '@sip/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan } from '../authz/authz';
import type { LaporanRepo } from '../laporan/laporan.repo';
import { dueAtFor } from '../laporan/laporan.state';
import type { PeriodeRepo } from '../periode/periode.repo';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { PemdaRepo } from './pemda.repo';
import { zonaOrDefault } from './pemda.zona';

export interface PemdaServiceDeps {
  db: Db;
  repo: PemdaRepo;
  wilayah: WilayahRepo;
  audit: AuditRepo;
  events: Pick<Events, 'emit'>;
  clock: Clock;
  /** The periodes whose reports carry a due instant (recomputed when the zone changes). */
  periodes: Pick<PeriodeRepo, 'heads'>;
  laporan: Pick<LaporanRepo, 'setDueAt'>;
}

/** The pemda's own settings that are not tied to a year: where its people get help, its time zone. */
export function createPemdaService({
  db,
  repo,
  wilayah,
  audit,
  events,
  clock,
  periodes,
  laporan,
}: PemdaServiceDeps) {
  async function assertPemda(pemdaKode: string) {
    const w = await wilayah.get(pemdaKode);
    if (w?.level !== 'kabupaten_kota') throw new AppError('NOT_FOUND', 'Pemda tidak ditemukan.');
    return w;
  }

  async function load(pemdaKode: string): Promise<Bantuan> {
    const w = await assertPemda(pemdaKode);
    const row = await repo.getBantuan(pemdaKode);
    return {
      pemdaKode,
      pemdaNama: w.nama,
      diisi: Boolean(row && row.version > 0),
      nama: row?.nama ?? '',
      telepon: row?.telepon ?? '',
      whatsapp: row?.whatsapp ?? '',
      email: row?.email ?? '',
      jamLayanan: row?.jamLayanan ?? '',
      alamat: row?.alamat ?? '',
      version: row?.version ?? 0,
      updatedAt: row?.updatedAt?.toISOString() ?? null,
    };
  }

  return {
    /** Public: anyone may know where to ask for help. */
    bantuan: load,

    async updateBantuan(
      actor: Actor,
      pemdaKode: string,
      body: BantuanBody,
      ip: string | null,
    ): Promise<Bantuan> {
      assertCan(actor, 'pemda:settings', pemdaKode, 'Pemda');
      const before = await load(pemdaKode);
      const { version, ...values } = body;
      await db.transaction(async (tx) => {
        const saved = await repo.saveBantuan(pemdaKode, values, version, actor.userId, clock.now(), tx);
        if (!saved) {
          throw new AppError(
            'STALE',
            'Kontak bantuan sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.',
          );
        }
        const { nama, telepon, whatsapp, email, jamLayanan, alamat } = before;
        await audit.record(
          actor,
          {
            action: 'pemda.bantuan_updated',
            entity: 'pemda',
            entityId: pemdaKode,
            before: before.diisi ? { nama, telepon, whatsapp, email, jamLayanan, alamat } : null,
            after: values,
            ip,
          },
          tx,
        );
      });
      return load(pemdaKode);
    },

    async zona(actor: Actor, pemdaKode: string): Promise<PemdaZona> {
      assertCan(actor, 'pemda:settings', pemdaKode, 'Pemda');
      return loadZona(pemdaKode);
    },

    /** The admin sets the zone every deadline, "today" and date of the pemda is read in. */
    async updateZona(
      actor: Actor,
      pemdaKode: string,
      body: PemdaZonaBody,
      ip: string | null,
    ): Promise<PemdaZona> {
      assertCan(actor, 'pemda:settings', pemdaKode, 'Pemda');
      const before = await loadZona(pemdaKode);
      await db.transaction(async (tx) => {
        const saved = await repo.saveZona(pemdaKode, body.zona, body.version, actor.userId, clock.now(), tx);
        if (!saved) {
          throw new AppError(
            'STALE',
            'Zona waktu sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda.',
          );
        }
        // Reports keep the instant they are due: those of periodes not yet announced move with the zone.
        for (const latihan of [false, true]) {
          for (const p of await periodes.heads(pemdaKode, latihan, tx)) {
            if (p.status === 'diumumkan') continue;
            const calendar = { tahun: p.tahun, settings: p.settings, zona: body.zona };
            for (let bulan = 1; bulan <= 12; bulan++)
              await laporan.setDueAt(p.id, 'bulanan', bulan, dueAtFor(calendar, 'bulanan', bulan), tx);
            await laporan.setDueAt(p.id, 'tahunan', null, dueAtFor(calendar, 'tahunan', null), tx);
          }
        }
        await audit.record(
          actor,
          {
            action: 'pemda.zona_updated',
            entity: 'pemda',
            entityId: pemdaKode,
            before: { zona: before.zona, diatur: before.diatur },
            after: { zona: body.zona },
            ip,
          },
          tx,
        );
      });
      events.emit('pemda.zona_changed', { pemdaKode });
      return loadZona(pemdaKode);
    },
  };

  async function loadZona(pemdaKode: string): Promise<PemdaZona> {
    await assertPemda(pemdaKode);
    const row = await repo.getSetting(pemdaKode);
    return {
      pemdaKode,
      zona: zonaOrDefault(pemdaKode, row?.zona),
      bawaan: defaultZonaOf(pemdaKode),
      diatur: Boolean(row && row.version > 0),
      version: row?.version ?? 0,
      updatedAt: row?.updatedAt?.toISOString() ?? null,
    };
  }
}
export type PemdaService = ReturnType<typeof createPemdaService>;
