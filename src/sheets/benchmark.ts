/**
 * The benchmark actions: Refresh benchmark (rebuilds the generated `Benchmark` overview), Add
 * country… (a new `Benchmark XX` tab), Import benchmark seed (appends new seed facts, never
 * overwrites a person's edit), and readBenchmark for the report.
 *
 * I/O: one getDataRange().getValues() per tab; the overview is drawn from a layout whose number
 * of blocks, header rows and colour rules does not depend on the data, so Refresh makes the same
 * number of service calls for 150 findings as for 5,000 (only the number of tabs counts).
 */
import { Grid, UserError } from '../core/cells';
import { resolveCountry } from '../core/benchmark/countries';
import { planSeedImport, ImportPlan } from '../core/benchmark/import-plan';
import { BenchmarkModel, benchmarkModel, benchmarkTabs } from '../core/benchmark/model';
import { AMBER, ColourRule, OverviewLayout, overviewLayout, OVERVIEW_TAB } from '../core/benchmark/overview';
import { benchmarkSeedRows, TO_VERIFY } from '../core/benchmark/seed';
import { DEFAULT_STALENESS_MONTHS } from '../core/benchmark/staleness';
import { FACT_HEADERS, SEED_REF_COLUMN } from '../core/benchmark/tab-columns';
import { headerKey } from '../core/headers';
import { benchmarkCountryTab, ColumnSpec, SETTINGS } from '../core/schema/tabs';
import { Settings } from '../core/settings';
import { ActionContext, ActionResult } from './action';
import { formatColumns, HEADER_BACKGROUND, protectHeader, styleHeader } from './formats';
import { rebuildTab } from './generated';
import { ensureSize, rectangular, Sheet, sheetsByName, Spreadsheet, writeBlock } from './workbook';

/** Document property holding the seed fact ids already imported into a country's tab. */
const LEDGER_KEY = 'circ.benchmarkSeed.';
const REF_FONT = '#80868b';
/** Per tab, the first unreadable cells in full, then a count (the overview counts them all). */
const ISSUES_SHOWN = 10;

/** What the report needs: the parsed benchmark and the staleness setting. */
export interface BenchmarkRead {
  model: BenchmarkModel;
  stalenessMonths: number;
  rowsRead: number;
  warnings: string[];
}

interface Inputs {
  tabs: Map<string, Sheet>;
  grids: Map<string, Grid>;
  stalenessMonths: number;
  rowsRead: number;
  warnings: string[];
}

/** One getValues per tab: every `Benchmark XX` tab and Settings. */
function readInputs(ss: Spreadsheet): Inputs {
  const tabs = sheetsByName(ss);
  const grids = new Map<string, Grid>();
  for (const t of benchmarkTabs([...tabs.keys()])) if (t.exists) grids.set(t.tab, tabs.get(t.tab)!.getDataRange().getValues());
  const settingsSheet = tabs.get(SETTINGS.name);
  const settings = settingsSheet ? settingsSheet.getDataRange().getValues() : [];
  const warnings: string[] = [];
  const stalenessMonths = new Settings(settings).number('Staleness months', DEFAULT_STALENESS_MONTHS, 1, 240, warnings);
  let rowsRead = settings.length;
  for (const g of grids.values()) rowsRead += g.length;
  return { tabs, grids, stalenessMonths, rowsRead, warnings };
}

function modelOf(tabNames: string[], grids: Map<string, Grid>): BenchmarkModel {
  return benchmarkModel(benchmarkTabs(tabNames).map((t) => ({ ...t, grid: grids.get(t.tab) ?? null })));
}

function modelWarnings(model: BenchmarkModel): string[] {
  const out: string[] = [];
  for (const c of model.countries) {
    if (!c.exists) out.push(`${c.tab}: the tab is missing (run Set up workbook, or Add country…); shown as a gap on the overview.`);
    out.push(...c.issues.slice(0, ISSUES_SHOWN));
    if (c.issues.length > ISSUES_SHOWN) out.push(`${c.tab}: … and ${c.issues.length - ISSUES_SHOWN} more cell(s) that could not be read.`);
  }
  return out;
}

