/**
 * The `KPI Dashboard` as a model: the last 12 months × every KPI of the registry with RAG per
 * cell, delta vs the previous month, year to date and a sparkline; the signals and the Paretos in
 * words; the blocks its native charts read; and the rows skipped from `KPI Data`, with why. Its
 * blocks are named by what they hold (title, table, signals, chart data, quality), each with the
 * rows that head a section. Renderer-neutral: the sheets adapter draws it.
 */
import { Cell, Grid, columnLetter } from '../cells';
import { AUTOMATIC_FORMAT } from '../schema/tabs';
import { KpiResult, computeKpis } from './engine';
import { FactorTable } from './factors';
import { MonthKey, addMonths, lastMonthWithData, monthRange } from './months';
import { Order } from './orders';
import { OUTCOMES } from './registry';
import { Issue } from './table';
import { qualityCounts, qualitySentence } from './data-quality';
import { Freshness, freshness } from './freshness';
import { ScorecardRow, TargetTable, ragStatus, scorecard, scorecardMonths } from './targets';
import { Pareto, reasonPareto } from './pareto';
import { SignalsModel, kpiSignals, signalCell } from './signals';

export const DASHBOARD_MONTHS = 12;
export const RAG_COLORS = { green: '#b7e1cd', amber: '#fce8b2', red: '#f4c7c3' } as const;
export const MAX_LISTED_ISSUES = 500;

/** `pareto`: bars (the counts) with a line (the cumulative share) on a second, percent axis. */
export type ChartKind = 'column' | 'stacked-column' | 'line' | 'pareto';

