/**
 * What a counted service call costs in Apps Script, by class (docs/platform.md §9). No single
 * figure per call fits: a server round trip (a read, a read after writes, a flush, a structural
 * change, a toast, a lock, a property, a mail) costs tens to hundreds of ms; a buffered setter
 * costs almost nothing when called (it is sent with the next round trip: "reads empty the write
 * cache first", P2; "first setBackground 0.058 s, next 15 format setters 0–0.001 s", P7); a local
 * call (builders, getRange, getName, getters of objects already fetched) costs nothing measurable
 * (P6: "later getRange/getValues ≈ 0 s").
 *
 * The class of a call is decided by this table, not by the fake that counts it, so the benchmark,
 * the round-trip tests and a reader all see one list. It is pinned by test/local/call-cost.test.ts.
 */
import type { Capability } from './context';

export type CallClass = 'round trip' | 'buffered write' | 'local';

/** `Class.method` names of real Apps Script methods: a typo or an invented method fails to compile. */
type Methods<C extends string, T> = `${C}.${MethodOf<T>}`;
/** The method names of an Apps Script class. */
export type MethodOf<T> = Extract<keyof T, string>;
/** A chart builder's methods, whichever type `asColumnChart()` and friends made it (counted as one class). */
export type ChartBuilderMethod =
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder>
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder>
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder>
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder>
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder>
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder>
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder>
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder>
  | MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder>
  | 'setColors';
export type CountedCall =
  | Methods<'Range', GoogleAppsScript.Spreadsheet.Range>
  | Methods<'Sheet', GoogleAppsScript.Spreadsheet.Sheet>
  | Methods<'Spreadsheet', GoogleAppsScript.Spreadsheet.Spreadsheet>
  | Methods<'SpreadsheetApp', GoogleAppsScript.Spreadsheet.SpreadsheetApp>
  | Methods<'Protection', GoogleAppsScript.Spreadsheet.Protection>
  | Methods<'EmbeddedChart', GoogleAppsScript.Spreadsheet.EmbeddedChart>
  | `EmbeddedChartBuilder.${ChartBuilderMethod}`
  | Methods<'ContainerInfo', GoogleAppsScript.Spreadsheet.ContainerInfo>
  | Methods<'ChartOptions', GoogleAppsScript.Charts.ChartOptions>
  | Methods<'NamedRange', GoogleAppsScript.Spreadsheet.NamedRange>
  | Methods<'ConditionalFormatRule', GoogleAppsScript.Spreadsheet.ConditionalFormatRule>
  | Methods<
      'ConditionalFormatRuleBuilder',
      GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder
    >
  | Methods<'BooleanCondition', GoogleAppsScript.Spreadsheet.BooleanCondition>
  | Methods<'GradientCondition', GoogleAppsScript.Spreadsheet.GradientCondition>
  | Methods<'DataValidation', GoogleAppsScript.Spreadsheet.DataValidation>
  | Methods<'DataValidationBuilder', GoogleAppsScript.Spreadsheet.DataValidationBuilder>
  | Methods<'Color', GoogleAppsScript.Spreadsheet.Color>
  | Methods<'RgbColor', GoogleAppsScript.Base.RgbColor>
  | Methods<'Properties', GoogleAppsScript.Properties.Properties>
  | Methods<'PropertiesService', GoogleAppsScript.Properties.PropertiesService>
  | Methods<'Cache', GoogleAppsScript.Cache.Cache>
  | Methods<'CacheService', GoogleAppsScript.Cache.CacheService>
  | Methods<'Lock', GoogleAppsScript.Lock.Lock>
  | Methods<'LockService', GoogleAppsScript.Lock.LockService>
  | Methods<'MailApp', GoogleAppsScript.Mail.MailApp>
  | Methods<'Ui', GoogleAppsScript.Base.Ui>
  | Methods<'Menu', GoogleAppsScript.Base.Menu>
  | Methods<'PromptResponse', GoogleAppsScript.Base.PromptResponse>
  | Methods<'Session', GoogleAppsScript.Base.Session>
  | Methods<'User', GoogleAppsScript.Base.User>
  | Methods<'Blob', GoogleAppsScript.Base.Blob>
  | Methods<'Logger', GoogleAppsScript.Base.Logger>
  | Methods<'Utilities', GoogleAppsScript.Utilities.Utilities>
  | Methods<'HtmlService', GoogleAppsScript.HTML.HtmlService>
  | Methods<'HtmlOutput', GoogleAppsScript.HTML.HtmlOutput>
  | Methods<'HtmlTemplate', GoogleAppsScript.HTML.HtmlTemplate>
  | Methods<'ScriptApp', GoogleAppsScript.Script.ScriptApp>
  | Methods<'Trigger', GoogleAppsScript.Script.Trigger>
  | Methods<'ClockTriggerBuilder', GoogleAppsScript.Script.ClockTriggerBuilder>
  | Methods<'TriggerBuilder', GoogleAppsScript.Script.TriggerBuilder>
  | Methods<'SpreadsheetTriggerBuilder', GoogleAppsScript.Script.SpreadsheetTriggerBuilder>
  | MissingFromTypes;

