/**
 * The import's part of the benchmark: at each size, the back office's first export (every order
 * new) and its later export (the same orders with more dates filled in, plus new ones) imported
 * through the dialog's server path into a set-up workbook, then Undo last import. One run each:
 * an import is not repeatable as is (the same file again changes nothing, which the tests cover).
 * The dialog's uploads are separate executions whose number grows with the file (one per chunk
 * of about 400,000 characters); the import execution's service calls must not.
 */
import { importLikeTheDialog, ExecutionCost } from '../demo/import-csv';
import { startWorkbook } from '../demo/scenario';
import { backOfficeExports } from '../src/core/sample/back-office-export';
import type { Result, Size } from './bench';

/** Same cost model as bench.ts (kept here as numbers to avoid an import cycle). */
export interface CostModel {
  PER_CALL_MS: number;
  PER_CELL_MS: number;
  COMPUTE_FACTOR: number;
  MENU_LIMIT_MS: number;
}

const NOW = new Date(Date.UTC(2026, 10, 20, 9));

export function benchImport(size: Size, model: CostModel, log: (s: string) => void): Result[] {
  const exports = backOfficeExports({ count: size.orders });
  const { runtime, bundle } = startWorkbook(NOW);
  bundle.open('NONE');
  bundle.clickMenu('Set up workbook');
  const out: Result[] = [];
  const record = (action: string, rows: number, c: ExecutionCost, note: string) => {
    const estimated = Math.round(
      c.serviceCalls * model.PER_CALL_MS +
        c.cellsMoved * model.PER_CELL_MS +
        c.ms * model.COMPUTE_FACTOR,
    );
    out.push({
      action,
      kind: 'menu',
      size: size.name,
      rows,
      serviceCalls: c.serviceCalls,
      callsByMethod: c.callsByMethod,
      cellsMoved: c.cellsMoved,
      computeMs: Math.round(c.ms),
      estimatedAppsScriptMs: estimated,
      limitMs: model.MENU_LIMIT_MS,
    });
    log(
      `  ${size.name.padEnd(6)} ${action.padEnd(34)} ${String(c.serviceCalls).padStart(5)} calls ${String(c.cellsMoved).padStart(9)} cells ${String(Math.round(c.ms)).padStart(6)} ms → ~${(estimated / 1000).toFixed(1)} s of ${model.MENU_LIMIT_MS / 1000} s${note}`,
    );
  };
  const importing = (action: string, name: string, text: string) => {
    const r = importLikeTheDialog(runtime, bundle, name, text);
    const up = r.executions.upload;
    record(
      action,
      r.preview.added + r.preview.updated + r.preview.unchanged,
      r.executions.import,
      ` (dialog: ${up.executions} uploads of ${up.serviceCalls / Math.max(1, up.executions)} calls each, preview ${r.executions.preview.serviceCalls} calls / ~${((r.executions.preview.serviceCalls * model.PER_CALL_MS + r.executions.preview.cellsMoved * model.PER_CELL_MS + r.executions.preview.ms * model.COMPUTE_FACTOR) / 1000).toFixed(1)} s; ${r.outcome.summary.replace(/^Imported [^:]+: /, '')})`,
    );
  };
  importing('Import orders (CSV): first export', 'export-1.csv', exports.first);
  importing('Import orders (CSV): later export', 'export-2.csv', exports.second);

  runtime.ctx.resetCalls();
  const t0 = process.hrtime.bigint();
  bundle.clickMenu('Undo last import');
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const failed = runtime.ui.alerts.find((a) => /refused|cannot|no import/i.test(a.prompt));
  if (failed) throw new Error(`Undo last import: ${failed.prompt}`);
  record(
    'Undo last import',
    size.orders,
    {
      executions: 1,
      serviceCalls: runtime.ctx.totalCalls(),
      cellsMoved: runtime.ctx.cellsTransferred,
      ms,
      callsByMethod: runtime.ctx.callsByMethod(),
    },
    '',
  );
  return out;
}
