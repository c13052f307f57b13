/**
 * The report as data, before any renderer: what goes in (the parsed workbook and a period) and
 * what comes out (its sections). The tab, the e-mail and the offline HTML all draw this one model,
 * so they cannot disagree on a figure.
 */
import { Cell } from '../cells';
import { FactorTable } from '../kpi/factors';
import { Order } from '../kpi/orders';
import { Issue } from '../kpi/table';
import { ScorecardRow, TargetTable } from '../kpi/targets';
import { PartnerResult } from '../partners/assess';
import { ReportPeriod } from './period';
import type { Pareto } from '../kpi/pareto';
import type { Signal } from '../kpi/signals';
import type {
  BenchmarkHighlights as FullHighlights,
  BestPractice,
  DueFact,
} from '../benchmark/highlights';

/**
 * What the report needs from the benchmark: the best practices and the facts due for review that
 * `benchmarkHighlights()` of the benchmark core returns (its coverage matrix is not shown here).
 */
export type BenchmarkHighlights = Pick<FullHighlights, 'bestPractices' | 'dueForReview'>;
export type { BestPractice, DueFact };

/** The KPI Data tab, parsed. */
export interface KpiInput {
  orders: Order[];
  issues: Issue[];
  rowsRead: number;
  rowsSkipped: number;
  /** `Stale after (days)` from Settings; default 14. */
  staleAfterDays?: number;
  /** KPI Data has the optional Reason column (default: some order has a reason). */
  hasReasonColumn?: boolean;
}

/** The parsed workbook and the period: everything the model is built from. */
export interface ReportInput {
  period: ReportPeriod;
  now: Date;
  /** The spreadsheet's IANA zone: months, days and the generation time are read there. */
  timeZone: string;
  scope: string;
  /** Who asked for the report (an e-mail, or 'scheduled run (…)'). */
  generatedBy: string;
  /** null when KPI Data is missing or unreadable (the reason is in `notes`). */
  kpi: KpiInput | null;
  targets: TargetTable | null;
  factors: FactorTable | null;
  /** Scored partners; null when Partners or Criteria is missing or unreadable. */
  partners: PartnerResult[] | null;
  /** null when the benchmark tabs hold nothing (or the benchmark reader is not installed). */
  benchmark: BenchmarkHighlights | null;
  /** Reader findings for the data-quality section ("KPI Targets, row 4: …"). */
  notes: string[];
}

/** How a chart draws its series (`pareto`: bars of counts and a line of the cumulative share). */
export type ChartKind = 'column' | 'stacked-column' | 'line' | 'pareto';

/** A chart as data: one row per x value, one value per series. Drawn natively, as PNG or as SVG. */
export interface ReportChart {
  id: 'volumes' | 'reuse' | 'mix' | 'lead_time' | 'pareto_not_reused' | 'pareto_complaints';
  title: string;
  kind: ChartKind;
  xTitle: string;
  yTitle: string;
  /** Values are shares (0–1), shown as percentages. */
  percent: boolean;
  /** Number format of the values in the tab. */
  format: string;
  /** Number format per series, when they differ (a Pareto's counts and cumulative share). */
  formats?: string[];
  series: string[];
  rows: { x: string; values: (number | null)[] }[];
}

/** One device category over the period. */
export interface CategoryRow {
  category: string;
  requests: number;
  received: number;
  inspected: number;
  reuseRate: number | null;
  /** Share of the period's requests. */
  share: number | null;
}

/** One partner in the shortlist. */
export interface ShortlistEntry {
  /** Rank within country × partner type (knock-outs after every partner that passes); null for a knock-out shown for its score. */
  rank: number | null;
  partner: string;
  category: string;
  score: number;
  coverage: number | null;
  /** Failed must-have criteria, '' when it passes. */
  knockOut: string;
  passes: boolean;
  stability: number | null;
  strengths: string;
  weaknesses: string;
  /** Sheet row in Partners. */
  row: number;
}

/** The shortlist of one country × partner type. */
export interface ShortlistGroup {
  country: string;
  type: string;
  /** Partners scored in the group. */
  scored: number;
  entries: ShortlistEntry[];
}

/** One row-level data-quality finding. */
export interface QualityRow {
  tab: string;
  row: number;
  column: string;
  value: Cell;
  reason: string;
  skipped: boolean;
}

/** The report, section by section. */
export interface ReportModel {
  title: string;
  header: {
    scope: string;
    period: ReportPeriod;
    /** `October 2026: 2026-10-01 to 2026-10-31 (Europe/Paris)`. */
    periodText: string;
    generatedAt: string;
    generatedBy: string;
    timeZone: string;
    /** The period is not over yet. */
    partial: boolean;
  };
  summary: string[];
  /** Every KPI of the registry, in order. */
  kpis: ScorecardRow[];
  /** Says what is missing when the KPI table has nothing to show; '' otherwise. */
  kpiNote: string;
  charts: ReportChart[];
  /** Control-chart signals of the period's months (baseline: the 12 months ending with it). */
  signals: { lines: Signal[]; notes: string[]; note: string };
  /** Reasons for orders not reused, and for complaints, over the period. */
  paretos: Pareto[];
  categories: CategoryRow[];
  categoryNote: string;
  shortlist: ShortlistGroup[];
  shortlistNote: string;
  benchmark: { bestPractices: BestPractice[]; dueForReview: DueFact[]; note: string };
  quality: {
    /** Sentences: counts by reason, reader notes, missing factors. */
    notes: string[];
    /** Row-level findings in KPI Data (skipped rows first), possibly capped: see `total`. */
    rows: QualityRow[];
    total: number;
    skipped: number;
  };
}
