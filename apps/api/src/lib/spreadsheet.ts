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
