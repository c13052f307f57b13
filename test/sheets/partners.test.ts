import {
  consolidateRatings,
  deriveWeightsAhp,
  loadSampleData,
  scorePartners,
  setUpWorkbook,
} from '../../src/index';
import { CRITERIA_SEED } from '../../src/core/seed/criteria';
import { samplePartners } from '../../src/core/sample/partners';
import { PARTNER_INPUT_COLUMNS } from '../../src/core/schema/tabs';
import { changedCells, installRuntime, sheet, typedCells } from '../helpers/runtime';
import { Runtime } from '../../local/runtime';
import { FakeEmbeddedChart } from '../../local/spreadsheet';

function workbookWithPartners(count: number): Runtime {
  const rt = installRuntime();
  rt.runAs('FULL', () => setUpWorkbook());
  const { partners } = samplePartners(CRITERIA_SEED, count, 11);
  rt.runAs('FULL', () => {
    const s = sheet(rt, 'Partners');
    const header = s
      .getRange(1, 1, 1, PARTNER_INPUT_COLUMNS.length + CRITERIA_SEED.length)
      .getValues()[0];
    expect(header.slice(PARTNER_INPUT_COLUMNS.length)).toEqual(CRITERIA_SEED.map((c) => c.id));
    if (partners.length + 1 > s.getMaxRows())
      s.insertRowsAfter(s.getMaxRows(), partners.length + 1 - s.getMaxRows());
    s.getRange(2, 1, partners.length, partners[0].length).setValues(partners);
  });
  return rt;
}

function callsOf(rt: Runtime, action: () => void): Record<string, number> {
  rt.ctx.resetCalls();
  rt.runAs('FULL', action);
  return rt.ctx.callsByMethod();
}

