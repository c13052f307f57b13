/**
 * The `KPI Targets` tab and the KPI table of the dashboard and report: actual, target, variance,
 * RAG, previous period, year to date and the 6-month trend.
 *
 * Amber tolerance is ABSOLUTE, in the KPI's own unit: 2 on lead_time_median means 2 days;
 * 0.05 on reuse_rate — a cell showing 5 % — means 5 percentage points. A percentage cell cannot
 * mean "percent of target" because Sheets hands 5 % over as 0.05, indistinguishable from an
 * absolute 0.05. A tolerance relative to the target must be written as text: "10% of target".
 * Blank tolerance = 0: green or red, no amber.
 */
import { Cell, Grid, UserError, isBlank, toNumber } from '../cells';
import { KpiResult, aggregate } from './engine';
import { MonthKey, addMonths, isMonthKey, monthDiff, monthRange } from './months';
import { KpiDirection, KPIS, KpiId, KpiKind, findKpi } from './registry';
import { ColumnSpec, Issue, Located, isBlankRow, locateColumns } from './table';

export const KPI_TARGETS_HEADERS = [
  'KPI',
  'Target',
  'Direction',
  'Amber tolerance',
  'Owner',
] as const;

export type Tolerance =
  { kind: 'absolute'; value: number } | { kind: 'relative'; fraction: number };

export interface KpiTarget {
  kpi: KpiId;
  /** null: a row that names an owner but sets no target (no RAG). */
  target: number | null;
  direction: KpiDirection;
  tolerance: Tolerance;
  owner: string;
  row: number;
}

export interface TargetTable {
  targets: Partial<Record<KpiId, KpiTarget>>;
  issues: Issue[];
}

export type Rag = 'green' | 'amber' | 'red';

type Key = 'kpi' | 'target' | 'direction' | 'tolerance' | 'owner';
const SPECS: readonly ColumnSpec<Key>[] = [
  { key: 'kpi', header: 'KPI', required: true, aliases: ['KPI id'] },
  { key: 'target', header: 'Target', required: true },
  { key: 'direction', header: 'Direction', required: false },
  { key: 'tolerance', header: 'Amber tolerance', required: false, aliases: ['Tolerance'] },
  { key: 'owner', header: 'Owner', required: false },
];

const HIGHER = new Set([
  'higher',
  'higher is better',
  'high',
  'up',
  'max',
  'benefit',
  '+',
  '>=',
  '≥',
  '1',
  'increase',
  'more',
]);
const LOWER = new Set([
  'lower',
  'lower is better',
  'low',
  'down',
  'min',
  'cost',
  '-',
  '<=',
  '≤',
  '-1',
  'decrease',
  'less',
]);

/** 'higher' / 'lower' from the words people write (also max/min, benefit/cost, +/−, ≥/≤, 1/−1); null if unreadable. */
export function parseDirection(v: Cell): KpiDirection | null {
  if (typeof v === 'number') return v === 1 ? 'higher' : v === -1 ? 'lower' : null;
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  return HIGHER.has(s) ? 'higher' : LOWER.has(s) ? 'lower' : null;
}

/** Shares are stored 0–1; a plain 70 on a share KPI was meant as 70 %. */
const asShare = (kind: KpiKind, n: number) => kind === 'share' && n > 1 && n <= 100;

/**
 * Targets from a `KPI Targets` grid (headers in the first row). The KPI cell takes an id or a
 * label. Rows are skipped and reported for an unknown KPI, a target that is not a number, a
 * share above 100, or a repeated KPI (the first row wins). Kept with a note: a blank or
 * unreadable direction (the registry's direction is used), a share written as 70 (read as 70 %),
 * an unreadable or negative tolerance (0).
 */
