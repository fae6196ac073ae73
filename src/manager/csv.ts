/**
 * The team table as CSV, through csv-stringify (correct quoting of commas, quotes and line breaks).
 * Safe to open in a spreadsheet: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would be run as a formula, so it is prefixed with an apostrophe; numbers stay numbers, so a
 * trend of −5 is still −5.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

/** A cell: text, a number, or nothing. */
export type Cell = string | number | null;

/** A text cell made safe from formula injection; numbers and empty cells pass through. */
export function safeCell(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Rows (the first is the header) as CSV text, every cell made safe. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return stringify(rows.map((row) => row.map((cell) => safeCell(cell) ?? '')));
}