describe('partner actions on the local runtime', () => {
  test('Score partners fills the computed columns, the heat map and the Partner Ranking tab with its chart', () => {
    const rt = workbookWithPartners(50);
    const before = typedCells(rt, ['Partners', 'Criteria', 'Ratings']);
    rt.runAs('FULL', () => scorePartners());
    const s = sheet(rt, 'Partners');
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    const col = (h: string) => header.indexOf(h) + 1;
    const scores = s
      .getRange(2, col('Score'), 50, 1)
      .getValues()
      .map((r) => r[0]);
    // Partners assessed by a panel have no typed scores until Consolidate ratings: blank score.
    scores.forEach((v, i) =>
      i % 4 === 0 ? expect(v).toBe('') : expect(v).toBeGreaterThanOrEqual(0),
    );
    expect(scores.every((v) => v === '' || (typeof v === 'number' && v <= 1))).toBe(true);
    const ranks = s
      .getRange(2, col('Rank'), 50, 1)
      .getValues()
      .map((r) => r[0]);
    expect(ranks.filter((r) => r === 1).length).toBeGreaterThan(5);
    expect(s.getRange(2, col('Score')).getNumberFormat()).toBe('0.00');
    const rules = s.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    const ranking = sheet(rt, 'Partner Ranking');
    expect(ranking.getRange(1, 1, 1, 5).getValues()[0]).toEqual([
      'Country',
      'Category',
      'Partner type',
      'Rank',
      'Partner',
    ]);
    expect(ranking.getCharts()).toHaveLength(1);
    const bar = ranking.getCharts()[0];
    expect([
      bar.getOptions().get('hAxis.minValue'),
      bar.getOptions().get('hAxis.maxValue'),
    ]).toEqual([0, 1]);
    expect((bar as unknown as FakeEmbeddedChart).ignoredOptions).toEqual([]);
    // Typed cells are untouched; only computed columns were written.
    expect(changedCells(before, typedCells(rt, ['Partners', 'Criteria', 'Ratings']))).toEqual([]);
    // Run twice: same workbook, one ranking tab, one chart, same rules.
    const first = typedCells(rt);
    rt.runAs('FULL', () => scorePartners());
    const second = typedCells(rt);
    expect(changedCells(first, second).filter((c) => !c.startsWith('Log!'))).toEqual([]);
    expect(
      rt.spreadsheet!.getSheets().filter((x) => x.getName().startsWith('Partner Ranking')),
    ).toHaveLength(1);
    expect(sheet(rt, 'Partner Ranking').getCharts()).toHaveLength(1);
    expect(s.getConditionalFormatRules()).toHaveLength(2);
  });

  test('Score partners makes the same service calls for 50 and 5,000 partners', () => {
    const small = workbookWithPartners(50);
    const smallCalls = callsOf(small, () => scorePartners());
    const large = workbookWithPartners(5000);
    const largeCalls = callsOf(large, () => scorePartners());
    expect(largeCalls).toEqual(smallCalls);
  });

  test('Consolidate ratings fills blanks with medians, keeps typed scores, flags disagreement', () => {
    const rt = installRuntime();
    rt.runAs('FULL', () => loadSampleData());
    const before = typedCells(rt, ['Partners', 'Criteria', 'Ratings']);
    rt.runAs('FULL', () => consolidateRatings());
    const after = typedCells(rt, ['Partners', 'Criteria', 'Ratings']);
    // Every typed cell kept; new cells are the consolidated medians and the disagreement texts.
    expect(changedCells(before, after)).toEqual([]);
    const s = sheet(rt, 'Partners');
    const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
    const certCol = header.indexOf('CERT') + 1;
    const note = s.getRange(2, certCol).getNote();
    expect(note).toMatch(
      /^Consolidated by Circularity Workbench: \d(\.\d+)? = median of 3 assessor\(s\)/,
    );
    const disagreement = s
      .getRange(2, header.indexOf('Disagreement') + 1, s.getLastRow() - 1, 1)
      .getValues()
      .flat();
    expect(disagreement.some((d) => String(d).includes('spread'))).toBe(true);
    // Idempotent: running again changes nothing.
    const once = typedCells(rt);
    rt.runAs('FULL', () => consolidateRatings());
    expect(changedCells(once, typedCells(rt)).filter((c) => !c.startsWith('Log!'))).toEqual([]);
  });

  test('Derive weights (AHP): creates the block, refuses an inconsistent one unless confirmed, logs previous weights', () => {
    const rt = installRuntime();
    rt.runAs('FULL', () => setUpWorkbook());
    rt.runAs('FULL', () => deriveWeightsAhp());
    const ahp = sheet(rt, 'AHP');
    expect(ahp.getRange('A4').getValue()).toBe('Criterion');
    const n = CRITERIA_SEED.length;
    // An inconsistent block: every criterion "9 times" more important than every later one.
    rt.runAs('FULL', () => {
      const block: (number | string)[][] = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (__, j) => (i === j ? 1 : j > i ? 9 : '')),
      );
      block[0][n - 1] = '1/9';
      ahp.getRange(5, 2, n, n).setValues(block);
    });
    const weightsBefore = sheet(rt, 'Criteria').getRange(2, 10, n, 1).getValues();
    rt.ui.scriptResponses([{ button: 'NO' }, { button: 'OK' }]);
    rt.runAs('FULL', () => deriveWeightsAhp());
    expect(rt.ui.alerts.some((a) => /CR = \d\.\d{3} \(above 0\.10/.test(a.prompt))).toBe(true);
    expect(sheet(rt, 'Criteria').getRange(2, 10, n, 1).getValues()).toEqual(weightsBefore);
    // Confirmed twice (inconsistent, then replace): the weights change and the old ones are logged.
    rt.ui.scriptResponses([{ button: 'YES' }, { button: 'YES' }, { button: 'OK' }]);
    rt.runAs('FULL', () => deriveWeightsAhp());
    const after = sheet(rt, 'Criteria').getRange(2, 10, n, 1).getValues().flat() as number[];
    expect(after).not.toEqual(weightsBefore.flat());
    expect(after.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    const log = sheet(rt, 'Log');
    const last = log.getRange(log.getLastRow(), 1, 1, 6).getValues()[0];
    expect(last[2]).toBe('Derive weights (AHP)');
    expect(String(last[5])).toMatch(/Previous 'Weight recycling' values .*CERT 15/);
  });

  test('Derive weights (AHP): a colleague who starts an action while the confirmation is open is not overwritten', () => {
    const rt = installRuntime();
    rt.runAs('FULL', () => setUpWorkbook());
    rt.runAs('FULL', () => deriveWeightsAhp());
    const n = CRITERIA_SEED.length;
    rt.runAs('FULL', () => {
      const block: (number | string)[][] = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (__, j) => (i === j ? 1 : j > i ? 2 : '')),
      );
      sheet(rt, 'AHP').getRange(5, 2, n, n).setValues(block);
    });
    const before = typedCells(rt, ['Criteria']);
    const ahpValues = () => rt.runAs('FULL', () => sheet(rt, 'AHP').getDataRange().getValues());
    const ahpBefore = ahpValues();
    // The confirmation suspends the script and drops its lock (Ui.alert reference); meanwhile a
    // colleague's action takes the document lock and is still running when the person says YES.
    rt.ui.whileNextDialogIsOpen(() => rt.holdDocumentLockElsewhere(true));
    rt.ui.scriptResponses([{ button: 'YES' }, { button: 'OK' }]);
    rt.runAs('FULL', () => deriveWeightsAhp());
    rt.holdDocumentLockElsewhere(false);
    expect(rt.locks.lostToDialogs.length).toBeGreaterThan(0);
    expect(changedCells(before, typedCells(rt, ['Criteria']))).toEqual([]);
    // "Nothing was changed" is true of every tab: the results beside the block wait for the lock.
    expect(ahpValues()).toEqual(ahpBefore);
    expect(rt.ui.alerts.at(-1)!.prompt).toMatch(/busy with another Circularity Workbench action/);
    // Once the colleague is done, the same confirmation applies the weights.
    rt.ui.scriptResponses([{ button: 'YES' }, { button: 'OK' }]);
    rt.runAs('FULL', () => deriveWeightsAhp());
    expect(changedCells(before, typedCells(rt, ['Criteria'])).length).toBe(n);
  });

  test('a second action while one runs is told the workbook is busy, and nothing changes', () => {
    const rt = workbookWithPartners(20);
    const before = typedCells(rt);
    rt.holdDocumentLockElsewhere(true);
    rt.runAs('FULL', () => scorePartners());
    rt.holdDocumentLockElsewhere(false);
    expect(rt.ui.alerts[rt.ui.alerts.length - 1].prompt).toMatch(
      /busy with another Circularity Workbench action/,
    );
    expect(changedCells(before, typedCells(rt))).toEqual([]);
  });
});

