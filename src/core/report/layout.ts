/**
 * The `Report …` tab as one rectangle: values, number formats, backgrounds and font weights for
 * every cell, the SPARKLINE formulas of the KPI table, and where each native chart and its data
 * block go. The adapter writes it with one call per kind whatever the data size, so a report on
 * 100,000 orders costs the same service calls as one on 100.
 */
import { Cell, Grid, columnLetter } from '../cells';
import { RAG_COLORS } from '../kpi/dashboard';
import { Rag } from '../kpi/targets';
import { DueFact, ReportChart, ReportModel } from './types';

/** Columns of the tab: the KPI table's 9 columns and its 6 trend months. */
export const LAYOUT_WIDTH = 15;
const DEFAULT = '0.###############';
const DATE = 'yyyy-mm-dd';
const SECTION_BG = '#e8f0fe';
const HEADER_BG = '#f1f3f4';
/** Rows left empty under the chart heading for three rows of charts. */
export const CHART_ROWS = 54;
/** Native chart size in pixels; two fit side by side over columns A–E and F–J. */
export const CHART_SIZE = { width: 600, height: 320 };
const CHART_ANCHORS = [
  [0, 1],
  [0, 6],
  [18, 1],
  [18, 6],
  [36, 1],
  [36, 6],
] as const;

/** A cell's font weight. */
export type Weight = 'bold' | 'normal';

