/**
 * Where the dialog's chunks wait between google.script.run calls: each call is its own
 * execution, so a file sent in parts must be kept somewhere until the import reads it. The
 * person's user cache is the place: private to them, gone after six hours at most, and nothing
 * is written to the document before they confirm. A chunk is stored as pieces of at most
 * PIECE_CHARS (under the 100 KB a cache value holds) with one putAll; reading the whole upload
 * back takes two getAll calls, whatever its size.
 *
 * The cache may drop an entry early ("expiry is only a suggestion"): a missing piece is reported
 * as such and nothing is imported; the person picks the file again.
 */
import { UserError } from '../../core/cells';
import { FileValue } from '../../core/import';
import {
  checkChunk,
  ImportFileRequest,
  MAX_FILE_CHARS,
  MAX_PIECES,
  PIECE_CHARS,
} from '../../core/import/wire';

/** The longest a cache keeps anything: six hours. */
const TTL_S = 21_600;
const PREFIX = 'circ.import.';

const chunkKey = (token: string, index: number) => `${PREFIX}${token}.${index}`;
const pieceKey = (token: string, index: number, piece: number) =>
  `${PREFIX}${token}.${index}.${piece}`;

function cache(): GoogleAppsScript.Cache.Cache {
  return CacheService.getUserCache();
}

/** Keeps one chunk of the dialog's upload; answers its index and row count. */
export function storeChunk(raw: unknown): { index: number; rows: number } {
  const chunk = checkChunk(raw);
  const json = JSON.stringify(chunk.rows);
  const pieces = Math.ceil(json.length / PIECE_CHARS);
  if (pieces > MAX_PIECES) throw new UserError(TOO_LARGE);
  const values: Record<string, string> = { [chunkKey(chunk.token, chunk.index)]: String(pieces) };
  for (let p = 0; p < pieces; p++)
    values[pieceKey(chunk.token, chunk.index, p)] = json.slice(
      p * PIECE_CHARS,
      (p + 1) * PIECE_CHARS,
    );
  cache().putAll(values, TTL_S);
  return { index: chunk.index, rows: chunk.rows.length };
}

const TOO_LARGE = `This file is too large to import at once (the limit is about ${Math.round(MAX_FILE_CHARS / 1e6)} million characters in the columns you import). Split it into smaller exports; nothing was imported.`;

const EXPIRED = (fileName: string) =>
  `The upload of ${fileName} is no longer available (it is kept for a few hours at most, and may be dropped sooner). Pick the file again; nothing was imported.`;

/** An upload read back: its rows in file order, and the cache keys to forget once imported. */
export interface Upload {
  rows: FileValue[][];
  keys: string[];
}

/** The rows of an upload, in file order; a UserError when a part is missing. */
export function readUpload(request: ImportFileRequest): Upload {
  const { token, chunks, fileName } = request;
  const c = cache();
  const chunkKeys = Array.from({ length: chunks }, (_, i) => chunkKey(token, i));
  const counts = chunks ? c.getAll(chunkKeys) : {};
  const keys: string[] = [];
  for (let i = 0; i < chunks; i++) {
    const n = Number(counts[chunkKeys[i]]);
    if (!Number.isInteger(n) || n < 1) throw new UserError(EXPIRED(fileName));
    for (let p = 0; p < n; p++) keys.push(pieceKey(token, i, p));
  }
  if (keys.length > MAX_PIECES) throw new UserError(TOO_LARGE);
  const pieces = keys.length ? c.getAll(keys) : {};
  const rows: FileValue[][] = [];
  let k = 0;
  for (let i = 0; i < chunks; i++) {
    let json = '';
    for (let p = 0; p < Number(counts[chunkKeys[i]]); p++) {
      const piece = pieces[keys[k++]];
      if (typeof piece !== 'string') throw new UserError(EXPIRED(fileName));
      json += piece;
    }
    for (const row of JSON.parse(json) as FileValue[][]) rows.push(row);
  }
  return { rows, keys: [...chunkKeys, ...keys] };
}

/** Forgets an upload once imported (one call; the cache would forget it anyway). */
export function forgetUpload(upload: Upload): void {
  if (upload.keys.length) cache().removeAll(upload.keys);
}
