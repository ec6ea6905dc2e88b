import { type BerandaTugas, type LaporanKind, type Tugas, unitLevelOf } from '@sip/contracts';
import type { Clock } from '../../lib/clock';
import { calendarDaysBetween, yearIn } from '../../lib/time';
import { type Actor, can, reportingUnits, scopesFor } from '../authz/authz';
import type { QueueService } from '../laporan/laporan.queue';
import type { LaporanRepo } from '../laporan/laporan.repo';
import {
  dueAtFor,
  editableStatuses,
  lockInputOf,
  lockReason,
  monthsDueAt,
  opensAtFor,
} from '../laporan/laporan.state';
import type { PeriodeHead, PeriodeService } from '../periode/periode.service';
import type { SkmResponsesService } from '../skm/skm-responses.service';
import type { UsersService } from '../users/users.service';
import type { WilayahRepo } from '../wilayah/wilayah.repo';

export interface BerandaServiceDeps {
  periode: Pick<PeriodeService, 'visibleTo'>;
  laporan: Pick<LaporanRepo, 'listForUnit' | 'entries' | 'monthlyReports'>;
  queue: Pick<QueueService, 'list'>;
  users: Pick<UsersService, 'list'>;
  skm: Pick<SkmResponsesService, 'karantina'>;
  wilayah: Pick<WilayahRepo, 'getMany' | 'unitsOf'>;
  clock: Clock;
}

/** The end of what a report covers: the first instant of the next month (of the next year). */
const reportedSpanEndsAt = (p: PeriodeHead, kind: LaporanKind, bulan: number | null) =>
  kind === 'bulanan'
    ? opensAtFor(p, 'bulanan', (bulan ?? 1) + 1)
    : opensAtFor({ tahun: p.tahun + 1, zona: p.zona }, 'bulanan', 1);

const SLOTS: ReadonlyArray<{ kind: LaporanKind; bulan: number | null }> = [
  ...Array.from({ length: 12 }, (_, i) => ({ kind: 'bulanan' as const, bulan: i + 1 })),
  { kind: 'tahunan', bulan: null },
];

/**
 * The home page's to-do list (issue 16, item 9): what the signed-in person should do next, from the
 * data, per year he may see. Each role's part reuses the module that already answers it: the unit's
 * reports (laporan repo and its lock rules), the review queue, the user list's locks, SKM quarantine.
 */
