/**
 * What the Import orders (CSV)… dialog sends to the server, shared by both sides so that they
 * cannot drift: the file goes up in chunks (the mapped columns only), then one request names the
 * upload and how to read it. Every server function google.script.run can call is a public
 * endpoint (any page of the add-on, or a person's console, can call it), so the server checks
 * each field here before using it.
 */
import { UserError } from '../cells';
import { ImportPlan, IMPORT_COLUMNS } from './types';

/** One part of the file's rows, as the dialog sends it: every cell a string (or null when blank). */
export interface UploadChunk {
  token: string;
  index: number;
  rows: (string | null)[][];
}

export interface ImportFileRequest {
  /** The upload's random id, chosen by the dialog. */
  token: string;
  /** How many chunks were sent (0 … chunks-1). */
  chunks: number;
  fileName: string;
  /** The headers of the columns sent, in the order of each row's cells. */
  headers: string[];
  /** The person's choice for every header of the file: its KPI Data column, or null (not imported). */
  mapping: Record<string, string | null>;
  dateOrder: 'dmy' | 'mdy';
  decimal: ',' | '.';
}

/** What the dialog starts with (printed into its page by the menu item). */
export interface DialogBoot {
  /** The mapping remembered from the last import: source header → KPI column ('' = not imported). */
  remembered: Record<string, string>;
  /** The spreadsheet's locale and time zone. */
  locale: string;
  timeZone: string;
  columns: { name: string; kind: string; required: boolean }[];
  /** CHUNK_CHARS, so the page and the server agree. */
  chunkChars: number;
}

/** What the dialog shows before the person confirms: the plan's counts and its first reasons. */
export type ImportPreview = Omit<ImportPlan['counts'], 'cells'> & {
  /** The first rejections (file line, column, reason): mapped values only. */
  examples: string[];
};

/** What the dialog shows once the import ran. */
export interface ImportOutcome {
  summary: string;
  warnings: string[];
}

/**
 * Characters of JSON per chunk the dialog sends: each google.script.run call carries well under
 * a megabyte, and the server stores a chunk as pieces of PIECE_CHARS.
 */
export const CHUNK_CHARS = 400_000;
/**
 * Characters per cache value: CacheService takes values up to 100 KB, and a character is at most
 * three bytes of UTF-8 (four for a pair of two characters), so 30,000 characters always fit.
 */
export const PIECE_CHARS = 30_000;
/**
 * Cache values one upload may take: a cache holds 1,000 items and, when full, keeps the 900
 * furthest from expiry, so an upload stays well under that (about 21 MB of mapped columns).
 */
export const MAX_PIECES = 700;
export const MAX_FILE_CHARS = MAX_PIECES * PIECE_CHARS;

const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_HEADERS = 200;
const MAX_HEADER_CHARS = 200;

/** Rows cut into chunks of at most `maxChars` characters of JSON (a row longer than that goes alone). */
export function chunkRows<T>(rows: readonly T[], maxChars = CHUNK_CHARS): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 2;
  for (const row of rows) {
    const n = JSON.stringify(row).length + 1;
    if (current.length && size + n > maxChars) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(row);
    size += n;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

function fail(what: string): never {
  throw new UserError(
    `The import dialog sent ${what}; nothing was imported. Close the dialog and open Import orders (CSV)… again.`,
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function token(v: unknown): string {
  if (typeof v !== 'string' || !TOKEN.test(v)) fail('an upload id that is not one of its own');
  return v;
}

function shortText(v: unknown, what: string): string {
  if (typeof v !== 'string' || v.length > MAX_HEADER_CHARS) fail(what);
  return v;
}

/** A chunk checked: a known shape, strings or nulls only. */
export function checkChunk(raw: unknown): UploadChunk {
  if (!isRecord(raw)) fail('a chunk that is not an object');
  const index = raw.index;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= MAX_PIECES)
    fail('a chunk without a valid number');
  const rows = raw.rows;
  if (!Array.isArray(rows)) fail('a chunk without rows');
  for (const row of rows) {
    if (!Array.isArray(row)) fail('a row that is not a list of cells');
    for (const cell of row)
      if (cell !== null && typeof cell !== 'string') fail('a cell that is not text');
  }
  return { token: token(raw.token), index, rows: rows as (string | null)[][] };
}

/** A request checked: the mapping may only name KPI Data columns. */
export function checkRequest(raw: unknown): ImportFileRequest {
  if (!isRecord(raw)) fail('a request that is not an object');
  const chunks = raw.chunks;
  if (typeof chunks !== 'number' || !Number.isInteger(chunks) || chunks < 0 || chunks > MAX_PIECES)
    fail('a number of chunks it cannot have');
  const headers = raw.headers;
  if (!Array.isArray(headers) || headers.length > MAX_HEADERS) fail('headers it cannot have');
  const mapping = raw.mapping;
  if (!isRecord(mapping) || Object.keys(mapping).length > MAX_HEADERS)
    fail('a mapping it cannot have');
  const known = new Set<string>(IMPORT_COLUMNS);
  const cleanMapping: Record<string, string | null> = {};
  for (const [h, c] of Object.entries(mapping)) {
    shortText(h, 'a header that is too long');
    if (c !== null && c !== '' && (typeof c !== 'string' || !known.has(c)))
      fail(`a column that 'KPI Data' does not have (${String(c).slice(0, 40)})`);
    cleanMapping[h] = c === '' ? null : (c as string | null);
  }
  if (raw.dateOrder !== 'dmy' && raw.dateOrder !== 'mdy')
    fail('a date order other than dmy or mdy');
  if (raw.decimal !== ',' && raw.decimal !== '.') fail('a decimal separator other than , or .');
  return {
    token: token(raw.token),
    chunks,
    fileName: shortText(raw.fileName, 'a file name that is too long') || 'the file',
    headers: headers.map((h) => shortText(h, 'a header that is too long')),
    mapping: cleanMapping,
    dateOrder: raw.dateOrder,
    decimal: raw.decimal,
  };
}
