/**
 * What a file's own values say about how it writes dates and decimals, so the dialog can propose
 * the right reading before anything is imported (a French export opened in an `en_US` sheet is
 * still day-first). Used by the dialog in the browser on the mapped columns; the person can
 * always change the answer, and the server reads with what was confirmed.
 */
import { decimalComma } from '../read/amounts';

export type DateOrder = 'dmy' | 'mdy';

export interface Detected<T> {
  value: T;
  /** Why: the first value that decided it, or that nothing in the file did. */
  because: string;
  /** True when a value of the file decided; false when it is the locale's default. */
  fromFile: boolean;
}

/** `12/10/2026`, `12.10.26`, `12-10-2026 14:05`: two numbers then a year, slash, dot or dash. */
const NUMERIC_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/;

/** The locale's own order: month first for en_US (and its neighbours), day first elsewhere. */
export function localeDateOrder(locale: string): DateOrder {
  return /^en_(US|PH)$|^es_US$/.test(locale.replace('-', '_')) ? 'mdy' : 'dmy';
}

/**
 * Day- or month-first: the first value whose first number exceeds 12 (day first) or whose
 * second does (month first) decides; a file that never says (every day ≤ 12) gets the locale's
 * order. ISO dates (2026-10-12) say nothing: they are read the same either way.
 */
export function detectDateOrder(values: Iterable<unknown>, locale: string): Detected<DateOrder> {
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = NUMERIC_DATE.exec(v);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12)
      return { value: 'dmy', because: `"${v.trim()}" is day first`, fromFile: true };
    if (b > 12 && a <= 12)
      return { value: 'mdy', because: `"${v.trim()}" is month first`, fromFile: true };
  }
  const value = localeDateOrder(locale);
  return {
    value,
    because: `no date of the file has a day above 12; the sheet's locale (${locale}) writes ${value === 'dmy' ? 'day' : 'month'} first`,
    fromFile: false,
  };
}

/** `12,50`, `-0,187`, `1 234,5`: a comma followed by one to two digits or by three then more. */
const COMMA_DECIMAL = /^\s*[-+]?[\d\s.\u00a0\u202f]*\d,(\d{1,2}|\d{4,})\s*(?:€|EUR|kg|%)?\s*$/i;
const POINT_DECIMAL = /^\s*[-+]?[\d\s,\u00a0\u202f]*\d\.(\d{1,2}|\d{4,})\s*(?:€|EUR|kg|%)?\s*$/i;

/**
 * The decimal separator of the amounts: the first value that can only be read one way decides
 * (`12,50` is a decimal comma; `1,234` or `0,250` is ambiguous and passes). Without one, the
 * locale's separator.
 */
export function detectDecimal(values: Iterable<unknown>, locale: string): Detected<',' | '.'> {
  for (const v of values) {
    if (typeof v !== 'string') continue;
    if (COMMA_DECIMAL.test(v))
      return { value: ',', because: `"${v.trim()}" has a decimal comma`, fromFile: true };
    if (POINT_DECIMAL.test(v))
      return { value: '.', because: `"${v.trim()}" has a decimal point`, fromFile: true };
  }
  const value = decimalComma(locale) ? ',' : '.';
  return {
    value,
    because: `no amount of the file says; the sheet's locale (${locale}) writes a decimal ${value === ',' ? 'comma' : 'point'}`,
    fromFile: false,
  };
}
