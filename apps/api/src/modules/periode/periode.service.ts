import { isDeepStrictEqual } from 'node:util';
import {
  type CreatePeriodeBody,
  defaultPeriodeConfig,
  type FrameworkExport,
  type FrameworkIssueDto,
  nextPeriodeStatus,
  type Periode,
  type PeriodeStatus,
  type PeriodeSummary,
  type PeriodeTransitionBody,
  toFrameworkExport,
  type UpdateFrameworkBody,
  type UpdatePeriodeSettingsBody,
  unwrapFrameworkImport,
  type Zona,
} from '@sip/contracts';
import {
  defaultSettings,
  FORMULA_VERSION,
  type Framework,
  frameworkSchema,
  scoringChanges,
  validateFramework,
} from '@sip/scoring';
import { createBandungJuaraFramework } from '@sip/scoring/template';
import type { Db, DbOrTx } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { isUniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import { yearIn } from '../../lib/time';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, visiblePeriodeStatuses } from '../authz/authz';
import type { Zones } from '../pemda/pemda.zona';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { PeriodeRepo, PeriodeRow } from './periode.repo';

export interface PeriodeServiceDeps {
  db: Db;
  repo: PeriodeRepo;
  wilayah: WilayahRepo;
  audit: AuditRepo;
  zones: Zones;
  events: Pick<Events, 'emit'>;
  clock: Clock;
}

/** A periode as other modules use it: the framework already parsed, with its pemda's time zone. */
export interface LoadedPeriode extends Omit<PeriodeRow, 'framework'> {
  framework: Framework;
  /** Every deadline and "today" of the periode is read in this zone. */
  zona: Zona;
}
/** A periode without its framework: its year, state, version, settings and its pemda's zone. */
export type PeriodeHead = Omit<PeriodeRow, 'framework'> & { zona: Zona };

const emptyFramework = (): Framework => ({ settings: defaultSettings(), bidang: [] });

const statusLabel: Record<PeriodeStatus, string> = {
  draf: 'draf',
  aktif: 'aktif',
  ditutup: 'ditutup',
  diumumkan: 'diumumkan',
};

const stale = (tahun: number) =>
  new AppError(
    'STALE',
    `Periode ${tahun} sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman untuk melihat versi terbaru, lalu ulangi perubahan Anda. Tidak ada yang ditimpa.`,
  );

function invalidFramework(what: string, issues: FrameworkIssueDto[]): AppError {
  const first = issues[0]?.message ?? '';
  const more = issues.length > 1 ? ` (dan ${issues.length - 1} masalah lain)` : '';
  return new AppError('VALIDATION', `${what}: ${first}${more}`, issues);
}

function parseFramework(row: PeriodeRow): Framework {
  const parsed = frameworkSchema.safeParse(row.framework);
  // Stored frameworks were validated on the way in; an unparsable one is shown as empty rather than crash.
  return parsed.success ? parsed.data : emptyFramework();
}

/** Paths of `input` that the schema dropped while parsing it into `parsed` (keys nobody reads). */
function unknownKeys(input: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(input) && Array.isArray(parsed))
    return input.flatMap((x, i) => unknownKeys(x, parsed[i], `${path}${path ? '.' : ''}${i}`));
  if (!input || typeof input !== 'object' || !parsed || typeof parsed !== 'object') return [];
  return Object.keys(input).flatMap((k) => {
    const at = `${path}${path ? '.' : ''}${k}`;
    if (!(k in parsed)) return [at];
    return unknownKeys((input as Record<string, unknown>)[k], (parsed as Record<string, unknown>)[k], at);
  });
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function periodeSummary(row: PeriodeRow): PeriodeSummary {
  const fw = parseFramework(row);
  return {
    id: row.id,
    pemdaKode: row.pemdaKode,
    tahun: row.tahun,
    status: row.status,
    latihan: row.latihan,
    version: row.version,
    bidangCount: fw.bidang.length,
    indikatorCount: fw.bidang.reduce((n, b) => n + b.indikator.length, 0),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    activatedAt: iso(row.activatedAt),
    closedAt: iso(row.closedAt),
    announcedAt: iso(row.announcedAt),
  };
}

