/**
 * Key figures of the overview, picked from a country's findings by rules stated here (and in
 * the README), so that the same tab always gives the same figure:
 *
 * 1. candidates: findings of the figure's dimensions that pass its filters (topic, unit, numeric);
 * 2. best first: an actual before a projection (a Year after the current year: a forecast or a
 *    target date, never a figure achieved), country-level before EU-level, topic matching
 *    `prefer` before the rest, verified before to verify, then the latest Year (`latest`) or the
 *    tab's row order (`first`); a projection picked for want of an actual says so;
 * 3. `list` names every candidate instead (competitors).
 */
import { isBlank, toNumber } from '../cells';
import { Finding } from './parse';

export interface KeyFigureSpec {
  id: string;
  label: string;
  /** The rule in words, printed under the overview. */
  rule: string;
  dimensions: string[];
  /** Required: matched against Topic and Unit together. */
  topic?: RegExp;
  /** Excluded when Topic matches (e.g. a target is not a rate achieved). */
  exclude?: RegExp;
  unit?: RegExp;
  /** The Value must be a number. */
  numeric?: boolean;
  /** Preferred, not required: matched against Topic. */
  prefer?: RegExp;
  pick: 'latest' | 'first' | 'list';
}

export const KEY_FIGURES: KeyFigureSpec[] = [
  {
    id: 'collection_rate',
    label: 'Collection rate',
    rule: 'a % value of dimension target or statistic whose topic names a collection or recycling rate (not a target); latest year',
    dimensions: ['target', 'statistic'],
    topic: /collection rate|recycling rate/i,
    exclude: /target/i,
    unit: /^%/,
    numeric: true,
    pick: 'latest',
  },
  {
    id: 'kg_per_inhabitant',
    label: 'kg collected per inhabitant',
    rule: 'a numeric value in kg/inhabitant (or capita) of dimension statistic or target whose topic says collected; latest year',
    dimensions: ['statistic', 'target'],
    topic: /collect/i,
    unit: /^kg\s*\/\s*(inhabitant|capita|person|head)/i,
    numeric: true,
    pick: 'latest',
  },
  {
    id: 'take_back',
    label: 'Retailer take-back rule',
    rule: 'the first take_back row, preferring a topic that says take-back',
    dimensions: ['take_back'],
    prefer: /take-?back/i,
    pick: 'first',
  },
  {
    id: 'repair_bonus',
    label: 'Repair bonus',
    rule: 'a repair row whose topic or unit says bonus, voucher, subsidy or incentive; latest year',
    dimensions: ['repair'],
    topic: /bonus|voucher|subsid|incentive/i,
    pick: 'latest',
  },
  {
    id: 'donation_tax',
    label: 'Donation tax incentive',
    rule: 'the first donation row whose topic or unit says tax, deduction, relief, VAT, mécénat or patronage',
    dimensions: ['donation'],
    topic: /tax|deduct|relief|\bvat\b|m[ée]c[ée]nat|patronage/i,
    pick: 'first',
  },
  {
    id: 'competitors',
    label: 'Named competitors',
    rule: 'every competitor row, in tab order',
    dimensions: ['competitor'],
    pick: 'list',
  },
];

export interface KeyFigure {
  id: string;
  label: string;
  /** What the overview shows; '' when no finding qualifies (a gap). */
  text: string;
  /** The findings behind the text (one, or every competitor). */
  from: Finding[];
}

const MAX_NAMES = 8;

function qualifies(spec: KeyFigureSpec, f: Finding): boolean {
  if (!spec.dimensions.includes(f.dimension)) return false;
  if (spec.topic && !spec.topic.test(`${f.topic} ${f.unit}`)) return false;
  if (spec.exclude && spec.exclude.test(f.topic)) return false;
  if (spec.unit && !spec.unit.test(f.unit)) return false;
  if (spec.numeric && toNumber(f.value) === null) return false;
  return true;
}

/** A fact whose Year is after the current year: a projection, not an actual. */
export function isProjection(f: Pick<Finding, 'year'>, now: Date): boolean {
  return f.year !== null && f.year > now.getUTCFullYear();
}

function better(spec: KeyFigureSpec, now: Date) {
  return (a: Finding, b: Finding): number => {
    if (spec.pick === 'list') return a.row - b.row;
    const prefer = (f: Finding) => (spec.prefer && !spec.prefer.test(f.topic) ? 1 : 0);
    const projected = (f: Finding) => (isProjection(f, now) ? 1 : 0);
    const order =
      projected(a) - projected(b) ||
      (a.scope === 'EU' ? 1 : 0) - (b.scope === 'EU' ? 1 : 0) ||
      prefer(a) - prefer(b) ||
      (a.verified ? 0 : 1) - (b.verified ? 0 : 1);
    if (order || spec.pick !== 'latest') return order || a.row - b.row;
    return (b.year ?? -Infinity) - (a.year ?? -Infinity) || a.row - b.row;
  };
}

function valueText(f: Finding): string {
  if (isBlank(f.value)) return '';
  const n = toNumber(f.value);
  const v = n === null ? String(f.value) : String(Number(n.toPrecision(12)));
  return f.unit ? `${v} ${f.unit}` : v;
}

function describeFinding(spec: KeyFigureSpec, f: Finding, now: Date): string {
  const value = valueText(f);
  const year = f.year === null ? '' : ` (${f.year})`;
  const flag = (isProjection(f, now) ? ' [projection]' : '') + (f.verified ? '' : ' [to verify]');
  if (spec.numeric) return `${value}${year} — ${f.topic}${flag}`;
  return `${f.topic}${value ? `: ${value}` : ''}${year}${flag}`;
}

/**
 * One figure per spec for one country's findings, in KEY_FIGURES order. `now` decides what is a
 * projection (default: the current date).
 */
export function keyFigures(
  findings: Finding[],
  specs: KeyFigureSpec[] = KEY_FIGURES,
  now: Date = new Date(),
): KeyFigure[] {
  return specs.map((spec) => {
    const candidates = findings.filter((f) => qualifies(spec, f)).sort(better(spec, now));
    if (!candidates.length) return { id: spec.id, label: spec.label, text: '', from: [] };
    if (spec.pick === 'list') {
      const names = candidates.slice(0, MAX_NAMES).map((f) => f.topic);
      const more = candidates.length > MAX_NAMES ? ` +${candidates.length - MAX_NAMES} more` : '';
      return {
        id: spec.id,
        label: spec.label,
        text: `${candidates.length}: ${names.join(', ')}${more}`,
        from: candidates,
      };
    }
    return {
      id: spec.id,
      label: spec.label,
      text: describeFinding(spec, candidates[0], now),
      from: [candidates[0]],
    };
  });
}
