import { randomBytes, randomUUID } from 'node:crypto';
import {
  krejcieMorganSample,
  SKM_DEFAULT_MIN_SAMPLE,
  SKM_HONEYPOT_FIELD,
  type SkmFormResponse,
  type SkmIkm,
  type SkmKarantinaSummary,
  type SkmKodeBatch,
  type SkmPaperBody,
  type SkmReport,
  type SkmReportQuery,
  type SkmResponseStatus,
  type SkmSubmitBody,
  type SkmSubmitResponse,
  type SkmSettings as SkmUnitSettings,
  type SkmUnits,
  skmProfilLabels,
  skmProfilOptions,
  skmUnsurKeys,
} from '@sip/contracts';
import { computeIkm, SKM_UNSUR } from '@sip/scoring';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Events } from '../../lib/events';
import { DEFAULT_ZONE, dayIn, startOfDay, wallClock } from '../../lib/time';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, can, scopesFor } from '../authz/authz';
import type { WilayahRepo, WilayahRow } from '../wilayah/wilayah.repo';
import { buildExport, type ExportFormat } from './skm.export';
import type { SkmPow } from './skm.pow';
import type { PeriodFilter, SaranStatus, SkmNewResponse, SkmRepo, SkmScope } from './skm.repo';
import type { SkmTokens } from './skm.tokens';

export interface SkmSettings {
  minFillSeconds: number;
  /** A form token older than this is refused (the page is reloaded for a fresh one). */
  formMaxAgeSeconds: number;
  /** Burst detector: an hour of a unit is never a burst below this many online responses. */
  burstMinPerHour: number;
  /** Burst detector: a burst is more than this many times the unit's usual busy hour. */
  burstFactor: number;
  /** Burst detector: the days of history that make the usual busy hour. */
  burstBaselineDays: number;
}

export interface SkmServiceDeps {
  db: Db;
  repo: SkmRepo;
  wilayah: WilayahRepo;
  audit: AuditRepo;
  clock: Clock;
  events: Pick<Events, 'emit'>;
  tokens: SkmTokens;
  pow: SkmPow;
  settings: SkmSettings;
}

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

/**
 * The burst rule (issue 15): a unit's online responses of the last hour, this one included, above
 * max(minimum, factor × its usual busy hour) are held in quarantine. The usual busy hour is the mean
 * count of the hours that had counted online responses over the baseline days before this hour.
 */
export function burstLimit(
  stats: { baseCount: number; baseHours: number },
  s: Pick<SkmSettings, 'burstMinPerHour' | 'burstFactor'>,
): number {
  const usual = stats.baseHours > 0 ? stats.baseCount / stats.baseHours : 0;
  return Math.max(s.burstMinPerHour, Math.ceil(s.burstFactor * usual));
}

type SumsRow = Awaited<ReturnType<SkmRepo['sumsByWilayah']>>[number];
type UnitInfo = Pick<WilayahRow, 'kode' | 'nama' | 'level' | 'indukKode'> & { indukNama: string | null };