/** Reads every country tab and Settings once; the model benchmarkHighlights takes (for the report). */
export function readBenchmark(ss: Spreadsheet): BenchmarkRead {
  const inputs = readInputs(ss);
  const model = modelOf([...inputs.tabs.keys()], inputs.grids);
  return { model, stalenessMonths: inputs.stalenessMonths, rowsRead: inputs.rowsRead, warnings: [...inputs.warnings, ...modelWarnings(model)] };
}

/** Refresh benchmark: rebuilds the `Benchmark` overview from the country tabs; input tabs are only read. */
export function refreshBenchmark(ss: Spreadsheet, now: Date): ActionResult {
  const inputs = readInputs(ss);
  const model = modelOf([...inputs.tabs.keys()], inputs.grids);
  const layout = drawnOverview(ss, inputs.tabs, model, now, inputs.stalenessMonths);
  const findings = model.countries.reduce((n, c) => n + c.findings.length, 0);
  return {
    rowsRead: inputs.rowsRead,
    rowsWritten: layout.rowsWritten,
    warnings: [...inputs.warnings, ...modelWarnings(model)],
    summary: `Benchmark refreshed: ${model.countries.length} countries, ${findings} findings side by side.`,
  };
}

function drawnOverview(ss: Spreadsheet, tabs: Map<string, Sheet>, model: BenchmarkModel, now: Date, months: number): OverviewLayout {
  const layout = overviewLayout(model, now, months);
  // A first overview goes just before the first country tab.
  const first = model.countries.find((c) => c.exists);
  const index = !tabs.has(OVERVIEW_TAB) && first ? tabs.get(first.tab)!.getIndex() - 1 : undefined;
  rebuildTab(ss, OVERVIEW_TAB, (sheet) => drawLayout(sheet, layout), index);
  return layout;
}

function drawLayout(sheet: Sheet, layout: OverviewLayout): void {
  for (const b of layout.blocks) writeBlock(sheet, b.row, b.column, rectangular(b.values));
  for (const h of layout.headers) sheet.getRange(h.row, h.column, h.rows, h.columns).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  for (const t of layout.titles) sheet.getRange(t.row, t.column, t.rows, t.columns).setFontWeight('bold');
  for (const w of layout.wrap) sheet.getRange(w.row, w.column, w.rows, w.columns).setWrap(true).setVerticalAlignment('top');
  sheet.setConditionalFormatRules(layout.rules.map((r) => colourRule(sheet, r)));
  sheet.setColumnWidth(1, 300);
  sheet.setColumnWidths(2, Math.max(layout.width - 1, 7), 200);
  sheet.setFrozenColumns(1);
}

function colourRule(sheet: Sheet, r: ColourRule): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let b = SpreadsheetApp.newConditionalFormatRule();
  if (r.when === 'textEquals') b = b.whenTextEqualTo(String(r.value));
  else if (r.when === 'numberEquals') b = b.whenNumberEqualTo(Number(r.value));
  else if (r.when === 'greaterThan') b = b.whenNumberGreaterThan(Number(r.value));
  else if (r.when === 'empty') b = b.whenCellEmpty();
  else b = b.whenCellNotEmpty();
  return b
    .setBackground(r.background)
    .setRanges(r.ranges.map((x) => sheet.getRange(x.row, x.column, x.rows, x.columns)))
    .build();
}

/** product.md's columns of a country tab, then `Seed ref` (unless the schema already has it). */
function countryColumns(code: string): ColumnSpec[] {
  const columns = benchmarkCountryTab(code).columns;
  const hasRef = columns.some((c) => headerKey(c.header) === headerKey(SEED_REF_COLUMN.header));
  return hasRef ? columns : [...columns, SEED_REF_COLUMN];
}

/** Header, formats, dropdowns, notes, colour and header protection of a blank country tab (as setup lays out tabs). */
function layOutTab(sheet: Sheet, code: string, dataRows: number): void {
  const columns = countryColumns(code);
  ensureSize(sheet, Math.max(dataRows + 1, 2), columns.length);
  writeBlock(sheet, 1, 1, [columns.map((c) => c.header)]);
  formatColumns(sheet, columns.map((spec, i) => ({ spec, column: i + 1 })), sheet.getMaxRows());
  styleHeader(sheet, columns.length, columns.flatMap((c, i) => (c.note ? [{ column: i + 1, note: c.note }] : [])));
  sheet.setTabColor(benchmarkCountryTab(code).tabColor);
  protectHeader(sheet, columns.length);
  sheet.getRange(2, columns.length, sheet.getMaxRows() - 1, 1).setFontColor(REF_FONT);
}

