/**
 * When a fact is due for review. Its reference date is `Last reviewed` — for a seeded fact, the
 * date the seed's authors checked it against its sources (seed.ts), for the team's own facts the
 * date they filled. A fact never checked (no Last reviewed) is due; so is one reviewed more than
 * `stalenessMonths` calendar months before now (Settings › Staleness months, default 12); and a
 * Last reviewed date in the future (a typo such as 2062) is flagged, and due, since it cannot say
 * when the fact was last looked at. The fact's Year is not a review date: a 2012 law checked last
 * week is not stale.
 */
import { Settings } from '../settings';
import { SETTING } from '../settings-schema';
import { Finding } from './parse';

/** Settings › Staleness months (settings-schema.ts); an unreadable value is said in `warnings`. */
export function stalenessSetting(settings: Settings, warnings: string[]): number {
  return settings.of(SETTING.stalenessMonths, warnings);
}
/** A day's slack before a date counts as in the future: the spreadsheet's zone may be ahead of UTC. */
const FUTURE_SLACK_MS = 36 * 3600 * 1000;

/** now minus `months` calendar months (UTC; the 31st falls back to the month's last day). */
export function staleBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - Math.round(months);
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(y, m, Math.min(now.getUTCDate(), last), now.getUTCHours(), now.getUTCMinutes()),
  );
}

/** The date a fact's freshness is measured from, or null when it was never reviewed. */
export function referenceDate(f: Pick<Finding, 'lastReviewed'>): Date | null {
  return f.lastReviewed;
}

/** Why a fact is due: never reviewed, reviewed too long ago, or a review date in the future. */
export type DueReason = 'never' | 'old' | 'future';

export function dueReason(
  f: Pick<Finding, 'lastReviewed'>,
  now: Date,
  months: number,
): DueReason | null {
  const ref = referenceDate(f);
  if (!ref) return 'never';
  if (ref.getTime() > now.getTime() + FUTURE_SLACK_MS) return 'future';
  return ref.getTime() < staleBefore(now, months).getTime() ? 'old' : null;
}

export function isDue(f: Pick<Finding, 'lastReviewed'>, now: Date, months: number): boolean {
  return dueReason(f, now, months) !== null;
}
