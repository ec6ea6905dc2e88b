import { createHash } from 'node:crypto';
import type { Role } from '@sip/contracts';
import { isHariKerja, kinerjaDefaults, mingguIso, tambahHariKerja } from '@sip/scoring';
import type { Db } from '../db/client';
import type { aktivitas as aktivitasTable } from '../db/schema/aktivitas';
import { dayIn, endOfDay } from '../lib/time';
import { createKinerjaContext, geserHari } from '../modules/aktivitas/aktivitas.context';
import { type AktivitasRow, createAktivitasRepo, monthRange } from '../modules/aktivitas/aktivitas.repo';
import { datesBetween } from '../modules/aktivitas/aktivitas.service';
import { createVerifikasiService } from '../modules/aktivitas/kinerja-verifikasi.service';
import { createAuditRepo } from '../modules/audit/audit.repo';
import { createAtasanResolver } from '../modules/kepegawaian/kepegawaian.atasan';
import { createKepegawaianRepo } from '../modules/kepegawaian/kepegawaian.repo';
import { provisionUser } from '../modules/users/users.provisioning';
import { createUsersRepo } from '../modules/users/users.repo';
import { createWilayahRepo } from '../modules/wilayah/wilayah.repo';

/**
 * DEMO MODE ONLY: the organisation of Kecamatan Coblong and its six kelurahan (real unit names from
 * idn-area-data; the people, their names and NIP are fictitious, NIP in the valid 18-digit format),
 * with the daily logs of the two months before today and of this month, in every state: verified
 * and closed (two months ago), approved, shortened, rejected, awaiting approval, escalated past
 * its deadline, under verification (last month), and fresh entries (this month).
 * Idempotent: nothing is seeded when Kecamatan Coblong already has its unit kerja.
 */

const ZONA = 'Asia/Jakarta';

interface JabatanDef {
  key: string;
  unit: string;
  nama: string;
  jenis: 'struktural' | 'fungsional' | 'pelaksana';
  kelas: number;
  atasan: string | null;
  kepala?: boolean;
  kegiatan: [nama: string, menit: number, satuan: string, templat?: boolean][];
}

interface PegawaiDef {
  nip: string;
  nama: string;
  status: 'PNS' | 'CPNS' | 'PPPK';
  jabatan: string;
  jenis?: 'definitif' | 'plt';
  /** The demo account (password DEMO_PASSWORD), with extra roles. */
  akun?: { username: string; roles?: Role[] };
}

const UMUM: JabatanDef['kegiatan'] = [
  ['Menerima dan mengagendakan surat masuk', 30, 'surat', true],
  ['Menyusun konsep surat keluar', 60, 'konsep', true],
  ['Mengarsipkan dokumen', 45, 'berkas', true],
  ['Melayani permohonan surat pengantar warga', 30, 'layanan'],
  ['Menginput data ke aplikasi', 60, 'data'],
  ['Mengikuti rapat koordinasi', 90, 'rapat'],
];
const PIMPINAN: JabatanDef['kegiatan'] = [
  ['Memimpin rapat koordinasi', 90, 'rapat', true],
  ['Memeriksa dan menandatangani dokumen', 45, 'dokumen', true],
  ['Memantau pelayanan publik di lapangan', 120, 'kunjungan'],
  ['Menyusun laporan pimpinan', 90, 'laporan'],
];

