/**
 * Dates and date-times written as text, as a back-office export or a person writes them, read in
 * the spreadsheet's locale and time zone:
 * - ISO 8601 with `Z` or an offset (`2026-09-30T22:30:00Z`, `…+02:00`) is that instant;
 * - `yyyy-mm-dd[ hh:mm[:ss]]`, `yyyy/mm/dd`, `yyyy-mm` (the first of the month) are wall-clock
 *   times in the spreadsheet's zone;
 * - `dd/mm/yyyy[ hh:mm[:ss]]` (also with `.` or `-`) are day first, except in en_US (month first),
 *   as Sheets reads them (test/fixtures/typed-input.ts holds the cases the local runtime models);
 *   a text only the other order can read (`21/09/2026` in en_US) is read that way;
 * - `3 Oct 2026`, `Oct 2026`, `octobre 2026`: month names in English, French, German, Spanish.
 */
import { zonedTimeToEpoch } from '../kpi/months';

export interface ReadDate {
  /** Epoch ms. */
  at: number;
  /** True when the text gave no time of day (the order happened some time that day). */
  dateOnly: boolean;
}

const MONTHS: Record<string, number> = {};
[
  ['jan', 'janv', 'janvier', 'january', 'januar', 'ene', 'enero'],
  ['feb', 'févr', 'fevr', 'février', 'fevrier', 'february', 'februar', 'febrero'],
  ['mar', 'mars', 'march', 'märz', 'marz', 'marzo'],
  ['apr', 'avr', 'avril', 'april', 'abr', 'abril'],
  ['may', 'mai', 'mayo'],
  ['jun', 'juin', 'june', 'juni', 'junio'],
  ['jul', 'juil', 'juillet', 'july', 'juli', 'julio'],
  ['aug', 'août', 'aout', 'august', 'ago', 'agosto'],
  ['sep', 'sept', 'septembre', 'september', 'septiembre'],
  ['oct', 'octobre', 'october', 'okt', 'oktober', 'octubre'],
  ['nov', 'novembre', 'november', 'noviembre'],
  ['dec', 'déc', 'décembre', 'decembre', 'december', 'dez', 'dezember', 'dic', 'diciembre'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const valid = (y: number, mo: number, d: number, h: number, mi: number, s: number) =>
  y >= 1900 &&
  y <= 2999 &&
  mo >= 1 &&
  mo <= 12 &&
  d >= 1 &&
  d <= daysIn(y, mo) &&
  h < 24 &&
  mi < 60 &&
  s < 60;

/** An optional time of day: hours, minutes, seconds (fractions ignored), and AM / PM. */
const TIME = /(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?)?/.source;

/** 24-hour [h, m, s] from the TIME groups (h, m, s, a|p); null for an impossible 12-hour time. */
function clock(groups: (string | undefined)[]): [number, number, number] | null {
  let h = Number(groups[0] ?? 0);
  const ampm = groups[3]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ampm === 'p' ? 12 : 0);
  }
  return [h, Number(groups[1] ?? 0), Number(groups[2] ?? 0)];
}

/** A two-digit year as Sheets reads it: 00–29 are 20xx, 30–99 are 19xx. */
const fullYear = (y: string) =>
  y.length === 2 ? (Number(y) < 30 ? 2000 : 1900) + Number(y) : Number(y);

/** Reads a date or date-time text; null when it is not one. */
export function readDateText(text: string, locale: string, timeZone: string): ReadDate | null {
  const s = text.trim().replace(/\s+/g, ' ');
  let m = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME}\\s*(Z|[+-]\\d{2}:?\\d{2})$`, 'i').exec(s);
  if (m && m[4] !== undefined) {
    const [y, mo, d] = m.slice(1, 4).map(Number);
    const time = clock(m.slice(4, 8));
    if (!time || !valid(y, mo, d, ...time)) return null;
    const zone = m[8].toUpperCase();
    const offset =
      zone === 'Z'
        ? 0
        : (zone[0] === '-' ? -1 : 1) *
          (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) *
          60_000;
    return { at: Date.UTC(y, mo - 1, d, ...time) - offset, dateOnly: false };
  }
  const wall = (y: number, mo: number, d: number, groups: (string | undefined)[]) => {
    const time = clock(groups);
    if (!time || !valid(y, mo, d, ...time)) return null;
    return {
      at: zonedTimeToEpoch(y, mo - 1, d, ...time, timeZone),
      dateOnly: groups[0] === undefined,
    };
  };
  m = new RegExp(`^(\\d{4})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?${TIME}$`, 'i').exec(s);
  if (m) return wall(Number(m[1]), Number(m[2]), Number(m[3] ?? 1), m.slice(4, 8));
  m = new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${TIME}$`, 'i').exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [d, mo] = locale === 'en_US' ? [b, a] : [a, b];
    const y = fullYear(m[4]);
    // The locale's order first; a text only the other order can read (21/09 in en_US) is read
    // that way: Sheets kept it as text, but what the person meant is not in doubt.
    return wall(y, mo, d, m.slice(5, 9)) ?? wall(y, d, mo, m.slice(5, 9));
  }
  m = new RegExp(
    `^(?:(\\d{1,2})\\.? )?([^\\d\\s,.]+)\\.?(?: (\\d{1,2}),?)? (\\d{4})${TIME}$`,
    'iu',
  ).exec(s);
  if (m && !(m[1] && m[3])) {
    const mo = MONTHS[m[2].toLowerCase()];
    if (!mo) return null;
    return wall(Number(m[4]), mo, Number(m[1] ?? m[3] ?? 1), m.slice(5, 9));
  }
  return null;
}
