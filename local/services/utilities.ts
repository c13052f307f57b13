/**
 * Utilities: date formatting with Java SimpleDateFormat patterns on IANA zones (via Intl),
 * printf-style formatString, blobs, base64, digests, uuids and a sleep that only moves the
 * runtime clock.
 */
import { wallClock } from '../spreadsheet/number-format';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { ExecutionContext } from '../context';
import { FakeBlob, encodingFor, fromBytes, toSignedBytes } from './blob';
import type { Clock } from './clock';

type U = GoogleAppsScript.Utilities.Utilities;
type Blob = GoogleAppsScript.Base.Blob;

// Apps Script enums are opaque objects whose toString() is the name; strings behave the same
// for comparisons and messages.
export const Charset = {
  US_ASCII: 'US_ASCII',
  UTF_8: 'UTF_8',
} as unknown as typeof GoogleAppsScript.Utilities.Charset;
export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm;
export const RsaAlgorithm = {
  RSA_SHA_1: 'RSA_SHA_1',
  RSA_SHA_256: 'RSA_SHA_256',
} as unknown as typeof GoogleAppsScript.Utilities.RsaAlgorithm;

const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Longest sleep Apps Script accepts (5 minutes). */
const MAX_SLEEP_MS = 300_000;

// ---------------------------------------------------------------------------------------------
// Dates

