/**
 * Everything the report reads, one getValues per tab: Settings, KPI Data, KPI Targets, Factors,
 * Criteria, Partners and the benchmark. A tab that is missing, empty or has unreadable headers
 * does not stop the report: the section says what is missing and the finding goes to Data quality.
 * Only the Spreadsheet handed in is used (no globals), so the offline export can call this too.
 */
import { Cell, Grid, UserError, describe } from '../core/cells';
import { headerKey } from '../core/headers';
import { FactorTable, parseFactors } from '../core/kpi/factors';
import { qualityCounts, qualitySentence } from '../core/kpi/data-quality';
import { Issue } from '../core/kpi/table';
import { TargetTable, parseTargets } from '../core/kpi/targets';
import { assessPartners, PartnerResult } from '../core/partners/assess';
import { readFramework } from '../core/partners/criteria';
import { ReportPeriod } from '../core/report/period';
import { KpiInput, ReportInput } from '../core/report/types';
import {
  CRITERIA,
  DATA_QUALITY,
  FACTORS,
  KPI_DATA,
  KPI_TARGETS,
  PARTNERS,
  SETTINGS,
} from '../core/schema/tabs';
import { Settings } from '../core/settings';
import { readOrders } from './kpi-read';
import { readBenchmarkHighlights } from './report-benchmark';
import { readTable, readTableWithFormats, Sheet, sheetsByName, Spreadsheet } from './workbook';

/** Settings, as a lookup and as the grid (to name a setting's cell in messages). */
export interface ReportSettings {
  settings: Settings;
  grid: Grid;
  /** The workbook's tabs by name, read with the settings so the report lists them only once. */
  tabs: Map<string, Sheet>;
}

/** The Settings tab (empty when missing), and the tabs by name. */
export function readSettings(ss: Spreadsheet, notices?: string[]): ReportSettings {
  const tabs = sheetsByName(ss, notices);
  const sheet = tabs.get(SETTINGS.name);
  const grid = sheet ? readTable(sheet) : [];
  return { settings: new Settings(grid), grid, tabs };
}

/** "Settings, row 3, column B" for a key's value cell (row 0 when the key is absent). */
export function settingCell(grid: Grid, key: string): string {
  const i = grid.findIndex((r, k) => k > 0 && headerKey(r[0]) === headerKey(key));
  return i > 0 ? `${SETTINGS.name}, row ${i + 1}, column B` : `${SETTINGS.name} (no '${key}' row)`;
}

/** The model's input, with what the action reports in Log. */
export interface ReadResult {
  input: ReportInput;
  rowsRead: number;
  warnings: string[];
}

/** Reads every tab the report needs and parses it for the model. */
export function readReportInputs(
  ss: Spreadsheet,
  period: ReportPeriod,
  now: Date,
  generatedBy: string,
  known?: ReportSettings,
): ReadResult {
  const { settings, tabs } = known ?? readSettings(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const warnings: string[] = [];
  const notes: string[] = [];
  let rowsRead = 0;
  const read = (name: string): Grid | null => {
    const sheet = tabs.get(name);
    if (!sheet) {
      notes.push(`The tab '${name}' is missing: run Circularity Workbench › Set up workbook.`);
      return null;
    }
    const grid = readTable(sheet);
    rowsRead += grid.length;
    return grid;
  };
  /** Runs a parser; a UserError (bad headers) becomes a note, anything else is a bug and propagates. */
  const attempt = <T>(f: () => T): T | null => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      notes.push(e.message);
      return null;
    }
  };

  const data = read(KPI_DATA.name);
  const empty: KpiInput = { orders: [], issues: [], rowsRead: 0, rowsSkipped: 0 };
  const orders =
    data === null || !data.length
      ? null
      : attempt(() => readOrders(ss, tabs, data, timeZone, settings, warnings));
  if (orders) {
    rowsRead += orders.rowsRead;
    notes.push(...orders.labelProblems);
  }
  const kpi: KpiInput | null =
    data === null
      ? null
      : !data.length
        ? empty
        : orders && {
            ...orders.parsed,
            staleAfterDays: orders.staleAfterDays,
            hasReasonColumn: orders.parsed.hasReason,
          };
  const targetsGrid = read(KPI_TARGETS.name);
  const targets: TargetTable | null = targetsGrid?.length
    ? attempt(() => parseTargets(targetsGrid))
    : null;
  const factorsGrid = read(FACTORS.name);
  const factors: FactorTable | null = factorsGrid?.length
    ? attempt(() => parseFactors(factorsGrid))
    : null;
  for (const i of targets?.issues ?? []) notes.push(issueLine(KPI_TARGETS.name, i, timeZone));
  for (const i of factors?.issues ?? []) notes.push(issueLine(FACTORS.name, i, timeZone));

  // Criteria with its number formats, as Score partners reads it: the same weights, the same
  // ranking in the report as in the Partner Ranking tab.
  const criteriaSheet = tabs.get(CRITERIA.name);
  const criteria = criteriaSheet ? readTableWithFormats(criteriaSheet) : null;
  if (criteria) rowsRead += criteria.values.length;
  else
    notes.push(
      `The tab '${CRITERIA.name}' is missing: run Circularity Workbench › Set up workbook.`,
    );
  const partnersGrid = read(PARTNERS.name);
  let partners: PartnerResult[] | null = null;
  if (criteria && partnersGrid) {
    const spread = settings.number('Stability spread', 0.2, 0, 0.95, warnings);
    const assessment = attempt(() =>
      assessPartners(readFramework(criteria.values, timeZone, criteria.formats), partnersGrid, {
        spread,
        timeZone,
      }),
    );
    if (assessment) {
      partners = assessment.results;
      notes.push(...assessment.issues);
    }
  }

  const bench = readBenchmarkHighlights(ss, now, timeZone);
  rowsRead += bench.rowsRead;
  notes.push(...bench.notes);

  if (kpi?.issues.length)
    warnings.push(
      `${qualitySentence(qualityCounts(kpi.issues))} Each is listed under Data quality in '${period.tabName}' and in the '${DATA_QUALITY.name}' tab.`,
    );
  warnings.push(...notes.filter((n) => !n.startsWith('Benchmark')).slice(0, 10));
  return {
    input: {
      period,
      now,
      timeZone,
      generatedBy,
      kpi,
      targets,
      factors,
      partners,
      notes,
      scope: settings.text('Scope', 'Recycling service France'),
      benchmark: bench.highlights,
    },
    rowsRead,
    warnings,
  };
}

function issueLine(tab: string, i: Issue, timeZone: string): string {
  return `${tab}, row ${i.row}${i.column ? `, column ${i.column}` : ''}: ${describe(i.value as Cell, timeZone)} — ${i.reason}${i.skipped ? ' (row skipped)' : ''}.`;
}
