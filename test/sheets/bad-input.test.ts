/**
 * Bad input, generated: for every input tab, workbooks malformed the way people malform them
 * (missing, renamed and reordered columns; text in number and date columns; error values; blank
 * rows and columns; duplicated ids; dates typed as French or English text; 50,000-character
 * cells; formula-looking text) go through every action. Each case must end with a clear message
 * naming the tab (and the row and column where there is one), no exception may escape, and no
 * cell a person typed may change.
 */
import * as index from '../../src/index';
import { Cell } from '../../src/core/cells';
import { Runtime } from '../../local/runtime';
import { changedCells, installRuntime, sheet, typedCells } from '../helpers/runtime';

type Mutation = (s: GoogleAppsScript.Spreadsheet.Sheet) => void;
interface Case {
  tab: string;
  what: string;
  mutate: Mutation;
  /** What the person must be told (alert or Log line). */
  message: RegExp;
}

const col = (s: GoogleAppsScript.Spreadsheet.Sheet, header: string) =>
  s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf(header) + 1;
const set =
  (header: string, row: number, value: Cell): Mutation =>
  (s) =>
    s.getRange(row, col(s, header)).setValue(value);
const rename =
  (header: string, to: string): Mutation =>
  (s) =>
    s.getRange(1, col(s, header)).setValue(to);
const clearHeader =
  (header: string): Mutation =>
  (s) =>
    s.getRange(1, col(s, header)).setValue('');
const blankRow =
  (row: number): Mutation =>
  (s) =>
    s.insertRowsBefore(row, 1);
const blankColumn =
  (column: number): Mutation =>
  (s) =>
    s.insertColumnsBefore(column, 1);
const swap =
  (a: string, b: string): Mutation =>
  (s) => {
    const ca = col(s, a);
    const cb = col(s, b);
    const n = s.getLastRow();
    const va = s.getRange(1, ca, n, 1).getValues();
    const vb = s.getRange(1, cb, n, 1).getValues();
    s.getRange(1, ca, n, 1).setValues(vb);
    s.getRange(1, cb, n, 1).setValues(va);
  };
const copyRow =
  (from: number, to: number): Mutation =>
  (s) =>
    s
      .getRange(to, 1, 1, s.getLastColumn())
      .setValues(s.getRange(from, 1, 1, s.getLastColumn()).getValues());
const HUGE = 'x'.repeat(50000);
const FORMULAS = ['=IMPORTXML("http://x","//a")', '+33 6 12 34 56 78', '-sample', '@everyone'];

