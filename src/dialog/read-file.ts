/**
 * A CSV file read in the browser: bytes decoded (UTF-8, or Windows-1252 when the bytes are not
 * UTF-8, as many French back offices write them), then parsed by Papa Parse, which also finds the
 * separator. Nothing here leaves the browser.
 */
import Papa from 'papaparse';

export type Encoding = 'utf-8' | 'windows-1252';

/** The encoding the bytes are in: UTF-8 when they decode as such (a BOM says so too). */
export function detectEncoding(bytes: Uint8Array): Encoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The text of the bytes in an encoding; a UTF-8 byte-order mark is dropped. */
export function decode(bytes: Uint8Array, encoding: Encoding): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface ParsedFile {
  headers: string[];
  /** Data lines, header excluded; blank lines kept so line numbers match the file. */
  rows: string[][];
  /** The separator used (detected when none was given). */
  delimiter: string;
  /** Papa Parse's complaints (an unclosed quote…), with their line. */
  problems: string[];
}

/** Parses CSV text; `delimiter` '' lets Papa Parse detect it among , ; tab | and others. */
export function parseCsv(text: string, delimiter = ''): ParsedFile {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const [head = [], ...rows] = result.data;
  // A trailing line break leaves one empty record: not a line of the file.
  while (rows.length && rows[rows.length - 1].every((v) => v.trim() === '')) rows.pop();
  return {
    headers: head.map((h) => h.trim()),
    rows,
    delimiter: result.meta.delimiter,
    problems: result.errors
      .slice(0, 5)
      .map((e) => `${e.message}${e.row !== undefined ? ` (line ${e.row + 2})` : ''}`),
  };
}
