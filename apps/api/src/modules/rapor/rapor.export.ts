import type { RankingRow, RaporDetail } from '@sip/contracts';
import { type Cell, type ExportFile, type ExportFormat, exportFile, shown } from '../../lib/spreadsheet';

export type { ExportFile, ExportFormat };

const statusLabel: Record<RaporDetail['bidang'][number]['indikator'][number]['status'], string> = {
  terverifikasi: 'Terverifikasi',
  dikoreksi: 'Dikoreksi verifikator',
  tidak_berlaku: 'Tidak berlaku',
  tidak_dilaporkan: 'Tidak dilaporkan',
  sebagian: 'Sebagian bulan dilaporkan',
  belum_jatuh_tempo: 'Belum jatuh tempo',
};

export function rankingsExport(args: {
  tahun: number;
  level: 'kecamatan' | 'kelurahan';
  kecamatan?: string | undefined;
  bidang: { code: string; name: string }[];
  rows: RankingRow[];
  format: ExportFormat;
}): ExportFile {
  const header: Cell[] = [
    'Peringkat',
    ...(args.level === 'kelurahan' ? ['Peringkat di kecamatan'] : []),
    'Kode',
    args.level === 'kecamatan' ? 'Kecamatan' : 'Kelurahan',
    ...(args.level === 'kelurahan' ? ['Kecamatan'] : []),
    'Nilai total',
    'Predikat',
    ...args.bidang.map((b) => `${b.code} ${b.name}`),
  ];
  const rows: Cell[][] = args.rows.map((r) => [
    r.rank,
    ...(args.level === 'kelurahan' ? [r.rankInKecamatan] : []),
    r.kode,
    r.nama,
    ...(args.level === 'kelurahan' ? [r.kecamatanNama] : []),
    r.total,
    r.predikat ?? '',
    ...args.bidang.map((b) => r.bidang[b.code] ?? null),
  ]);
  const base = `peringkat-${args.level}${args.kecamatan ? `-${args.kecamatan}` : ''}-${args.tahun}`;
  return exportFile(base, args.format, [{ name: 'Peringkat', rows: [header, ...rows] }]);
}

export function raporExport(r: RaporDetail, format: ExportFormat): ExportFile {
  const header: Cell[] = [
    'Bidang',
    'Kode indikator',
    'Indikator',
    'Satuan',
    'Nilai (realisasi)',
    'Target',
    'Skor',
    'Bobot',
    'Bobot efektif',
    'Status',
    'Bulan dilaporkan',
    'Rata-rata pemda',
  ];
  const detail: Cell[][] = r.bidang.flatMap((b) =>
    b.indikator.map((i) => [
      `${b.code} ${b.name}`,
      i.code,
      i.name,
      i.satuan,
      shown(i.value),
      shown(i.target),
      i.score,
      i.weight,
      shown(i.effectiveWeight),
      statusLabel[i.status],
      i.monthsDue === null ? '' : `${i.monthsReported ?? 0}/${i.monthsDue}`,
      i.pemdaAverage,
    ]),
  );
  const ringkasan: Cell[][] = [
    [`Rapor ${r.level === 'kecamatan' ? 'Kecamatan' : 'Kelurahan'} ${r.nama} (${r.kode}) — tahun ${r.tahun}`],
    [
      r.source === 'publikasi'
        ? `Hasil diumumkan, revisi ${r.revision}`
        : 'Rapor berjalan dari data terverifikasi',
    ],
    [],
    ['Nilai total', r.total],
    ['Predikat', r.predikat ?? '-'],
    ['Peringkat', r.rank === null ? '-' : `${r.rank} dari ${r.rankOf}`],
    ...(r.level === 'kelurahan'
      ? [
          [
            'Peringkat di kecamatan',
            r.rankInKecamatan === null ? '-' : `${r.rankInKecamatan} dari ${r.rankInKecamatanOf}`,
          ],
        ]
      : []),
    ['Rata-rata pemda', r.pemdaAverage],
    ['Versi rumus', r.formulaVersion],
    [],
    ['Bidang', 'Bobot', 'Skor', 'Rata-rata pemda'],
    ...r.bidang.map((b) => [`${b.code} ${b.name}`, b.weight, b.score, b.pemdaAverage]),
  ];
  const base = `rapor-${r.kode}-${r.tahun}`;
  // One CSV sheet: the summary (total, predikat, rank) above the indicator table.
  if (format === 'csv')
    return exportFile(base, format, [{ name: 'Indikator', rows: [...ringkasan, [], header, ...detail] }]);
  return exportFile(base, format, [
    { name: 'Ringkasan', rows: ringkasan },
    { name: 'Indikator', rows: [header, ...detail] },
  ]);
}