const CASES: Case[] = [
  // KPI Data
  {
    tab: 'KPI Data',
    what: 'a missing column',
    mutate: clearHeader('Outcome'),
    message: /KPI Data: missing column "Outcome"/,
  },
  {
    tab: 'KPI Data',
    what: 'a renamed column',
    mutate: rename('Weight kg', 'Poids (kg)'),
    message: /KPI Data: missing column "Weight kg"/,
  },
  {
    tab: 'KPI Data',
    what: 'reordered columns',
    mutate: swap('Created', 'Outcome'),
    message: /KPI Dashboard refreshed/,
  },
  {
    tab: 'KPI Data',
    what: 'text in a number column',
    mutate: set('Weight kg', 7, 'heavy'),
    message: /KPI Data, row 7, column Weight kg \(I\): the text "heavy"/,
  },
  {
    tab: 'KPI Data',
    what: 'text in a date column',
    mutate: set('Received', 8, 'next week'),
    message: /KPI Data, row 8, column Received \(F\): the text "next week"/,
  },
  {
    tab: 'KPI Data',
    what: 'an error value',
    mutate: set('Cost EUR', 9, '#N/A'),
    message: /KPI Data, row 9, column Cost EUR \(L\): the error #N\/A/,
  },
  {
    tab: 'KPI Data',
    what: 'a blank row',
    mutate: blankRow(10),
    message: /KPI Dashboard refreshed/,
  },
  {
    tab: 'KPI Data',
    what: 'a blank column',
    mutate: blankColumn(3),
    message: /KPI Dashboard refreshed/,
  },
  {
    tab: 'KPI Data',
    what: 'a duplicated order id',
    mutate: copyRow(12, 13),
    message: /KPI Data, row 13, column Order ID \(A\).*duplicate/i,
  },
  {
    tab: 'KPI Data',
    what: 'a French date as text',
    mutate: set('Created', 14, '03/10/2026'),
    message: /KPI Dashboard refreshed/,
  },
  {
    tab: 'KPI Data',
    what: 'an English date as text',
    mutate: set('Created', 15, 'Oct 3, 2026'),
    message: /KPI Dashboard refreshed/,
  },
  {
    tab: 'KPI Data',
    what: 'a 50,000-character cell',
    mutate: set('Channel', 16, HUGE),
    message: /KPI Dashboard refreshed/,
  },
  {
    tab: 'KPI Data',
    what: 'formula-looking text',
    mutate: (s) =>
      FORMULAS.forEach((f, i) => s.getRange(17 + i, col(s, 'Order ID')).setValue(`'${f}`)),
    message: /KPI Dashboard refreshed/,
  },
  // KPI Targets
  {
    tab: 'KPI Targets',
    what: 'a missing column',
    mutate: clearHeader('Target'),
    message: /KPI Targets.*Target/,
  },
  {
    tab: 'KPI Targets',
    what: 'text in a number column',
    mutate: set('Target', 3, 'ten'),
    message: /KPI Targets, row 3, column Target \(B\)/,
  },
  {
    tab: 'KPI Targets',
    what: 'an unknown KPI',
    mutate: set('KPI', 4, 'happiness'),
    message: /KPI Targets, row 4, column KPI \(A\)/,
  },
  {
    tab: 'KPI Targets',
    what: 'an error value',
    mutate: set('Amber tolerance', 5, '#REF!'),
    message: /KPI Targets, row 5, column Amber tolerance \(D\)/,
  },
  // Factors
  {
    tab: 'Factors',
    what: 'a renamed column',
    mutate: rename('kg CO2e avoided per unit', 'CO2'),
    message: /Factors.*kg CO2e avoided per unit/,
  },
  {
    tab: 'Factors',
    what: 'text in a number column',
    mutate: set('kg CO2e avoided per unit', 3, 'lots'),
    message: /Factors, row 3, column kg CO2e avoided per unit \(C\)/,
  },
  { tab: 'Factors', what: 'a duplicated row', mutate: copyRow(3, 20), message: /Factors, row 20/ },
  // Partners
  {
    tab: 'Partners',
    what: 'a missing column',
    mutate: clearHeader('Partner type'),
    message: /Partners: column 'Partner type' is missing/,
  },
  {
    tab: 'Partners',
    what: 'a renamed score column',
    mutate: rename('CERT', 'Certs'),
    message: /Partners: no score column for criterion 'CERT'/,
  },
  {
    tab: 'Partners',
    what: 'reordered columns',
    mutate: swap('Country', 'Category'),
    message: /Scored \d+ partner/,
  },
  {
    tab: 'Partners',
    what: 'text in a score column',
    mutate: set('LEGAL', 3, 'good'),
    message:
      /Partners, row 3, column J \(LEGAL\): expected a score from 1 to 5, got the text "good"/,
  },
  {
    tab: 'Partners',
    what: 'an error value',
    mutate: set('COST', 4, '#DIV/0!'),
    message: /Partners, row 4, column O \(COST\).*#DIV\/0!/,
  },
  { tab: 'Partners', what: 'a blank row', mutate: blankRow(5), message: /Scored \d+ partner/ },
  {
    tab: 'Partners',
    what: 'an unknown partner type',
    mutate: set('Partner type', 6, 'trade-in'),
    message: /Partners, row 6, column D \(Partner type\): the text "trade-in" has no weight column/,
  },
  {
    tab: 'Partners',
    what: 'a 50,000-character cell',
    mutate: set('Evidence', 7, HUGE),
    message: /Scored \d+ partner/,
  },
  {
    tab: 'Partners',
    what: 'formula-looking names',
    mutate: (s) => FORMULAS.forEach((f, i) => s.getRange(8 + i, 1).setValue(`'${f}`)),
    message: /Scored \d+ partner/,
  },
  // Criteria
  {
    tab: 'Criteria',
    what: 'a missing column',
    mutate: clearHeader('ID'),
    message: /Criteria: column 'ID' is missing/,
  },
  {
    tab: 'Criteria',
    what: 'an unknown direction',
    mutate: set('Direction', 3, 'sideways'),
    message: /Criteria, row 3, column H \(Direction\): the text "sideways" is not a direction/,
  },
  {
    tab: 'Criteria',
    what: 'a negative weight',
    mutate: set('Weight recycling', 4, -5),
    message: /Criteria, row 4, column J \(Weight recycling\): number -5 is not a weight/,
  },
  {
    tab: 'Criteria',
    what: 'a duplicated id',
    mutate: set('ID', 5, 'CERT'),
    message: /Criteria, row 5: the ID 'CERT' is used twice/,
  },
  {
    tab: 'Criteria',
    what: 'text in the knock-out column',
    mutate: set('Knock-out min', 6, 'high'),
    message: /Criteria, row 6, column I \(Knock-out min\): the text "high" is not a number/,
  },
  // Ratings
  {
    tab: 'Ratings',
    what: 'text in the score column',
    mutate: set('Score', 3, 'great'),
    message: /Ratings, row 3, column D \(Score\): expected a number, got the text "great"/,
  },
  {
    tab: 'Ratings',
    what: 'an unknown partner',
    mutate: set('Partner', 4, 'Nobody Ltd'),
    message: /Ratings: partner 'Nobody Ltd' is not in Partners/,
  },
  {
    tab: 'Ratings',
    what: 'reordered columns',
    mutate: swap('Partner', 'Assessor'),
    message: /Consolidated \d+ rating row/,
  },
  {
    tab: 'Ratings',
    what: 'a missing column',
    mutate: clearHeader('Score'),
    message: /Ratings: column 'Score' is missing/,
  },
  // A country benchmark tab
  {
    tab: 'Benchmark FR',
    what: 'a renamed column',
    mutate: rename('Source', 'Sources'),
    message: /Benchmark FR.*'Source'/,
  },
  {
    tab: 'Benchmark FR',
    what: 'a missing column',
    mutate: clearHeader('Dimension'),
    message: /Benchmark FR.*'Dimension'/,
  },
  {
    tab: 'Benchmark FR',
    what: 'text in the year column',
    mutate: set('Year', 3, 'recent'),
    message: /Benchmark FR, row 3, column F \(Year\)/,
  },
  {
    tab: 'Benchmark FR',
    what: 'a date typed as French text',
    mutate: set('Last reviewed', 4, '15/03/2026'),
    message: /Benchmark refreshed/,
  },
  {
    tab: 'Benchmark FR',
    what: 'an unknown dimension',
    mutate: set('Dimension', 5, 'gossip'),
    message: /Benchmark FR, row 5, column A \(Dimension\)/,
  },
  {
    tab: 'Benchmark FR',
    what: 'formula-looking findings',
    mutate: (s) => FORMULAS.forEach((f, i) => s.getRange(6 + i, col(s, 'Finding')).setValue(f)),
    message: /Benchmark refreshed/,
  },
  // Settings
  {
    tab: 'Settings',
    what: 'text where a number belongs',
    mutate: (s) =>
      s.getRange(s.getLastRow() + 1, 1, 1, 2).setValues([['Stability spread', 'wide']]),
    message: /Settings: 'Stability spread' should be a number/,
  },
];

