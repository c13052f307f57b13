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
import type { Size } from './bench';
import { CostModel, estimates } from './cost-model';
import { describe, Measured, measureOnce, Result, toResult } from './result';

const NOW = new Date(Date.UTC(2026, 10, 20, 9));

export function benchImport(size: Size, model: CostModel, log: (s: string) => void): Result[] {
  const exports = backOfficeExports({ count: size.orders });
  const { runtime, bundle } = startWorkbook(NOW);
  bundle.open('NONE');
  bundle.clickMenu('Set up workbook');
  const out: Result[] = [];
  const measured = (c: ExecutionCost): Measured => ({
    ms: c.ms,
    calls: c.callsByMethod,
    total: c.serviceCalls,
    cost: c.cost,
    heapMB: null,
  });
  const record = (action: string, rows: number, c: ExecutionCost, note: string) => {
    const r = toResult(model, action, 'menu', size.name, rows, measured(c));
    out.push(r);
    log(describe(r, note));
  };
  /** The mid estimate of an execution, in seconds. */
  const mid = (c: ExecutionCost) =>
    (estimates({ ...c.cost, argumentCells: 0, computeMs: c.ms }, model).mid / 1000).toFixed(1);
  const importing = (action: string, name: string, text: string) => {
    const r = importLikeTheDialog(runtime, bundle, name, text);
    const up = r.executions.upload;
    record(
      action,
      r.preview.added + r.preview.updated + r.preview.unchanged,
      r.executions.import,
      ` (dialog: ${up.executions} uploads of ${up.cost.roundTrips / Math.max(1, up.executions)} round trips each, preview ${r.executions.preview.cost.roundTrips} round trips / ~${mid(r.executions.preview)} s (mid); ${r.outcome.summary.replace(/^Imported [^:]+: /, '')})`,
    );
  };
  importing('Import orders (CSV): first export', 'export-1.csv', exports.first);
  importing('Import orders (CSV): later export', 'export-2.csv', exports.second);

  const undo = measureOnce(runtime, () => bundle.clickMenu('Undo last import'));
  const failed = runtime.ui.alerts.find((a) => /refused|cannot|no import/i.test(a.prompt));
  if (failed) throw new Error(`Undo last import: ${failed.prompt}`);
  const r = toResult(model, 'Undo last import', 'menu', size.name, size.orders, undo);
  out.push(r);
  log(describe(r));
  return out;
}
