/**
 * Numbers and instants as the report prints them in sentences and in HTML, following the same
 * Sheets number formats the registry gives each KPI (`#,##0`, `0.0%`, `0.00` …), so the e-mail
 * and the tab show a value the same way.
 */
import { wallClock } from '../kpi/months';

/** A value in a Sheets-style format: grouping (`#,##0`), decimals (`0.00`), percent (`0.0%`). */
export function formatNumber(v: number | null | undefined, format: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const percent = format.trim().endsWith('%');
  const decimals = (/\.(0+)/.exec(format)?.[1] ?? '').length;
  const n = percent ? v * 100 : v;
  let text = Math.abs(n).toFixed(decimals);
  if (format.includes(',')) {
    const [int, frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  // -0.0 reads as a change where there is none.
  const negative = n < 0 && Number(text.replace(/,/g, '')) !== 0;
  return `${negative ? '-' : ''}${text}${percent ? ' %' : ''}`;
}

/**
 * A change between two values of a KPI: percentage points for shares (`+4.8 pts`), the unit's
 * own format otherwise (`+1.2`), always signed.
 */
export function formatDelta(delta: number | null, format: string): string {
  if (delta === null || !Number.isFinite(delta)) return '';
  const percent = format.trim().endsWith('%');
  const body = percent
    ? `${formatNumber(Math.abs(delta) * 100, '0.0')} pts`
    : formatNumber(Math.abs(delta), format);
  const zero = !/[1-9]/.test(body);
  return `${zero ? '±' : delta > 0 ? '+' : '−'}${body}`;
}

/** `2026-11-26 10:00` on the wall clock of the time zone. */
export function formatInstant(at: Date, timeZone: string): string {
  const w = wallClock(at.getTime(), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

/** Six values as a text sparkline (▁▂▃▄▅▆▇█); a blank value is a space. */
export function textSparkline(values: readonly (number | null)[]): string {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!nums.length) return '';
  const [lo, hi] = [Math.min(...nums), Math.max(...nums)];
  const bars = '▁▂▃▄▅▆▇█';
  return values
    .map((v) =>
      v === null || !Number.isFinite(v)
        ? ' '
        : bars[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * 7)],
    )
    .join('');
}
