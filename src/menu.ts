/**
 * The add-on menu (Extensions › Circularity Workbench), static so that onOpen can build it in
 * AuthMode.NONE without reading the document. Each item names a top-level function of the door.
 */
export type MenuEntry = { caption: string; functionName: string } | 'separator';

export const MENU: MenuEntry[] = [
  { caption: 'Set up workbook', functionName: 'setUpWorkbook' },
  { caption: 'Load sample data', functionName: 'loadSampleData' },
  'separator',
  { caption: 'Score partners', functionName: 'scorePartners' },
  { caption: 'Consolidate ratings', functionName: 'consolidateRatings' },
  { caption: 'Derive weights (AHP)', functionName: 'deriveWeightsAhp' },
  { caption: 'Propose partner candidates…', functionName: 'proposePartnerCandidates' },
  'separator',
  { caption: 'Refresh KPI dashboard', functionName: 'refreshKpiDashboard' },
  { caption: 'Import orders (CSV)…', functionName: 'importOrdersCsv' },
  { caption: 'Undo last import', functionName: 'undoLastImport' },
  'separator',
  { caption: 'Refresh benchmark', functionName: 'refreshBenchmark' },
  { caption: 'Add country…', functionName: 'addCountry' },
  { caption: 'Import benchmark seed', functionName: 'importBenchmarkSeed' },
  { caption: 'Restore deleted benchmark facts…', functionName: 'restoreDeletedBenchmarkFacts' },
  'separator',
  { caption: 'Generate report…', functionName: 'generateReport' },
  { caption: 'Email report…', functionName: 'emailReport' },
  { caption: 'Schedule monthly report', functionName: 'scheduleMonthlyReport' },
  { caption: 'Stop schedule', functionName: 'stopSchedule' },
];

/** The event is not read: in AuthMode.NONE nothing but the static items is allowed anyway. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, _e?: unknown): void {
  const menu = ui.createAddonMenu();
  for (const entry of MENU) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
}
