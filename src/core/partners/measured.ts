/**
 * Measured criteria: a criterion of `Criteria` may name a KPI in its optional `Measured by`
 * column, with `Score 1 at` and `Score 5 at` — the KPI values that map to 1 and 5, linear between,
 * clipped to 1–5. A partner's measured score is that mapping of the KPI computed on the partner's
 * own orders (any role) pooled over the last `Measured months`. Score partners uses it where the
 * assessed cell is blank; a score a person typed always wins, and measured scores are never
 * written into the score cells (they would then read as typed next time).
 *
 * Which way the line runs is the KPI's direction, read with the criterion's: on a benefit
 * criterion a better KPI must score higher (reuse rate, higher is better: `Score 5 at` above
 * `Score 1 at`; lost rate, lower is better: below it); on a cost criterion, where 5 is the most
 * costly, the reverse. Anchors that run the other way are named and the criterion is not measured:
 * the add-on never turns a person's scale around on a guess.
 */
import { Cell, Grid, columnLetter, describe, isBlank, toNumber } from '../cells';
import { headerIndex, headerKey } from '../headers';
import { KpiValues } from '../kpi/engine';
import { KpiDirection as KpiDirection, KPI_BY_ID, KpiId, findKpi } from '../kpi/registry';
import { Framework } from './criteria';

export const MEASURED_HEADERS = ['Measured by', 'Score 1 at', 'Score 5 at'] as const;

export interface MeasuredCriterion {
  /** Index in framework.criteria. */
  index: number;
  id: string;
  kpi: KpiId;
  at1: number;
  at5: number;
}

/** One measured score of one partner. */
export interface MeasuredValue {
  criterion: string;
  kpi: KpiId;
  value: number;
  score: number;
  /** "2026-05 – 2026-10". */
  months: string;
}

/** The linear map of the anchors, clipped to 1–5. */
export function measuredScore(value: number, at1: number, at5: number): number {
  const s = 1 + (4 * (value - at1)) / (at5 - at1);
  return Math.min(5, Math.max(1, s));
}

/**
 * The measured criteria of the framework, from the optional columns of `Criteria` (absent
 * columns: none). Problems are named by tab, row and column, and that criterion stays assessed.
 */
export function readMeasured(
  grid: Grid,
  framework: Framework,
  timeZone: string,
  directions: Partial<Record<KpiId, KpiDirection>> = {},
): { measured: MeasuredCriterion[]; issues: string[] } {
  const measured: MeasuredCriterion[] = [];
  const issues: string[] = [];
  if (!grid.length) return { measured, issues };
  const idx = headerIndex(grid[0]);
  const [byCol, at1Col, at5Col] = MEASURED_HEADERS.map((h) => idx.get(headerKey(h)));
  const idCol = idx.get(headerKey('ID'));
  if (!byCol || !idCol) return { measured, issues };
  const where = (row: number, col: number, v: Cell) =>
    `Criteria, row ${row}, column ${columnLetter(col)} (${String(grid[0][col - 1]).trim()}): ${describe(v, timeZone)}`;
  grid.slice(1).forEach((r, i) => {
    const row = i + 2;
    const by = r[byCol - 1];
    if (isBlank(by)) return;
    const id = String(r[idCol - 1] ?? '').trim();
    const index = framework.criteria.findIndex((c) => c.id === id);
    if (index < 0) return; // a criterion left out is named by readFramework already
    const kpi = findKpi(String(by));
    if (!kpi) {
      issues.push(
        `${where(row, byCol, by)} is not a KPI id (e.g. reuse_rate); '${id}' stays assessed.`,
      );
      return;
    }
    const anchor = (col: number | undefined, header: string): number | null => {
      const v = col ? r[col - 1] : '';
      const n = toNumber(v);
      if (n === null)
        issues.push(
          col
            ? `${where(row, col, v)} is not a number (the ${kpi.id} value that scores ${header === 'Score 1 at' ? 1 : 5}); '${id}' stays assessed.`
            : `Criteria: no '${header}' column; run Set up workbook. '${id}' stays assessed.`,
        );
      return n;
    };
    const at1 = anchor(at1Col, 'Score 1 at');
    const at5 = anchor(at5Col, 'Score 5 at');
    if (at1 === null || at5 === null) return;
    const direction = directions[kpi.id] ?? kpi.direction;
    const benefit = framework.criteria[index].direction === 1;
    // On a benefit criterion 5 is the better KPI; on a cost criterion 5 is the worse one.
    const rising = (direction === 'higher') === benefit;
    if (at1 === at5 || rising !== at5 > at1) {
      issues.push(
        `Criteria, row ${row}: '${id}' is measured by ${kpi.id} (${direction} is better) on a ${benefit ? 'benefit' : 'cost'} criterion, so 'Score 5 at' must be ${rising ? 'above' : 'below'} 'Score 1 at' (got ${at5} and ${at1}); '${id}' stays assessed.`,
      );
      return;
    }
    measured.push({ index, id, kpi: kpi.id, at1, at5 });
  });
  return { measured, issues };
}

/** A partner's measured scores from its pooled KPIs (a KPI left blank measures nothing). */
export function measuredValues(
  measured: readonly MeasuredCriterion[],
  kpis: KpiValues,
  months: string,
): MeasuredValue[] {
  const out: MeasuredValue[] = [];
  for (const m of measured) {
    const value = kpis[m.kpi];
    if (value === null || !Number.isFinite(value)) continue;
    out.push({
      criterion: m.id,
      kpi: m.kpi,
      value,
      score: measuredScore(value, m.at1, m.at5),
      months,
    });
  }
  return out;
}

/**
 * The `Measured` cell: each measured criterion, its KPI value, the months and the score, and when
 * a typed score won, which one (`QUALITY: reuse_rate 78.2% over 2026-05 – 2026-10 → 4.1 (typed 3
 * kept)`), joined by `; `.
 */
export function measuredText(
  values: readonly { v: MeasuredValue; typed: number | string | null }[],
): string {
  return values
    .map(
      ({ v, typed }) =>
        `${v.criterion}: ${v.kpi} ${formatKpi(v.kpi, v.value)} over ${v.months} → ${round(v.score, 1)}${typed === null ? '' : ` (typed ${typed} kept)`}`,
    )
    .join('; ');
}

/** The shape of a Measured cell the add-on wrote (computed-cells.ts tells typing from it). */
export const MEASURED_PART =
  /^.+: [a-z0-9_]+ .+ over \d{4}-\d{2}(?: – \d{4}-\d{2})? → \d+(?:\.\d+)?(?: \(typed .+ kept\))?$/;

function formatKpi(id: KpiId, v: number): string {
  return KPI_BY_ID[id].format.includes('%') ? `${round(v * 100, 1)}%` : String(round(v, 2));
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