const ACTIONS: [string, () => void][] = [
  ['Set up workbook', index.setUpWorkbook],
  ['Consolidate ratings', index.consolidateRatings],
  ['Score partners', index.scorePartners],
  ['Refresh KPI dashboard', index.refreshKpiDashboard],
  ['Import benchmark seed', index.importBenchmarkSeed],
  ['Refresh benchmark', index.refreshBenchmark],
];

const INPUT = [
  'Settings',
  'Criteria',
  'Partners',
  'Ratings',
  'KPI Data',
  'KPI Targets',
  'Factors',
  'Benchmark FR',
  'Benchmark DE',
  'Benchmark US',
  'Benchmark UK',
  'Benchmark ES',
];

function sampleWorkbook(): Runtime {
  const rt = installRuntime();
  rt.runAs('FULL', () => index.loadSampleData());
  return rt;
}

/** Everything the person was told after `from`: alerts, toasts and the Log's warnings. */
function told(rt: Runtime, alertsFrom: number, toastsFrom: number, logFrom: number): string {
  const log = sheet(rt, 'Log');
  const lines =
    log.getLastRow() > logFrom
      ? log
          .getRange(logFrom + 1, 1, log.getLastRow() - logFrom, 6)
          .getValues()
          .map((r) => r.join(' '))
      : [];
  return [
    ...rt.ui.alerts.slice(alertsFrom).map((a) => a.prompt),
    ...rt.toasts.slice(toastsFrom).map((t) => t.message),
    ...lines,
  ].join('\n');
}

describe.each(CASES.map((c) => [`${c.tab}: ${c.what}`, c] as const))(
  'bad input — %s',
  (_name, c) => {
    test('every action answers clearly, nothing escapes, no typed cell changes', () => {
      const rt = sampleWorkbook();
      rt.runAs('FULL', () => c.mutate(sheet(rt, c.tab)));
      const before = typedCells(rt, INPUT);
      // What the test itself typed (error strings, dates as text…) is a person's input, not ours.
      const written = () =>
        rt.spreadsheet!.getSheets().map((s) => {
          const w = s as unknown as {
            unintendedFormulaWrites: unknown[];
            convertedStringWrites: unknown[];
          };
          return [w.unintendedFormulaWrites.length, w.convertedStringWrites.length] as const;
        });
      const typedBefore = new Map(rt.spreadsheet!.getSheets().map((s, i) => [s, written()[i]]));
      const alerts = rt.ui.alerts.length;
      const toasts = rt.toasts.length;
      const logRows = sheet(rt, 'Log').getLastRow();
      for (const [, action] of ACTIONS) expect(() => rt.runAs('FULL', action)).not.toThrow();
      expect(told(rt, alerts, toasts, logRows)).toMatch(c.message);
      const after = typedCells(rt, INPUT);
      expect(changedCells(before, after)).toEqual([]);
      // Nothing the add-on wrote became a formula, or a number, date, boolean or error, by accident.
      for (const s of rt.spreadsheet!.getSheets()) {
        const w = s as unknown as {
          unintendedFormulaWrites: unknown[];
          convertedStringWrites: unknown[];
        };
        const [formulas, converted] = typedBefore.get(s) ?? [0, 0];
        expect(w.unintendedFormulaWrites.slice(formulas)).toEqual([]);
        expect(w.convertedStringWrites.slice(converted)).toEqual([]);
      }
    });
  },
);

export const BAD_INPUT_CASES = CASES.length;
