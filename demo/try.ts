import { startWorkbook } from './scenario';
import { importLikeTheDialog } from './import-csv';
import { backOfficeExports } from '../src/core/sample/back-office-export';
const N = Number(process.argv[2]);
let t = Date.now();
const ex = backOfficeExports({ count: N });
console.log('gen', Date.now() - t, ex.first.length, ex.second.length);
const { runtime, bundle } = startWorkbook(new Date(Date.UTC(2026, 10, 20, 9)));
bundle.open('NONE');
bundle.clickMenu('Set up workbook');
t = Date.now();
const a = importLikeTheDialog(runtime, bundle, 'a.csv', ex.first);
console.log('first', Date.now() - t, a.calls, a.importCalls, a.outcome.summary);
t = Date.now();
const b = importLikeTheDialog(runtime, bundle, 'b.csv', ex.second);
console.log(
  'second',
  Date.now() - t,
  b.calls,
  b.importCalls,
  b.outcome.summary,
  JSON.stringify(runtime.ctx.callsByMethod()),
);
runtime.ctx.resetCalls();
t = Date.now();
bundle.clickMenu('Undo last import');
console.log(
  'undo',
  Date.now() - t,
  runtime.ctx.totalCalls(),
  JSON.stringify(runtime.ctx.callsByMethod()),
);