/** Shades Status "to verify" amber, replacing only the add-on's own rule on the tab. */
function markUnverified(sheet: Sheet, statusColumn: number, rows: number): void {
  const ours = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) => {
    const c = rule.getBooleanCondition();
    return !!c && c.getCriteriaType() === SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO && String(c.getCriteriaValues()[0]) === TO_VERIFY;
  };
  const kept = sheet.getConditionalFormatRules().filter((r) => !ours(r));
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo(TO_VERIFY)
    .setBackground(AMBER)
    .setRanges([sheet.getRange(2, statusColumn, Math.max(rows - 1, 1), 1)])
    .build();
  sheet.setConditionalFormatRules([...kept, rule]);
}

function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  return PropertiesService.getDocumentProperties();
}

const ledgerOf = (stored: Record<string, string>, code: string) => (stored[LEDGER_KEY + code] ?? '').split(',').filter(Boolean);

/**
 * Add country…: prompts for an ISO 3166 alpha-2 code, creates `Benchmark XX` laid out like the
 * others (EU members get the EU-level seed facts), and rebuilds the overview with it.
 */
export function addCountry(ctx: ActionContext): ActionResult {
  if (!ctx.interactive) throw new UserError('Add country… asks for a country code, so it runs only from the menu.');
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    'Add country',
    'Two-letter ISO 3166 code of the country to benchmark (e.g. IT, NL, JP). The workbook calls the United Kingdom UK (ISO: GB).',
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return { rowsRead: 0, rowsWritten: 0, warnings: [], summary: 'Add country cancelled: nothing was changed.' };
  const typed = answer.getResponseText().trim();
  const country = resolveCountry(typed);
  if (!country) {
    throw new UserError(
      `'${typed}' is not an ISO 3166 country code. Type two letters, e.g. IT for Italy or NL for the Netherlands (UK or GB for the United Kingdom). Nothing was changed.`,
    );
  }
  const { ss } = ctx;
  // Everything the overview needs is read before the first write.
  const inputs = readInputs(ss);
  const names = [...inputs.tabs.keys()];
  const existing = benchmarkTabs(names).find((t) => t.code === country.code && t.exists);
  if (existing) {
    throw new UserError(`${country.name} (${country.code}) is already in the benchmark: the tab '${existing.tab}' exists. Nothing was changed.`);
  }
  const name = benchmarkCountryTab(country.code).name;
  const after = benchmarkTabs(names).filter((t) => t.exists).map((t) => inputs.tabs.get(t.tab)!.getIndex());
  const sheet = ss.insertSheet(name, after.length ? Math.max(...after) : ss.getSheets().length);
  const rows = benchmarkSeedRows(country.code);
  layOutTab(sheet, country.code, rows.length);
  writeBlock(sheet, 2, 1, rows);
  markUnverified(sheet, FACT_HEADERS.indexOf('Status') + 1, sheet.getMaxRows());
  const props = documentProperties();
  if (rows.length && props) props.setProperty(LEDGER_KEY + country.code, rows.map((r) => String(r[r.length - 1]).split('#')[0]).join(','));

  inputs.grids.set(name, [countryColumns(country.code).map((c) => c.header), ...rows]);
  const model = modelOf([...names, name], inputs.grids);
  const layout = drawnOverview(ss, new Map([...inputs.tabs, [name, sheet]]), model, new Date(), inputs.stalenessMonths);
  const seeded = rows.length ? ` with ${rows.length} EU-level seed fact(s)` : '';
  return {
    rowsRead: inputs.rowsRead,
    rowsWritten: rows.length + 1 + layout.rowsWritten,
    warnings: inputs.warnings,
    summary: `Added '${name}' (${country.name})${seeded}; the Benchmark overview now shows ${model.countries.length} countries.`,
  };
}

