/**
 * Date texts of an export read with read/dates.ts' readDateText, fast enough for 100,000 lines.
 * readDateText turns each wall-clock time into an instant with two Intl calls (about 10 µs); a
 * file has up to four dates per line, so here the calendar day is read once per distinct day
 * text and the zone offset once per day (per quarter hour on the day it changes), and the time
 * of day is added in between. The answer is the same instant readDateText gives (zone changes
 * fall on quarter hours).
 */
import { zoneOffsetMs } from '../kpi/months';
import { readDateText } from '../read/dates';

const QUARTER_MS = 900_000;
const DAY_MS = 86_400_000;
const TIME_TAIL = /^(.*?\S)[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$/;
const ZONED = /\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Reads date texts in one zone; `locale` only decides day-first (any) or month-first (en_US). */
export class DateTextReader {
  private readonly days = new Map<string, Map<string, number | null>>();
  private readonly offsets = new Map<number, number>();
  private readonly dayOffsets = new Map<number, number | null>();

  constructor(private readonly timeZone: string) {}

  /** The instant (epoch ms) a date text names, or null when it is not a date. */
  read(text: string, locale: string): number | null {
    const s = text.trim().replace(/\s+/g, ' ');
    if (!s) return null;
    // With its own offset the text is an instant already: readDateText makes no zone call.
    if (ZONED.test(s)) return readDateText(s, locale, this.timeZone)?.at ?? null;
    const m = TIME_TAIL.exec(s);
    let day = s;
    let timeMs = 0;
    if (m) {
      const h = Number(m[2]);
      const mi = Number(m[3]);
      const se = m[4] === undefined ? 0 : Number(m[4]);
      if (h > 23 || mi > 59 || se > 59) return null;
      day = m[1];
      timeMs = ((h * 60 + mi) * 60 + se) * 1000;
    }
    const midnight = this.day(day, locale);
    if (midnight !== null) return this.instant(midnight + timeMs);
    // Anything the fast path does not take apart (2:03 PM, a month name with a time…) goes to the
    // one reader of date texts, at its own pace: the answer is the same either way.
    return readDateText(s, locale, this.timeZone)?.at ?? null;
  }

  /** UTC midnight of the calendar day a date text (without time) names; cached per text. */
  private day(text: string, locale: string): number | null {
    let days = this.days.get(locale);
    if (!days) this.days.set(locale, (days = new Map()));
    let at = days.get(text);
    if (at === undefined) {
      const r = readDateText(text, locale, 'UTC');
      at = r && r.dateOnly ? r.at : null;
      days.set(text, at);
    }
    return at;
  }

  /** The instant at which the zone's wall clock shows `wall` (as months.ts' zonedTimeToEpoch). */
  private instant(wall: number): number {
    const guess = wall - this.offset(wall);
    return wall - this.offset(guess);
  }

  /**
   * The zone's offset at an instant. A zone changes its offset at most once a day: when the
   * offsets at both ends of a UTC day agree, the whole day has that offset (one pair of Intl
   * calls per day); a day with a change is looked up per quarter hour.
   */
  private offset(at: number): number {
    if (this.timeZone === 'UTC') return 0;
    const d = Math.floor(at / DAY_MS);
    let o = this.dayOffsets.get(d);
    if (o === undefined) {
      const start = zoneOffsetMs(d * DAY_MS, this.timeZone);
      o = start === zoneOffsetMs((d + 1) * DAY_MS - 1000, this.timeZone) ? start : null;
      this.dayOffsets.set(d, o);
    }
    if (o !== null) return o;
    const q = Math.floor(at / QUARTER_MS);
    let oq = this.offsets.get(q);
    if (oq === undefined) {
      oq = zoneOffsetMs(q * QUARTER_MS, this.timeZone);
      this.offsets.set(q, oq);
    }
    return oq;
  }
}
