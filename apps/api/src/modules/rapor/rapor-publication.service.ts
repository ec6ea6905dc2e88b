import type { PublicationPreview, PublicationsResponse } from '@sip/contracts';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan } from '../authz/authz';
import type { LaporanInputs } from '../laporan/laporan.inputs';
import type { PeriodeHead, PeriodeService } from '../periode/periode.service';
import type { SkmService } from '../skm/skm.service';
import type { RaporCache } from './rapor.cache';
import type { UnitResult } from './rapor.compute';
import type { RaporRepo } from './rapor.repo';
import { publicationSummaries, toSnapshot } from './rapor.snapshot';
import type { RaporViews } from './rapor.views';
import type { KeberatanService } from './rapor-keberatan.service';

export interface RaporPublicationServiceDeps {
  db: Db;
  repo: RaporRepo;
  views: RaporViews;
  cache: Pick<RaporCache, 'invalidatePeriode'>;
  periode: Pick<PeriodeService, 'transition' | 'getPeriode'>;
  /** The camat and lurah of each unit over the year, read fresh (position history, else the accounts on record). */
  officials: (pemdaKode: string, tahun: number) => Promise<Map<string, string>>;
  skm: Pick<SkmService, 'countedResponses'>;
  laporan: Pick<LaporanInputs, 'openWork'>;
  keberatan: Pick<KeberatanService, 'openCount'>;
  audit: AuditRepo;
  events: Pick<Events, 'emit'>;
  clock: Clock;
}

const DEFAULT_REASON = 'Pengumuman hasil penilaian';

/**
 * Publication (DESIGN.md "Yearly cycle" step 5): the admin closes and announces a periode, which
 * stores an immutable snapshot (revision 1); a correction afterwards is a new numbered revision with
 * its reason, and earlier revisions stay readable.
 */
