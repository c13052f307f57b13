/**
 * The one reader of the KPI tabs — `KPI Data` (with `Outcome labels`), `KPI Targets`, `Factors` —
 * for Refresh KPI dashboard (and the Partner Performance tab it rebuilds), the report and Score
 * partners' measured criteria: one read per tab, in the spreadsheet's locale and zone, with
 * `Stale after (days)` from Settings; and the generated `Data quality` tab rebuilt from what was
 * read.
 *
 * One policy for a tab that is missing, empty or has unreadable headers: it never stops an action
 * by itself. It is named in one sentence (`problems`), and what needs it is left out — RAG colours
 * without targets, CO2e without factors, a measured criterion without orders, the report's KPI
 * figures without KPI Data. Only Refresh KPI dashboard stops without a readable KPI Data: the
 * orders are all it shows.
 */
import { Grid, UserError } from '../core/cells';
import { DATA_QUALITY_TAB_ROWS, dataQualityGrid, findingLine } from '../core/kpi/data-quality';
import { FactorTable, parseFactors } from '../core/kpi/factors';
import { SETTING } from '../core/settings-schema';
import { ParsedOrders, parseOrders } from '../core/kpi/orders';
import { Issue } from '../core/kpi/table';
import { TargetTable, parseTargets } from '../core/kpi/targets';
import { formatInstant } from '../core/report/format';
import { outcomeLabels } from '../core/read/outcomes';
import { DATA_QUALITY, FACTORS, KPI_DATA, KPI_TARGETS, OUTCOME_LABELS } from '../core/schema/tabs';
import { Settings } from '../core/settings';
import { GeneratedTabs } from './generated';
import { readTable, Sheet, Spreadsheet, writeFreshBlock } from './workbook';

export interface OrdersRead {
  parsed: ParsedOrders;
  staleAfterDays: number;
  /** Rows of `Outcome labels` that could not be used ("Outcome labels, row 4: …"). */
  labelProblems: string[];
}

/** The sentence for a workbook tab that is not there. */
export const missingTab = (name: string): string =>
  `The tab '${name}' is missing: run Circularity Workbench › Set up workbook.`;

/** Reads the KPI tabs an action asks for, each once, under the policy above. */
export class KpiTabs {
  /** Why a tab was left out, by tab name: missing, empty or unreadable headers. */
  readonly problems = new Map<string, string>();
  /** Rows of KPI Targets and Factors that could not be used, by tab, row and column. */
  readonly findings: string[] = [];
  rowsRead = 0;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly tabs: Map<string, Sheet>,
    private readonly settings: Settings,
    private readonly timeZone: string,
    /** Where an unreadable Settings value is said ('Stale after (days)'). */
    private readonly warnings: string[],
  ) {}

  /** The tab's used area; null (and the problem said) when the workbook lacks it. */
  grid(name: string): Grid | null {
    const sheet = this.tabs.get(name);
    if (!sheet) {
      this.problems.set(name, missingTab(name));
      return null;
    }
    const grid = readTable(sheet);
    this.rowsRead += grid.length;
    return grid;
  }

  /** A parser's result; its UserError (an empty range, missing headers) is the tab's problem. */
  private parse<T>(name: string, parse: () => T): T | null {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      this.problems.set(name, e.message);
      return null;
    }
  }

  /**
   * `KPI Data` parsed with the team's `Outcome labels` (read only when there are orders to read);
   * null when the tab is missing, empty or its headers unreadable (see `problems`). `empty` tells
   * a tab holding nothing at all, which the report shows as "no orders yet".
   */
  orders(): { read: OrdersRead | null; empty: boolean } {
    const data = this.grid(KPI_DATA.name);
    if (!data) return { read: null, empty: false };
    const read = this.parse(KPI_DATA.name, () => this.parseOrders(data));
    return { read, empty: !data.length };
  }

  private parseOrders(data: Grid): OrdersRead {
    // parseOrders refuses an empty range before the labels would be needed.
    if (!data.length) parseOrders(data);
    const labelsGrid = (this.tabs.has(OUTCOME_LABELS.name) && this.grid(OUTCOME_LABELS.name)) || [];
    const labels = outcomeLabels(labelsGrid.slice(1), 2);
    // The grid was read for this parse alone: its rows are let go as they are parsed.
    const parsed = parseOrders(data, {
      consume: true,
      timeZone: this.timeZone,
      locale: this.ss.getSpreadsheetLocale(),
      labels,
    });
    const staleAfterDays = this.settings.of(SETTING.staleAfterDays, this.warnings);
    return {
      parsed,
      staleAfterDays,
      labelProblems: labels.problems.map(
        (p) => `${OUTCOME_LABELS.name}, row ${p.row}: ${p.reason}.`,
      ),
    };
  }

  /** `KPI Targets`; null when missing, empty or unreadable. */
  targets(): TargetTable | null {
    return this.table(KPI_TARGETS.name, parseTargets);
  }

  /** `Factors`; null when missing, empty or unreadable. */
  factors(): FactorTable | null {
    return this.table(FACTORS.name, parseFactors);
  }

  private table<T extends { issues: Issue[] }>(name: string, parse: (g: Grid) => T): T | null {
    const grid = this.grid(name);
    const table = grid && this.parse(name, () => parse(grid));
    for (const i of table?.issues ?? []) this.findings.push(findingLine(name, i, this.timeZone));
    return table;
  }
}

/**
 * Rebuilds the `Data quality` tab from the findings just read (every action that reads KPI Data
 * does), unless it already lists them: then only its "rebuilt" line is written. Callers run it
 * inside their keepingActiveTab, with their own tab. Returns the rows it holds.
 */
export function rebuildDataQuality(
  generated: GeneratedTabs,
  issues: readonly Issue[],
  now: Date,
  timeZone: string,
): number {
  const grid = dataQualityGrid(issues, `${formatInstant(now, timeZone)} (${timeZone})`, timeZone);
  generated.rebuild(
    DATA_QUALITY.name,
    (sheet, size) => {
      writeFreshBlock(generated.deadline, sheet, 1, 1, grid, size);
      sheet.setFrozenRows(3);
      sheet.getRange(3, 1, 1, 6).setFontWeight('bold');
      sheet.setTabColor(DATA_QUALITY.tabColor);
    },
    { reusable: { values: grid, volatile: [{ row: 2, column: 1 }] } },
  );
  return Math.min(grid.length, DATA_QUALITY_TAB_ROWS + 3);
}