/**
 * Import benchmark seed: into every `Benchmark XX` tab, appends the seed facts it has never had,
 * keeps (and reports) seeded rows a person edited, never re-adds a fact a person deleted.
 */
export function importBenchmarkSeed(ss: Spreadsheet, now: Date): ActionResult {
  const tabs = sheetsByName(ss);
  const list = benchmarkTabs([...tabs.keys()]);
  if (!list.some((t) => t.exists)) throw new UserError('There is no Benchmark tab yet: run Circularity Workbench › Set up workbook first.');
  const props = documentProperties();
  const stored = props ? props.getProperties() : {};
  const ledger: Record<string, string> = {};
  const warnings: string[] = [];
  const details: string[] = [];
  let rowsRead = 0;
  let added = 0;
  let edited = 0;
  for (const t of list) {
    if (!t.exists) {
      warnings.push(`${t.tab}: the tab is missing (run Set up workbook); nothing was imported for ${t.code}.`);
      continue;
    }
    const sheet = tabs.get(t.tab)!;
    const grid = sheet.getDataRange().getValues();
    rowsRead += grid.length;
    const plan = planSeedImport(t.code, t.tab, grid, ledgerOf(stored, t.code));
    if (plan.skipped) {
      warnings.push(plan.skipped);
      continue;
    }
    applyImport(sheet, plan, grid);
    added += plan.added.length;
    edited += plan.edited.length;
    if (plan.edited.length) {
      warnings.push(`${t.tab}: kept your edits to ${plan.edited.length} seeded fact(s), not overwritten: row(s) ${plan.edited.map((e) => e.row).join(', ')}.`);
      details.push(...plan.edited.map((e) => `${t.tab}, row ${e.row}: '${e.topic}' differs from the seed; kept as edited.`));
    }
    details.push(...plan.outdated.map((o) => `${t.tab}, row ${o.row}: the shipped seed words '${o.topic}' differently now; the row was left as it is.`));
    if (plan.deleted) details.push(`${t.tab}: ${plan.deleted} seed fact(s) deleted from the tab were not added back.`);
    if (plan.ledger.join(',') !== (stored[LEDGER_KEY + t.code] ?? '')) ledger[LEDGER_KEY + t.code] = plan.ledger.join(',');
  }
  if (props && Object.keys(ledger).length) props.setProperties(ledger);
  return {
    rowsRead,
    rowsWritten: added,
    warnings,
    details,
    summary:
      `Benchmark seed imported on ${now.toISOString().slice(0, 10)}: ${added} new fact(s) added` +
      (edited ? `, ${edited} edited fact(s) kept as you left them.` : '; nothing you typed was changed.') +
      ' Run Refresh benchmark to update the overview.',
  };
}

function applyImport(sheet: Sheet, plan: ImportPlan, grid: Grid): void {
  const maxRows = sheet.getMaxRows();
  if (plan.layOut) layOutTab(sheet, plan.code, plan.append.length);
  if (plan.addRefHeader) {
    const width = plan.refColumn;
    writeBlock(sheet, 1, width, [[SEED_REF_COLUMN.header]]);
    formatColumns(sheet, [{ spec: SEED_REF_COLUMN, column: width }], Math.max(maxRows, plan.appendAt + plan.append.length - 1));
    styleHeader(sheet, width, [{ column: width, note: SEED_REF_COLUMN.note! }]);
    protectHeader(sheet, width);
  }
  if (plan.refFill) writeBlock(sheet, plan.refFill.row, plan.refColumn, plan.refFill.values);
  if (plan.append.length) writeBlock(sheet, plan.appendAt, 1, plan.append);
  if (plan.addRefHeader || plan.append.length) {
    sheet.getRange(2, plan.refColumn, Math.max(plan.appendAt + plan.append.length - 2, 1), 1).setFontColor(REF_FONT);
  }
  const status = plan.layOut ? FACT_HEADERS.indexOf('Status') + 1 : grid[0].findIndex((h) => headerKey(h) === headerKey('Status')) + 1;
  markUnverified(sheet, status, Math.max(maxRows, plan.appendAt + plan.append.length - 1));
}