export function createRaporPublicationService({
  db,
  repo,
  views,
  cache,
  periode,
  officials: officialsOf,
  skm,
  laporan,
  keberatan,
  audit,
  events,
  clock,
}: RaporPublicationServiceDeps) {
  async function manageable(actor: Actor, tahun: number) {
    const p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
    assertCan(actor, 'rapor:publish', p.pemdaKode, 'Periode');
    return p;
  }

  /** Stores revision `revision` of the periode's results, computed afresh from the database. */
  async function publishRevision(
    actor: Actor,
    p: PeriodeHead,
    revision: number,
    reason: string,
    ip: string | null,
  ) {
    cache.invalidatePeriode(p.id);
    const full = await periode.getPeriode(p.id);
    if (!full) throw new AppError('NOT_FOUND', `Periode ${p.tahun} tidak ditemukan.`);
    const framework = full.framework;
    const view = await views.runningView(p);
    // Read fresh: the names a publication keeps forever, and the SKM count its IKM inputs rest on
    // (read after the view, which was rebuilt above, so a response counted in it is in the count).
    const [officialRows, skmResponses] = await Promise.all([
      officialsOf(p.pemdaKode, p.tahun),
      skm.countedResponses(p.pemdaKode, p.tahun),
    ]);
    const officials = officialRows;
    const { inputs, results } = toSnapshot(view, officials, skmResponses);
    try {
      await db.transaction(async (tx) => {
        const inserted = await repo.insertPublication(
          {
            periodeId: p.id,
            pemdaKode: p.pemdaKode,
            tahun: p.tahun,
            revision,
            reason,
            formulaVersion: framework.settings.formulaVersion,
            framework,
            inputs,
            results,
            publishedAt: clock.now(),
            publishedBy: actor.userId,
            publishedByName: actor.namaLengkap,
          },
          tx,
        );
        await audit.record(
          actor,
          {
            action: revision === 1 ? 'rapor.published' : 'rapor.revised',
            entity: 'rapor_publikasi',
            entityId: inserted?.id ?? null,
            pemdaKode: p.pemdaKode,
            after: { tahun: p.tahun, revision, formulaVersion: framework.settings.formulaVersion },
            reason: reason || null,
            ip,
          },
          tx,
        );
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppError(
          'CONFLICT',
          `Revisi ${revision} baru saja diterbitkan orang lain. Muat ulang halaman.`,
        );
      }
      throw err;
    }
    events.emit('rapor.published', { periodeId: p.id, revision });
  }

  /**
   * Publishing `p` now: the months it counts, the checklist of what is still open, and the units
   * an early date changes.
   */
  async function previewOf(p: PeriodeHead): Promise<PublicationPreview> {
    const monthsDue = views.monthsDueOf(p);
    const [running, work, keberatanTerbuka] = await Promise.all([
      views.runningView(p),
      laporan.openWork(p.id),
      keberatan.openCount(p.id),
    ]);
    const checklist = {
      menungguKajian: work.menungguKajian,
      tahunanBelum: Math.max(0, running.units.size - work.tahunanTerverifikasi),
      keberatanTerbuka,
    };
    const open =
      monthsDue < 12 || checklist.menungguKajian > 0 || checklist.tahunanBelum > 0 || keberatanTerbuka > 0;
    const base = { tahun: p.tahun, monthsDue, units: running.units.size, checklist, open };
    if (monthsDue >= 12) return { ...base, early: false, changed: [] };
    const yearEnd = await views.yearEndResults(p);
    const changed = [...running.units.values()].flatMap((now: UnitResult) => {
      const end = yearEnd.get(now.unit.kode);
      if (!end || end.rapor.predikat === now.rapor.predikat) return [];
      return [
        {
          kode: now.unit.kode,
          nama: now.unit.nama,
          level: now.unit.level,
          totalNow: now.rapor.total,
          predikatNow: now.rapor.predikat,
          totalYearEnd: end.rapor.total,
          predikatYearEnd: end.rapor.predikat,
        },
      ];
    });
    return { ...base, early: true, changed };
  }

  async function publicationsOf(p: PeriodeHead): Promise<PublicationsResponse> {
    const [rows, published] = await Promise.all([repo.publications(p.id), views.published(p)]);
    return {
      tahun: p.tahun,
      pemdaNama: published?.pemdaNama ?? null,
      periodeStatus: p.status,
      periodeVersion: p.version,
      revisions: publicationSummaries(rows),
    };
  }

  return {
    async publications(actor: Actor, tahun: number): Promise<PublicationsResponse> {
      return publicationsOf(await manageable(actor, tahun));
    },

    /** What publishing now would count, for the admin to read before he confirms. */
    async preview(actor: Actor, tahun: number): Promise<PublicationPreview> {
      return previewOf(await manageable(actor, tahun));
    },

    /**
     * Closes the periode if needed, stores revision 1 and announces the periode. While the
     * checklist has open items, only with `konfirmasi` and a reason (the admin has seen it).
     */
    async publish(
      actor: Actor,
      tahun: number,
      { reason, konfirmasi }: { reason: string; konfirmasi: boolean },
      ip: string | null,
    ): Promise<PublicationsResponse> {
      let p = await manageable(actor, tahun);
      if (p.latihan) {
        throw new AppError(
          'CONFLICT',
          'Ini periode latihan: hasilnya tidak pernah diumumkan. Daftar periksa sebelum pengumuman tetap dapat dilihat untuk berlatih.',
          { reason: 'PERIODE_LATIHAN' },
        );
      }
      const existing = await repo.latestRevision(p.id);
      if (p.status === 'diumumkan' && existing > 0) {
        throw new AppError(
          'CONFLICT',
          `Hasil periode ${tahun} sudah diumumkan dan tidak dapat diubah. Koreksi diterbitkan sebagai revisi dengan alasan.`,
          { reason: 'ALREADY_PUBLISHED' },
        );
      }
      if (p.status !== 'diumumkan') {
        const { monthsDue, checklist, open } = await previewOf(p);
        if (open && !konfirmasi) {
          const items = [
            monthsDue < 12 ? `baru ${monthsDue} dari 12 laporan bulanan yang jatuh tempo` : null,
            checklist.menungguKajian > 0 ? `${checklist.menungguKajian} laporan menunggu kajian` : null,
            checklist.tahunanBelum > 0
              ? `${checklist.tahunanBelum} unit belum punya laporan tahunan terverifikasi`
              : null,
            checklist.keberatanTerbuka > 0
              ? `${checklist.keberatanTerbuka} keberatan belum diputuskan`
              : null,
          ].filter(Boolean);
          throw new AppError(
            'CONFLICT',
            `Masih terbuka untuk ${tahun}: ${items.join('; ')}. Hasil yang diumumkan sekarang hanya menghitung data yang ada. Periksa daftar periksa, lalu konfirmasi dengan alasan.`,
            { reason: 'OPEN_CHECKLIST', monthsDue, ...checklist },
          );
        }
        if (open && reason.length < 10) {
          throw new AppError('VALIDATION', 'Tuliskan alasan mengumumkan meski masih ada yang terbuka.', [
            { path: 'body.reason', message: 'Alasan minimal 10 karakter' },
          ]);
        }
      }
      if (p.status === 'aktif') {
        await periode.transition(
          actor,
          p.id,
          { version: p.version, to: 'ditutup', reason: reason || DEFAULT_REASON },
          ip,
        );
        p = await views.periodeOf(actor.pemdaKode, tahun, actor.latihan);
      }
      if (existing === 0) await publishRevision(actor, p, 1, reason || DEFAULT_REASON, ip);
      if (p.status === 'ditutup') {
        await periode.transition(
          actor,
          p.id,
          { version: p.version, to: 'diumumkan', reason: reason || undefined },
          ip,
        );
      }
      cache.invalidatePeriode(p.id);
      return publicationsOf(await views.periodeOf(actor.pemdaKode, tahun, actor.latihan));
    },

    /** A correction after publication: a new numbered revision with its reason; earlier ones stay. */
    async revise(
      actor: Actor,
      tahun: number,
      reason: string,
      ip: string | null,
    ): Promise<PublicationsResponse> {
      const p = await manageable(actor, tahun);
      const latest = await repo.latestRevision(p.id);
      if (p.status !== 'diumumkan' || latest === 0) {
        throw new AppError(
          'CONFLICT',
          `Periode ${tahun} belum diumumkan; revisi hanya untuk hasil yang sudah diumumkan.`,
        );
      }
      await publishRevision(actor, p, latest + 1, reason, ip);
      return publicationsOf(p);
    },
  };
}
export type RaporPublicationService = ReturnType<typeof createRaporPublicationService>;