function detail(row: PeriodeRow): Periode {
  const fw = parseFramework(row);
  return {
    ...periodeSummary(row),
    settings: row.settings,
    framework: fw,
    issues: validateFramework(fw),
    scoringLocked: row.status !== 'draf',
    frameworkLocked: row.status === 'diumumkan',
    nextStatus: nextPeriodeStatus[row.status],
  };
}

export function createPeriodeService({ db, repo, wilayah, audit, zones, events, clock }: PeriodeServiceDeps) {
  const loaded = async (row: PeriodeRow, tx?: DbOrTx): Promise<LoadedPeriode> => ({
    ...row,
    framework: parseFramework(row),
    zona: await zones.zonaOf(row.pemdaKode, tx),
  });

  const auditBase = (row: { id: string; pemdaKode: string }, ip: string | null) => ({
    pemdaKode: row.pemdaKode,
    entity: 'periode',
    entityId: row.id,
    ip,
  });

  async function loadFor(actor: Actor, id: string, action: 'periode:read' | 'periode:manage') {
    const row = await repo.get(id);
    if (!row) throw new AppError('NOT_FOUND', 'Periode tidak ditemukan.');
    assertCan(actor, action, row.pemdaKode, 'Periode');
    return row;
  }

  function checkVersion(row: PeriodeRow, version: number) {
    if (row.version !== version) throw stale(row.tahun);
  }

  return {
    // ---- for other modules (no actor: they make their own access checks) ----

    async getPeriode(id: string, tx?: DbOrTx): Promise<LoadedPeriode | undefined> {
      const row = await repo.get(id, tx);
      return row && loaded(row, tx);
    },

    /**
     * The periode reports are filled for `now`: the active one of the year (in the pemda's zone),
     * else the nearest active one; in mode latihan (`latihan`) the practice periode.
     */
    async getCurrentPeriode(
      pemdaKode: string,
      now: Date,
      latihan = false,
    ): Promise<LoadedPeriode | undefined> {
      const zona = await zones.zonaOf(pemdaKode);
      const row = await repo.nearestActive(pemdaKode, yearIn(now, zona), latihan);
      return row && { ...row, framework: parseFramework(row), zona };
    },

    /** The periode of that year (real, or the practice one) without its framework, whatever its state. */
    async getPeriodeHead(
      pemdaKode: string,
      tahun: number,
      latihan = false,
    ): Promise<PeriodeHead | undefined> {
      const row = await repo.headByTahun(pemdaKode, tahun, latihan);
      return row && { ...row, zona: await zones.zonaOf(pemdaKode) };
    },

    /** The years whose results the pemda has published (public), newest first. */
    async publishedYears(pemdaKode: string): Promise<number[]> {
      return (await repo.heads(pemdaKode)).filter((p) => p.status === 'diumumkan').map((p) => p.tahun);
    },

    /**
     * The periodes of his pemda the actor may see (drafts only for the admin), newest first: the
     * real ones, or in mode latihan the practice one.
     */
    async visibleTo(actor: Actor): Promise<PeriodeHead[]> {
      const statuses = visiblePeriodeStatuses(actor);
      if (statuses.size === 0)
        throw new AppError('FORBIDDEN', 'Peran Anda tidak berwenang melakukan tindakan ini.');
      const zona = await zones.zonaOf(actor.pemdaKode);
      return (await repo.heads(actor.pemdaKode, actor.latihan ?? false))
        .filter((p) => statuses.has(p.status))
        .map((p) => ({ ...p, zona }));
    },

    // ---- admin ----

    async list(actor: Actor): Promise<PeriodeSummary[]> {
      assertCan(actor, 'periode:read', actor.pemdaKode, 'Periode');
      return (await repo.list(actor.pemdaKode)).map(periodeSummary);
    },

    async get(actor: Actor, id: string): Promise<Periode> {
      return detail(await loadFor(actor, id, 'periode:read'));
    },

    validate(actor: Actor, framework: unknown): FrameworkIssueDto[] {
      assertCan(actor, 'periode:manage', actor.pemdaKode, 'Periode');
      return validateFramework(unwrapFrameworkImport(framework));
    },

    async create(actor: Actor, body: CreatePeriodeBody, ip: string | null): Promise<Periode> {
      const pemdaKode = actor.pemdaKode;
      assertCan(actor, 'periode:manage', pemdaKode, 'Periode');
      let settings = body.settings ?? defaultPeriodeConfig(body.tahun);
      let framework: Framework;
      let from: Record<string, unknown> = { kind: body.source.kind };
      switch (body.source.kind) {
        case 'empty':
          framework = emptyFramework();
          break;
        case 'template':
          framework = createBandungJuaraFramework();
          from = { kind: 'template', template: 'Bandung Juara' };
          break;
        case 'copy': {
          const source = await repo.get(body.source.periodeId);
          if (!source || source.pemdaKode !== pemdaKode) {
            throw new AppError('NOT_FOUND', 'Periode sumber tidak ditemukan.');
          }
          framework = structuredClone(parseFramework(source));
          // A new year is computed by today's engine, so it records today's formula version.
          framework.settings.formulaVersion = FORMULA_VERSION;
          if (!body.settings) {
            settings = { ...source.settings, annualDueDate: defaultPeriodeConfig(body.tahun).annualDueDate };
          }
          from = { kind: 'copy', periodeId: source.id, tahun: source.tahun };
          break;
        }
        case 'import': {
          const candidate = unwrapFrameworkImport(body.source.framework);
          const issues = validateFramework(candidate);
          if (issues.length > 0) throw invalidFramework('Kerangka yang diimpor tidak valid', issues);
          framework = frameworkSchema.parse(candidate);
          framework.settings.formulaVersion = FORMULA_VERSION;
          break;
        }
      }
      if (await repo.getByTahun(pemdaKode, body.tahun)) {
        throw new AppError(
          'CONFLICT',
          `Periode ${body.tahun} sudah ada. Buka periode itu untuk mengubahnya.`,
        );
      }
      const now = clock.now();
      try {
        const row = await db.transaction(async (tx) => {
          const inserted = await repo.insert(
            { pemdaKode, tahun: body.tahun, settings, framework, createdBy: actor.userId },
            now,
            tx,
          );
          if (!inserted) {
            throw new AppError(
              'CONFLICT',
              `Periode ${body.tahun} sudah ada. Buka periode itu untuk mengubahnya.`,
            );
          }
          await audit.record(
            actor,
            {
              ...auditBase(inserted, ip),
              action: 'periode.created',
              after: { tahun: inserted.tahun, status: inserted.status, sumber: from, settings, framework },
            },
            tx,
          );
          return inserted;
        });
        events.emit('periode.changed', { periodeId: row.id });
        return detail(row);
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new AppError(
            'CONFLICT',
            `Periode ${body.tahun} sudah ada. Buka periode itu untuk mengubahnya.`,
          );
        }
        throw err;
      }
    },

    async updateFramework(actor: Actor, id: string, body: UpdateFrameworkBody, ip: string | null) {
      const row = await loadFor(actor, id, 'periode:manage');
      checkVersion(row, body.version);
      if (row.status === 'diumumkan') {
        throw new AppError(
          'CONFLICT',
          `Periode ${row.tahun} sudah diumumkan: kerangka penilaiannya tidak dapat diubah lagi.`,
          { reason: 'PERIODE_ANNOUNCED' },
        );
      }
      const candidate = unwrapFrameworkImport(body.framework);
      const issues = validateFramework(candidate);
      if (issues.length > 0) throw invalidFramework('Kerangka penilaian belum dapat disimpan', issues);
      const next = frameworkSchema.parse(candidate);
      const unknown = unknownKeys(candidate, next);
      if (unknown.length > 0) {
        throw new AppError(
          'VALIDATION',
          `Kerangka penilaian memuat kolom yang tidak dikenal: ${unknown.join(', ')}. Tidak ada yang disimpan.`,
          unknown.map((path) => ({ path: `framework.${path}`, message: 'Kolom tidak dikenal' })),
        );
      }
      const before = parseFramework(row);
      // Nothing changed: nothing is written (no new version, no audit row).
      if (isDeepStrictEqual(before, next)) return detail(row);
      if (row.status !== 'draf') {
        const changes = scoringChanges(before, next);
        if (changes.length > 0) {
          throw new AppError(
            'CONFLICT',
            `Periode ${row.tahun} sudah ${statusLabel[row.status]}: bobot, jenis, target, tabel nilai, pembulatan dan batas predikat tidak dapat diubah lagi agar nilai yang sudah dihitung tetap dapat diulang. Yang Anda ubah: ${changes.join('; ')}. Nama, definisi dan satuan tetap dapat diubah.`,
            { reason: 'SCORING_LOCKED', changes },
          );
        }
      }
      const saved = await db.transaction(async (tx) => {
        const updated = await repo.update(id, body.version, { framework: next }, clock.now(), tx);
        if (!updated) throw stale(row.tahun);
        await audit.record(
          actor,
          {
            ...auditBase(row, ip),
            action: 'periode.framework_updated',
            before: before,
            after: next,
            reason: body.reason || null,
          },
          tx,
        );
        return updated;
      });
      events.emit('periode.changed', { periodeId: saved.id });
      return detail(saved);
    },

    async updateSettings(actor: Actor, id: string, body: UpdatePeriodeSettingsBody, ip: string | null) {
      const row = await loadFor(actor, id, 'periode:manage');
      checkVersion(row, body.version);
      if (row.status === 'diumumkan') {
        throw new AppError(
          'CONFLICT',
          `Periode ${row.tahun} sudah diumumkan: pengaturannya tidak dapat diubah lagi.`,
          {
            reason: 'PERIODE_ANNOUNCED',
          },
        );
      }
      const saved = await db.transaction(async (tx) => {
        const updated = await repo.update(id, body.version, { settings: body.settings }, clock.now(), tx);
        if (!updated) throw stale(row.tahun);
        await audit.record(
          actor,
          {
            ...auditBase(row, ip),
            action: 'periode.settings_updated',
            before: row.settings,
            after: body.settings,
            reason: body.reason || null,
          },
          tx,
        );
        return updated;
      });
      events.emit('periode.changed', { periodeId: saved.id });
      return detail(saved);
    },

    async transition(actor: Actor, id: string, body: PeriodeTransitionBody, ip: string | null) {
      const row = await loadFor(actor, id, 'periode:manage');
      checkVersion(row, body.version);
      if (row.latihan) {
        throw new AppError(
          'CONFLICT',
          'Periode latihan selalu aktif: tidak ditutup dan tidak diumumkan. Untuk mengulang latihan dari awal, gunakan "Mulai ulang latihan".',
          { reason: 'PERIODE_LATIHAN' },
        );
      }
      const allowed = nextPeriodeStatus[row.status];
      if (body.to !== allowed) {
        throw new AppError(
          'CONFLICT',
          allowed
            ? `Periode ${row.tahun} berstatus ${row.status}; langkah berikutnya hanya "${allowed}", bukan "${body.to}".`
            : `Periode ${row.tahun} sudah diumumkan; statusnya tidak dapat diubah lagi.`,
          { reason: 'TRANSITION_NOT_ALLOWED', from: row.status, to: body.to },
        );
      }
      if (body.to === 'aktif') {
        const issues = validateFramework(row.framework);
        if (issues.length > 0) throw invalidFramework(`Periode ${row.tahun} belum dapat diaktifkan`, issues);
        if (parseFramework(row).bidang.length === 0) {
          throw new AppError('VALIDATION', `Periode ${row.tahun} belum punya bidang dan indikator.`);
        }
      }
      const now = clock.now();
      const stamp =
        body.to === 'aktif'
          ? { activatedAt: now }
          : body.to === 'ditutup'
            ? { closedAt: now }
            : { announcedAt: now };
      const saved = await db.transaction(async (tx) => {
        const updated = await repo.update(id, body.version, { status: body.to, ...stamp }, now, tx);
        if (!updated) throw stale(row.tahun);
        await audit.record(
          actor,
          {
            ...auditBase(row, ip),
            action: 'periode.status_changed',
            before: { status: row.status },
            after: { status: body.to },
            reason: body.reason || null,
          },
          tx,
        );
        return updated;
      });
      events.emit('periode.changed', { periodeId: saved.id });
      return detail(saved);
    },

    async exportFramework(actor: Actor, id: string): Promise<FrameworkExport> {
      const row = await loadFor(actor, id, 'periode:read');
      const pemda = await wilayah.get(row.pemdaKode);
      return toFrameworkExport(
        parseFramework(row),
        { pemdaKode: row.pemdaKode, pemdaNama: pemda?.nama ?? row.pemdaKode, tahun: row.tahun },
        clock.now(),
      );
    },
  };
}
export type PeriodeService = ReturnType<typeof createPeriodeService>;