const yearStart = (tahun: number) => startOfDay(DEFAULT_ZONE, tahun, 1, 1);
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
  pow,
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
      deviceToken: null,
    };
  }

  async function unitSettings(kode: string, tahun: number) {
    return repo.settings(kode, tahun);
  }

  return {
    /**
     * The survey entry without a QR code: every kecamatan of the pemda with its kelurahan/desa, so a
     * citizen finds his office by name. Names and codes are public reference data (Kepmendagri).
     */
    async units(pemdaKode: string): Promise<SkmUnits> {
      const pemda = await wilayah.get(pemdaKode);
      if (pemda?.level !== 'kabupaten_kota') {
        throw new AppError('NOT_FOUND', `Pemda dengan kode ${pemdaKode} tidak ditemukan.`);
      }
      const rows = await wilayah.unitsOf(pemdaKode);
      const kecamatan = rows
        .filter((r) => r.level === 'kecamatan')
        .map((k) => ({
          kode: k.kode,
          nama: k.nama,
          kelurahan: rows
            .filter((r) => r.level === 'kelurahan_desa' && r.kode.startsWith(`${k.kode}.`))
            .map((r) => ({ kode: r.kode, nama: r.nama })),
        }));
      return { pemdaKode: pemda.kode, pemdaNama: pemda.nama, kecamatan };
    },

    /**
     * What the public survey page needs: the unit, a single-use form token and its proof-of-work
     * challenge. No device token: one comes with a device's first accepted response.
     */
    /** The survey form; a known device learns at once whether it already answered today. */
    async form(kode: string, deviceToken?: string): Promise<SkmFormResponse> {
      const unit = await publicUnit(kode);
      const now = clock.now();
      const formToken = tokens.issueForm(kode, now);
      const deviceId = tokens.checkDevice(deviceToken);
      const [altcha, mode, sudahHariIni] = await Promise.all([
        pow.issue(kode, tokens.formNonce(formToken) as string),
        unitSettings(kode, skmCalendar(now).tahun),
        deviceId ? repo.answeredOn(kode, deviceId, skmCalendar(now).day) : false,
      ]);
      return {
        kode: unit.kode,
        nama: unit.nama,
        level: unit.level,
        indukNama: unit.indukNama,
        formToken,
        altcha,
        minFillSeconds: settings.minFillSeconds,
        kodeLayananWajib: mode.kodeLayananWajib,
        sudahHariIni,
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
      const knownDevice = body.deviceToken === undefined ? null : tokens.checkDevice(body.deviceToken);
      if (body.deviceToken !== undefined && !knownDevice) {
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
      if (!(await pow.verify(body.altcha, kode, form.nonce))) {
        return replayOrRefuse(
          refuse(
            'Pemeriksaan otomatis formulir (bukti kerja) tidak sah. Muat ulang halaman survei, lalu isi dan kirim lagi.',
            'body.altcha',
          ),
        );
      }
      const cal = skmCalendar(now);
      const code = body.kodeLayanan ? normaliseKodeLayanan(body.kodeLayanan) : null;
      // One round trip for the mode and the burst numbers (only needed without a code).
      const stats = code ? null : await repo.burstStats(kode, cal.tahun, now, settings.burstBaselineDays);
      if (stats?.kodeLayananWajib) {
        return replayOrRefuse(
          refuse(
            'Survei di unit ini memakai kode layanan. Masukkan kode pada slip yang Anda terima di loket pelayanan, lalu kirim lagi.',
            'body.kodeLayanan',
          ),
        );
      }
      // A response with a counter's one-time code is a service that took place: never a burst.
      let status: SkmResponseStatus = 'diterima';
      if (stats && stats.recent + 1 > burstLimit(stats, settings)) status = 'karantina';
      const deviceId = knownDevice ?? randomBytes(16).toString('base64url');
      const saran = body.saran ? body.saran : null;
      const values: SkmNewResponse = {
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
        status,
        sumber: 'daring',
        formNonce: form.nonce,
        kodeLayanan: code,
        enteredBy: null,
      };
      let id: number | undefined;
      if (code) {
        // The code is used by this response only: both in one transaction, both or neither.
        const outcome = await db
          .transaction(async (tx) => {
            if (!(await repo.useCode(code, kode, now, tx))) return { codeRefused: true as const };
            const newId = await repo.insertIn(tx, values);
            if (newId === undefined) {
              tx.rollback();
              return { codeRefused: false as const };
            }
            await repo.linkCode(code, newId, tx);
            return { id: newId, codeRefused: false as const };
          })
          .catch((err: unknown) => {
            if (err instanceof Error && err.name === 'TransactionRollbackError')
              return { codeRefused: false as const };
            throw err;
          });
        if (outcome.codeRefused) {
          const known = await repo.codeOf(code);
          return replayOrRefuse(
            refuse(
              known && known.wilayahKode === kode
                ? 'Kode layanan ini sudah dipakai. Setiap kode hanya berlaku untuk satu jawaban; mintalah kode baru di loket.'
                : 'Kode layanan tidak dikenal untuk unit ini. Periksa kembali kode pada slip Anda.',
              'body.kodeLayanan',
            ),
          );
        }
        id = 'id' in outcome ? outcome.id : undefined;
      } else {
        id = await repo.insert(values);
      }
      if (id !== undefined) {
        if (status === 'diterima') events.emit('skm.responded', { wilayahKode: kode });
        return {
          id: String(id),
          ulang: false,
          // The same thanks when quarantined: the person did nothing wrong, an admin reviews the burst.
          pesan: 'Terima kasih! Jawaban Anda sudah kami terima.',
          deviceToken: knownDevice ? null : tokens.issueDevice(deviceId),
        };
      }
      const replay = await replayOf(kode, body.idempotencyKey);
      if (replay) return replay;
      if (await repo.findByFormNonce(form.nonce)) {
        throw new AppError(
          'FORM_USED',
          'Formulir ini sudah dipakai untuk mengirim jawaban. Setiap formulir hanya berlaku sekali: muat ulang halaman survei bila ingin mengisi lagi.',
        );
      }
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
    /** Per unit of the pemda, the year's IKM (converted, rounded) and how many responses it counts. */
    async ikmByUnit(
      pemdaKode: string,
      tahun: number,
    ): Promise<Map<string, { ikm: number | null; respondents: number }>> {
      const rows = await repo.sumsByWilayah({ kode: pemdaKode, tahun });
      return new Map(rows.map((r) => [r.wilayahKode, { ikm: toIkm(r).convertedRounded, respondents: r.n }]));
    },

    /**
     * How many responses of the pemda's year count (status diterima: quarantined and voided ones
     * do not), the same rows `ikmByUnit` pools; stored with each published rapor revision.
     */
    async countedResponses(pemdaKode: string, tahun: number): Promise<number> {
      const rows = await repo.sumsByWilayah({ kode: pemdaKode, tahun });
      return rows.reduce((n, r) => n + r.n, 0);
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
      const today = dayIn(now);
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
      const saran = body.saran ? body.saran : null;
      const values: SkmNewResponse = {
        wilayahKode: kode,
        submittedAt: now,
        tahun: y,
        semester: m <= 6 ? 1 : 2,
        day: body.tanggal,
        ...body.jawaban,
        jenisKelamin: body.profil?.jenisKelamin ?? null,
        kelompokUmur: body.profil?.kelompokUmur ?? null,
        pendidikan: body.profil?.pendidikan ?? null,
        pekerjaan: body.profil?.pekerjaan ?? null,
        layanan: body.layanan ? body.layanan : null,
        saran,
        saranStatus: saran ? 'menunggu' : null,
        idempotencyKey: body.idempotencyKey,
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

    async unitSettings(actor: Actor, kode: string, tahun: number): Promise<SkmUnitSettings> {
      await publicUnit(kode);
      assertCan(actor, 'skm:kode-layanan', kode, 'Unit');
      const [mode, batches] = await Promise.all([
        repo.settings(kode, tahun),
        repo.batches(kode, yearStart(tahun), yearStart(tahun + 1)),
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