/** The positions: Sekretariat Daerah above the camat, the kecamatan's office, and each kelurahan. */
function jabatanDefs(kelurahan: { kode: string; nama: string }[]): JabatanDef[] {
  const out: JabatanDef[] = [
    {
      key: 'sekda',
      unit: 'SETDA',
      nama: 'Sekretaris Daerah',
      jenis: 'struktural',
      kelas: 17,
      atasan: null,
      kepala: true,
      kegiatan: PIMPINAN,
    },
    {
      key: 'camat',
      unit: '32.73.02',
      nama: 'Camat Coblong',
      jenis: 'struktural',
      kelas: 14,
      atasan: 'sekda',
      kepala: true,
      kegiatan: PIMPINAN,
    },
    {
      key: 'sekcam',
      unit: '32.73.02',
      nama: 'Sekretaris Kecamatan Coblong',
      jenis: 'struktural',
      kelas: 12,
      atasan: 'camat',
      kegiatan: PIMPINAN,
    },
    {
      key: 'kasubag',
      unit: '32.73.02',
      nama: 'Kepala Subbagian Umum dan Kepegawaian',
      jenis: 'struktural',
      kelas: 9,
      atasan: 'sekcam',
      kegiatan: PIMPINAN,
    },
    {
      key: 'kasipem',
      unit: '32.73.02',
      nama: 'Kepala Seksi Pemerintahan',
      jenis: 'struktural',
      kelas: 9,
      atasan: 'camat',
      kegiatan: PIMPINAN,
    },
    {
      key: 'kasiekbang',
      unit: '32.73.02',
      nama: 'Kepala Seksi Ekonomi dan Pembangunan',
      jenis: 'struktural',
      kelas: 9,
      atasan: 'camat',
      kegiatan: PIMPINAN,
    },
    {
      key: 'pengadm',
      unit: '32.73.02',
      nama: 'Pengadministrasi Umum',
      jenis: 'pelaksana',
      kelas: 5,
      atasan: 'kasubag',
      kegiatan: UMUM,
    },
    {
      key: 'bendahara',
      unit: '32.73.02',
      nama: 'Bendahara Pengeluaran Pembantu',
      jenis: 'pelaksana',
      kelas: 6,
      atasan: 'sekcam',
      kegiatan: [
        ['Memverifikasi bukti pengeluaran', 45, 'bukti', true],
        ['Menyusun laporan pertanggungjawaban', 90, 'laporan', true],
        ['Mengikuti rapat koordinasi', 90, 'rapat'],
      ],
    },
    {
      key: 'pengdata',
      unit: '32.73.02',
      nama: 'Pengelola Data Pemerintahan',
      jenis: 'pelaksana',
      kelas: 6,
      atasan: 'kasipem',
      kegiatan: UMUM,
    },
    {
      key: 'pengekbang',
      unit: '32.73.02',
      nama: 'Pengadministrasi Perekonomian',
      jenis: 'pelaksana',
      kelas: 5,
      atasan: 'kasiekbang',
      kegiatan: UMUM,
    },
  ];
  for (const k of kelurahan) {
    const slug = k.kode;
    out.push(
      {
        key: `lurah:${slug}`,
        unit: slug,
        nama: `Lurah ${k.nama}`,
        jenis: 'struktural',
        kelas: 11,
        atasan: 'camat',
        kepala: true,
        kegiatan: PIMPINAN,
      },
      {
        key: `seklur:${slug}`,
        unit: slug,
        nama: `Sekretaris Kelurahan ${k.nama}`,
        jenis: 'struktural',
        kelas: 8,
        atasan: `lurah:${slug}`,
        kegiatan: PIMPINAN,
      },
      {
        key: `staf:${slug}`,
        unit: slug,
        nama: `Pengadministrasi Umum Kelurahan ${k.nama}`,
        jenis: 'pelaksana',
        kelas: 5,
        atasan: `seklur:${slug}`,
        kegiatan: UMUM,
      },
    );
  }
  return out;
}

/** Fictitious people: names made up, NIP = birth date, TMT, sex (1/2), a number. */
const NAMA = [
  'Rina Marlina',
  'Dadan Hermawan',
  'Yuyun Yuningsih',
  'Ujang Suryana',
  'Neneng Sumiati',
  'Agus Setiawan',
  'Siti Nurhayati',
  'Iwan Gunawan',
  'Euis Komariah',
  'Deden Supriatna',
  'Tati Rohayati',
  'Cecep Rahmat',
  'Wawan Kurniawan',
  'Nina Herlina',
  'Asep Mulyana',
  'Lilis Suryani',
  'Dede Kurnia',
  'Yanti Nurjanah',
  'Hendi Permana',
  'Rosita Dewi',
  'Jajang Nurjaman',
  'Imas Masitoh',
  'Ade Sutisna',
  'Popon Rosmiati',
  'Endang Hidayat',
  'Mimin Aminah',
  'Ruslan Effendi',
  'Nurul Hasanah',
];
const perempuan = (nama: string) =>
  /^(Rina|Yuyun|Neneng|Siti|Euis|Tati|Nina|Lilis|Yanti|Rosita|Imas|Popon|Mimin|Nurul)/.test(nama);

