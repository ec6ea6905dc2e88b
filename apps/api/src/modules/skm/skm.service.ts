import {
  krejcieMorganSample,
  SKM_DEFAULT_MIN_SAMPLE,
  SKM_HONEYPOT_FIELD,
  type SkmFormResponse,
  type SkmIkm,
  type SkmReport,
  type SkmReportQuery,
  type SkmSubmitBody,
  type SkmSubmitResponse,
  skmProfilLabels,
  skmProfilOptions,
  skmUnsurKeys,
} from '@sip/contracts';
import { computeIkm, SKM_UNSUR } from '@sip/scoring';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import { dayIn, wallClock } from '../../lib/time';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, can, scopesFor } from '../authz/authz';
import type { WilayahRepo, WilayahRow } from '../wilayah/wilayah.repo';
import { buildExport, type ExportFormat } from './skm.export';
import type { PeriodFilter, SaranStatus, SkmRepo, SkmScope } from './skm.repo';
import type { SkmTokens } from './skm.tokens';

export interface SkmSettings {
  minFillSeconds: number;
  /** A form token older than this is refused (the page is reloaded for a fresh one). */
  formMaxAgeSeconds: number;
}

export interface SkmServiceDeps {
  db: Db;
  repo: SkmRepo;
  wilayah: WilayahRepo;
  audit: AuditRepo;
  clock: Clock;
  events: Pick<Events, 'emit'>;
  tokens: SkmTokens;
  settings: SkmSettings;
}

type SumsRow = Awaited<ReturnType<SkmRepo['sumsByWilayah']>>[number];
type UnitInfo = Pick<WilayahRow, 'kode' | 'nama' | 'level' | 'indukKode'> & { indukNama: string | null };

const unitLevels = new Set(['kecamatan', 'kelurahan_desa']);
/** Calendar facts of an instant in the pemda's zone: the SKM period and the day of the device limit. */
export function skmCalendar(at: Date) {
  const w = wallClock(at);
  return { tahun: w.year, semester: w.month <= 6 ? 1 : 2, day: dayIn(at) };
}

const emptySums = () =>
  ({ n: 0, ...Object.fromEntries(skmUnsurKeys.map((k) => [k, 0])) }) as Omit<SumsRow, 'wilayahKode'>;

function pool(rows: SumsRow[]): Omit<SumsRow, 'wilayahKode'> {
  const total = emptySums();
  for (const r of rows) {
    total.n += r.n;
    for (const k of skmUnsurKeys) total[k] += r[k];
  }
  return total;
}

/** PermenPANRB 14/2017: NRR per unsur, NRR x 1/9, the index, x 25, and its grade (engine: @sip/scoring). */
export function toIkm(s: Omit<SumsRow, 'wilayahKode'>): SkmIkm {
  const r = computeIkm({
    respondents: s.n,
    sums: Object.fromEntries(skmUnsurKeys.map((k) => [k, s[k]])) as Record<
      (typeof skmUnsurKeys)[number],
      number
    >,
  });
  return {
    respondents: r.respondents,
    unsur: SKM_UNSUR.map((u) => {
      const nrr = r.nrr ? r.nrr[u.key] : null;
      return {
        key: u.key,
        nama: u.nama,
        jumlah: s[u.key as (typeof skmUnsurKeys)[number]],
        nrr,
        nrrTertimbang: nrr === null ? null : nrr / 9,
      };
    }),
    ikm: r.ikm,
    converted: r.converted,
    convertedRounded: r.convertedRounded,
    grade: r.grade,
  };
}

const refuse = (message: string, path?: string, extra?: Record<string, unknown>) =>
  new AppError('VALIDATION', message, path ? [{ path, message, ...extra }] : extra);

