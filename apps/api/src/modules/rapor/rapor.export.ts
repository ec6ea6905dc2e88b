import * as XLSX from '@e965/xlsx';
import type { RankingRow, RaporDetail } from '@sip/contracts';
import { type Cell, neutraliseRows, toCsv } from '../../lib/spreadsheet';

export type ExportFormat = 'csv' | 'xlsx';
export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const statusLabel: Record<RaporDetail['bidang'][number]['indikator'][number]['status'], string> = {
  verified: 'Terverifikasi',
  corrected: 'Dikoreksi verifikator',
  tidak_berlaku: 'Tidak berlaku',
  tidak_dilaporkan: 'Tidak dilaporkan',
};

function file(base: string, format: ExportFormat, sheets: { name: string; rows: Cell[][] }[]): ExportFile {
  if (format === 'csv') {
    // One CSV holds the first sheet.
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(toCsv(sheets[0]?.rows ?? [])),
    };
  }
  const wb = XLSX.utils.book_new();
  // Every string is written as a plain text cell (never a formula), after neutralising.
  for (const s of sheets)
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(neutraliseRows(s.rows)), s.name);
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  };
}

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
  return file(base, args.format, [{ name: 'Peringkat', rows: [header, ...rows] }]);
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
      i.value,
      i.target,
      i.score,
      i.weight,
      i.effectiveWeight,
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
  if (format === 'csv') return file(base, format, [{ name: 'Indikator', rows: [header, ...detail] }]);
  return file(base, format, [
    { name: 'Ringkasan', rows: ringkasan },
    { name: 'Indikator', rows: [header, ...detail] },
  ]);
}