/** A chart over a block of the tab: first row headers, first column the x axis. */
export interface ChartSpec {
  title: string;
  kind: ChartKind;
  /** 1-based position of the data block on the tab. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  yTitle: string;
  percent?: boolean;
}

/** A block of the tab, written whole at (row, column). */
export interface DashboardBlock {
  row: number;
  column: number;
  values: Grid;
  formats?: string[][];
  backgrounds?: (string | null)[][];
  /**
   * Rows of the block (0-based) that head a section of the tab, drawn bold: the title, "Signals",
   * "Pareto of reasons", the data-quality sentence. Table headers are marked by their shading.
   */
  headings: number[];
}

export interface DashboardModel {
  months: MonthKey[];
  /** The tab's blocks by what they hold; `charts` are the data blocks the native charts read. */
  blocks: {
    title: DashboardBlock;
    table: DashboardBlock;
    signals: DashboardBlock;
    charts: DashboardBlock[];
    quality: DashboardBlock;
  };
  /** Sparkline formulas: one per KPI row, at (row, column). */
  sparklines: { row: number; column: number; formulas: string[][] };
  charts: ChartSpec[];
  scorecard: ScorecardRow[];
  result: KpiResult;
  issuesListed: number;
  /** Empty, partial or stale data, in words (also on the tab, under the title). */
  freshness: Freshness;
  /** The data-quality sentence shown on the tab: the alert and the report say the same. */
  qualityLine: string;
  /** Control limits and signals of every KPI over the months shown. */
  signals: SignalsModel;
  /** Reasons for orders not reused, and for complaints, over the months shown. */
  paretos: Pareto[];
}

export interface DashboardInput {
  orders: Order[];
  issues: Issue[];
  targets: TargetTable;
  factors: FactorTable | null;
  timeZone: string;
  now: Date;
  scope: string;
  /** `Stale after (days)` from Settings; default 14. */
  staleAfterDays?: number;
  /** KPI Data has the optional Reason column (default: some order has a reason). */
  hasReasonColumn?: boolean;
}

const TABLE_ROW = 4;
const PARETO_HEADING = 'Pareto of reasons (Reason column of KPI Data)';

/** Every block of the tab, in the order it is drawn (top to bottom). */
export function dashboardBlocks(model: DashboardModel): DashboardBlock[] {
  const { title, table, signals, charts, quality } = model.blocks;
  return [title, table, signals, ...charts, quality];
}

export function dashboardModel(input: DashboardInput): DashboardModel {
  const end = lastMonthWithData(input.orders, input.now, input.timeZone);
  const months = monthRange(addMonths(end, -(DASHBOARD_MONTHS - 1)), end);
  const needed = [...new Set([...months, ...scorecardMonths(end)])].sort();
  const result = computeKpis(input.orders, {
    timeZone: input.timeZone,
    months: needed,
    factors: input.factors,
  });
  const card = scorecard(result, end, input.targets);
  const fresh = freshness(input.orders, end, input.now, input.timeZone, input.staleAfterDays);
  const targets = input.targets.targets;
  const signals = kpiSignals({
    result,
    months,
    newest: fresh.newest,
    partialLast: fresh.partial,
    timeZone: input.timeZone,
    directions: Object.fromEntries(Object.values(targets).map((t) => [t!.kpi, t!.direction])),
  });
  const controlOf = new Map(signals.kpis.map((k) => [k.id, k]));
  const hasReason = input.hasReasonColumn ?? input.orders.some((o) => o.reason !== '');
  const paretos = (['not_reused', 'complaints'] as const).map((kind) =>
    reasonPareto(input.orders, months, input.timeZone, kind, hasReason),
  );

  const header = [
    'KPI',
    'Unit',
    'Target',
    ...months,
    'Δ vs previous month',
    'Year to date',
    'RAG',
    'Trend',
    `Signal (${signals.latestComplete ?? 'latest complete month'})`,
  ];
  const values: Grid = [header];
  const formats: string[][] = [header.map(() => '@')];
  const backgrounds: (string | null)[][] = [header.map(() => '#e8f0fe')];
  card.forEach((row) => {
    // No order at all: blanks, not a year of zeros.
    const series = months.map((m) => (fresh.empty ? null : result.byMonth[m].values[row.id]));
    values.push([
      row.label,
      row.unit,
      row.target ?? '',
      ...series.map(blank),
      blank(row.delta),
      blank(row.ytd),
      row.rag ?? '',
      '',
      fresh.empty ? '' : signalCell(controlOf.get(row.id)!, signals.latestComplete),
    ]);
    const f = row.format;
    // The trend cell holds a SPARKLINE formula: a plain-text format would keep it as text.
    formats.push(['@', '@', f, ...months.map(() => f), f, f, '@', AUTOMATIC_FORMAT, '@']);
    backgrounds.push([
      null,
      null,
      null,
      ...series.map((v) => color(ragStatus(v, targets[row.id]))),
      null,
      null,
      color(row.rag),
      null,
      signalColor(values[values.length - 1][header.length - 1]),
    ]);
  });
  const firstMonthCol = 4;
  const sparkColumn = header.indexOf('Trend') + 1;
  const sparklines = card.map((_, i) => {
    const r = TABLE_ROW + 1 + i;
    return [`=SPARKLINE(${a1(r, firstMonthCol)}:${a1(r, firstMonthCol + months.length - 1)})`];
  });

  // The signals and the Pareto notes sit right below the table, then the chart data blocks.
  let row = TABLE_ROW + values.length + 2;
  const title: DashboardBlock = {
    row: 1,
    column: 1,
    values: [
      [`KPI Dashboard — ${input.scope}`],
      [
        `Months ${months[0]} to ${end} (${input.timeZone}); generated ${input.now.toISOString().slice(0, 16).replace('T', ' ')} UTC. Colours: green meets the target, amber within tolerance, red beyond.`,
      ],
      [fresh.notes.join(' ')],
    ],
    headings: [0],
  };
  const table: DashboardBlock = {
    row: TABLE_ROW,
    column: 1,
    values,
    formats,
    backgrounds,
    headings: [],
  };
  const signalLines: Grid = [
    ['Signals: is a change real, or noise?'],
    [
      'Each KPI is on a control chart of the months shown (p chart for shares, each month with its own denominator; individuals chart for the others). A signal is a month the Western Electric rules flag: 1 beyond a control limit; 2 two of the last three months beyond 2σ on one side; 3 four of the last five beyond 1σ on one side; 4 eight months in a row on one side of the centre line. Anything else is noise: do not react to it.',
    ],
    ...signals.notes.map((n) => [n]),
    ...(fresh.empty
      ? []
      : signals.signals.length
        ? signals.signals.map((x) => [x.text])
        : [['No signal in the months shown: every KPI moves within its control limits (noise).']]),
    [''],
    [PARETO_HEADING],
    ...paretos.map((p) => [`${p.title}: ${p.note}`]),
  ];
  const signalsBlock: DashboardBlock = {
    row,
    column: 1,
    values: signalLines,
    backgrounds: signalLines.map((l, i) => [
      i === 0 || l[0] === PARETO_HEADING ? '#e8f0fe' : lineColor(l[0]),
    ]),
    formats: signalLines.map(() => ['@']),
    headings: [0, signalLines.findIndex((l) => l[0] === PARETO_HEADING)],
  };
  row += signalLines.length + 2;
  const charts: ChartSpec[] = [];
  const chartData: DashboardBlock[] = [];
  const addChart = (
    title: string,
    kind: ChartKind,
    head: string[],
    data: Cell[][],
    yTitle: string,
    percent = false,
    format = '0',
    columnFormats?: string[],
  ) => {
    chartData.push({
      row,
      column: 1,
      values: [head, ...data],
      formats: [
        head.map(() => '@'),
        ...data.map((r) => r.map((_, j) => (j ? (columnFormats?.[j - 1] ?? format) : '@'))),
      ],
      headings: [],
    });
    charts.push({
      title,
      kind,
      row,
      column: 1,
      rows: data.length + 1,
      columns: head.length,
      yTitle,
      percent,
    });
    row += data.length + 3;
  };
  const v = (m: MonthKey) => result.byMonth[m].values;
  const reuse = controlOf.get('reuse_rate')!;
  const reuseTarget = targets.reuse_rate?.target ?? null;
  addChart(
    'Monthly volumes: requested vs received',
    'column',
    ['Month', 'Requested', 'Received'],
    months.map((m) => [m, v(m).requests ?? 0, v(m).received ?? 0]),
    'orders',
  );
  addChart(
    'Reuse rate vs target',
    'line',
    ['Month', 'Reuse rate', 'Target'],
    months.map((m) => [m, blank(v(m).reuse_rate), reuseTarget ?? '']),
    'share of inspected',
    true,
    '0.0%',
  );
  addChart(
    'Reuse rate: control chart (p chart)',
    'line',
    ['Month', 'Reuse rate', 'Centre line', 'Lower control limit', 'Upper control limit'],
    reuse.points.map((p) => [
      p.month,
      blank(p.value),
      blank(p.centre),
      blank(p.lower),
      blank(p.upper),
    ]),
    'share of inspected',
    true,
    '0.0%',
  );
  addChart(
    'Disposition mix (inspected devices)',
    'stacked-column',
    ['Month', ...OUTCOMES],
    months.map((m) => [m, ...OUTCOMES.map((o) => result.byMonth[m].outcomes[o])]),
    'devices',
  );
  addChart(
    'Lead time, days: median and P90',
    'line',
    ['Month', 'Median', 'P90'],
    months.map((m) => [m, blank(v(m).lead_time_median), blank(v(m).lead_time_p90)]),
    'days',
    false,
    '0.0',
  );

  for (const p of paretos)
    addChart(
      p.title,
      'pareto',
      ['Reason', 'Orders', 'Cumulative share'],
      p.rows.length
        ? p.rows.map((r) => [r.reason, r.count, r.cumulative])
        : [['(no reason recorded)', 0, 0]],
      'orders',
      false,
      '0',
      ['0', '0.0%'],
    );

  const listed = input.issues.slice(0, MAX_LISTED_ISSUES);
  const qualityLine = qualitySentence(qualityCounts(input.issues), listed.length);
  const quality: Grid = [
    [qualityLine, '', '', '', ''],
    ['Tab', 'Row', 'Column', 'Value', 'Reason'],
    ...listed.map((i) => [
      'KPI Data',
      i.row,
      i.column,
      describeValue(i.value),
      `${i.skipped ? 'order left out: ' : 'kept, field blanked: '}${i.reason}`,
    ]),
  ];
  return {
    months,
    blocks: {
      title,
      table,
      signals: signalsBlock,
      charts: chartData,
      quality: { row, column: 1, values: quality, headings: [0] },
    },
    sparklines: { row: TABLE_ROW + 1, column: sparkColumn, formulas: sparklines },
    charts,
    scorecard: card,
    result,
    issuesListed: listed.length,
    freshness: fresh,
    qualityLine,
    signals,
    paretos,
  };
}

const blank = (v: number | null): Cell => (v === null ? '' : v);
const color = (rag: 'green' | 'amber' | 'red' | null) => (rag ? RAG_COLORS[rag] : null);
/** A signal cell or line: green for an improvement, red for a deterioration. */
const signalColor = (text: Cell): string | null =>
  String(text).startsWith('improvement')
    ? RAG_COLORS.green
    : String(text).startsWith('deterioration')
      ? RAG_COLORS.red
      : null;
const lineColor = (text: Cell): string | null =>
  /improvement, not noise$/.test(String(text))
    ? RAG_COLORS.green
    : /deterioration, not noise$/.test(String(text))
      ? RAG_COLORS.red
      : null;

const a1 = (row: number, column: number) => `${columnLetter(column)}${row}`;

function describeValue(v: Cell): Cell {
  if (v instanceof Date) return v;
  const s = String(v ?? '');
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}
