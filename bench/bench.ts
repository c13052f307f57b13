/**
 * npm run bench: every menu action and the heavy custom functions, run from the built bundle on
 * the local Apps Script runtime at three data sizes. Prints, per action and size, the service
 * calls (by method), the cells moved, the compute time in Node (median of several runs) and an
 * estimate of the time in Apps Script against its limits; writes the same to out/bench.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, measureCriteria, startWorkbook } from '../demo/scenario';
import { Runtime } from '../local/runtime';
import { LoadedBundle } from '../local/load-bundle';
import { CRITERIA_SEED } from '../src/core/seed/criteria';
import { revisionOneWorkbook } from './upgrade';
import { samplePartners } from '../src/core/sample/partners';
import { sampleOrderGrid } from '../src/core/sample/orders';
import { Grid } from '../src/core/cells';
import { answersFor, extraActions, prepareExtras, SizeExtras } from './extras';
import { benchImport } from './import';
import { customFunctions } from './functions';
import { currentCostModel } from './cost-model';
import { describe, measure, measureOnce, Result, toResult } from './result';

/**
 * The cost model (bench/cost-model.ts): low / mid / high prices per call class, per cell and for
 * compute, from published figures, unless CIRC_PROBE_FILE names a real probe file whose
 * calibration then gives the per-call and per-cell figures.
 */
export const MODEL = currentCostModel();
/** The shipped seed (revision 2): 165 sourced facts (EU-level ones repeated in each EU member's tab). */
export const SEED_FACTS = 165;

export interface Size extends SizeExtras {
  name: 'small' | 'medium' | 'large';
  orders: number;
  partners: number;
}

export const SIZES: Size[] = [
  { name: 'small', orders: 1000, partners: 50, findings: 0, countries: 18 },
  { name: 'medium', orders: 10000, partners: 500, findings: 1000, countries: 18 },
  { name: 'large', orders: 100000, partners: 5000, findings: 5000, countries: 18 },
];

const NOW = new Date(Date.UTC(2026, 10, 26, 9));
const AS_OF = new Date(Date.UTC(2026, 9, 31, 18));

function typeRows(runtime: Runtime, tab: string, rows: Grid, firstRow = 2): void {
  runtime.runAs('FULL', () => {
    const s = runtime.spreadsheet!.getSheetByName(tab)!;
    const need = firstRow + rows.length - 1;
    if (need > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), need - s.getMaxRows());
    s.getRange(firstRow, 1, rows.length, rows[0].length).setValues(rows);
  });
}

/** A workbook set up and filled with data of the given size (not measured). */
export function prepare(size: Size): { runtime: Runtime; bundle: LoadedBundle } {
  const { runtime, bundle } = startWorkbook(NOW);
  bundle.open('NONE');
  bundle.clickMenu('Set up workbook');
  const { partners, ratings } = samplePartners(CRITERIA_SEED, size.partners, 11, NOW);
  typeRows(runtime, 'Partners', partners);
  typeRows(runtime, 'Ratings', ratings);
  typeRows(runtime, 'KPI Data', sampleOrderGrid(size.orders, AS_OF), 1);
  // A measured criterion (issue 19): Score partners then reads KPI Data and scores the partners
  // the sample orders name; Refresh KPI dashboard rebuilds Partner Performance from them.
  runtime.runAs('FULL', () => measureCriteria(runtime));
  prepareExtras(runtime, bundle, size);
  return { runtime, bundle };
}

export const MENU_ACTIONS = [
  'Set up workbook',
  'Consolidate ratings',
  'Score partners',
  'Refresh KPI dashboard',
];