export function parseTargets(
  grid: Grid,
  options: { firstRow?: number; firstColumn?: number; table?: string } = {},
): TargetTable {
  const table = options.table ?? 'KPI Targets';
  const firstRow = options.firstRow ?? 1;
  if (!grid.length)
    throw new UserError(
      `${table}: the range is empty; it must start with the header row (${KPI_TARGETS_HEADERS.join(', ')}).`,
    );
  const col = locateColumns(grid[0], SPECS, table, options.firstColumn ?? 1);
  const targets: Partial<Record<KpiId, KpiTarget>> = {};
  const issues: Issue[] = [];

  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells || isBlankRow(cells)) continue;
    const row = firstRow + r;
    const get = (k: Key): Cell => (col[k] ? cells[(col[k] as Located).index] : '');
    const report = (k: Key, code: string, reason: string, skipped: boolean) =>
      issues.push({ row, column: col[k]?.label ?? '', value: get(k), reason, code, skipped });

    const def = findKpi(get('kpi'));
    if (!def) {
      report(
        'kpi',
        'unknown-kpi',
        `unknown KPI (expected an id such as reuse_rate, or a label such as "Reuse rate")`,
        true,
      );
      continue;
    }
    if (targets[def.id]) {
      report(
        'kpi',
        'duplicate-kpi',
        `${def.id} already has a target in row ${targets[def.id]!.row}; that row is used`,
        true,
      );
      continue;
    }
    let target: number | null = null;
    const tc = get('target');
    if (!isBlank(tc)) {
      target = tc instanceof Date ? null : toNumber(tc);
      if (target === null) {
        report('target', 'bad-number', `not a number (expected the target in ${def.unit})`, true);
        continue;
      }
      if (def.kind === 'share' && target > 100) {
        report('target', 'bad-number', 'a share cannot exceed 100 %', true);
        continue;
      }
      if (asShare(def.kind, target)) {
        report('target', 'percent-as-number', `read as ${target} %`, false);
        target /= 100;
      }
    }
    let direction = def.direction;
    const dc = get('direction');
    if (!isBlank(dc)) {
      const d = parseDirection(dc);
      if (d) direction = d;
      else
        report(
          'direction',
          'bad-direction',
          `not a direction (expected higher or lower); ${def.direction} used`,
          false,
        );
    }
    const tolerance = readTolerance(get('tolerance'), def.kind, (code, reason) =>
      report('tolerance', code, reason, false),
    );
    const oc = get('owner');
    targets[def.id] = {
      kpi: def.id,
      target,
      direction,
      tolerance,
      owner: isBlank(oc) ? '' : String(oc).trim(),
      row,
    };
  }
  return { targets, issues };
}

function readTolerance(
  v: Cell,
  kind: KpiKind,
  note: (code: string, reason: string) => void,
): Tolerance {
  const zero: Tolerance = { kind: 'absolute', value: 0 };
  if (isBlank(v)) return zero;
  if (typeof v === 'string') {
    const m = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*of\s+(the\s+)?target\s*$/i.exec(v);
    if (m) return { kind: 'relative', fraction: Number(m[1].replace(',', '.')) / 100 };
  }
  const n = v instanceof Date ? null : toNumber(v);
  if (n === null || n < 0) {
    note(
      'bad-tolerance',
      'not a tolerance (expected a non-negative number in the KPI unit, or text like "10% of target"); 0 used',
    );
    return zero;
  }
  if (asShare(kind, n)) {
    note('percent-as-number', `read as ${n} percentage points`);
    return { kind: 'absolute', value: n / 100 };
  }
  return { kind: 'absolute', value: n };
}

/** The amber band's width in the KPI's unit (a relative tolerance is taken of |target|). */
export function toleranceWidth(t: KpiTarget): number {
  if (t.tolerance.kind === 'absolute') return t.tolerance.value;
  return t.target === null ? 0 : t.tolerance.fraction * Math.abs(t.target);
}

/**
 * Green when the value meets the target in its direction (higher: ≥, lower: ≤), amber when it
 * misses by no more than the tolerance, red beyond; null without a value or a target.
 */
export function ragStatus(value: number | null, t: KpiTarget | null | undefined): Rag | null {
  if (value === null || !t || t.target === null) return null;
  // Rounding noise (0.7 − 0.05 = 0.6499…) must not flip a boundary value.
  const eps = 1e-9 * Math.max(1, Math.abs(t.target));
  const miss = t.direction === 'higher' ? t.target - value : value - t.target;
  if (miss <= eps) return 'green';
  return miss <= toleranceWidth(t) + eps ? 'amber' : 'red';
}