test('a criterion added to Criteria gets its score column in Partners on the next Score partners', () => {
  const rt = workbookWithPartners(10);
  rt.runAs('FULL', () => {
    const c = sheet(rt, 'Criteria');
    c.getRange(c.getLastRow() + 1, 1, 1, 14).setValues([
      [
        'REPAIR',
        'Repairability',
        'Quality',
        'Spare parts, manuals',
        'None',
        'Some',
        'Full',
        'benefit',
        '',
        10,
        10,
        10,
        10,
        10,
      ],
    ]);
  });
  const before = typedCells(rt, ['Partners', 'Criteria']);
  rt.runAs('FULL', () => scorePartners());
  const s = sheet(rt, 'Partners');
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  expect(header[header.length - 1]).toBe('REPAIR');
  expect(s.getRange(1, header.length).getNote()).toMatch(/Score 1–5 for Repairability/);
  expect(changedCells(before, typedCells(rt, ['Partners', 'Criteria']))).toEqual([]);
  // Scored into the new column: a 5 on REPAIR lifts row 3's score (row 2 awaits its panel).
  const scoreCol = header.indexOf('Score') + 1;
  const coverageCol = header.indexOf('Coverage') + 1;
  const first = s.getRange(3, scoreCol).getValue() as number;
  expect(first).toBeLessThan(1);
  rt.runAs('FULL', () => s.getRange(3, header.length).setValue(5));
  rt.runAs('FULL', () => scorePartners());
  expect(s.getRange(3, scoreCol).getValue() as number).toBeGreaterThan(first);
  expect(s.getRange(3, coverageCol).getValue()).toBeGreaterThan(0.9);
});