export function createBerandaService({
  periode,
  laporan,
  queue,
  users,
  skm,
  wilayah,
  clock,
}: BerandaServiceDeps) {
  /** Reports of the actor's units in an aktif periode that are open and can still be filled or submitted. */
  async function unitTasks(actor: Actor, p: PeriodeHead, now: Date): Promise<Tugas[]> {
    if (p.status !== 'aktif') return [];
    const kodes = [...new Set(reportingUnits(actor))].filter((k) => unitLevelOf(k));
    if (kodes.length === 0) return [];
    const names = new Map((await wilayah.getMany(kodes)).map((w) => [w.kode, w.nama]));
    const out: Tugas[] = [];
    for (const kode of kodes) {
      const existing = await laporan.listForUnit(p.id, kode);
      for (const { kind, bulan } of SLOTS) {
        const r = existing.find((x) => x.kind === kind && x.bulan === bulan);
        // A to-do once the month (the year) it reports on is over, or once someone started it: on
        // 2 January the lurah's work is December and the annual report, not the new January.
        if (!r && now < reportedSpanEndsAt(p, kind, bulan)) continue;
        const dueAt = r?.dueAt ?? dueAtFor(p, kind, bulan);
        if (r && !editableStatuses.has(r.status)) continue;
        // The same rule as the form: a report the person can no longer fill (entry closed, no exception) is no task.
        const lock = lockReason(
          lockInputOf(
            r ?? {
              status: 'draf',
              endorsementRequired: false,
              kind,
              bulan,
              dueAt,
              firstSubmittedAt: null,
              exceptionUntil: null,
            },
            p,
            now,
            true,
          ),
        );
        if (lock) continue;
        let dikembalikanOleh: 'camat' | 'verifikator' | null = null;
        let catatan = 0;
        if (r?.status === 'dikembalikan') {
          const comments = (await laporan.entries(r.id)).filter((e) => e.reviewComment);
          catatan = comments.length;
          const by = comments[0]?.reviewCommentBy?.toLowerCase();
          dikembalikanOleh = by === 'camat' || by === 'verifikator' ? by : null;
        }
        out.push({
          jenis: 'laporan',
          periodeId: p.id,
          tahun: p.tahun,
          wilayahKode: kode,
          wilayahNama: names.get(kode) ?? kode,
          kind,
          bulan,
          laporanId: r?.id ?? null,
          status: r?.status ?? null,
          dueAt: dueAt.toISOString(),
          terlambat: !r?.firstSubmittedAt && now > dueAt,
          dikembalikanOleh,
          catatan,
        });
      }
    }
    // Returned reports first (someone waits for them), then by due date.
    return out.sort(
      (a, b) =>
        Number(b.jenis === 'laporan' && b.status === 'dikembalikan') -
          Number(a.jenis === 'laporan' && a.status === 'dikembalikan') ||
        ('dueAt' in a && 'dueAt' in b ? a.dueAt.localeCompare(b.dueAt) : 0),
    );
  }

  /** Reports waiting for the actor's endorsement or verification in that periode (the review queue's own count). */
  async function reviewTasks(actor: Actor, p: PeriodeHead, now: Date): Promise<Tugas[]> {
    const verifies = scopesFor(actor, 'laporan:verify').within.length > 0;
    const endorses = scopesFor(actor, 'laporan:endorse').within.length > 0;
    if (!verifies && !endorses) return [];
    const page = await queue.list(actor, { status: 'menunggu', periodeId: p.id, page: 1, pageSize: 1 });
    if (page.total === 0) return [];
    const oldest = page.items[0]?.submittedAt;
    return [
      {
        jenis: verifies ? 'verifikasi' : 'pengesahan',
        periodeId: p.id,
        tahun: p.tahun,
        jumlah: page.total,
        terlamaHari: oldest ? Math.max(0, calendarDaysBetween(new Date(oldest), now, p.zona)) : 0,
      },
    ];
  }

  /** Admin: units without the report of the latest month already due; a past year not yet published. */
  async function adminTasks(actor: Actor, p: PeriodeHead, now: Date): Promise<Tugas[]> {
    if (!can(actor, 'periode:manage', p.pemdaKode)) return [];
    const out: Tugas[] = [];
    if (p.status === 'aktif') {
      const bulan = monthsDueAt(p, now);
      if (bulan >= 1) {
        const submitted = new Set(
          (await laporan.monthlyReports(p.id))
            .filter((r) => r.bulan === bulan && r.firstSubmittedAt)
            .map((r) => r.kode),
        );
        const units = (await wilayah.unitsOf(p.pemdaKode)).filter((u) => unitLevelOf(u.kode));
        const jumlah = units.filter((u) => !submitted.has(u.kode)).length;
        if (jumlah > 0) out.push({ jenis: 'unit_terlambat', periodeId: p.id, tahun: p.tahun, bulan, jumlah });
      }
    }
    if (p.tahun < yearIn(now, p.zona) && (p.status === 'aktif' || p.status === 'ditutup')) {
      out.push({ jenis: 'periode_belum_diumumkan', periodeId: p.id, tahun: p.tahun, status: p.status });
    }
    return out;
  }

  async function tasksIn(actor: Actor, p: PeriodeHead, now: Date): Promise<Tugas[]> {
    if (p.status === 'draf') return [];
    const [unit, review, admin] = await Promise.all([
      unitTasks(actor, p, now),
      reviewTasks(actor, p, now),
      adminTasks(actor, p, now),
    ]);
    return [...review, ...unit, ...admin];
  }

  /** Admin, across the pemda: locked accounts and quarantined SKM responses. */
  async function pemdaTasks(actor: Actor): Promise<Tugas[]> {
    const out: Tugas[] = [];
    if (can(actor, 'user:manage', actor.pemdaKode)) {
      const locked = await users.list(actor, {
        status: 'terkunci',
        page: 1,
        pageSize: 1,
        sort: 'username',
        order: 'asc',
      });
      if (locked.total > 0) out.push({ jenis: 'akun_terkunci', jumlah: locked.total });
    }
    if (can(actor, 'skm:void', actor.pemdaKode)) {
      const held = await skm.karantina(actor, actor.pemdaKode);
      const only = held.items.length === 1 ? held.items[0] : undefined;
      if (held.total > 0)
        out.push({
          jenis: 'skm_karantina',
          wilayahKode: only?.wilayahKode ?? actor.pemdaKode,
          jumlah: held.total,
        });
    }
    return out;
  }

  return {
    /** How many things the actor has to do in one periode (the year selector marks those years). */
    async openWork(actor: Actor, p: PeriodeHead): Promise<number> {
      return (await tasksIn(actor, p, clock.now())).length;
    },

    /** Everything the actor should do next: newest year first, then what spans the pemda. */
    async tugas(actor: Actor): Promise<BerandaTugas> {
      const now = clock.now();
      const years = await periode.visibleTo(actor);
      const perYear = await Promise.all(years.map((p) => tasksIn(actor, p, now)));
      return { items: [...perYear.flat(), ...(await pemdaTasks(actor))], dihitungPada: now.toISOString() };
    },
  };
}
export type BerandaService = ReturnType<typeof createBerandaService>;