/**
 * Real Apps Script methods that @types/google-apps-script 2.0.13 does not declare (checked in the
 * reference pages of developers.google.com/apps-script/reference/spreadsheet).
 */
type MissingFromTypes =
  | 'EmbeddedChart.getType'
  | 'BooleanCondition.getBackgroundObject'
  | 'BooleanCondition.getFontColorObject'
  | 'GradientCondition.getMinColorObject'
  | 'GradientCondition.getMidColorObject'
  | 'GradientCondition.getMaxColorObject';

/**
 * Reads that go to the server: cell contents and formats, and the sheet facts that depend on the
 * data (P4: `getLastRow()` ≈ 160 ms a call; P8: sheet metadata 0.3 s on a large sheet).
 */
const SERVER_READS: readonly CountedCall[] = [
  'Range.getValues',
  'Range.getValue',
  'Range.getDisplayValues',
  'Range.getDisplayValue',
  'Range.getFormulas',
  'Range.getFormula',
  'Range.getNumberFormats',
  'Range.getNumberFormat',
  'Range.getNotes',
  'Range.getNote',
  'Range.getBackgrounds',
  'Range.getBackground',
  'Range.getFontWeights',
  'Range.getFontWeight',
  'Range.getFontColors',
  'Range.getFontColorObjects',
  'Range.getFontColorObject',
  'Range.getFontSizes',
  'Range.getWraps',
  'Range.getHorizontalAlignments',
  'Range.getVerticalAlignments',
  'Range.getDataValidations',
  'Range.getDataValidation',
  'Range.getMergedRanges',
  'Range.getRichTextValues',
  'Range.isBlank',
  'Range.getDataRegion',
  'Range.getNextDataCell',
  'Sheet.getSheetValues',
  'Sheet.getLastRow',
  'Sheet.getLastColumn',
  'Sheet.getMaxRows',
  'Sheet.getMaxColumns',
  // Sheet.getDataRange: a request for the extent — unless a read of that range follows at once,
  // which fetches extent and values together (see CostMeter.record).
  'Sheet.getDataRange',
  'Sheet.getProtections',
  'Sheet.getConditionalFormatRules',
  'Sheet.getCharts',
  'Sheet.getNamedRanges',
  'Sheet.getFrozenRows',
  'Sheet.getFrozenColumns',
  'Sheet.getColumnWidth',
  'Sheet.getRowHeight',
  'Spreadsheet.getNamedRanges',
  'Spreadsheet.getProtections',
  // The first call of an execution opens the document.
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
];

