/**
 * The report model: the parsed workbook and a period in, every section out. Pure, so the tab, the
 * e-mail and the offline HTML are three drawings of one set of figures, and tests can check those
 * figures against the KPI engine and the scoring without a spreadsheet.
 */
import { freshness } from '../kpi/freshness';
import { MonthIndex, MonthKey } from '../kpi/months';
import { Order } from '../kpi/orders';
import { formatInstant } from './format';
import { kpiSection } from './kpi-section';
import { isPartial } from './period';
import { qualitySection } from './quality';
import { SHORTLIST_SIZE, shortlist } from './shortlist';
import { summarySentences } from './summary';
import { ReportInput, ReportModel } from './types';

/** Report title for a scope and period label. */
export function reportTitle(label: string): string {
  return `Circularity report — ${label}`;
}

/** Every section of the report for the input's period; never throws on empty or missing tabs. */
export function buildReport(input: ReportInput): ReportModel {
  const { period } = input;
  const kpis = kpiSection(input);
  const hasOrders = !!input.kpi && input.kpi.orders.length > 0;
  const partial = isPartial(period, input.now, input.timeZone);
  const orders = input.kpi?.orders ?? [];
  const inPeriod = countInMonths(orders, period.months, input.timeZone);
  const summary =
    hasOrders && !inPeriod
      ? [
          `No order in ${period.label}: none of the ${orders.length} orders of KPI Data was created, sent a kit, received or inspected in this period, so it has no KPI to compare with its targets.`,
        ]
      : summarySentences(kpis.rows, period, hasOrders);
  // Partial or stale data, said where the figures are read.
  if (hasOrders && inPeriod)
    summary.push(
      ...freshness(
        orders,
        period.months[period.months.length - 1],
        input.now,
        input.timeZone,
        input.kpi?.staleAfterDays,
      ).notes,
    );
  if (partial)
    summary.unshift(
      `${period.label} is not over yet: its figures cover the days up to ${formatInstant(input.now, input.timeZone).slice(0, 10)} only.`,
    );

  const groups = input.partners ? shortlist(input.partners) : [];
  const knocked = groups.reduce((n, g) => n + g.entries.filter((e) => !e.passes).length, 0);
  let shortlistNote = '';
  if (!input.partners)
    shortlistNote =
      'No partner assessment: the Partners or Criteria tab is missing or unreadable (see Data quality).';
  else if (!groups.length)
    shortlistNote =
      'No partner scored yet: add partners and their scores in Partners (one score column per criterion).';
  else if (knocked)
    shortlistNote = `${knocked} knocked-out partner(s) shown without a rank: their score alone would have placed them in the top ${SHORTLIST_SIZE}.`;

  const bench = input.benchmark;
  const benchNote = !bench
    ? 'No benchmark data yet: fill the Benchmark tabs (one sourced fact per row) and refresh the benchmark.'
    : !bench.bestPractices.length && !bench.dueForReview.length
      ? 'No best practice recorded and no fact due for review.'
      : '';

  return {
    title: reportTitle(period.label),
    header: {
      scope: input.scope,
      period,
      periodText: `${period.label}: ${period.first} to ${period.last} (${input.timeZone})`,
      generatedAt: `${formatInstant(input.now, input.timeZone)} (${input.timeZone})`,
      generatedBy: input.generatedBy || 'unknown user',
      timeZone: input.timeZone,
      partial,
    },
    summary,
    kpis: kpis.rows,
    kpiNote: hasOrders
      ? ''
      : input.kpi
        ? 'KPI Data holds no orders yet: every figure below is empty.'
        : 'KPI Data is missing or unreadable (see Data quality): every figure below is empty.',
    charts: kpis.charts,
    signals: kpis.signals,
    paretos: kpis.paretos,
    categories: kpis.categories,
    categoryNote: kpis.categories.length ? '' : `No order in ${period.label}.`,
    shortlist: groups,
    shortlistNote,
    benchmark: {
      bestPractices: bench?.bestPractices ?? [],
      dueForReview: bench?.dueForReview ?? [],
      note: benchNote,
    },
    quality: qualitySection(input, kpis.result.missingFactors),
  };
}

/**
 * The orders created, sent a kit, received or inspected in one of the months: each instant placed
 * by a month index (bounds computed once, property-tested against month keys), so 100,000 orders
 * cost no month key, and no garbage, each.
 */
function countInMonths(orders: readonly Order[], months: readonly MonthKey[], tz: string): number {
  if (!months.length) return 0;
  const sorted = [...months].sort();
  const index = new MonthIndex(sorted[0], sorted[sorted.length - 1], tz);
  const wanted = index.months.map((k) => months.includes(k));
  const within = (t: number | null) => {
    if (t === null) return false;
    const i = index.indexOf(t);
    return i >= 0 && wanted[i];
  };
  let n = 0;
  for (const o of orders)
    if (within(o.created) || within(o.kitSent) || within(o.received) || within(o.inspected)) n++;
  return n;
}