function nipOf(i: number, nama: string): string {
  const year = 1970 + ((i * 7) % 25);
  const month = 1 + ((i * 5) % 12);
  const day = 1 + ((i * 11) % 28);
  const tmtYear = Math.max(year + 22, 1995 + (i % 20));
  const tmtMonth = 1 + ((i * 3) % 12);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}${two(month)}${two(day)}${tmtYear}${two(tmtMonth)}${perempuan(nama) ? 2 : 1}${String(1 + (i % 9)).padStart(3, '0')}`;
}

function pegawaiDefs(kelurahan: { kode: string; nama: string }[]): PegawaiDef[] {
  let i = 0;
  const p = (
    jabatan: string,
    akun?: PegawaiDef['akun'],
    jenis: 'definitif' | 'plt' = 'definitif',
  ): PegawaiDef => {
    const nama = NAMA[i % NAMA.length] as string;
    const def = {
      nip: nipOf(i, nama),
      nama,
      status: i % 9 === 8 ? ('PPPK' as const) : ('PNS' as const),
      jabatan,
      jenis,
      ...(akun ? { akun } : {}),
    };
    i++;
    return def;
  };
  const out: PegawaiDef[] = [
    p('sekda'),
    p('camat', { username: 'camat.coblong' }),
    p('sekcam', { username: 'sekcam.coblong' }),
    p('kasubag', { username: 'kasubag.coblong' }),
    p('kasipem', { username: 'kasi.pem.coblong' }),
    p('pengadm', { username: 'staf.coblong' }),
    p('pengadm'),
    p('bendahara', { username: 'bendahara.coblong', roles: ['bendahara'] }),
    p('pengdata'),
    p('pengekbang'),
  ];
  for (const k of kelurahan) {
    const dago = k.kode === '32.73.02.1004';
    out.push(
      p(`lurah:${k.kode}`, dago ? { username: 'lurah.dago' } : undefined),
      p(`seklur:${k.kode}`, dago ? { username: 'seklur.dago' } : undefined),
      p(`staf:${k.kode}`, dago ? { username: 'staf.dago' } : undefined),
    );
  }
  return out;
}

/** A deterministic number in [0, 1) from a key (the demo is the same on every machine). */
const rnd = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;

export async function seedDemoKinerja(
  db: Db,
  opts: { pemdaKode: string; password: string; now?: Date },
): Promise<void> {
  const { pemdaKode, password } = opts;
  const now = opts.now ?? new Date();
  const repo = createKepegawaianRepo(db);
  const aktivitas = createAktivitasRepo(db);
  if (await repo.unitKerjaOfWilayah('32.73.02')) return;
  const wilayah = createWilayahRepo(db);
  const usersRepo = createUsersRepo(db);
  const audit = createAuditRepo(db);
  const atasan = createAtasanResolver(repo);
  const kelurahan = (await wilayah.children('32.73.02')).map((w) => ({ kode: w.kode, nama: w.nama }));
  const hariIni = dayIn(now, ZONA);
  const tahunIni = Number(hariIni.slice(0, 4));

  // The working calendar: the fixed-date national holidays (the pemda enters the moving ones and
  // cuti bersama from the year's SKB).
  for (const tahun of [tahunIni - 1, tahunIni]) {
    for (const [md, keterangan] of [
      ['01-01', 'Tahun Baru Masehi'],
      ['05-01', 'Hari Buruh Internasional'],
      ['06-01', 'Hari Lahir Pancasila'],
      ['08-17', 'Hari Kemerdekaan Republik Indonesia'],
      ['12-25', 'Hari Raya Natal'],
    ] as const) {
      await repo.upsertLibur({ pemdaKode, tanggal: `${tahun}-${md}`, jenis: 'libur_nasional', keterangan });
    }
  }

  // Organisation.
  const unitIds = new Map<string, string>();
  unitIds.set(
    'SETDA',
    (
      await repo.insertUnitKerja({
        pemdaKode,
        kode: 'SETDA',
        nama: 'Sekretariat Daerah',
        jenis: 'perangkat_daerah',
      })
    ).id,
  );
  await repo.insertUnitKerja({
    pemdaKode,
    kode: 'BKPSDM',
    nama: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    jenis: 'perangkat_daerah',
  });
  unitIds.set(
    '32.73.02',
    (
      await repo.insertUnitKerja({
        pemdaKode,
        kode: '32.73.02',
        nama: 'Kecamatan Coblong',
        jenis: 'kecamatan',
        wilayahKode: '32.73.02',
      })
    ).id,
  );
  for (const k of kelurahan) {
    const u = await repo.insertUnitKerja({
      pemdaKode,
      kode: k.kode,
      nama: `Kelurahan ${k.nama}`,
      jenis: 'kelurahan',
      wilayahKode: k.kode,
    });
    unitIds.set(k.kode, u.id);
  }
  const jabatanIds = new Map<string, string>();
  const defs = jabatanDefs(kelurahan);
  for (const d of defs) {
    const j = await repo.insertJabatan({
      pemdaKode,
      unitKerjaId: unitIds.get(d.unit) as string,
      kode: `${d.unit}-${d.key.split(':')[0]?.toUpperCase()}`,
      nama: d.nama,
      jenis: d.jenis,
      kelas: d.kelas,
      atasanId: d.atasan ? (jabatanIds.get(d.atasan) ?? null) : null,
      kepalaUnit: d.kepala ?? false,
    });
    jabatanIds.set(d.key, j.id);
    let urutan = 0;
    for (const [nama, menitStandar, satuan, templat] of d.kegiatan) {
      await repo.insertKegiatan({
        pemdaKode,
        jabatanId: j.id,
        nama,
        menitStandar,
        satuan,
        templat: templat ?? false,
        urutan: urutan++,
      });
    }
  }

  // People, their accounts and positions (held since the start of last year).
  const deps = { db, users: usersRepo, wilayah, audit };
  const mulai = `${tahunIni - 1}-01-01`;
  const people: { id: string; def: PegawaiDef }[] = [];
  for (const def of pegawaiDefs(kelurahan)) {
    let userId: string | null = null;
    if (def.akun) {
      const roles: Role[] = ['pegawai', ...(def.akun.roles ?? [])];
      const r = await provisionUser(deps, {
        username: def.akun.username,
        namaLengkap: def.nama,
        nip: null,
        pemdaKode,
        password,
        mustChangePassword: false,
        roles: roles.map((role) => ({ role, wilayahKode: pemdaKode })),
      });
      userId = r.userId;
      // An existing demo account (camat, lurah) becomes a pegawai too.
      for (const role of roles)
        await usersRepo.assignRole({ userId, role, wilayahKode: pemdaKode, createdBy: null });
    }
    const row = await repo.insertPegawai({
      pemdaKode,
      nip: def.nip,
      nama: def.nama,
      status: def.status,
      userId,
    });
    await repo.insertPenugasan({
      pemdaKode,
      pegawaiId: row.id,
      jabatanId: jabatanIds.get(def.jabatan) as string,
      jenis: 'definitif',
      mulai,
    });
    people.push({ id: row.id, def });
  }
  // A vacancy filled by a Plt: the Kasubag Umum also acts as Kepala Seksi Ekonomi dan Pembangunan.
  const kasubag = people.find((p) => p.def.jabatan === 'kasubag') as { id: string };
  await repo.insertPenugasan({
    pemdaKode,
    pegawaiId: kasubag.id,
    jabatanId: jabatanIds.get('kasiekbang') as string,
    jenis: 'plt',
    mulai: geserHari(hariIni, -120),
  });
  for (const [username, role] of [
    ['bkpsdm', 'admin_kepegawaian'],
    ['verifikator.kinerja', 'verifikator_kinerja'],
  ] as const) {
    await provisionUser(deps, {
      username,
      namaLengkap: role === 'admin_kepegawaian' ? 'Admin Kepegawaian BKPSDM' : 'Tim Verifikasi Kinerja',
      nip: null,
      pemdaKode,
      password,
      mustChangePassword: false,
      roles: [{ role, wilayahKode: pemdaKode }],
    });
  }

  // Leave: the staff of Kelurahan Dago took three days last month.
  const [y0, m0] = [Number(hariIni.slice(0, 4)), Number(hariIni.slice(5, 7))];
  const bulanLalu = m0 === 1 ? { tahun: y0 - 1, bulan: 12 } : { tahun: y0, bulan: m0 - 1 };
  const duaBulanLalu =
    bulanLalu.bulan === 1
      ? { tahun: bulanLalu.tahun - 1, bulan: 12 }
      : { tahun: bulanLalu.tahun, bulan: bulanLalu.bulan - 1 };
  const stafDago = people.find((p) => p.def.akun?.username === 'staf.dago') as { id: string };
  const cutiMulai = `${monthRange(bulanLalu.tahun, bulanLalu.bulan).dari.slice(0, 8)}12`;
  await repo.insertCuti({
    pemdaKode,
    pegawaiId: stafDago.id,
    jenis: 'tahunan',
    mulai: cutiMulai,
    selesai: geserHari(cutiMulai, 2),
    keterangan: 'Keperluan keluarga',
  });

  // Logs from the first day of two months ago until yesterday.
  const settings = kinerjaDefaults();
  const libur = (await repo.liburBetween(pemdaKode, `${tahunIni - 1}-01-01`, `${tahunIni}-12-31`)).map(
    (l) => l.tanggal,
  );
  const dari = monthRange(duaBulanLalu.tahun, duaBulanLalu.bulan).dari;
  const kemarin = geserHari(hariIni, -1);
  const minggu = mingguIso(hariIni);
  // Weeks whose approval deadline has passed are decided, except the staff of Dago's last one (escalated).
  const decidedBefore = (t: string) => {
    const w = mingguIso(t);
    const due = tambahHariKerja(w.selesai, settings.batasPersetujuanHari, settings.hariKerja, libur);
    return due < hariIni;
  };
  const lastDueWeek = mingguIso(geserHari(minggu.mulai, -14)).mulai;
  const rows: (typeof aktivitasTable.$inferInsert)[] = [];
  const atasanOf = new Map<string, string | null>();
  for (const p of people) atasanOf.set(p.id, (await atasan.atasanOf(p.id, kemarin))?.pegawaiId ?? null);
  const cutiDays = new Set(datesBetween(cutiMulai, geserHari(cutiMulai, 2)));
  for (const p of people) {
    if (!atasanOf.get(p.id)) continue; // the top of the tree (Sekretaris Daerah) reports to the mayor, outside this system
    const jab = defs.find((d) => d.key === p.def.jabatan) as JabatanDef;
    const jabatanId = jabatanIds.get(jab.key) as string;
    const kegiatan = await repo.listKegiatan(jabatanId);
    for (const t of datesBetween(dari, kemarin)) {
      if (!isHariKerja(t, settings.hariKerja, libur)) continue;
      if (p.id === stafDago.id && cutiDays.has(t)) continue;
      if (rnd(`${p.def.nip}|${t}|absen`) < 0.06) continue; // a day left empty now and then
      let start = 7 * 60 + 30;
      const n = 3 + Math.floor(rnd(`${p.def.nip}|${t}|n`) * 3);
      for (let k = 0; k < n; k++) {
        const item = kegiatan[Math.floor(rnd(`${p.def.nip}|${t}|${k}|k`) * kegiatan.length)];
        if (!item) break;
        const menit = Math.max(
          15,
          Math.round((item.menitStandar * (0.8 + rnd(`${p.def.nip}|${t}|${k}|m`) * 0.6)) / 5) * 5,
        );
        if (start + menit > 16 * 60) break;
        const id = createHash('sha256').update(`aktivitas|${p.def.nip}|${t}|${k}`).digest('hex');
        const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-a${id.slice(17, 20)}-${id.slice(20, 32)}`;
        const r = rnd(`${p.def.nip}|${t}|${k}|s`);
        const decided = decidedBefore(t) && !(p.id === stafDago.id && mingguIso(t).mulai >= lastDueWeek);
        const status = !decided ? 'diajukan' : r < 0.03 ? 'ditolak' : 'disetujui';
        const shortened = status === 'disetujui' && r > 0.95;
        rows.push({
          pemdaKode,
          tanggal: t,
          id: uuid,
          pegawaiId: p.id,
          jabatanId,
          unitKerjaId: unitIds.get(jab.unit) as string,
          kegiatanId: item.id,
          uraian: item.nama,
          mulai: start,
          selesai: start + menit,
          menit,
          volume: 1 + Math.floor(rnd(`${p.def.nip}|${t}|${k}|v`) * 4),
          satuan: item.satuan,
          status,
          menitDisetujui:
            status === 'ditolak' ? 0 : status === 'disetujui' ? (shortened ? menit - 15 : menit) : null,
          alasanAtasan:
            status === 'ditolak'
              ? 'Kegiatan ini bukan tugas jabatan Anda'
              : shortened
                ? 'Waktu melebihi kewajaran'
                : null,
          diputusOleh: status === 'diajukan' ? null : (atasanOf.get(p.id) ?? null),
          diputusAt:
            status === 'diajukan'
              ? null
              : endOfDay(ZONA, ...(mingguIso(t).selesai.split('-').map(Number) as [number, number, number])),
        });
        start += menit + 5 * Math.floor(rnd(`${p.def.nip}|${t}|${k}|g`) * 4);
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500) await aktivitas.insertMany(rows.slice(i, i + 500));

  // Behaviour ratings: everyone two months ago, half of them last month.
  const ratingOf = (key: string) =>
    Object.fromEntries(
      ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'].map(
        (k) => [k, 3 + Math.floor(rnd(`${key}|${k}`) * 3)],
      ),
    );
  await db.transaction(async (tx) => {
    for (const p of people) {
      const by = atasanOf.get(p.id);
      if (!by) continue;
      for (const [m, all] of [
        [duaBulanLalu, true],
        [bulanLalu, false],
      ] as const) {
        if (!all && rnd(`${p.def.nip}|perilaku`) < 0.5) continue;
        await aktivitas.savePerilaku(
          {
            pemdaKode,
            tahun: m.tahun,
            bulan: m.bulan,
            pegawaiId: p.id,
            ratings: ratingOf(`${p.def.nip}|${m.bulan}`),
            catatan: '',
            dinilaiOleh: by,
          },
          null,
          tx,
        );
      }
    }
  });

  // Two months ago: verified by sample, corrected here and there, closed with scores for every unit kerja.
  const verifikator = await usersRepo.findByUsername('verifikator.kinerja');
  const ctx = createKinerjaContext({
    kepegawaian: repo,
    aktivitas,
    zonaOf: async () => ZONA,
    clock: { now: () => now },
  });
  const scorer = createVerifikasiService({ db, repo: aktivitas, kepegawaian: repo, atasan, ctx, audit });
  const by = verifikator?.id as string;
  for (const unitKerjaId of new Set(rows.map((r) => r.unitKerjaId))) {
    const m = duaBulanLalu;
    await db.transaction(async (tx) => {
      await aktivitas.insertVerifikasi(
        {
          pemdaKode,
          unitKerjaId,
          tahun: m.tahun,
          bulan: m.bulan,
          cara: 'sampel',
          ukuranSampel: 10,
          status: 'ditutup',
          dimulaiOleh: by,
          ditutupOleh: by,
          ditutupAt: now,
        },
        tx,
      );
      await aktivitas.drawSample({ pemdaKode, unitKerjaId, tahun: m.tahun, bulan: m.bulan, ukuran: 10 }, tx);
      const sample = (
        await aktivitas.ofUnitMonth(
          { pemdaKode, unitKerjaId, tahun: m.tahun, bulan: m.bulan, hanyaSampel: true },
          tx,
        )
      ).map((x) => x.a);
      for (const a of sample) await verify(a, rnd(`${a.id}|koreksi`) < 0.2, tx);
      await scorer.computeScores(
        { pemdaKode, unitKerjaIds: [unitKerjaId], tahun: m.tahun, bulan: m.bulan },
        tx,
      );
    });
  }
  // Last month: Kelurahan Dago's verification is under way, every approved entry to be checked.
  const dago = unitIds.get('32.73.02.1004') as string;
  await db.transaction(async (tx) => {
    await aktivitas.insertVerifikasi(
      {
        pemdaKode,
        unitKerjaId: dago,
        tahun: bulanLalu.tahun,
        bulan: bulanLalu.bulan,
        cara: 'semua',
        status: 'berjalan',
        dimulaiOleh: by,
      },
      tx,
    );
    const approved = (
      await aktivitas.ofUnitMonth(
        { pemdaKode, unitKerjaId: dago, tahun: bulanLalu.tahun, bulan: bulanLalu.bulan, hanyaSampel: false },
        tx,
      )
    ).map((x) => x.a);
    for (const a of approved.slice(0, 8)) await verify(a, a === approved[3], tx);
  });

  async function verify(
    a: AktivitasRow,
    koreksi: boolean,
    tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  ) {
    const approvedMinutes = a.menitDisetujui ?? a.menit;
    await aktivitas.update(
      a,
      {
        menitDiakui: koreksi ? Math.max(0, approvedMinutes - 30) : approvedMinutes,
        alasanVerifikasi: koreksi ? 'Bukti dukung tidak menunjukkan seluruh hasil' : null,
        diverifikasiOleh: by,
        diverifikasiAt: now,
      },
      tx,
    );
  }
}