/** One line of the KPI table. */
export interface ScorecardRow {
  id: KpiId;
  label: string;
  unit: string;
  format: string;
  definition: string;
  direction: KpiDirection;
  actual: number | null;
  target: number | null;
  /** Amber band width in the KPI's unit; null without a target. */
  tolerance: number | null;
  rag: Rag | null;
  /** actual − target. */
  variance: number | null;
  /** (actual − target) / |target|; null when the target is 0. */
  variancePct: number | null;
  /** The same KPI over the previous period of the same length. */
  previous: number | null;
  /** actual − previous. */
  delta: number | null;
  /** (actual − previous) / |previous|; null when previous is 0. */
  deltaPct: number | null;
  /** delta signed so that positive is better (for best and worst movers). */
  improvement: number | null;
  /** From January of the period's last month to that month; counts summed, ratios recomputed. */
  ytd: number | null;
  /** Month by month, the 6 months ending with the period (for sparklines). */
  trend: (number | null)[];
  trendMonths: MonthKey[];
  owner: string;
}

/** A period as a sorted, contiguous list of months; throws on a gap. */
function periodMonths(period: MonthKey | readonly MonthKey[]): MonthKey[] {
  const list = typeof period === 'string' ? [period] : [...new Set(period)].sort();
  if (!list.length || !list.every(isMonthKey))
    throw new Error(`scorecard: bad period ${JSON.stringify(period)}`);
  if (monthDiff(list[0], list[list.length - 1]) !== list.length - 1)
    throw new Error('scorecard: the period must be contiguous months');
  return list;
}

/** Every month scorecard() reads for a period: pass them as `months` to computeKpis. */
export function scorecardMonths(period: MonthKey | readonly MonthKey[]): MonthKey[] {
  const p = periodMonths(period);
  const end = p[p.length - 1];
  const from = [addMonths(p[0], -p.length), `${end.slice(0, 4)}-01`, addMonths(end, -5)].sort()[0];
  return monthRange(from, end);
}

/**
 * The KPI table for a period (one month, or contiguous months such as a quarter), every KPI of
 * the registry in order. `result` must contain scorecardMonths(period).
 */
export function scorecard(
  result: KpiResult,
  period: MonthKey | readonly MonthKey[],
  targets: TargetTable | Partial<Record<KpiId, KpiTarget>>,
): ScorecardRow[] {
  const p = periodMonths(period);
  const end = p[p.length - 1];
  const byId = ('targets' in targets && 'issues' in targets ? targets.targets : targets) as Partial<
    Record<KpiId, KpiTarget>
  >;
  const now = aggregate(result, p).values;
  const prev = aggregate(
    result,
    monthRange(addMonths(p[0], -p.length), addMonths(p[0], -1)),
  ).values;
  const ytd = aggregate(result, monthRange(`${end.slice(0, 4)}-01`, end)).values;
  const trendMonths = monthRange(addMonths(end, -5), end);
  const trend = trendMonths.map((m) => aggregate(result, [m]).values);

  return KPIS.map((def) => {
    const t = byId[def.id];
    const actual = now[def.id];
    const target = t?.target ?? null;
    const previous = prev[def.id];
    const delta = actual !== null && previous !== null ? actual - previous : null;
    const variance = actual !== null && target !== null ? actual - target : null;
    return {
      id: def.id,
      label: def.label,
      unit: def.unit,
      format: def.format,
      definition: def.definition,
      direction: t?.direction ?? def.direction,
      actual,
      target,
      tolerance: t && target !== null ? toleranceWidth(t) : null,
      rag: ragStatus(actual, t),
      variance,
      variancePct: variance !== null && target !== 0 ? variance / Math.abs(target as number) : null,
      previous,
      delta,
      deltaPct: delta !== null && previous !== 0 ? delta / Math.abs(previous as number) : null,
      improvement:
        delta === null ? null : (t?.direction ?? def.direction) === 'higher' ? delta : -delta,
      ytd: ytd[def.id],
      trend: trend.map((v) => v[def.id]),
      trendMonths,
      owner: t?.owner ?? '',
    };
  });
}
