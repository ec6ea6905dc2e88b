import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';

export type Cell = string | number | null;

/** A cell a spreadsheet would run as a formula (= + - @, or a leading tab/CR) gets a leading ' (CSV injection). */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const neutraliseRows = (rows: Cell[][]): Cell[][] =>
  rows.map((r) => r.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c)));

/** A number as Indonesian Excel reads it: decimal comma, no thousands separator ("87,25"). */
export const csvNumber = (n: number): string => String(n).replace('.', ',');

/**
 * CSV as Indonesian spreadsheets expect it: a BOM and ';' so Excel with Indonesian regional
 * settings opens it as columns with accents intact, numbers with a decimal comma so they stay
 * numbers; every text cell neutralised (numbers are not text: -1,5 stays a number).
 */
export function toCsv(rows: Cell[][]): string {
  const cells = rows.map((r) =>
    r.map((c) => (typeof c === 'number' ? csvNumber(c) : typeof c === 'string' ? neutraliseCell(c) : c)),
  );
  return `\uFEFF${Papa.unparse(cells, { delimiter: ';', newline: '\r\n' })}`;
}

/** A figure rounded as the screen shows it (at most `digits` decimals), for an export cell. */
export const shown = (n: number | null | undefined, digits = 2): number | null =>
  n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits;

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
