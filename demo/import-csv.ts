/**
 * Import orders (CSV)… driven the way its dialog drives it, without a browser: the menu item opens
 * the dialog (its page and start-up data come from the bundle), the file is parsed with the
 * dialog's own reader (Papa Parse) and mapped with its own suggestions, then the mapped columns
 * go to the server in the dialog's chunks through the google.script.run model: upload, preview,
 * import — each call its own execution, as in Sheets. Used by `npm start`, the bench and the
 * bundle tests; the Chromium test drives the real page.
 */
import { emptyCost, type CallCost } from '../local/call-cost';
import { detectDateOrder, detectDecimal } from '../src/core/import/detect';
import { mapColumns } from '../src/core/import/mapping';
import {
  chunkRows,
  DialogBoot,
  ImportFileRequest,
  ImportOutcome,
  ImportPreview,
} from '../src/core/import/wire';
import { parseCsv } from '../src/dialog/read-file';
import type { LoadedBundle } from '../local/load-bundle';
import type { Runtime } from '../local/runtime';
import { ScriptRunBridge } from '../local/services/script-run';

export interface DialogImport {
  request: ImportFileRequest;
  preview: ImportPreview;
  outcome: ImportOutcome;
  /** google.script.run calls the import took (uploads + preview + import). */
  calls: number;
  /** Service calls of the import execution alone. */
  importCalls: number;
  /** Per server execution kind: executions, service calls, cells moved and Node time. */
  executions: Record<'upload' | 'preview' | 'import', ExecutionCost>;
}

export interface ExecutionCost {
  executions: number;
  serviceCalls: number;
  cellsMoved: number;
  ms: number;
  callsByMethod: Record<string, number>;
  /** The same calls by cost class (local/call-cost.ts), summed over the executions. */
  cost: CallCost;
}

/** Opens the dialog from the menu; answers the start-up data printed into its page. */
export function openImportDialog(runtime: Runtime, bundle: LoadedBundle): DialogBoot {
  const before = runtime.ui.surfaces.length;
  bundle.clickMenu('Import orders (CSV)…');
  const dialog = runtime.ui.surfaces[before];
  if (!dialog || dialog.kind !== 'modal')
    throw new Error(
      `Import orders (CSV)… showed no dialog: ${runtime.ui.alerts.map((a) => a.prompt).join(' / ')}`,
    );
  const m = /var CIRC_BOOT = ("(?:[^"\\]|\\.)*");/.exec(dialog.html);
  if (!m) throw new Error('the dialog page holds no start-up data');
  return JSON.parse(JSON.parse(m[1]) as string) as DialogBoot;
}

let tokens = 0;

/**
 * Imports a CSV text through the dialog's server path. `choose` overrides the mapping the dialog
 * proposes (header → KPI Data column, or null for "not imported").
 */
export function importLikeTheDialog(
  runtime: Runtime,
  bundle: LoadedBundle,
  fileName: string,
  text: string,
  choose: Record<string, string | null> = {},
): DialogImport {
  const boot = openImportDialog(runtime, bundle);
  const file = parseCsv(text);
  const proposed = mapColumns(file.headers, boot.remembered);
  const mapping = file.headers.map((h, i) => (h in choose ? choose[h] : proposed[i]));
  const kinds = new Map(boot.columns.map((c) => [c.name, c.kind]));
  const ofKind = (kind: string) =>
    file.rows.flatMap((r) => mapping.flatMap((c, i) => (c && kinds.get(c) === kind ? [r[i]] : [])));
  const mapped = mapping.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
  const rows = file.rows.map((r) => mapped.map((i) => (r[i] ? r[i] : null)));
  const chunks = chunkRows(rows, boot.chunkChars);
  const request: ImportFileRequest = {
    token: `demo${String(++tokens).padStart(8, '0')}`,
    chunks: chunks.length,
    fileName,
    headers: mapped.map((i) => file.headers[i]),
    mapping: Object.fromEntries(file.headers.map((h, i) => [h, mapping[i]])),
    dateOrder: detectDateOrder(ofKind('date'), boot.locale).value,
    decimal: detectDecimal(ofKind('amount'), boot.locale).value,
  };

  const bridge = new ScriptRunBridge(bundle);
  type Answer = { ok: true; value: unknown } | { ok: false; error: Error };
  const call = (name: string, arg: unknown): unknown => {
    const answers: Answer[] = [];
    const runner = bridge
      .runner()
      .withSuccessHandler((value) => answers.push({ ok: true, value }))
      .withFailureHandler((error) => answers.push({ ok: false, error }));
    runner[name](arg);
    bridge.completeAll();
    const r = answers[0];
    if (!r) throw new Error(`${name}: no answer`);
    if (!r.ok) throw r.error;
    return r.value;
  };
  const cost = (): ExecutionCost => ({
    executions: 0,
    serviceCalls: 0,
    cellsMoved: 0,
    ms: 0,
    callsByMethod: {},
    cost: emptyCost(),
  });
  const executions = { upload: cost(), preview: cost(), import: cost() };
  const measured = (kind: keyof typeof executions, name: string, arg: unknown): unknown => {
    runtime.ctx.resetCalls();
    const t0 = process.hrtime.bigint();
    const value = call(name, arg);
    const c = executions[kind];
    c.executions++;
    c.ms += Number(process.hrtime.bigint() - t0) / 1e6;
    c.serviceCalls += runtime.ctx.totalCalls();
    c.cellsMoved += runtime.ctx.cellsTransferred;
    for (const [k, n] of Object.entries(runtime.ctx.callsByMethod()))
      c.callsByMethod[k] = (c.callsByMethod[k] ?? 0) + n;
    const metered = runtime.ctx.meter.cost;
    for (const k of Object.keys(c.cost) as (keyof CallCost)[]) c.cost[k] += metered[k];
    return value;
  };
  chunks.forEach((rowsOfChunk, index) =>
    measured('upload', 'importOrdersUpload', { token: request.token, index, rows: rowsOfChunk }),
  );
  const preview = measured('preview', 'importOrdersPreview', request) as ImportPreview;
  const outcome = measured('import', 'importOrdersRun', request) as ImportOutcome;
  return {
    request,
    preview,
    outcome,
    calls: chunks.length + 2,
    importCalls: executions.import.serviceCalls,
    executions,
  };
}