export function createSkmService({
  db,
  repo,
  wilayah,
  audit,
  clock,
  events,
  tokens,
  settings,
}: SkmServiceDeps) {
  async function publicUnit(kode: string): Promise<UnitInfo> {
    const w = await wilayah.get(kode);
    if (!w || !unitLevels.has(w.level)) {
      throw new AppError(
        'NOT_FOUND',
        `Unit dengan kode ${kode} tidak ditemukan. Periksa alamat pada poster atau pindai ulang kode QR-nya.`,
      );
    }
    const induk = w.indukKode ? await wilayah.get(w.indukKode) : undefined;
    return {
      kode: w.kode,
      nama: w.nama,
      level: w.level,
      indukKode: w.indukKode,
      indukNama: induk?.nama ?? null,
    };
  }

  async function reportable(actor: Actor, kode: string) {
    assertCan(actor, 'skm:read', kode, 'Unit');
    const w = await wilayah.get(kode);
    if (!w || w.level === 'provinsi') throw new AppError('NOT_FOUND', 'Unit tidak ditemukan.');
    return w;
  }

  async function replayOf(kode: string, key: string): Promise<SkmSubmitResponse | undefined> {
    const prev = await repo.findByIdempotencyKey(key);
    if (!prev) return undefined;
    if (prev.wilayahKode !== kode) {
      throw new AppError(
        'CONFLICT',
        'Kunci pengiriman ini sudah dipakai untuk unit lain. Muat ulang halaman lalu kirim lagi.',
      );
    }
    return {
      id: String(prev.id),
      ulang: true,
      pesan: 'Jawaban Anda sudah kami terima sebelumnya. Terima kasih!',
    };
  }

  return {
    /** What the public survey page needs: the unit, a form token, and a device token if it has none. */
    async form(kode: string, deviceToken: string | undefined): Promise<SkmFormResponse> {
      const unit = await publicUnit(kode);
      return {
        kode: unit.kode,
        nama: unit.nama,
        level: unit.level,
        indukNama: unit.indukNama,
        formToken: tokens.issueForm(kode, clock.now()),
        deviceToken: tokens.checkDevice(deviceToken) ? null : tokens.issueDevice(),
        minFillSeconds: settings.minFillSeconds,
      };
    },

    /** One citizen's response; idempotent on the client's key (a replay answers `ulang: true`). */
    async submit(kode: string, body: SkmSubmitBody): Promise<SkmSubmitResponse> {
      const unit = await publicUnit(kode);
      const now = clock.now();
      const replayOrRefuse = async (err: AppError) => {
        const replay = await replayOf(kode, body.idempotencyKey);
        if (replay) return replay;
        throw err;
      };
      if (body[SKM_HONEYPOT_FIELD]) {
        return replayOrRefuse(
          refuse(
            'Kolom tersembunyi "website" harus kosong. Jika peramban Anda mengisinya otomatis, kosongkan lalu kirim lagi.',
            `body.${SKM_HONEYPOT_FIELD}`,
          ),
        );
      }
      const deviceId = tokens.checkDevice(body.deviceToken);
      if (!deviceId) {
        return replayOrRefuse(
          refuse(
            'Tanda perangkat tidak sah. Muat ulang halaman survei, lalu isi dan kirim lagi.',
            'body.deviceToken',
          ),
        );
      }
      const form = tokens.checkForm(body.formToken, kode, now, {
        minFillSeconds: settings.minFillSeconds,
        maxAgeSeconds: settings.formMaxAgeSeconds,
      });
      if (!form.ok) {
        if (form.reason === 'too_fast') {
          return replayOrRefuse(
            refuse(
              `Formulir dikirim terlalu cepat. Periksa kembali jawaban Anda, lalu tekan Kirim lagi (paling cepat ${settings.minFillSeconds} detik setelah halaman dibuka).`,
              'body.formToken',
              { minFillSeconds: settings.minFillSeconds },
            ),
          );
        }
        return replayOrRefuse(
          refuse(
            form.reason === 'expired'
              ? 'Halaman survei ini sudah dibuka terlalu lama. Muat ulang halaman, lalu isi dan kirim lagi.'
              : 'Formulir tidak sah untuk unit ini. Muat ulang halaman survei, lalu isi dan kirim lagi.',
            'body.formToken',
          ),
        );
      }
      const cal = skmCalendar(now);
      const saran = body.saran ? body.saran : null;
      const id = await repo.insert({
        wilayahKode: kode,
        submittedAt: now,
        tahun: cal.tahun,
        semester: cal.semester,
        day: cal.day,
        ...body.jawaban,
        jenisKelamin: body.profil?.jenisKelamin ?? null,
        kelompokUmur: body.profil?.kelompokUmur ?? null,
        pendidikan: body.profil?.pendidikan ?? null,
        pekerjaan: body.profil?.pekerjaan ?? null,
        layanan: body.layanan ? body.layanan : null,
        saran,
        saranStatus: saran ? 'menunggu' : null,
        idempotencyKey: body.idempotencyKey,
        deviceId,
      });
      if (id !== undefined) {
        events.emit('skm.responded', { wilayahKode: kode });
        return {
          id: String(id),
          ulang: false,
          pesan: 'Terima kasih! Jawaban Anda sudah kami terima.',
        };
      }
      const replay = await replayOf(kode, body.idempotencyKey);
      if (replay) return replay;
      throw new AppError(
        'CONFLICT',
        `Perangkat ini sudah mengisi survei untuk ${unit.level === 'kecamatan' ? 'Kecamatan' : 'Kelurahan'} ${unit.nama} hari ini. Terima kasih! Anda dapat mengisi lagi besok.`,
      );
    },

    async report(actor: Actor, kode: string, q: SkmReportQuery): Promise<SkmReport> {
      const w = await reportable(actor, kode);
      const f: PeriodFilter = { kode, tahun: q.tahun, semester: q.semester };
      const isUnit = unitLevels.has(w.level);
      const [rows, profil, saran] = await Promise.all([
        repo.sumsByWilayah(f),
        repo.profilCounts(f, isUnit),
        repo.saran({
          scope: { kodes: [kode], exact: isUnit },
          status: 'disetujui',
          tahun: q.tahun,
          semester: q.semester,
          page: 1,
          pageSize: 200,
        }),
      ]);
      const own = rows.filter((r) => r.wilayahKode === kode);
      let hasil: SkmIkm;
      let wilayahan: SkmIkm | null = null;
      let rincian: SkmReport['rincian'] = [];
      const line = (c: Pick<WilayahRow, 'kode' | 'nama' | 'level'>, s: Omit<SumsRow, 'wilayahKode'>) => {
        const ikm = toIkm(s);
        return {
          kode: c.kode,
          nama: c.nama,
          level: c.level,
          respondents: ikm.respondents,
          convertedRounded: ikm.convertedRounded,
          grade: ikm.grade,
        };
      };
      if (w.level === 'kelurahan_desa') {
        hasil = toIkm(pool(own));
      } else if (w.level === 'kecamatan') {
        hasil = toIkm(pool(own));
        wilayahan = toIkm(pool(rows));
        const children = await wilayah.children(kode);
        rincian = [
          line({ ...w, nama: `Kantor Kecamatan ${w.nama}` }, pool(own)),
          ...children.map((c) => line(c, pool(rows.filter((r) => r.wilayahKode === c.kode)))),
        ];
      } else {
        hasil = toIkm(pool(rows));
        const children = await wilayah.children(kode);
        rincian = children.map((c) =>
          line(
            c,
            pool(rows.filter((r) => r.wilayahKode === c.kode || r.wilayahKode.startsWith(`${c.kode}.`))),
          ),
        );
      }
      const minimum = q.populasi ? krejcieMorganSample(q.populasi) : SKM_DEFAULT_MIN_SAMPLE;
      return {
        kode: w.kode,
        nama: w.nama,
        level: w.level,
        tahun: q.tahun,
        semester: q.semester ?? null,
        hasil,
        wilayahan,
        rincian,
        profil: (Object.keys(skmProfilOptions) as (keyof typeof skmProfilOptions)[]).map((field) => {
          const counts = new Map(profil[field].map((r) => [r.value, r.n]));
          const items: { value: string | null; label: string; count: number }[] = skmProfilOptions[field].map(
            (o) => ({ value: o.value, label: o.label, count: counts.get(o.value) ?? 0 }),
          );
          items.push({ value: null, label: 'Tidak diisi', count: counts.get(null) ?? 0 });
          return { field, label: skmProfilLabels[field], items };
        }),
        saran: saran.rows.map((r) => ({
          id: String(r.id),
          wilayahKode: r.wilayahKode,
          wilayahNama: r.wilayahNama,
          submittedAt: r.submittedAt.toISOString(),
          layanan: r.layanan,
          saran: r.saran ?? '',
          status: r.status ?? 'disetujui',
        })),
        sampel: { populasi: q.populasi ?? null, minimum, cukup: hasil.respondents >= minimum },
      };
    },

    /**
     * The input of the framework's `ikm` indicator: the unit's own converted IKM for the year,
     * rounded to 2 decimals, or null without respondents. For the rapor module (no actor: it
     * computes for every unit of a periode).
     */
    async ikmForUnit(kode: string, tahun: number): Promise<number | null> {
      const rows = await repo.sumsByWilayah({ kode, tahun }, true);
      return toIkm(pool(rows)).convertedRounded;
    },

    /** The same for every unit of a pemda at once (units without respondents are absent). */
    async ikmByUnit(pemdaKode: string, tahun: number): Promise<Map<string, number | null>> {
      const rows = await repo.sumsByWilayah({ kode: pemdaKode, tahun });
      return new Map(rows.map((r) => [r.wilayahKode, toIkm(r).convertedRounded]));
    },

    async export(
      actor: Actor,
      kode: string,
      q: { tahun: number; semester?: number | undefined; format: ExportFormat },
    ) {
      const w = await reportable(actor, kode);
      const f: PeriodFilter = { kode, tahun: q.tahun, semester: q.semester };
      const [rows, sums] = await Promise.all([repo.exportRows(f), repo.sumsByWilayah(f)]);
      const summary = toIkm(
        pool(unitLevels.has(w.level) ? sums.filter((r) => r.wilayahKode === kode) : sums),
      );
      return buildExport({ unit: w, tahun: q.tahun, semester: q.semester, rows, summary, format: q.format });
    },

    async listResponses(
      actor: Actor,
      kode: string,
      q: { tahun: number; semester?: number | undefined; page: number; pageSize: number },
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
      if (r.voidedAt) throw new AppError('CONFLICT', 'Jawaban ini sudah dibatalkan sebelumnya.');
      await db.transaction(async (tx) => {
        const done = await repo.void(id, actor.userId, alasan, clock.now(), tx);
        if (!done) throw new AppError('CONFLICT', 'Jawaban ini sudah dibatalkan sebelumnya.');
        await audit.record(
          actor,
          {
            action: 'skm.response_voided',
            entity: 'skm_response',
            entityId: String(id),
            before: { wilayahKode: r.wilayahKode, voided: false },
            after: { wilayahKode: r.wilayahKode, voided: true },
            reason: alasan,
            ip,
          },
          tx,
        );
      });
      events.emit('skm.voided', { wilayahKode: r.wilayahKode });
      return { ok: true as const };
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
        items: rows.map((r) => ({
          id: String(r.id),
          wilayahKode: r.wilayahKode,
          wilayahNama: r.wilayahNama,
          submittedAt: r.submittedAt.toISOString(),
          layanan: r.layanan,
          saran: r.saran ?? '',
          status: r.status ?? q.status,
        })),
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

    /** The unit, and for a kecamatan its kelurahan: one QR poster each. */
    async posterUnits(actor: Actor, kode: string) {
      const w = await reportable(actor, kode);
      if (!unitLevels.has(w.level))
        throw new AppError('NOT_FOUND', 'Poster hanya untuk kecamatan atau kelurahan.');
      const induk = w.indukKode ? await wilayah.get(w.indukKode) : undefined;
      const items = [{ kode: w.kode, nama: w.nama, level: w.level, indukNama: induk?.nama ?? null }];
      if (w.level === 'kecamatan') {
        for (const c of await wilayah.children(kode)) {
          items.push({ kode: c.kode, nama: c.nama, level: c.level, indukNama: w.nama });
        }
      }
      return { items };
    },
  };
}
export type SkmService = ReturnType<typeof createSkmService>;