/** A chart with its data block and anchor on the tab. */
export interface PlacedChart {
  chart: ReportChart;
  /** Data block (header row + one row per x value), 1-based. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  anchorRow: number;
  anchorColumn: number;
}

/** The tab, cell by cell, plus formulas and charts. */
export interface ReportLayout {
  values: Grid;
  formats: string[][];
  backgrounds: (string | null)[][];
  weights: Weight[][];
  /** Title cell, drawn larger. */
  titleRow: number;
  sparklines: { row: number; column: number; formulas: string[][] };
  charts: PlacedChart[];
  /** Section heading → its 1-based row (for tests and for readers of the tab). */
  sections: Record<string, number>;
  columnWidths: number[];
}

interface Line {
  cells: Cell[];
  formats?: (string | undefined)[];
  backgrounds?: (string | null)[];
  background?: string;
  bold?: boolean;
}

/** Section headings, shared by the tab and the HTML. */
export const SECTIONS = {
  summary: 'Summary',
  kpis: 'Key performance indicators',
  signals: 'Signals: real changes, not noise',
  pareto: 'Pareto of reasons',
  charts: 'Charts',
  categories: 'Breakdown by device category',
  shortlist: 'Partner shortlist (top 3 per country × partner type)',
  benchmark: 'Benchmark highlights',
  quality: 'Data quality',
  chartData: 'Chart data',
} as const;

/** Lays the model out on the tab's grid, top to bottom, every section always present. */
export function reportLayout(model: ReportModel): ReportLayout {
  const lines: Line[] = [];
  const sections: Record<string, number> = {};
  const add = (l: Line) => lines.push(l);
  const blank = () => add({ cells: [] });
  const section = (title: string) => {
    blank();
    sections[title] = lines.length + 1;
    add({ cells: [title], background: SECTION_BG, bold: true });
  };
  const header = (cells: string[]) => add({ cells, background: HEADER_BG, bold: true });
  const note = (text: string) => text && add({ cells: [text] });

  const h = model.header;
  add({ cells: [model.title], bold: true });
  add({ cells: ['Scope', h.scope] });
  add({ cells: ['Period', h.periodText] });
  add({ cells: ['Generated', `${h.generatedAt} by ${h.generatedBy}`] });

  section(SECTIONS.summary);
  for (const s of model.summary) add({ cells: [s] });

  section(SECTIONS.kpis);
  note(model.kpiNote);
  const trendMonths = model.kpis[0]?.trendMonths ?? [];
  header([
    'KPI',
    'Unit',
    'Actual',
    'Target',
    'Variance',
    'RAG',
    'Previous period',
    'Year to date',
    '6-month trend',
    ...trendMonths,
  ]);
  const kpiFirstRow = lines.length + 1;
  for (const r of model.kpis) {
    const f = r.format;
    add({
      cells: [
        r.label,
        r.unit,
        num(r.actual),
        num(r.target),
        num(r.variance),
        r.rag ?? '',
        num(r.previous),
        num(r.ytd),
        '',
        ...r.trend.map(num),
      ],
      formats: ['@', '@', f, f, f, '@', f, f, DEFAULT, ...r.trend.map(() => f)],
      backgrounds: [null, null, rag(r.rag), null, null, rag(r.rag)],
    });
  }
  const sparkColumn = 9;
  const sparklines = {
    row: kpiFirstRow,
    column: sparkColumn,
    formulas: model.kpis.map((_, i) => {
      const row = kpiFirstRow + i;
      return [
        `=SPARKLINE(${columnLetter(sparkColumn + 1)}${row}:${columnLetter(sparkColumn + trendMonths.length)}${row})`,
      ];
    }),
  };

  section(SECTIONS.signals);
  note(model.signals.note);
  for (const n of model.signals.notes) add({ cells: [n] });
  for (const sg of model.signals.lines)
    add({ cells: [sg.text], background: sg.improvement ? RAG_COLORS.green : RAG_COLORS.red });

  section(SECTIONS.pareto);
  for (const p of model.paretos) {
    add({ cells: [p.title], bold: true });
    note(p.note);
    if (!p.rows.length) continue;
    header(['Reason', 'Orders', 'Share', 'Cumulative share']);
    for (const r of p.rows)
      add({
        cells: [r.reason, r.count, r.share, r.cumulative],
        formats: ['@', '#,##0', '0.0%', '0.0%'],
      });
  }

  section(SECTIONS.charts);
  const chartTop = lines.length + 1;
  for (let i = 0; i < CHART_ROWS; i++) blank();

  section(SECTIONS.categories);
  note(model.categoryNote);
  header(['Category', 'Requests', 'Received', 'Inspected', 'Reuse rate', 'Share of requests']);
  for (const c of model.categories) {
    add({
      cells: [c.category, c.requests, c.received, c.inspected, num(c.reuseRate), num(c.share)],
      formats: ['@', '#,##0', '#,##0', '#,##0', '0.0%', '0.0%'],
    });
  }

  section(SECTIONS.shortlist);
  note(model.shortlistNote);
  header([
    'Country',
    'Partner type',
    'Rank',
    'Partner',
    'Category',
    'Score',
    'Coverage',
    'Knock-out',
    'Stability',
    'Strengths',
    'Weaknesses',
  ]);
  for (const g of model.shortlist) {
    for (const e of g.entries) {
      add({
        cells: [
          g.country,
          g.type,
          e.rank ?? 'knocked out',
          e.partner,
          e.category,
          e.score,
          num(e.coverage),
          e.knockOut,
          num(e.stability),
          e.strengths,
          e.weaknesses,
        ],
        formats: ['@', '@', '0', '@', '@', '0.00', '0%', '@', '0%', '@', '@'],
        backgrounds: e.passes
          ? undefined
          : [null, null, RAG_COLORS.red, null, null, null, null, RAG_COLORS.red],
      });
    }
  }

  section(SECTIONS.benchmark);
  note(model.benchmark.note);
  add({ cells: ['Best practices'], bold: true });
  header(['Country', 'Topic', 'Best practice', 'Source']);
  const practices = model.benchmark.bestPractices;
  for (const b of practices.slice(0, MAX_BENCHMARK_ROWS))
    add({ cells: [b.country, b.topic, b.text, b.source] });
  if (practices.length > MAX_BENCHMARK_ROWS)
    add({ cells: [`… and ${practices.length - MAX_BENCHMARK_ROWS} more in the Benchmark tabs.`] });
  add({ cells: ['Facts due for review'], bold: true });
  header(['Country', 'Tab', 'Row', 'Topic', 'Last reviewed', 'Why']);
  const due = model.benchmark.dueForReview;
  for (const d of due.slice(0, MAX_BENCHMARK_ROWS)) {
    add({
      cells: [d.country, d.tab, d.row, d.topic, reviewed(d), d.reason ?? ''],
      formats: ['@', '@', '0', '@', DATE, '@'],
    });
  }
  if (due.length > MAX_BENCHMARK_ROWS)
    add({
      cells: [
        `… and ${due.length - MAX_BENCHMARK_ROWS} more: the Benchmark tab counts them per country.`,
      ],
    });

  section(SECTIONS.quality);
  for (const n of model.quality.notes) add({ cells: [n] });
  if (model.quality.total > model.quality.rows.length)
    add({
      cells: [
        `The first ${model.quality.rows.length} of ${model.quality.total} findings are listed.`,
      ],
    });
  header(['Tab', 'Row', 'Column', 'Value', 'Finding']);
  for (const q of model.quality.rows) {
    add({
      cells: [
        q.tab,
        q.row,
        q.column,
        shortValue(q.value),
        `${q.skipped ? 'row skipped: ' : 'row kept: '}${q.reason}`,
      ],
      formats: ['@', '0', '@', q.value instanceof Date ? 'yyyy-mm-dd hh:mm' : DEFAULT, '@'],
    });
  }

  section(SECTIONS.chartData);
  const charts: PlacedChart[] = model.charts.map((chart, i) => {
    const row = lines.length + 1;
    header([chart.xTitle, ...chart.series]);
    for (const r of chart.rows)
      add({
        cells: [r.x, ...r.values.map(num)],
        formats: ['@', ...r.values.map((_, j) => chart.formats?.[j] ?? chart.format)],
      });
    blank();
    const [dr, col] = CHART_ANCHORS[i % CHART_ANCHORS.length];
    return {
      chart,
      row,
      column: 1,
      rows: chart.rows.length + 1,
      columns: chart.series.length + 1,
      anchorRow: chartTop + dr,
      anchorColumn: col,
    };
  });

  return {
    ...grid(lines),
    titleRow: 1,
    sparklines,
    charts,
    sections,
    columnWidths: [240, ...new Array(LAYOUT_WIDTH - 1).fill(105)],
  };
}

/**
 * Lists are capped so the report stays readable and its layout fits the 1,000 rows of a new tab
 * whatever the data size: the same service calls for 1,000 orders as for 100,000.
 */
export const MAX_BENCHMARK_ROWS = 100;

const num = (v: number | null | undefined): Cell => (v === null || v === undefined ? '' : v);
const rag = (r: Rag | null) => (r ? RAG_COLORS[r] : null);

function reviewed(d: DueFact): Cell {
  return d.lastReviewed ?? 'never';
}

function shortValue(v: Cell): Cell {
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  const s = String(v ?? '');
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}

function grid(lines: Line[]): Pick<ReportLayout, 'values' | 'formats' | 'backgrounds' | 'weights'> {
  const pad = <T>(row: T[], fill: T): T[] =>
    [...row, ...new Array(Math.max(0, LAYOUT_WIDTH - row.length)).fill(fill)].slice(
      0,
      LAYOUT_WIDTH,
    );
  return {
    values: lines.map((l) => pad(l.cells, '')),
    formats: lines.map((l) =>
      pad(
        l.cells.map((c, j) => l.formats?.[j] ?? (typeof c === 'string' ? '@' : DEFAULT)),
        DEFAULT,
      ),
    ),
    backgrounds: lines.map((l) =>
      pad(l.backgrounds ?? [], null).map((b) => b ?? l.background ?? null),
    ),
    weights: lines.map((l) => pad<Weight>([], l.bold ? 'bold' : 'normal')),
  };
}
