/**
 * The server side of the Import orders (CSV)… dialog. The menu item opens the dialog with what it
 * needs to start (the remembered mapping, the sheet's locale, the KPI Data columns); then each
 * google.script.run call from the dialog is its own execution: chunks of the mapped columns go
 * to the person's cache, a preview plans the import without writing, and the import runs as an
 * action (lock, deadline, Log line) whose result goes back to the dialog instead of an alert.
 */
import { UserError } from '../../core/cells';
import { COLUMN_KIND, IMPORT_COLUMNS, KPI_DATA_TAB } from '../../core/import';
import {
  checkRequest,
  CHUNK_CHARS,
  DialogBoot,
  ImportFileRequest,
  ImportOutcome,
  ImportPreview,
} from '../../core/import/wire';
import { ActionContext, ActionResult, runAction, TIME_BUDGET_MS } from '../action';
import { activeSpreadsheet, sheetsByName } from '../workbook';
import { importOrders, ImportRequest, previewImport, rememberedMapping } from './import-orders';
import { forgetUpload, readUpload, storeChunk } from './upload';

export const IMPORT_ACTION = 'Import orders (CSV)';
/** The project's HTML file the build writes (dist/ImportDialog.html). */
export const DIALOG_FILE = 'ImportDialog';
const DIALOG_WIDTH = 960;
const DIALOG_HEIGHT = 680;

/** Menu: opens the dialog, or says why not (no `KPI Data` tab yet). */
export function showImportDialog(): void {
  const ss = activeSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  if (!sheetsByName(ss).get(KPI_DATA_TAB)) {
    ui.alert(
      'Circularity Workbench',
      `There is no '${KPI_DATA_TAB}' tab to import into. Run Set up workbook first; nothing was changed.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const required = new Set<string>(['Order ID', 'Created']);
  const boot: DialogBoot = {
    remembered: rememberedMapping(),
    locale: ss.getSpreadsheetLocale(),
    timeZone: ss.getSpreadsheetTimeZone(),
    columns: IMPORT_COLUMNS.map((name) => ({
      name,
      kind: COLUMN_KIND[name],
      required: required.has(name),
    })),
    chunkChars: CHUNK_CHARS,
  };
  const template = HtmlService.createTemplateFromFile(DIALOG_FILE);
  // Printed with <?= ?> inside a script: Apps Script escapes it as a JavaScript string literal,
  // and the page parses it; no markup is ever built from these values.
  template.bootJson = JSON.stringify(boot);
  const page = template.evaluate().setWidth(DIALOG_WIDTH).setHeight(DIALOG_HEIGHT);
  ui.showModalDialog(page, 'Import orders (CSV)');
}

/** google.script.run: keeps one chunk of the file. */
export function receiveChunk(chunk: unknown): { index: number; rows: number } {
  return storeChunk(chunk);
}

function fileRequest(request: ImportFileRequest, lines: ImportRequest['lines']): ImportRequest {
  return {
    fileName: request.fileName,
    headers: request.headers,
    lines,
    mapping: request.mapping,
    dateOrder: request.dateOrder,
    decimal: request.decimal,
  };
}

/**
 * A context for reading only (the preview): no lock is taken, since nothing is written, and
 * nothing is logged; writing through it is refused.
 */
function readingContext(name: string): ActionContext {
  const ss = activeSpreadsheet();
  const now = Date.now();
  return {
    name,
    ss,
    now: new Date(now),
    timeZone: ss.getSpreadsheetTimeZone(),
    deadline: now + TIME_BUDGET_MS,
    interactive: false,
    progress: () => undefined,
    notices: [],
    beforeWriting: () => {
      throw new Error(`${name}: the preview writes nothing`);
    },
    confirm: () => {
      throw new UserError(`${name} cannot ask a question while previewing.`);
    },
  };
}

/** google.script.run: what the import would do, nothing written. */
export function previewUpload(raw: unknown): ImportPreview {
  const request = checkRequest(raw);
  const upload = readUpload(request);
  return previewImport(readingContext(IMPORT_ACTION), fileRequest(request, upload.rows));
}

/** google.script.run: the import itself, as an action; its failure reaches the dialog. */
export function importUpload(raw: unknown): ImportOutcome {
  const request = checkRequest(raw);
  const result = runAction(
    IMPORT_ACTION,
    (ctx): ActionResult => {
      const upload = readUpload(request);
      const done = importOrders(ctx, fileRequest(request, upload.rows));
      forgetUpload(upload);
      return done;
    },
    true,
    undefined,
    'dialog',
  );
  // In a dialog, runAction returns a result or throws.
  return { summary: result?.summary ?? '', warnings: result?.warnings ?? [] };
}
