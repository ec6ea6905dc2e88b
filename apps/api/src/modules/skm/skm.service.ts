import { randomBytes } from 'node:crypto';
import {
  krejcieMorganSample,
  pemdaOf,
  SKM_DEFAULT_MIN_SAMPLE,
  SKM_HONEYPOT_FIELD,
  type SkmFormResponse,
  type SkmIkm,
  type SkmReport,
  type SkmReportQuery,
  type SkmResponseStatus,
  type SkmSubmitBody,
  type SkmSubmitResponse,
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
import { dayIn, type TimeZone, wallClock } from '../../lib/time';
import type { Actor } from '../authz/authz';
import type { Zones } from '../pemda/pemda.zona';
import type { WilayahRepo, WilayahRow } from '../wilayah/wilayah.repo';
import { buildExport, type ExportFormat } from './skm.export';
import type { SkmPow } from './skm.pow';
import type { PeriodFilter, SkmNewResponse, SkmRepo } from './skm.repo';
import type { SkmTokens } from './skm.tokens';
import { answersOf, createSkmUnits, refuse, saranItem, unitLevels } from './skm.units';
import { normaliseKodeLayanan } from './skm-kode.service';

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
  zones: Zones;
  clock: Clock;
  events: Pick<Events, 'emit'>;
  tokens: SkmTokens;
  pow: SkmPow;
  settings: SkmSettings;
}

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

/** Calendar facts of an instant in the pemda's zone: the SKM period and the day of the device limit. */
export function skmCalendar(at: Date, zona: TimeZone) {
  const w = wallClock(at, zona);
  return { tahun: w.year, semester: w.month <= 6 ? 1 : 2, day: dayIn(at, zona) };
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

export function createSkmService({
  db,
  repo,
  wilayah,
  zones,
  clock,
  events,
  tokens,
  pow,
  settings,
}: SkmServiceDeps) {
  const { publicUnit, reportable } = createSkmUnits(wilayah);
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
      const cal = skmCalendar(now, await zones.zonaOf(pemdaOf(kode)));
      const [altcha, mode, sudahHariIni] = await Promise.all([
        pow.issue(kode, tokens.formNonce(formToken) as string),
        unitSettings(kode, cal.tahun),
        deviceId ? repo.answeredOn(kode, deviceId, cal.day) : false,
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
      const cal = skmCalendar(now, await zones.zonaOf(pemdaOf(kode)));
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
      const values: SkmNewResponse = {
        wilayahKode: kode,
        submittedAt: now,
        tahun: cal.tahun,
        semester: cal.semester,
        day: cal.day,
        ...answersOf(body),
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
        saran: saran.rows.map((r) => saranItem(r, 'disetujui')),
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
      return buildExport({
        unit: w,
        tahun: q.tahun,
        semester: q.semester,
        rows,
        summary,
        format: q.format,
        zona: await zones.zonaOf(pemdaOf(kode)),
      });
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
