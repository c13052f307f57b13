/**
 * A1 notation: column letters, parsing of `A1`, `A1:C3`, `A:A`, `1:1`, `A2:C`, `'My Sheet'!A1:B2`,
 * and formatting back. Pure functions; rows and columns are 1-based as in Apps Script.
 */

/** Sheets' column limit (ZZZ); larger letters are not a cell reference. */
export const MAX_COLUMN = 18278;

export function columnToLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A parsed reference; a null bound means "open" (to the sheet's edge): `A:A` has null rows,
 * `1:1` null columns, `A2:C` a null end row.
 */
export interface A1Ref {
  sheetName: string | null;
  startRow: number | null;
  startCol: number | null;
  endRow: number | null;
  endCol: number | null;
}

const PART = /^(\$?[A-Za-z]{1,3})?(\$?\d+)?$/;

interface Part {
  col: number | null;
  row: number | null;
}

function parsePart(text: string): Part | null {
  const m = PART.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? lettersToColumn(m[1].replace('$', '')) : null;
  const row = m[2] ? Number(m[2].replace('$', '')) : null;
  if (row !== null && row < 1) return null;
  if (col !== null && col > MAX_COLUMN) return null;
  return { col, row };
}

/** Splits `'My ''quoted'' Sheet'!A1` into the sheet name and the cell part. */
export function splitSheetName(a1: string): { sheetName: string | null; ref: string } | null {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1 };
  const head = a1.slice(0, bang);
  const ref = a1.slice(bang + 1);
  if (head.startsWith("'")) {
    if (!head.endsWith("'") || head.length < 3) return null;
    const inner = head.slice(1, -1);
    // A lone quote inside a quoted name is malformed; doubled quotes are escaped quotes.
    if (/(^|[^'])'([^']|$)/.test(inner.replace(/''/g, ''))) return null;
    return { sheetName: inner.replace(/''/g, "'"), ref };
  }
  if (head === '' || /[\s'!]/.test(head)) return null;
  return { sheetName: head, ref };
}

/** Parses A1 notation; null when it is not a reference Sheets would accept. */
export function parseA1(a1: string): A1Ref | null {
  if (typeof a1 !== 'string') return null;
  const split = splitSheetName(a1.trim());
  if (!split) return null;
  const pieces = split.ref.split(':');
  if (pieces.length > 2) return null;
  const start = parsePart(pieces[0]);
  if (!start) return null;
  if (pieces.length === 1) {
    if (start.col === null || start.row === null) return null;
    return {
      sheetName: split.sheetName,
      startRow: start.row,
      startCol: start.col,
      endRow: start.row,
      endCol: start.col,
    };
  }
  const end = parsePart(pieces[1]);
  if (!end) return null;
  if (start.col === null) {
    // `1:5`: whole rows.
    if (end.col !== null || end.row === null) return null;
    return sorted(split.sheetName, start.row, null, end.row, null);
  }
  if (end.col === null) return null;
  if (start.row === null) {
    // `A:C` or `A:C5` (rows open at the top are not something Sheets produces; accept `A:C` only).
    if (end.row !== null) return null;
    return sorted(split.sheetName, null, start.col, null, end.col);
  }
  // `A1:C3` or `A2:C` (open at the bottom).
  return sorted(split.sheetName, start.row, start.col, end.row, end.col);
}

function sorted(
  sheetName: string | null,
  r1: number | null,
  c1: number | null,
  r2: number | null,
  c2: number | null,
): A1Ref {
  const [startRow, endRow] = r1 !== null && r2 !== null && r2 < r1 ? [r2, r1] : [r1, r2];
  const [startCol, endCol] = c1 !== null && c2 !== null && c2 < c1 ? [c2, c1] : [c1, c2];
  return { sheetName, startRow, startCol, endRow, endCol };
}

/** Quotes a sheet name the way Sheets writes it in references (only when needed). */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** `A1` for one cell, `A1:C3` otherwise; whole columns/rows as `A:C` / `1:3` when flagged. */
export function formatA1(rect: GridRect, wholeColumns = false, wholeRows = false): string {
  const endRow = rect.row + rect.numRows - 1;
  const endCol = rect.col + rect.numCols - 1;
  const c1 = columnToLetters(rect.col);
  const c2 = columnToLetters(endCol);
  if (wholeColumns) return `${c1}:${c2}`;
  if (wholeRows) return `${rect.row}:${endRow}`;
  if (rect.numRows === 1 && rect.numCols === 1) return `${c1}${rect.row}`;
  return `${c1}${rect.row}:${c2}${endRow}`;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}
