/**
 * The platform probe (probe/): built apart from the add-on, run on the local runtime exactly as a
 * maintainer runs it in a scratch spreadsheet (probe/run-local.ts), and compared with the answers
 * Google's documentation gives (probe/expected.json): no difference allowed. A doctored file must
 * produce every difference it holds. A real file's calibration feeds the benchmark's cost model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildProbe, PROBE_DIST } from '../../probe/build';
import { answersOf, compareAnswers, describe as describeDiff } from '../../probe/compare';
import { runProbeLocally } from '../../probe/run-local';
import type { ProbeFile } from '../../probe/gas/answers';
import { Bound, BOUNDS, costModel, estimates, PUBLISHED } from '../../bench/cost-model';
import { TYPED_INPUT } from '../fixtures/typed-input';

const EXPECTED = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../probe/expected.json'), 'utf8'),
) as { answers: Record<string, { value: unknown; source: string; basis: string }> };

let local: ProbeFile;
beforeAll(async () => {
  await buildProbe();
  local = runProbeLocally();
}, 60_000);

test('the probe is its own project: its functions, its manifest, nothing of it in the add-on', () => {
  const code = fs.readFileSync(path.join(PROBE_DIST, 'Probe.js'), 'utf8');
  expect(code).toMatch(/^function runPlatformProbe\(\) \{/m);
  expect(code).toMatch(/@customfunction\s*\*\/\s*function PROBE_DATE\(value\)/);
  expect(fs.existsSync(path.join(PROBE_DIST, 'appsscript.json'))).toBe(true);
  const addOn = fs.readFileSync(path.resolve(__dirname, '../../dist/Code.js'), 'utf8');
  expect(addOn).not.toMatch(/runPlatformProbe|PROBE_DATE|probeTimeDriven/);
});

test('it answers every question: each typed-input case, the time-driven run, the custom function, the lock, Intl, charts', () => {
  const keys = Object.keys(local.answers);
  expect(keys.filter((k) => k.startsWith('typedInput.'))).toHaveLength(TYPED_INPUT.length);
  for (const k of [
    'timeDriven.activeSpreadsheet',
    'customFunction.argType',
    'lock.heldAfterAlert',
    'intl.date.en-CA',
    'chart.vAxes.0.title',
    'triggers.getUserTriggersListsTimeDriven',
  ])
    expect(keys).toContain(k);
  expect(Object.keys(local.calibration)).toEqual(
    expect.arrayContaining([
      'getValues.10000',
      'setValues.10000',
      'flush',
      'insertChart',
      'getAs',
      'setConditionalFormatRules',
    ]),
  );
});

test('the local runtime agrees with every answer of probe/expected.json, each of which names its source', () => {
  expect(compareAnswers(answersOf(EXPECTED), local.answers).map(describeDiff)).toEqual([]);
  for (const [k, a] of Object.entries(EXPECTED.answers)) {
    expect([k, a.source]).toEqual([k, expect.stringMatching(/^https:\/\//)]);
    expect(['documented', 'assumption']).toContain(a.basis);
  }
});

test('a doctored file: every difference it holds is listed, and nothing else', () => {
  const doctored = JSON.parse(JSON.stringify(EXPECTED)) as typeof EXPECTED;
  doctored.answers['timeDriven.activeSpreadsheet'].value = false;
  doctored.answers['lock.heldAfterAlert'].value = true;
  doctored.answers['typedInput.en_US.2026-10'].value = ['text', '2026-10'];
  doctored.answers['intl.date.en-CA'].value = '10/2/2026';
  delete (doctored.answers as Record<string, unknown>)['chart.vAxis.title'];
  (doctored.answers as Record<string, unknown>)['extra.question'] = {
    value: 1,
    source: 'https://example.com',
    basis: 'assumption',
  };
  const diffs = compareAnswers(answersOf(doctored), local.answers);
  expect(diffs.map((d) => d.key)).toEqual([
    'chart.vAxis.title',
    'extra.question',
    'intl.date.en-CA',
    'lock.heldAfterAlert',
    'timeDriven.activeSpreadsheet',
    'typedInput.en_US.2026-10',
  ]);
  expect(describeDiff(diffs[0])).toBe('chart.vAxis.title: file (absent), local runtime null');
  expect(describeDiff(diffs[4])).toBe(
    'timeDriven.activeSpreadsheet: file false, local runtime true',
  );
});

test("a real probe file's calibration feeds the benchmark's cost model; without one the published figures stay", () => {
  expect(costModel(local)).toBe(PUBLISHED); // the local runtime's clock does not move: nothing measured
  const real = {
    ...local,
    calibration: {
      ...local.calibration,
      'model.roundTripMs': 42,
      'model.perCellMs': 0.01,
      'model.bufferedWriteMs': 0.2,
      'model.localCallMs': 0.05,
    },
  };
  const model = costModel(real, 'google.json');
  expect(model.basis).toMatch(/^calibrated by google\.json/);
  for (const bound of BOUNDS)
    expect(model.params[bound]).toEqual({
      roundTripMs: 42,
      bufferedWriteMs: 0.2,
      localCallMs: 0.05,
      perCellMs: 0.01,
      // The probe cannot run Node: the compute factor stays the published assumption.
      computeFactor: PUBLISHED.params[bound].computeFactor,
    });
  // An older probe file (one figure per call, one per cell) calibrates the round trip and the cell.
  const older = costModel({ calibration: { 'model.perCallMs': 60, 'model.perCellMs': 0.02 } });
  expect(older.params.mid).toMatchObject({
    roundTripMs: 60,
    perCellMs: 0.02,
    bufferedWriteMs: 0.5,
  });
});

test('the published parameter sets are those of docs/platform.md §9', () => {
  // Per bound: round trip ms, buffered write ms, local call ms, µs a cell, compute factor.
  const table: [Bound, number, number, number, number, number][] = [
    ['low', 30, 0, 0, 3, 1.5],
    ['mid', 100, 0.5, 0.15, 12.5, 2.5],
    ['high', 175, 1, 0.3, 100, 4],
  ];
  for (const [bound, roundTrip, buffered, local, cellUs, compute] of table) {
    const p = PUBLISHED.params[bound];
    expect([p.roundTripMs, p.bufferedWriteMs, p.localCallMs]).toEqual([roundTrip, buffered, local]);
    expect(p.perCellMs * 1000).toBeCloseTo(cellUs, 6);
    expect(p.computeFactor).toBe(compute);
  }
});

test('the estimate adds each class at its price, argument cells included', () => {
  const work = {
    roundTrips: 10,
    bufferedWrites: 100,
    localCalls: 1000,
    cellsRead: 5000,
    cellsWritten: 3000,
    argumentCells: 2000,
    computeMs: 200,
  };
  // mid: 10 × 100 + 100 × 0.5 + 1000 × 0.15 + 10,000 × 0.0125 + 200 × 2.5
  expect(estimates(work, PUBLISHED).mid).toBe(1000 + 50 + 150 + 125 + 500);
  const e = estimates(work, PUBLISHED);
  expect(e.low).toBeLessThan(e.mid);
  expect(e.mid).toBeLessThan(e.high);
});
