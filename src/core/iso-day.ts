/**
 * `YYYY-MM-DD` of an instant on the calendar of a time zone, assembled from
 * Intl.DateTimeFormat#formatToParts: never from a locale's own pattern ('en-CA', 'sv-SE'), which
 * ICU versions change — 'en-CA' printed M/D/YYYY under some of them (github.com/nodejs/node/issues/
 * 45945, later reverted in CLDR), and Apps Script does not document its ICU version (platform.md
 * §8 item 11). Only the numeric fields are read, so no locale pattern can reorder them. Imports
 * nothing, so any module of src/core (cells.ts included) can use it.
 */

const dayParts = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = dayParts.get(timeZone);
  if (!f) {
    // Throws a RangeError for an unknown zone.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    dayParts.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar day of `d` in `timeZone` as `YYYY-MM-DD`. Throws a RangeError for an invalid date
 * or an unknown time zone.
 */
export function isoDay(d: Date, timeZone: string): string {
  let year = '';
  let month = '';
  let day = '';
  for (const p of formatter(timeZone).formatToParts(d)) {
    if (p.type === 'year') year = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'day') day = p.value;
  }
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