test('ratings of a criterion added since the last run land in its new column', () => {
  const rt = installRuntime();
  rt.runAs('FULL', () => loadSampleData());
  rt.runAs('FULL', () => {
    const c = sheet(rt, 'Criteria');
    c.getRange(c.getLastRow() + 1, 1, 1, 14).setValues([
      ['REPAIR', 'Repairability', 'Quality', '', '', '', '', 'benefit', '', 10, 10, 10, 10, 10],
    ]);
    const r = sheet(rt, 'Ratings');
    const name = sheet(rt, 'Partners').getRange('A3').getValue();
    r.getRange(r.getLastRow() + 1, 1, 2, 6).setValues([
      [name, 'Ann', 'REPAIR', 4, '', ''],
      [name, 'Bob', 'REPAIR', 2, '', ''],
    ]);
  });
  rt.runAs('FULL', () => consolidateRatings());
  const s = sheet(rt, 'Partners');
  const header = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0];
  expect(header.indexOf('REPAIR')).toBeGreaterThan(0);
  expect(s.getRange(3, header.indexOf('REPAIR') + 1).getValue()).toBe(3);
});

test('Derive weights (AHP) writes only the compared criteria and keeps a formula in the weight column', () => {
  const rt = installRuntime();
  rt.runAs('FULL', () => setUpWorkbook());
  rt.runAs('FULL', () => deriveWeightsAhp());
  const n = CRITERIA_SEED.length;
  rt.runAs('FULL', () => {
    const ahp = sheet(rt, 'AHP');
    // Typed as a person types: "1/3" stays text in the plain-text block.
    const block: (number | string)[][] = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (__, j) => (i === j ? 1 : j > i ? '1/3' : '')),
    );
    ahp.getRange(5, 2, n, n).setValues(block);
    expect(ahp.getRange(5, 3).getValue()).toBe('1/3');
    sheet(rt, 'Criteria')
      .getRange(n + 3, 10)
      .setFormula(`=SUM(J2:J${n + 1})`);
  });
  rt.ui.scriptResponses([{ button: 'YES' }, { button: 'YES' }, { button: 'OK' }]);
  rt.runAs('FULL', () => deriveWeightsAhp());
  const criteria = sheet(rt, 'Criteria');
  expect(criteria.getRange(n + 3, 10).getFormula()).toBe(`=SUM(J2:J${n + 1})`);
  const weights = criteria.getRange(2, 10, n, 1).getValues().flat() as number[];
  expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  expect(weights[0]).toBeLessThan(weights[n - 1]); // each later criterion judged 3× more important
});

test("Score partners replaces its own heat maps but keeps a person's conditional formatting", () => {
  const rt = workbookWithPartners(10);
  rt.runAs('FULL', () => {
    const s = sheet(rt, 'Partners');
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenNumberLessThan(2)
      .setFontColor('#ff0000')
      .setRanges([s.getRange('I2:I11')])
      .build();
    s.setConditionalFormatRules([rule]);
  });
  rt.runAs('FULL', () => scorePartners());
  rt.runAs('FULL', () => scorePartners());
  const rules = sheet(rt, 'Partners').getConditionalFormatRules();
  expect(rules).toHaveLength(3);
  expect(rules.filter((r) => r.getBooleanCondition() !== null)).toHaveLength(1);
  // The second run recognised its heat maps (through the Color getters: the deprecated
  // getMinColor / getMaxColor are refused by the runtime) instead of failing.
  const log = rt.runAs('FULL', () => sheet(rt, 'Log').getDataRange().getValues());
  expect(log.slice(-2).map((r) => [r[2], String(r[5]).startsWith('FAILED')])).toEqual([
    ['Score partners', false],
    ['Score partners', false],
  ]);
});
