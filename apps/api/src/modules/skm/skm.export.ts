import { type SkmIkm, skmProfilOptions, type skmUnsurKeys, zonaSingkatan } from '@sip/contracts';
import { SKM_UNSUR } from '@sip/scoring';
import { type Cell, type ExportFile, type ExportFormat, exportFile } from '../../lib/spreadsheet';
import { formatWaktu, type TimeZone } from '../../lib/time';
import type { SkmRepo } from './skm.repo';

export type { ExportFormat };

type ExportRow = Awaited<ReturnType<SkmRepo['exportRows']>>[number];

const labelOf = (field: keyof typeof skmProfilOptions, value: string | null) =>
  value === null
    ? ''
    : ((skmProfilOptions[field] as readonly { value: string; label: string }[]).find((o) => o.value === value)
        ?.label ?? value);

export function buildExport(args: {
  unit: { kode: string; nama: string };
  tahun: number;
  semester?: number | undefined;
  rows: ExportRow[];
  summary: SkmIkm;
  format: ExportFormat;
  /** The pemda's zone: the times are written in it and the header says which. */
  zona: TimeZone;
}): ExportFile {
  const header = [
    'ID',
    'Kode wilayah',
    'Nama wilayah',
    `Waktu (${zonaSingkatan[args.zona]})`,
    'Tahun',
    'Semester',
    ...SKM_UNSUR.map((u, i) => `U${i + 1} ${u.nama}`),
    'Jenis kelamin',
    'Kelompok umur',
    'Pendidikan',
    'Pekerjaan',
    'Jenis layanan',
    'Saran (disetujui)',
    'Status saran',
  ];
  const data: Cell[][] = args.rows.map(({ r, wilayahNama }) => [
    String(r.id),
    r.wilayahKode,
    wilayahNama,
    formatWaktu(r.submittedAt, args.zona),
    r.tahun,
    r.semester,
    ...SKM_UNSUR.map((u) => r[u.key as (typeof skmUnsurKeys)[number]]),
    labelOf('jenisKelamin', r.jenisKelamin),
    labelOf('kelompokUmur', r.kelompokUmur),
    labelOf('pendidikan', r.pendidikan),
    labelOf('pekerjaan', r.pekerjaan),
    r.layanan ?? '',
    // Suggestions not (yet) approved may hold anything a citizen typed: only approved ones leave.
    r.saranStatus === 'disetujui' ? (r.saran ?? '') : '',
    r.saranStatus ?? '',
  ]);
  const base = `ikm-${args.unit.kode}-${args.tahun}${args.semester ? `-s${args.semester}` : ''}`;
  const s = args.summary;
  const ringkasan: Cell[][] = [
    [`Indeks Kepuasan Masyarakat — ${args.unit.nama} (${args.unit.kode})`],
    [`Tahun ${args.tahun}${args.semester ? `, semester ${args.semester}` : ''}`],
    [],
    ['No', 'Unsur', 'Jumlah nilai', 'NRR', 'NRR tertimbang (x 1/9)'],
    ...s.unsur.map((u, i) => [i + 1, u.nama, u.jumlah, u.nrr, u.nrrTertimbang]),
    [],
    ['Jumlah responden', s.respondents],
    ['IKM (skala 1–4)', s.ikm],
    ['IKM konversi (x 25)', s.convertedRounded],
    ['Mutu pelayanan', s.grade ? `${s.grade.mutu} (${s.grade.kinerja})` : '-'],
  ];
  // The CSV holds the responses; the workbook the summary and the responses.
  return args.format === 'csv'
    ? exportFile(base, 'csv', [{ name: 'Responden', rows: [header, ...data] }])
    : exportFile(base, 'xlsx', [
        { name: 'Ringkasan', rows: ringkasan },
        { name: 'Responden', rows: [header, ...data] },
      ]);
}
