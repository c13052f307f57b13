/**
 * The sweep's own test (always on, a second): on a tiny Apps Script project loaded like the
 * product's bundle, the engine finds exactly the failures that leave a workbook the next run
 * cannot repair, and the colleague edits a whole-block write-back loses — and nothing when the
 * project is written to converge. A sweep that could not fail would pass the product unseen.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBundle } from '../../local/load-bundle';
import { createRuntime } from '../../local/runtime';
import { fingerprintWorkbook } from '../../local/export/fingerprint';
import { MENU } from '../../src/menu';
import { SWEPT_ACTIONS, sweepName, type SweptAction } from './actions';
import {
  cleanRun,
  colleagueCase,
  convergenceCase,
  stateBefore,
  writeCalls,
  type Mismatch,
  type RetryMemo,
} from './engine';
import type { SweepWorkbook } from './workbook';

/**
 * Out is built in a scratch tab renamed at the end. `rebuild` trusts the scratch tab not to
 * exist: once a run dies after creating it, every later run fails on insertSheet. `rebuildSafely`
 * deletes a leftover first. `total` writes its whole block back (a colleague's edit in it is
 * lost); `totalOwnCell` writes only its own cell.
 */
const CODE = `
function onOpen() {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Rebuild', 'rebuild').addItem('Rebuild safely', 'rebuildSafely')
    .addItem('Total', 'total').addItem('Total, own cell', 'totalOwnCell').addToUi();
}
function sum(ss) {
  var v = ss.getSheetByName('Input').getRange('A2:A4').getValues();
  return v[0][0] + v[1][0] + v[2][0];
}
function build(ss) {
  var scratch = ss.insertSheet('Out (building)');
  scratch.getRange(1, 1, 1, 2).setValues([['total', sum(ss)]]);
  var old = ss.getSheetByName('Out');
  if (old) ss.deleteSheet(old);
  scratch.setName('Out');
}
function rebuild() { build(SpreadsheetApp.getActiveSpreadsheet()); }
function rebuildSafely() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var left = ss.getSheetByName('Out (building)');
  if (left) ss.deleteSheet(left);
  build(ss);
}
function total() {
  var range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Input').getRange('A2:B4');
  var v = range.getValues();
  v[0][1] = v[0][0] + v[1][0] + v[2][0];
  range.setValues(v);
}
function totalOwnCell() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Input');
  var v = sheet.getRange('A2:A4').getValues();
  sheet.getRange('B2').setValue(v[0][0] + v[1][0] + v[2][0]);
}
`;

function tinyWorkbook(): SweepWorkbook {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-harness-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  const rt = createRuntime({ now: new Date(Date.UTC(2026, 10, 26, 9)) });
  const bundle = loadBundle(rt, dir);
  bundle.open('FULL');
  rt.runAs('FULL', () => {
    const input = rt.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Input');
    input.getRange('A1:A4').setValues([['Amount'], [1], [2], [3]]);
  });
  bundle.clickMenu('Rebuild safely');
  return { rt, bundle, start: rt.checkpoint() };
}

const action = (caption: string): SweptAction => ({
  caption,
  colleague: { tab: 'Input', row: 3, column: 'Amount', value: 20 },
});

function sweep(caption: string, shareRetries = true) {
  const w = tinyWorkbook();
  const a = action(caption);
  const clean = cleanRun(w, a);
  const found: Mismatch[] = [];
  for (const mode of ['throw', 'kill'] as const) {
    const retries: RetryMemo | undefined = shareRetries ? new Map() : undefined;
    for (let i = 1; i <= clean.calls.length; i++) {
      const m = convergenceCase(w, a, clean, mode, i, retries);
      if (m) found.push(m);
    }
  }
  for (const n of writeCalls(clean)) {
    const m = colleagueCase(w, a, clean, n);
    if (m) found.push(m);
  }
  return { clean, found };
}

describe('the sweep engine on a tiny project', () => {
  test('a run that dies after creating its scratch tab: every later failing call is found', () => {
    const { clean, found } = sweep('Rebuild');
    const names = clean.calls.map((c) => c.name);
    const insert = names.indexOf('Spreadsheet.insertSheet') + 1;
    const after = names.map((_, i) => i + 1).filter((i) => i > insert);
    expect(after.length).toBeGreaterThan(3);
    for (const mode of ['throw', 'kill'])
      expect(found.filter((m) => m.mode === mode).map((m) => m.call)).toEqual(after);
    const kill = found.find((m) => m.mode === 'kill' && m.method === 'Sheet.setName')!;
    expect(kill.faultyRun).toBe('threw: Exceeded maximum execution time');
    expect(kill.differences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^the retry threw: A sheet with the name "Out \(building\)"/),
        "tabs: 'Out' missing",
        "tabs: 'Out (building)' not expected",
      ]),
    );
  });

  test('running the next run once per state a killed run left finds exactly what running it every time finds', () => {
    const shared = sweep('Rebuild');
    expect(shared.found).toEqual(sweep('Rebuild', false).found);
    // And it does share: killing any read between two writes leaves one state, the same workbook.
    const w = tinyWorkbook();
    const a = action('Rebuild');
    const clean = cleanRun(w, a);
    const byState = new Map<number, string>();
    for (let i = 1; i <= clean.calls.length; i++) {
      w.rt.restore(w.start);
      w.rt.failCall(i, 'kill');
      try {
        w.bundle.clickMenu(a.caption);
      } catch {
        // killed
      }
      const left = JSON.stringify(fingerprintWorkbook(w.rt));
      const key = stateBefore(clean, i);
      expect(byState.get(key) ?? left).toBe(left);
      byState.set(key, left);
    }
    expect(byState.size).toBeGreaterThan(1);
    expect(byState.size).toBeLessThan(clean.calls.length);
  });

  test('the same build, clearing a leftover first: no failure leaves a difference', () => {
    const { clean, found } = sweep('Rebuild safely');
    expect(clean.calls.length).toBeGreaterThan(8);
    expect(found).toEqual([]);
  });

  test("a whole block written back loses the colleague's edit; writing one's own cell keeps it", () => {
    const lost = sweep('Total').found.filter((m) => m.mode === 'colleague');
    expect(lost.map((m) => [m.method, m.differences])).toEqual([
      ['Range.setValues', ['Input Amount of row 3: typed 20, found 2']],
    ]);
    expect(sweep('Total, own cell').found).toEqual([]);
  });
});

test('every swept action has its own test file calling describeSweep (so CI runs it)', () => {
  const dir = path.join(__dirname);
  const called = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .flatMap((f) => {
      const m = /describeSweep\('([^']+)'\)/.exec(fs.readFileSync(path.join(dir, f), 'utf8'));
      return m ? [m[1]] : [];
    });
  expect(SWEPT_ACTIONS.map(sweepName).filter((c) => !called.includes(c))).toEqual([]);
});

test('every menu item of the add-on is swept but the one that only opens a dialog', () => {
  const captions = MENU.flatMap((e) => (e === 'separator' ? [] : [e.caption]));
  expect(captions.filter((c) => !SWEPT_ACTIONS.some((a) => a.caption === c))).toEqual([
    'Import orders (CSV)…',
  ]);
  expect(SWEPT_ACTIONS.map((a) => a.caption).filter((c) => !captions.includes(c))).toEqual([]);
});