/** Changes the server applies at once (structure, rules, protections, charts), and flush. */
const STRUCTURAL: readonly CountedCall[] = [
  'SpreadsheetApp.flush',
  'Spreadsheet.insertSheet',
  'Spreadsheet.deleteSheet',
  'Spreadsheet.setNamedRange',
  'Spreadsheet.removeNamedRange',
  'Spreadsheet.moveActiveSheet',
  'Spreadsheet.duplicateActiveSheet',
  'Sheet.setName',
  // Atomic: the server finds the last row and writes below it.
  'Sheet.appendRow',
  'Sheet.insertChart',
  'Sheet.updateChart',
  'Sheet.removeChart',
  'Sheet.setConditionalFormatRules',
  'Sheet.protect',
  'Sheet.copyTo',
  'Sheet.insertRows',
  'Sheet.insertRowsAfter',
  'Sheet.insertRowsBefore',
  'Sheet.insertRowAfter',
  'Sheet.insertRowBefore',
  'Sheet.insertColumns',
  'Sheet.insertColumnsAfter',
  'Sheet.insertColumnsBefore',
  'Sheet.insertColumnAfter',
  'Sheet.insertColumnBefore',
  'Sheet.deleteRows',
  'Sheet.deleteRow',
  'Sheet.deleteColumns',
  'Sheet.deleteColumn',
  'Range.protect',
  'Protection.remove',
  'Protection.addEditor',
  'Protection.addEditors',
  'Protection.removeEditor',
  'Protection.removeEditors',
  'Protection.setDomainEdit',
  'EmbeddedChart.getAs',
  'EmbeddedChart.getBlob',
];

/** Other services: each call is a request (P14: a property get ≈ 30 ms, a set ≈ 62 ms). */
const SERVICE_PREFIXES = ['Properties.', 'Cache.', 'Lock.', 'MailApp.', 'Ui.'];
const SERVICE_CALLS: readonly CountedCall[] = ['Spreadsheet.toast'];

const ROUND_TRIPS = new Set<string>([...SERVER_READS, ...STRUCTURAL, ...SERVICE_CALLS]);
const READS = new Set<string>(SERVER_READS);

/** The class of one counted call: explicit lists first, then by what the call needs. */
export function callClass(name: string, needs: Capability): CallClass {
  if (ROUND_TRIPS.has(name) || SERVICE_PREFIXES.some((p) => name.startsWith(p)))
    return 'round trip';
  if (needs === 'document-write') return 'buffered write';
  return 'local';
}

/** A read that returns the document's contents: after buffered writes it commits them first (P2). */
export function isServerRead(name: string): boolean {
  return READS.has(name);
}

/** What one execution did, by class: the cost model's inputs (bench/cost-model.ts). */
export interface CallCost {
  roundTrips: number;
  bufferedWrites: number;
  localCalls: number;
  /** Server reads made while buffered writes were waiting: each commits them first. */
  readsAfterWrites: number;
  flushes: number;
  cellsRead: number;
  cellsWritten: number;
}

export const emptyCost = (): CallCost => ({
  roundTrips: 0,
  bufferedWrites: 0,
  localCalls: 0,
  readsAfterWrites: 0,
  flushes: 0,
  cellsRead: 0,
  cellsWritten: 0,
});

/** Counts calls by class as they happen (the order matters: a read after writes). */
export class CostMeter {
  cost: CallCost = emptyCost();
  private pendingWrites = false;
  private afterDataRange = false;

  record(name: string, needs: Capability): void {
    const cls = callClass(name, needs);
    // `getDataRange().getValues()` is one request: the range is resolved with the values it
    // reads (an assumption the probe times: probe/gas/timings.ts, getDataRange.getValues).
    const fused = this.afterDataRange && name.startsWith('Range.') && isServerRead(name);
    this.afterDataRange = name === 'Sheet.getDataRange';
    if (fused) return;
    if (cls === 'buffered write') {
      this.cost.bufferedWrites++;
      this.pendingWrites = true;
      return;
    }
    if (cls === 'local') {
      this.cost.localCalls++;
      return;
    }
    this.cost.roundTrips++;
    if (name === 'SpreadsheetApp.flush') this.cost.flushes++;
    if (isServerRead(name) && this.pendingWrites) this.cost.readsAfterWrites++;
    // A document round trip sends what was buffered; another service's request does not.
    if (needs === 'document-read' || needs === 'document-write') this.pendingWrites = false;
  }

  reset(): void {
    this.cost = emptyCost();
    this.pendingWrites = false;
    this.afterDataRange = false;
  }
}
