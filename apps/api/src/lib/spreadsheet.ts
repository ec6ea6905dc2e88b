import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';

export type Cell = string | number | null;

/** A cell a spreadsheet would run as a formula (= + - @, or a leading tab/CR) gets a leading ' (CSV injection). */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const neutraliseRows = (rows: Cell[][]): Cell[][] =>
  rows.map((r) => r.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c)));

/**
 * CSV as Indonesian spreadsheets expect it: a BOM and ';' so Excel with Indonesian regional
 * settings opens it as columns with accents intact; every text cell neutralised.
 */
export function toCsv(rows: Cell[][]): string {
  return `\uFEFF${Papa.unparse(neutraliseRows(rows), { delimiter: ';', newline: '\r\n' })}`;
}

export type ExportFormat = 'csv' | 'xlsx';
export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * The one writer of every export: a CSV of the first sheet, or an XLSX workbook of all of them.
 * Every text cell is neutralised first, so no cell a person opens runs as a formula.
 */
export function exportFile(
  base: string,
  format: ExportFormat,
  sheets: { name: string; rows: Cell[][] }[],
): ExportFile {
  if (format === 'csv') {
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(toCsv(sheets[0]?.rows ?? [])),
    };
  }
  const wb = XLSX.utils.book_new();
  for (const s of sheets)
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(neutraliseRows(s.rows)), s.name);
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  };
}
