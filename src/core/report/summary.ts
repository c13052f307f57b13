/**
 * The report's opening sentences: where the KPIs stand against their targets, the best and the
 * worst mover against the previous period, and what needs attention. Movers are compared by
 * relative change signed so that positive is better (ScorecardRow.improvement / |previous|), so a
 * lead time and a reuse rate can be set side by side; KPIs with a target are preferred, since
 * those are the ones someone answers for.
 */
import { ScorecardRow } from '../kpi/targets';
import { monthLabel, addMonths } from '../kpi/months';
import { formatDelta, formatNumber } from './format';
import { ReportPeriod } from './period';

/** A KPI that moved against the previous period. */
export interface Mover {
  row: ScorecardRow;
  /** improvement / |previous|: positive is better. */
  relative: number;
}

/** KPIs that moved, best first (KPIs with a target only, unless none has one). */
export function movers(rows: readonly ScorecardRow[]): Mover[] {
  const moved = rows
    .filter(
      (r) => r.improvement !== null && r.previous !== null && r.previous !== 0 && r.actual !== null,
    )
    .map((r) => ({ row: r, relative: (r.improvement as number) / Math.abs(r.previous as number) }));
  const targeted = moved.filter((m) => m.row.rag !== null);
  return (targeted.length ? targeted : moved).sort(
    (a, b) => b.relative - a.relative || a.row.id.localeCompare(b.row.id),
  );
}

/** The label of the period before this one, of the same length. */
export function previousLabel(period: ReportPeriod): string {
  if (period.kind === 'month') return monthLabel(addMonths(period.months[0], -1));
  const start = addMonths(period.months[0], -3);
  return `Q${(Number(start.slice(5, 7)) + 2) / 3} ${start.slice(0, 4)}`;
}

const unit = (r: ScorecardRow) => (r.format.endsWith('%') || r.unit === '%' ? '' : ` ${r.unit}`);
const value = (r: ScorecardRow, v: number | null) => `${formatNumber(v, r.format)}${unit(r)}`;

function moverSentence(kind: 'Best' | 'Worst', m: Mover, previous: string): string {
  const r = m.row;
  const verb = (r.delta as number) > 0 ? 'rose' : 'fell';
  const target = r.rag ? `; ${r.rag} against a target of ${value(r, r.target)}` : '';
  return `${kind} mover: ${r.label} ${verb} from ${value(r, r.previous)} to ${value(r, r.actual)} (${formatDelta(r.delta, r.format)} vs ${previous})${target}.`;
}

/** The summary sentences for a period's scorecard; `hasOrders` false says the data is missing instead. */
export function summarySentences(
  rows: readonly ScorecardRow[],
  period: ReportPeriod,
  hasOrders: boolean,
): string[] {
  if (!hasOrders)
    return [
      `KPI Data holds no orders, so there are no KPIs for ${period.label}: add orders to KPI Data (one row per order) and generate the report again.`,
    ];
  const out: string[] = [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const previous = previousLabel(period);
  const withTarget = rows.filter((r) => r.rag !== null);
  if (withTarget.length) {
    const count = (rag: string) => withTarget.filter((r) => r.rag === rag).length;
    out.push(
      `${period.label}: of the ${withTarget.length} KPIs with a target, ${count('green')} are green, ${count('amber')} amber and ${count('red')} red.`,
    );
  } else {
    out.push(
      `${period.label}: no KPI has a target for this period yet; add them in KPI Targets to get green, amber and red.`,
    );
  }
  const req = byId.get('requests');
  const rec = byId.get('received');
  const ins = byId.get('inspected');
  if (req && rec && ins) {
    const change = req.previous
      ? ` (${formatDelta(req.deltaPct, '0.0%').replace(' pts', ' %')} on ${previous})`
      : '';
    out.push(
      `Requests: ${value(req, req.actual)}${change}; devices received: ${formatNumber(rec.actual, rec.format)}; inspected: ${formatNumber(ins.actual, ins.format)}.`,
    );
  }
  const list = movers(rows);
  const best = list[0];
  const worst = list[list.length - 1];
  if (best && best.relative > 0) out.push(moverSentence('Best', best, previous));
  else out.push(`No KPI improved on ${previous}.`);
  if (worst && worst.relative < 0) out.push(moverSentence('Worst', worst, previous));
  else out.push(`No KPI worsened on ${previous}.`);
  const red = withTarget.filter((r) => r.rag === 'red');
  if (red.length)
    out.push(
      `Red, needing attention: ${red.map((r) => `${r.label} (${value(r, r.actual)} vs ${value(r, r.target)})`).join('; ')}.`,
    );
  return out;
}