export function benchSize(size: Size, runs: number, log: (s: string) => void): Result[] {
  const { runtime, bundle } = prepare(size);
  const out: Result[] = [];
  const rowsOf = (action: string) =>
    /KPI|report/i.test(action)
      ? size.orders
      : /benchmark|countr/i.test(action)
        ? size.findings || SEED_FACTS
        : /set up/i.test(action)
          ? 0
          : size.partners;
  const record = (
    action: string,
    kind: Result['kind'],
    m: ReturnType<typeof measure>,
    rows = rowsOf(action),
    argumentCells = 0,
  ) => {
    const r = toResult(MODEL, action, kind, size.name, rows, m, argumentCells);
    out.push(r);
    log(describe(r));
  };
  for (const action of [...MENU_ACTIONS, ...extraActions()]) {
    record(
      action,
      'menu',
      measure(runtime, runs, () => {
        runtime.ui.scriptResponses(answersFor(action));
        const alerts = runtime.ui.alerts.length;
        bundle.clickMenu(action);
        const failed = runtime.ui.alerts
          .slice(alerts)
          .find((a) => /stopped|refused|missing|cannot/i.test(a.prompt));
        if (failed) throw new Error(`${action}: ${failed.prompt}`);
      }),
    );
  }
  // The upgrade from seed revision 1, on a workbook of its own (it can run only once).
  const upgrade = revisionOneWorkbook(NOW, size.findings);
  record(
    'Import benchmark seed: upgrade r1 → r2',
    'menu',
    measureOnce(upgrade.runtime, () => {
      upgrade.bundle.clickMenu('Import benchmark seed');
      if (
        !/revision 2 imported/.test(
          upgrade.runtime.toasts.at(-1)?.message ?? upgrade.runtime.ui.alerts.at(-1)?.prompt ?? '',
        )
      )
        throw new Error('the upgrade did not run');
    }),
  );
  // Propose partner candidates…, every candidate (a blank answer), on the size's Partners: the
  // first run appends them all, a second finds every one already there and writes nothing.
  for (const [label, outcome] of [
    ['Propose partner candidates…: first run, all', /^Added \d+ prospect/],
    ['Propose partner candidates…: again, nothing to add', /^No candidate to add/],
  ] as const) {
    record(
      label,
      'menu',
      measureOnce(runtime, () => {
        runtime.ui.scriptResponses([{ button: 'OK', text: '' }]);
        const [alerts, toasts] = [runtime.ui.alerts.length, runtime.toasts.length];
        bundle.clickMenu('Propose partner candidates…');
        const told =
          runtime.ui.alerts.slice(alerts).at(-1)?.prompt ??
          runtime.toasts.slice(toasts).at(-1)?.message ??
          '';
        if (!outcome.test(told)) throw new Error(`${label}: ${told}`);
      }),
      size.partners,
    );
  }
  const { customFunctionArgs } = customFunctions(runtime, size);
  for (const [name, args, rows] of customFunctionArgs) {
    const m = measure(runtime, runs, () => {
      const r = bundle.runCustomFunction(name, ...args);
      if (r && typeof r === 'object' && 'error' in (r as object))
        throw new Error((r as { error: string }).error);
    });
    record(name, 'custom function', m, rows, argumentCells(args));
  }
  return out;
}

/** The cells Sheets sends a custom function: every cell of every range argument, 1 per value. */
export function argumentCells(args: unknown[]): number {
  return args.reduce<number>(
    (n, a) =>
      n +
      (Array.isArray(a) ? a.reduce<number>((m, r) => m + (Array.isArray(r) ? r.length : 1), 0) : 1),
    0,
  );
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const only = process.env.BENCH_SIZES?.split(',');
  console.log(
    `Circularity Workbench benchmark — median of ${runs} runs per action, local Apps Script runtime, Node ${process.version}`,
  );
  const results: Result[] = [];
  for (const size of SIZES.filter((s) => !only || only.includes(s.name))) {
    console.log(
      `\n${size.name}: ${size.orders} orders, ${size.partners} partners, ${size.findings || 'seed'} benchmark findings`,
    );
    results.push(...benchSize(size, runs, (s) => console.log(s)));
    results.push(...benchImport(size, MODEL, (s) => console.log(s)));
  }
  const bundleBytes = fs.statSync(path.join(ROOT, 'dist', 'Code.js')).size;
  const byAction = new Map<string, Result[]>();
  for (const r of results) byAction.set(r.action, [...(byAction.get(r.action) ?? []), r]);
  const unequal = [...byAction.entries()].filter(
    ([, rs]) => rs[0].kind === 'menu' && new Set(rs.map((r) => r.serviceCalls)).size > 1,
  );
  console.log(`\ndist/Code.js: ${(bundleBytes / 1024).toFixed(1)} KB`);
  console.log(
    unequal.length
      ? `Round trips differ across sizes for: ${unequal.map(([a]) => a).join(', ')}`
      : 'Every menu action makes the same number of round trips at every size.',
  );
  fs.mkdirSync(path.join(ROOT, 'out'), { recursive: true });
  const file = path.join(ROOT, 'out', 'bench.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        results,
        bundleBytes,
        model: MODEL,
        runs,
        node: process.version,
      },
      null,
      1,
    ),
  );
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  console.log('\n' + markdownTable(results));
}

export function markdownTable(results: Result[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    '| action | size | rows | round trips | reads after writes | cells moved | argument cells | compute ms (Node) | heap MB held (lazy) | low | mid | high | limit |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.action} | ${r.size} | ${r.rows.toLocaleString('en')} | ${r.roundTrips} | ${r.readsAfterWrites} | ${r.cellsMoved.toLocaleString('en')} | ${r.argumentCells.toLocaleString('en')} | ${r.computeMs.toLocaleString('en')} | ${r.heapGrowthMB ?? '–'}${r.heapLazyMB === null ? '' : ` (${r.heapLazyMB})`} | ${s(r.estimate.low)} | ${s(r.estimate.mid)} | ${s(r.estimate.high)} | ${r.limitMs / 1000} s |`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
