/**
 * Everything the report reads, one server read per tab: Settings, KPI Data, KPI Targets, Factors
 * (through the KPI tabs' one reader, kpi-read.ts), Criteria, Partners and the benchmark. A tab that is missing, empty or has unreadable headers
 * does not stop the report: the section says what is missing and the finding goes to Data quality.
 * Only the Spreadsheet handed in is used (no globals), so the offline export can call this too.
 */
import { SETTING } from '../core/settings-schema';
import { Grid, UserError } from '../core/cells';
import { headerKey } from '../core/headers';
import { qualityCounts, qualitySentence } from '../core/kpi/data-quality';
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
import { KpiTabs, missingTab } from './kpi-read';
import { readBenchmarkHighlights } from './report-benchmark';
import { readTable, readTableWithFormats, Sheet, sheetsByName, Spreadsheet } from './workbook';

/** Settings, as a lookup and as the grid (to name a setting's cell in messages). */
export interface ReportSettings {
  settings: Settings;
  grid: Grid;
  /** The workbook's tabs by name, read with the settings so the report lists them only once. */
  tabs: Map<string, Sheet>;
}

/**
 * The Settings tab (empty when missing), and the tabs by name. `grid`: Settings as this execution
 * already read it (a menu flow reads it for its question), so it is not read again.
 */
export function readSettings(ss: Spreadsheet, notices?: string[], grid?: Grid): ReportSettings {
  const tabs = sheetsByName(ss, notices);
  // Looked up even when already read: a Settings tab found under another name is said.
  const sheet = tabs.get(SETTINGS.name);
  const values = grid ?? (sheet ? readTable(sheet) : []);
  return { settings: new Settings(values), grid: values, tabs };
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

  const kpiTabs = new KpiTabs(ss, tabs, settings, timeZone, warnings);
  const orders = kpiTabs.orders();
  // An empty KPI Data is "no orders yet", not a problem.
  const dataProblem = orders.empty ? undefined : kpiTabs.problems.get(KPI_DATA.name);
  if (dataProblem) notes.push(dataProblem);
  if (orders.read) notes.push(...orders.read.labelProblems);
  const kpi: KpiInput | null = orders.empty
    ? { orders: [], issues: [], rowsRead: 0, rowsSkipped: 0 }
    : orders.read && {
        ...orders.read.parsed,
        staleAfterDays: orders.read.staleAfterDays,
        hasReasonColumn: orders.read.parsed.hasReason,
      };
  const targets = kpiTabs.targets();
  const factors = kpiTabs.factors();
  for (const tab of [KPI_TARGETS.name, FACTORS.name]) {
    const problem = kpiTabs.problems.get(tab);
    if (problem) notes.push(problem);
  }
  notes.push(...kpiTabs.findings);
  rowsRead += kpiTabs.rowsRead;

  // Criteria with its number formats, as Score partners reads it: the same weights, the same
  // ranking in the report as in the Partner Ranking tab.
  const criteriaSheet = tabs.get(CRITERIA.name);
  const criteria = criteriaSheet ? readTableWithFormats(criteriaSheet) : null;
  if (criteria) rowsRead += criteria.values.length;
  else notes.push(missingTab(CRITERIA.name));
  const partnersSheet = tabs.get(PARTNERS.name);
  const partnersGrid = partnersSheet ? readTable(partnersSheet) : null;
  if (partnersGrid) rowsRead += partnersGrid.length;
  else notes.push(missingTab(PARTNERS.name));
  let partners: PartnerResult[] | null = null;
  if (criteria && partnersGrid) {
    const spread = settings.of(SETTING.stabilitySpread, warnings);
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

  const bench = readBenchmarkHighlights(tabs, settings, now, timeZone);
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
      scope: settings.of(SETTING.scope),
      benchmark: bench.highlights,
    },
    rowsRead,
    warnings,
  };
}
