/**
 * The KPI part of the report: the scorecard for the period (actual, target, variance, RAG,
 * previous period, year to date, 6-month trend), the four charts as data, and the breakdown by
 * device category. Everything comes from the KPI engine and scorecard, never recomputed here.
 */
import { KpiResult, aggregate, computeKpis } from '../kpi/engine';
import { MonthKey, addMonths, monthRange } from '../kpi/months';
import { OUTCOMES } from '../kpi/registry';
import { ScorecardRow, scorecard, scorecardMonths } from '../kpi/targets';
import { CategoryRow, ReportChart, ReportInput, ReportModel } from './types';
import { freshness } from '../kpi/freshness';
import { Pareto, reasonPareto } from '../kpi/pareto';
import { kpiSignals } from '../kpi/signals';
import { isPartial } from './period';

/** Months of history the charts show, ending with the period's last month. */
export const CHART_MONTHS = 12;

/** The KPI engine's result for the report and the pieces drawn from it. */
export interface KpiSection {
  result: KpiResult;
  rows: ScorecardRow[];
  charts: ReportChart[];
  categories: CategoryRow[];
  signals: ReportModel['signals'];
  paretos: Pareto[];
}

/** The KPI engine run once over every month the scorecard and the charts read. */
export function kpiSection(input: ReportInput): KpiSection {
  const { period } = input;
  const end = period.months[period.months.length - 1];
  const chartMonths = monthRange(addMonths(end, -(CHART_MONTHS - 1)), end);
  const months = [...new Set([...scorecardMonths(period.months), ...chartMonths])].sort();
  const result = computeKpis(input.kpi?.orders ?? [], {
    timeZone: input.timeZone,
    months,
    factors: input.factors,
  });
  const targets = input.targets ?? { targets: {}, issues: [] };
  const rows = scorecard(result, period.months, targets);
  const orders = input.kpi?.orders ?? [];
  const fresh = freshness(orders, end, input.now, input.timeZone);
  const signals = kpiSignals({
    result,
    months: chartMonths,
    newest: fresh.newest,
    partialLast: fresh.partial || isPartial(period, input.now, input.timeZone),
    timeZone: input.timeZone,
    directions: Object.fromEntries(rows.map((r) => [r.id, r.direction])),
  });
  const hasReason = input.kpi?.hasReasonColumn ?? orders.some((o) => o.reason !== '');
  const paretos = (['not_reused', 'complaints'] as const).map((kind) =>
    reasonPareto(orders, period.months, input.timeZone, kind, hasReason, period.label),
  );
  const lines = signals.signals.filter((s) => period.months.includes(s.month));
  return {
    result,
    rows,
    charts: [
      ...charts(result, chartMonths, targets.targets.reuse_rate?.target ?? null),
      ...paretos.map(paretoChart),
    ],
    categories: categories(result, period.months),
    signals: {
      lines,
      notes: signals.notes,
      note: !orders.length
        ? ''
        : lines.length
          ? `${lines.length} signal(s) in ${period.label}, on control charts of the ${CHART_MONTHS} months ending with it.`
          : `No signal in ${period.label}: every KPI moved within its control limits (the ${CHART_MONTHS} months ending with it), so month-to-month changes are noise.`,
    },
    paretos,
  };
}

/** A Pareto as a chart: one bar per reason, the cumulative share as a line. */
function paretoChart(p: Pareto): ReportChart {
  return {
    id: p.kind === 'complaints' ? 'pareto_complaints' : 'pareto_not_reused',
    title: p.title,
    kind: 'pareto',
    xTitle: 'Reason',
    yTitle: 'orders',
    percent: false,
    format: '#,##0',
    formats: ['#,##0', '0.0%'],
    series: ['Orders', 'Cumulative share'],
    rows: p.rows.map((r) => ({ x: r.reason, values: [r.count, r.cumulative] })),
  };
}

function charts(result: KpiResult, months: MonthKey[], reuseTarget: number | null): ReportChart[] {
  const v = (m: MonthKey) => result.byMonth[m].values;
  return [
    {
      id: 'volumes',
      title: 'Monthly volumes: requested vs received',
      kind: 'column',
      xTitle: 'Month',
      yTitle: 'orders',
      percent: false,
      format: '#,##0',
      series: ['Requested', 'Received'],
      rows: months.map((m) => ({ x: m, values: [v(m).requests, v(m).received] })),
    },
    {
      id: 'reuse',
      title: 'Reuse rate vs target',
      kind: 'line',
      xTitle: 'Month',
      yTitle: 'share of inspected devices',
      percent: true,
      format: '0.0%',
      series: reuseTarget === null ? ['Reuse rate'] : ['Reuse rate', 'Target'],
      rows: months.map((m) => ({
        x: m,
        values: reuseTarget === null ? [v(m).reuse_rate] : [v(m).reuse_rate, reuseTarget],
      })),
    },
    {
      id: 'mix',
      title: 'Disposition mix (inspected devices)',
      kind: 'stacked-column',
      xTitle: 'Month',
      yTitle: 'devices',
      percent: false,
      format: '#,##0',
      series: [...OUTCOMES],
      rows: months.map((m) => ({
        x: m,
        values: OUTCOMES.map((o) => result.byMonth[m].outcomes[o]),
      })),
    },
    {
      id: 'lead_time',
      title: 'Lead time, days: median and P90',
      kind: 'line',
      xTitle: 'Month',
      yTitle: 'days',
      percent: false,
      format: '0.0',
      series: ['Median', 'P90'],
      rows: months.map((m) => ({ x: m, values: [v(m).lead_time_median, v(m).lead_time_p90] })),
    },
  ];
}

function categories(result: KpiResult, months: MonthKey[]): CategoryRow[] {
  const period = aggregate(result, months);
  const total = period.values.requests ?? 0;
  return period.byCategory.map((c) => ({
    category: c.category,
    requests: c.requests,
    received: c.received,
    inspected: c.inspected,
    reuseRate: c.reuse_rate,
    share: total ? c.requests / total : null,
  }));
}