interface ZonedFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Java custom ids ("GMT+2", "GMT-05:30") and plain GMT/UTC, which Intl may not accept. */
function fixedOffset(timeZone: string): number | null {
  if (/^(GMT|UTC|Z|Etc\/GMT|Etc\/UTC)$/i.test(timeZone)) return 0;
  const m = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(timeZone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

export function zonedFields(date: Date, timeZone: string): ZonedFields {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new Error('Invalid argument: date');
  const ms = ((t % 1000) + 1000) % 1000;
  const fixed = fixedOffset(timeZone);
  if (fixed !== null) {
    const d = new Date(t + fixed * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms,
      weekday: d.getUTCDay(),
      offsetMinutes: fixed,
    };
  }
  let w: ReturnType<typeof wallClock>;
  try {
    w = wallClock(date, timeZone);
  } catch {
    // Java would silently fall back to GMT; a test is better served by a loud failure.
    throw new Error(`Invalid time zone: ${timeZone}`);
  }
  const { weekday, ...f } = w;
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const offsetMinutes = Math.round((wall - (t - ms)) / 60_000);
  return { ...f, ms, weekday, offsetMinutes };
}

function zoneName(date: Date, timeZone: string, long: boolean, offsetMinutes: number): string {
  const fixed = fixedOffset(timeZone);
  const gmt = (): string => {
    if (offsetMinutes === 0) return long ? 'Greenwich Mean Time' : 'GMT';
    const a = Math.abs(offsetMinutes);
    return `GMT${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
  };
  if (fixed !== null)
    return fixed === 0 && /UTC/i.test(timeZone)
      ? long
        ? 'Coordinated Universal Time'
        : 'UTC'
      : gmt();
  // Java prints CET/CEST, PST, BST…; en-US knows the American abbreviations, en-GB the European ones.
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, {
      timeZone,
      timeZoneName: long ? 'long' : 'short',
    })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && (long || !/^(GMT|UTC)[+-]/.test(name))) return name;
  }
  return gmt();
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function dayOfYear(f: ZonedFields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000 + 1;
}

function offsetText(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  const hh = pad(Math.floor(a / 60), 2);
  const mm = pad(a % 60, 2);
  if (style === 'X') return `${sign}${hh}`;
  if (style === 'XXX') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/** Java SimpleDateFormat, the subset an add-on plausibly uses; unknown letters throw like Java. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!(date instanceof Date) && Object.prototype.toString.call(date) !== '[object Date]') {
    throw new Error('Invalid argument: date');
  }
  const f = zonedFields(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // '' inside a quoted run is an escaped quote
      let j = i + 1;
      let lit = '';
      for (;;) {
        const close = pattern.indexOf("'", j);
        if (close < 0) throw new Error(`Unterminated quote in pattern: ${pattern}`);
        lit += pattern.slice(j, close);
        if (pattern[close + 1] === "'") {
          lit += "'";
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      out += lit;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    out += field(c, n, f, date, timeZone);
  }
  return out;
}

function field(c: string, n: number, f: ZonedFields, date: Date, timeZone: string): string {
  switch (c) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': // week-year; equal to the calendar year except around New Year (not modelled)
      return n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
    case 'M':
    case 'L':
      return n >= 4 ? MONTH_NAMES[f.month - 1] : n === 3 ? MONTHS[f.month - 1] : pad(f.month, n);
    case 'd':
      return pad(f.day, n);
    case 'D':
      return pad(dayOfYear(f), n);
    case 'F':
      return pad(Math.ceil(f.day / 7), n);
    case 'E':
      return n >= 4 ? WEEKDAY_NAMES[f.weekday] : WEEKDAYS[f.weekday];
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, n);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, n);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, n);
    case 'K':
      return pad(f.hour % 12, n);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
    case 'm':
      return pad(f.minute, n);
    case 's':
      return pad(f.second, n);
    case 'S':
      return pad(f.ms, n);
    case 'z':
      return zoneName(date, timeZone, n >= 4, f.offsetMinutes);
    case 'Z':
      return offsetText(f.offsetMinutes, 'Z');
    case 'X':
      if (n > 3) throw new Error(`Invalid pattern: too many pattern letters: X`);
      return offsetText(f.offsetMinutes, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
    default:
      throw new Error(`Illegal pattern character '${c}'`);
  }
}

// ---------------------------------------------------------------------------------------------
// formatString: Java's String.format subset (%s %d %i %f %e %x %o %b %c %% %n).

export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(\d+\$)?([-+ 0,#]*)(\d+)?(?:\.(\d+))?([sdifeExXobBcn%])/g,
    (
      _m,
      index: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv: string,
    ) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      const arg = index ? args[Number(index.slice(0, -1)) - 1] : args[next++];
      let s: string;
      const prec = precision === undefined ? undefined : Number(precision);
      const num = (): number => {
        const v = typeof arg === 'number' ? arg : Number(arg);
        if (Number.isNaN(v) && typeof arg !== 'number') {
          throw new Error(`Invalid argument for %${conv}: ${String(arg)}`);
        }
        return v;
      };
      const signed = (v: number, body: string): string =>
        v < 0 || Object.is(v, -0)
          ? '-' + body
          : flags.includes('+')
            ? '+' + body
            : flags.includes(' ')
              ? ' ' + body
              : body;
      const group = (digits: string): string =>
        flags.includes(',') ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits;
      switch (conv) {
        case 's':
          s =
            arg === undefined
              ? 'null'
              : arg === null
                ? 'null'
                : typeof arg === 'object' && !(arg instanceof Date)
                  ? JSON.stringify(arg)
                  : String(arg);
          if (prec !== undefined) s = s.slice(0, prec);
          break;
        case 'b':
        case 'B':
          s = String(arg !== null && arg !== undefined && arg !== false);
          if (conv === 'B') s = s.toUpperCase();
          break;
        case 'c':
          s = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        case 'd':
        case 'i': {
          const v = Math.trunc(num());
          s = signed(v, group(String(Math.abs(v))));
          break;
        }
        case 'f': {
          const v = num();
          const [int, frac] = Math.abs(v)
            .toFixed(prec ?? 6)
            .split('.');
          s = signed(v, group(int) + (frac !== undefined ? '.' + frac : ''));
          break;
        }
        case 'e':
        case 'E': {
          const v = num();
          // Java writes at least two exponent digits (1.5e+01)
          let body = Math.abs(v)
            .toExponential(prec ?? 6)
            .replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E') body = body.toUpperCase();
          s = signed(v, body);
          break;
        }
        case 'x':
        case 'X':
        case 'o': {
          const v = Math.trunc(num());
          const u = v < 0 ? v >>> 0 : v;
          s = u.toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          break;
        }
        default:
          s = String(arg);
      }
      const w = width === undefined ? 0 : Number(width);
      if (s.length < w) {
        if (flags.includes('-')) s = s + ' '.repeat(w - s.length);
        else if (flags.includes('0') && /[dieEfxXo]/.test(conv)) {
          const sign = /^[-+ ]/.test(s) ? s[0] : '';
          s = sign + '0'.repeat(w - s.length) + s.slice(sign.length);
        } else s = ' '.repeat(w - s.length) + s;
      }
      return s;
    },
  );
}

// ---------------------------------------------------------------------------------------------

export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"') {
        if (csv[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface UtilitiesOptions {
  /** Makes getUuid() deterministic. */
  uuidSeed?: number;
}

type Picked =
  | 'Charset'
  | 'DigestAlgorithm'
  | 'MacAlgorithm'
  | 'RsaAlgorithm'
  | 'formatDate'
  | 'formatString'
  | 'sleep'
  | 'newBlob'
  | 'getUuid'
  | 'parseCsv'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature';

export class FakeUtilities implements Pick<U, Picked> {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly RsaAlgorithm = RsaAlgorithm;
  /** With a seed, UUIDs are a repeatable sequence (for the demo's stable output); else random. */
  private readonly uuidSeed: number | null;
  private uuids = 0;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly clock: Clock,
    options: UtilitiesOptions = {},
  ) {
    this.uuidSeed = options.uuidSeed ?? null;
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.ctx.call('Utilities.formatDate', 'free');
    return formatDate(date as Date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    this.ctx.call('Utilities.formatString', 'free');
    return formatString(template, ...args);
  }

  sleep(milliseconds: number): void {
    this.ctx.call('Utilities.sleep', 'free');
    if (milliseconds > MAX_SLEEP_MS) {
      throw new Error(`Invalid argument: milliseconds (maximum is ${MAX_SLEEP_MS})`);
    }
    this.clock.advance(Math.max(0, milliseconds));
  }

  newBlob(data: number[] | string, contentType?: string, name?: string): Blob {
    this.ctx.call('Utilities.newBlob', 'free');
    return new FakeBlob(this.ctx, data, contentType ?? null, name ?? null);
  }

  getUuid(): string {
    this.ctx.call('Utilities.getUuid', 'free');
    if (this.uuidSeed === null) return randomUUID();
    // The n-th UUID of a seed: a hash of both, so the runtime needs no PRNG of the product's.
    const bytes = [
      ...createHash('sha256').update(`${this.uuidSeed}:${this.uuids++}`).digest().subarray(0, 16),
    ];
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.ctx.call('Utilities.parseCsv', 'free');
    return parseCsv(csv, delimiter);
  }

  base64Encode(data: number[] | string, charset?: GoogleAppsScript.Utilities.Charset): string {
    this.ctx.call('Utilities.base64Encode', 'free');
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(
    data: number[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): string {
    this.ctx.call('Utilities.base64EncodeWebSafe', 'free');
    // Java's URL-safe encoder keeps the padding
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.ctx.call('Utilities.base64Decode', 'free');
    void charset;
    return toSignedBytes(decodeBase64(encoded, false));
  }

  base64DecodeWebSafe(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.ctx.call('Utilities.base64DecodeWebSafe', 'free');
    void charset;
    return toSignedBytes(decodeBase64(encoded, true));
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: number[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    this.ctx.call('Utilities.computeDigest', 'free');
    const alg = NODE_HASH[String(algorithm)];
    if (!alg || String(algorithm).startsWith('HMAC'))
      throw new Error(`Unsupported digest algorithm: ${String(algorithm)}`);
    return toSignedBytes(createHash(alg).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(
    value: number[] | string,
    key: number[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    this.ctx.call('Utilities.computeHmacSha256Signature', 'free');
    return toSignedBytes(
      createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: number[] | string,
    key: number[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    this.ctx.call('Utilities.computeHmacSignature', 'free');
    const alg = NODE_HASH[String(algorithm)];
    if (!alg || !String(algorithm).startsWith('HMAC'))
      throw new Error(`Unsupported MAC algorithm: ${String(algorithm)}`);
    return toSignedBytes(
      createHmac(alg, toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  }
}

function toBuffer(data: number[] | string, charset?: GoogleAppsScript.Utilities.Charset): Buffer {
  if (typeof data === 'string') {
    return Buffer.from(data, encodingFor(charset === undefined ? undefined : String(charset)));
  }
  return fromBytes(data);
}

function decodeBase64(encoded: string, webSafe: boolean): Buffer {
  const s = String(encoded).replace(/\s+/g, '');
  const ok = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!ok.test(s)) throw new Error('Could not decode string.');
  return Buffer.from(webSafe ? s.replace(/-/g, '+').replace(/_/g, '/') : s, 'base64');
}
