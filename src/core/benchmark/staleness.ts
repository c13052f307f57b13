/**
 * When a fact is due for review. Its reference date is `Last reviewed` when a person filled it;
 * otherwise (a seeded fact nobody has reviewed yet) 31 December of its `Year`, the latest date
 * the fact can describe. A fact with neither is due. Due = reference date older than
 * `stalenessMonths` calendar months before now (Settings › Staleness months, default 12).
 */
import { Finding } from './parse';

export const DEFAULT_STALENESS_MONTHS = 12;

/** now minus `months` calendar months (UTC; the 31st falls back to the month's last day). */
export function staleBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - Math.round(months);
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(y, m, Math.min(now.getUTCDate(), last), now.getUTCHours(), now.getUTCMinutes()),
  );
}

/** The date a fact's freshness is measured from, or null when it has none. */
export function referenceDate(f: Pick<Finding, 'lastReviewed' | 'year'>): Date | null {
  if (f.lastReviewed) return f.lastReviewed;
  return f.year === null ? null : new Date(Date.UTC(f.year, 11, 31));
}

export function isDue(
  f: Pick<Finding, 'lastReviewed' | 'year'>,
  now: Date,
  months: number,
): boolean {
  const ref = referenceDate(f);
  return !ref || ref.getTime() < staleBefore(now, months).getTime();
}
