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

/** A ranking as rows: the header, then one row per unit in rank order. */
function rankingSheet(
  level: 'kecamatan' | 'kelurahan',
  bidang: { code: string; name: string }[],
  list: RankingRow[],
): Cell[][] {
  const header: Cell[] = [
    'Peringkat',
    ...(level === 'kelurahan' ? ['Peringkat di kecamatan'] : []),
    'Kode',
    level === 'kecamatan' ? 'Kecamatan' : 'Kelurahan',
    ...(level === 'kelurahan' ? ['Kecamatan'] : []),
    'Nilai total',
    'Predikat',
    ...bidang.map((b) => `${b.code} ${b.name}`),
  ];
  const rows: Cell[][] = list.map((r) => [
    r.rank,
    ...(level === 'kelurahan' ? [r.rankInKecamatan] : []),
    r.kode,
    r.nama,
    ...(level === 'kelurahan' ? [r.kecamatanNama] : []),
    r.total,
    r.predikat ?? '',
    ...bidang.map((b) => r.bidang[b.code] ?? null),
  ]);
  return [header, ...rows];
}

export function rankingsExport(args: {
  tahun: number;
  level: 'kecamatan' | 'kelurahan';
  kecamatan?: string | undefined;
  bidang: { code: string; name: string }[];
  rows: RankingRow[];
  format: ExportFormat;
}): ExportFile {
  const base = `peringkat-${args.level}${args.kecamatan ? `-${args.kecamatan}` : ''}-${args.tahun}`;
  return exportFile(base, args.format, [
    { name: 'Peringkat', rows: rankingSheet(args.level, args.bidang, args.rows) },
  ]);
}

/**
 * Every unit's rapor of a year in one file (a background job: 181 units in Kota Bandung): the
 * indicator table of all units — as CSV alone, in the workbook beside both rankings.
 */
export function allRaporExport(args: {
  tahun: number;
  bidang: { code: string; name: string }[];
  kecamatan: RankingRow[];
  kelurahan: RankingRow[];
  details: RaporDetail[];
  format: ExportFormat;
}): ExportFile & { rows: number } {
  const header: Cell[] = [
    'Kode unit',
    'Unit',
    'Tingkat',
    'Nilai total',
    'Predikat',
    'Peringkat',
    'Bidang',
    'Kode indikator',
    'Indikator',
    'Nilai (realisasi)',
    'Target',
    'Skor',
    'Bobot efektif',
    'Status',
  ];
  const rows: Cell[][] = args.details.flatMap((r) =>
    r.bidang.flatMap((b) =>
      b.indikator.map((i) => [
        r.kode,
        r.nama,
        r.level === 'kecamatan' ? 'Kecamatan' : 'Kelurahan',
        r.total,
        r.predikat ?? '',
        r.rank,
        `${b.code} ${b.name}`,
        i.code,
        i.name,
        shown(i.value),
        shown(i.target),
        i.score,
        shown(i.effectiveWeight),
        statusLabel[i.status],
      ]),
    ),
  );
  const base = `rapor-semua-unit-${args.tahun}`;
  const indikator = { name: 'Indikator', rows: [header, ...rows] };
  if (args.format === 'csv') return { ...exportFile(base, 'csv', [indikator]), rows: rows.length };
  const sheetOf = (level: 'kecamatan' | 'kelurahan', list: RankingRow[]) => ({
    name: level === 'kecamatan' ? 'Peringkat kecamatan' : 'Peringkat kelurahan',
    rows: rankingSheet(level, args.bidang, list),
  });
  return {
    ...exportFile(base, 'xlsx', [
      sheetOf('kecamatan', args.kecamatan),
      sheetOf('kelurahan', args.kelurahan),
      indikator,
    ]),
    rows: rows.length,
  };
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
