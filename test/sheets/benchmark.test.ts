import { Cell, Grid, UserError } from '../../src/core/cells';
import { readBenchmark } from '../helpers/benchmark-read';
import { BENCHMARK_DIMENSIONS } from '../../src/core/schema/lists';
import { FACT_HEADERS } from '../../src/core/benchmark/tab-columns';
import { runAction } from '../../src/sheets/action';
import {
  addCountry,
  addCountryFromMenu,
  importBenchmarkSeed,
  refreshBenchmark,
  restoreDeletedFacts,
} from '../../src/sheets/benchmark';
import { setUpWorkbook } from '../../src/sheets/setup';
import { NO_DEADLINE, writeBlock } from '../../src/sheets/workbook';
import { benchmarkSeedRows } from '../../src/core/benchmark/seed';
import { benchmarkHighlights } from '../../src/core/benchmark/highlights';
import { Runtime } from '../../local/runtime';
import { actionContext } from '../helpers/action';
import { changedCells, installRuntime, sheet, typeInto, typedCells } from '../helpers/runtime';
import { fact, FR_GRID, HEADER, NOW } from '../core/benchmark/fixture';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const FIVE = ['FR', 'DE', 'US', 'UK', 'ES'];
const COUNTRY_TABS = FIVE.map((c) => `Benchmark ${c}`);

function ss(rt: Runtime): Spreadsheet {
  return rt.spreadsheet! as unknown as Spreadsheet;
}

/** A workbook after Set up workbook and Import benchmark seed. */
function seededWorkbook(): Runtime {
  const rt = installRuntime(NOW);
  rt.runAs('FULL', () => setUpWorkbook(actionContext(rt, NOW)));
  rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
  return rt;
}

/** Settings and the five country tabs as a person could have typed them (no seed rows), without setup. */
function typedWorkbook(tabs: Record<string, Grid> = {}): Runtime {
  const rt = installRuntime(NOW);
  typeInto(rt, 'Settings', [
    ['Key', 'Value'],
    ['Staleness months', 12],
  ]);
  for (const tab of COUNTRY_TABS) typeInto(rt, tab, tabs[tab] ?? [HEADER]);
  return rt;
}

function values(rt: Runtime, tab: string): Grid {
  return rt.runAs('FULL', () => sheet(rt, tab).getDataRange().getValues());
}

/** The overview row labelled `label` in the section whose title starts with `section`. */
function overviewRow(rt: Runtime, section: string, label: string): Cell[] {
  const grid = values(rt, 'Benchmark');
  const start = grid.findIndex((r) => String(r[0]).startsWith(section));
  const row = grid.slice(start).find((r) => String(r[0]).startsWith(label));
  if (!row) throw new Error(`no row ${label} in ${section}`);
  return row;
}

function menu(
  rt: Runtime,
  name: string,
  body: Parameters<typeof runAction>[1],
  interactive = true,
) {
  return rt.runAs('FULL', () => runAction(name, body, interactive));
}

describe('benchmark tabs on the local runtime', () => {
  test('after setup, import and refresh: the five tabs hold the seed facts with source and year; the overview compares them on every dimension', () => {
    const rt = seededWorkbook();
    const result = rt.runAs('FULL', () => refreshBenchmark(actionContext(rt, NOW)));
    expect(result.warnings).toEqual([]);

    const fr = values(rt, 'Benchmark FR');
    expect(fr[0]).toEqual([...FACT_HEADERS, 'Seed ref']);
    expect(fr).toHaveLength(1 + 58);
    const agec = fr.find((r) => r[1] === 'AGEC law')!;
    expect([agec[0], agec[5], agec[8], agec[9]]).toEqual([
      'law',
      2020,
      'verified',
      'ecosystem.eco/comprendre/loi-agec; ADEME AGEC page',
    ]);
    expect(fr.filter((r) => String(r[1]).startsWith('EU: '))).toHaveLength(20);
    const uk = values(rt, 'Benchmark UK');
    expect(uk).toHaveLength(1 + 24);
    expect(uk.some((r) => String(r[1]).startsWith('EU'))).toBe(false);
    for (const [tab, n] of [
      ['Benchmark DE', 45],
      ['Benchmark US', 22],
      ['Benchmark ES', 43],
    ] as const)
      expect(values(rt, tab)).toHaveLength(1 + n);
    for (const tab of COUNTRY_TABS) {
      for (const r of values(rt, tab).slice(1)) {
        expect(String(r[9]).length).toBeGreaterThan(3); // every fact sourced
        expect(r[12]).toMatch(/^[A-Z]+-\w+#\w+$/);
      }
    }
    // Unverified facts say so, and stand out.
    const es = values(rt, 'Benchmark ES');
    expect(es.filter((r) => r[8] === 'to verify').map((r) => r[1])).toEqual([
      'Draft Ley de Consumo Sostenible',
      'EU: Ecodesign 2023/1670 preparation for reuse',
      'Movilway',
      'Collection rate 2022-2023',
      'E-waste generated per capita (GEM)',
    ]);
    const rules = rt.runAs('FULL', () => sheet(rt, 'Benchmark ES').getConditionalFormatRules());
    const toVerify = rules.find(
      (r) => r.getBooleanCondition()?.getCriteriaValues()[0] === 'to verify',
    )!;
    expect(toVerify.getRanges()[0].getColumn()).toBe(9);

    // Countries side by side on every dimension.
    expect(overviewRow(rt, 'Findings per dimension', 'Findings per dimension')).toEqual([
      'Findings per dimension',
      ...FIVE,
      '',
      '',
    ]);
    for (const d of BENCHMARK_DIMENSIONS) {
      const row = overviewRow(rt, 'Findings per dimension', d);
      expect(row.slice(1, 6).every((v) => typeof v === 'number')).toBe(true);
      expect(
        overviewRow(rt, 'Coverage', d)
          .slice(1, 6)
          .every((v) => ['✓', '?', '✗'].includes(String(v))),
      ).toBe(true);
    }
    expect(overviewRow(rt, 'Findings per dimension', 'All findings').slice(1, 6)).toEqual([
      58, 45, 22, 24, 43,
    ]);
    expect(overviewRow(rt, 'Review status', 'To verify').slice(1, 6)).toEqual([2, 2, 1, 1, 5]);
    expect(overviewRow(rt, 'Key figures', 'Collection rate')[1]).toBe(
      '47.4 % (2022) — Household WEEE collection rate 2022',
    );
    const overview = sheet(rt, 'Benchmark');
    expect(rt.runAs('FULL', () => overview.getConditionalFormatRules()).length).toBe(9);
    // The overview sits before the country tabs.
    const names = rt.spreadsheet!.getSheets().map((s) => s.getName());
    expect(names.indexOf('Benchmark')).toBeLessThan(names.indexOf('Benchmark FR'));
  });

  test('stale and unverified facts are counted from dated fixtures and the staleness in Settings', () => {
    const rt = typedWorkbook({
      'Benchmark FR': FR_GRID,
      'Benchmark DE': [
        HEADER,
        fact('law', 'ElektroG', { year: 2015, status: 'to verify' }),
        fact('law', 'Reviewed', { year: 2015, reviewed: new Date('2026-06-01T00:00:00Z') }),
      ],
    });
    const before = typedCells(rt, COUNTRY_TABS);
    rt.runAs('FULL', () => refreshBenchmark(actionContext(rt, NOW)));
    expect(overviewRow(rt, 'Review status', 'To verify').slice(1, 6)).toEqual([2, 1, 0, 0, 0]);
    expect(
      overviewRow(
        rt,
        'Review status',
        'Due for review (never, over 12 months ago, or a future date)',
      ).slice(1, 6),
    ).toEqual([3, 1, 0, 0, 0]);
    const due = values(rt, 'Benchmark');
    const title = due.findIndex((r) => r[0] === 'Facts due for review: 4');
    expect(due.slice(title + 2, title + 6).map((r) => `${r[1]}!${r[2]}`)).toEqual([
      'Benchmark FR!4',
      'Benchmark FR!6',
      'Benchmark FR!7',
      'Benchmark DE!2',
    ]);

    // 48 months in Settings: only the facts never reviewed stay due (the Year does not count).
    const settings = values(rt, 'Settings');
    const row = settings.findIndex((r) => r[0] === 'Staleness months') + 1;
    rt.runAs('FULL', () => sheet(rt, 'Settings').getRange(row, 2).setValue(48));
    rt.runAs('FULL', () => refreshBenchmark(actionContext(rt, NOW)));
    expect(overviewRow(rt, 'Review status', 'Due for review').slice(0, 6)).toEqual([
      'Due for review (never, over 48 months ago, or a future date)',
      2,
      1,
      0,
      0,
      0,
    ]);
    expect(changedCells(before, typedCells(rt, COUNTRY_TABS))).toEqual([]);

    // The report's view of the same workbook.
    const read = rt.runAs('FULL', () => readBenchmark(ss(rt), 'Europe/Paris'));
    expect(read.stalenessMonths).toBe(48);
    const h = benchmarkHighlights(read.model, NOW, read.stalenessMonths);
    expect(h.dueForReview.map((d) => `${d.tab}!${d.row}`)).toEqual([
      'Benchmark FR!4',
      'Benchmark FR!7',
      'Benchmark DE!2',
    ]);
    expect(h.bestPractices).toEqual([
      {
        country: 'FR',
        topic: 'Good idea',
        text: 'Do the good thing',
        source: 'source of Good idea',
      },
    ]);
    expect(h.matrix.find((m) => m.dimension === 'law')!.cells.map((c) => c.mark)).toEqual([
      '✓',
      '✓',
      '✗',
      '✗',
      '✗',
    ]);
  });

  test('re-importing the seed keeps an edited finding and reports it by tab and row; the team columns are no edit; twice adds nothing', () => {
    const rt = seededWorkbook();
    const fr = sheet(rt, 'Benchmark FR');
    rt.runAs('FULL', () => fr.getRange(5, 3).setValue('Our own reading of this fact'));
    rt.runAs('FULL', () => fr.getRange(7, 11).setValue(new Date('2026-11-01T00:00:00Z')));
    rt.runAs('FULL', () => fr.deleteRow(10));
    const before = typedCells(rt, COUNTRY_TABS);
    const lastRows = rt.runAs('FULL', () => COUNTRY_TABS.map((t) => sheet(rt, t).getLastRow()));

    const result = menu(rt, 'Import benchmark seed', (ctx) =>
      importBenchmarkSeed({ ...ctx, now: NOW }),
    )!;
    expect(result.rowsWritten).toBe(0);
    // The same revision: nothing changed upstream, so nothing to offer and no warning.
    expect(result.warnings).toEqual([]);
    expect(result.details!.filter((d) => /kept as edited/.test(d))).toEqual([
      expect.stringMatching(/^Benchmark FR, row 5: '.*' differs from the seed; kept as edited\.$/),
    ]);
    expect(result.summary).toMatch(/0 updated in place, 0 kept because you edited/);
    expect(result.details).toContain(
      'Benchmark FR: 1 seed fact(s) deleted from the tab were not added back.',
    );
    expect(changedCells(before, typedCells(rt, COUNTRY_TABS))).toEqual([]);
    expect(rt.runAs('FULL', () => COUNTRY_TABS.map((t) => sheet(rt, t).getLastRow()))).toEqual(
      lastRows,
    );
    expect(rt.runAs('FULL', () => fr.getRange(5, 3).getValue())).toBe(
      'Our own reading of this fact',
    );
    // The Log keeps the row-by-row account.
    const log = values(rt, 'Log');
    expect(String(log.at(-1)![5])).toMatch(
      /Benchmark FR, row 5: '.*' differs from the seed; kept as edited/,
    );
    // …and which revision of the shipped seed the workbook now holds.
    expect(String(log.at(-1)![5])).toMatch(/Benchmark seed revision 2 \(165 facts\) held/);
    expect(result.summary).toMatch(/seed revision 2/);

    const again = rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
    expect(again.rowsWritten).toBe(0);
  });

  test('a seed fact the tab lacks (and never had, as far as the ledger knows) is appended below what is there, the rest untouched', () => {
    const rt = seededWorkbook();
    const us = sheet(rt, 'Benchmark US');
    const last = rt.runAs('FULL', () => us.getLastRow());
    // Without the ledger (e.g. it was lost), a deleted seeded row counts as a fact the tab never had.
    rt.runAs('FULL', () => PropertiesService.getDocumentProperties().deleteAllProperties());
    rt.runAs('FULL', () => us.deleteRow(3));
    const before = typedCells(rt, ['Benchmark US']);
    const result = rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
    expect(result.rowsWritten).toBe(1);
    const after = typedCells(rt, ['Benchmark US']);
    expect(changedCells(before, after)).toEqual([]);
    expect(rt.runAs('FULL', () => us.getLastRow())).toBe(last);
    expect(values(rt, 'Benchmark US').at(-1)![1]).toBe('State e-waste laws');
  });

  test('rows seeded by Set up workbook (benchmarkSeedRows, with or without the Seed ref column) are recognised, not duplicated', () => {
    const rt = typedWorkbook();
    rt.runAs('FULL', () => {
      const fr = sheet(rt, 'Benchmark FR');
      writeBlock(NO_DEADLINE, fr, 1, 13, [['Seed ref']]);
      writeBlock(NO_DEADLINE, fr, 2, 1, benchmarkSeedRows('FR'));
      writeBlock(
        NO_DEADLINE,
        sheet(rt, 'Benchmark DE'),
        2,
        1,
        benchmarkSeedRows('DE').map((r) => r.slice(0, 12)),
      );
    });
    const before = typedCells(rt, COUNTRY_TABS);
    const result = rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
    expect(result.warnings).toEqual([]);
    expect(result.rowsWritten).toBe(22 + 24 + 43); // US, UK, ES only
    const after = typedCells(rt, COUNTRY_TABS);
    expect(changedCells(before, after)).toEqual([]);
    expect(values(rt, 'Benchmark DE')[0][12]).toBe('Seed ref');
    expect(
      values(rt, 'Benchmark DE')
        .slice(1)
        .every((r) => /^(DE|EU)-/.test(String(r[12]))),
    ).toBe(true);
  });

  test('a tab without Seed ref whose grid ends at its header gets the column and its facts in one run', () => {
    const rt = typedWorkbook();
    const uk = sheet(rt, 'Benchmark UK');
    rt.runAs('FULL', () => {
      uk.deleteColumns(13, uk.getMaxColumns() - 12);
      uk.deleteRows(2, uk.getMaxRows() - 1);
    });
    const result = rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
    expect(result.warnings).toEqual([]);
    const grid = values(rt, 'Benchmark UK');
    expect(grid[0]).toEqual([...FACT_HEADERS, 'Seed ref']);
    expect(grid).toHaveLength(1 + benchmarkSeedRows('UK').length);
    expect(grid.slice(1).every((r) => r[12] !== '')).toBe(true);
    // The Seed ref column is plain text down to the last fact, as on a tab laid out by Set up.
    const formats = rt.runAs('FULL', () =>
      uk.getRange(2, 13, grid.length - 1, 1).getNumberFormats(),
    );
    expect(formats.every(([f]) => f === '@')).toBe(true);
  });

  test('Add country…: a new tab like the others, in the overview at once; refused when unknown or already there; Cancel changes nothing', () => {
    const rt = seededWorkbook();
    rt.ui.scriptResponses([{ button: 'OK', text: ' it ' }]);
    const added = rt.runAs('FULL', () => addCountryFromMenu())!;
    expect(added.summary).toBe(
      "Added 'Benchmark IT' (Italy) with 20 seed fact(s); the Benchmark overview now shows 6 countries.",
    );
    const it = sheet(rt, 'Benchmark IT');
    const names = rt.spreadsheet!.getSheets().map((s) => s.getName());
    expect(names.indexOf('Benchmark IT')).toBe(names.indexOf('Benchmark ES') + 1);
    rt.runAs('FULL', () => {
      expect(it.getRange(1, 1, 1, 13).getValues()[0]).toEqual([...FACT_HEADERS, 'Seed ref']);
      expect(it.getFrozenRows()).toBe(1);
      expect(it.getRange('A2').getDataValidation()!.getCriteriaValues()[0]).toEqual(
        BENCHMARK_DIMENSIONS,
      );
      expect(it.getRange('K2').getNumberFormat()).toBe('yyyy-mm-dd');
      const protections = it.getProtections(SpreadsheetApp.ProtectionType.RANGE);
      expect(protections).toHaveLength(1);
      expect(protections[0].isWarningOnly()).toBe(true);
      expect(it.getLastRow()).toBe(1 + 20);
    });
    expect(overviewRow(rt, 'Findings per dimension', 'Findings per dimension')).toEqual([
      'Findings per dimension',
      ...FIVE,
      'IT',
      '',
    ]);
    expect(overviewRow(rt, 'Findings per dimension', 'All findings')[6]).toBe(20);

    const tabs = () =>
      rt
        .spreadsheet!.getSheets()
        .map((s) => s.getName())
        .join('|');
    const snapshot = tabs();
    const refused = (typed: string) => {
      rt.ui.scriptResponses([{ button: 'OK', text: typed }]);
      expect(rt.runAs('FULL', () => addCountryFromMenu())).toBeNull();
      return rt.ui.alerts.at(-1)!.prompt;
    };
    expect(refused('IT')).toBe(
      "Italy (IT) is already in the benchmark: the tab 'Benchmark IT' exists. Nothing was changed.",
    );
    expect(refused('GB')).toBe(
      "United Kingdom (UK) is already in the benchmark: the tab 'Benchmark UK' exists. Nothing was changed.",
    );
    expect(refused('XX')).toMatch(/^'XX' is not an ISO 3166 country code/);
    // Cancel: the prompt comes before the action (and its lock), so nothing runs at all.
    const logLines = rt.runAs('FULL', () => sheet(rt, 'Log').getLastRow());
    rt.ui.scriptResponses([{ button: 'CANCEL', text: 'NL' }]);
    expect(rt.runAs('FULL', () => addCountryFromMenu())).toBeNull();
    expect(rt.runAs('FULL', () => sheet(rt, 'Log').getLastRow())).toBe(logLines);
    expect(tabs()).toBe(snapshot);
    // No one at the keyboard (a trigger): refused before any prompt.
    const prompts = rt.ui.prompts.length;
    expect(() => menu(rt, 'Add country…', (ctx) => addCountry(ctx, 'NL'), false)).toThrow(
      UserError,
    );
    expect(rt.ui.prompts.length).toBe(prompts);
    // Every prompt was answered before the action took the document lock (a dialog drops it).
    expect(rt.locks.lostToDialogs.filter((l) => l.dialog === 'Ui.prompt')).toEqual([]);
  });

  test('a renamed or missing column is reported by tab, column and row, and nothing is lost', () => {
    const rt = seededWorkbook();
    rt.runAs('FULL', () => sheet(rt, 'Benchmark DE').getRange(1, 9).setValue('State'));
    rt.runAs('FULL', () => sheet(rt, 'Benchmark ES').getRange(1, 1).setValue('Dim.'));
    rt.runAs('FULL', () => sheet(rt, 'Benchmark ES').getRange(2, 3).setValue('=1+1'));
    const before = typedCells(rt, COUNTRY_TABS);

    const refreshed = menu(rt, 'Refresh benchmark', (ctx) =>
      refreshBenchmark({ ...ctx, now: NOW }),
    )!;
    expect(refreshed.warnings).toContain(
      "Benchmark DE, row 1: column 'Status' is missing from the header row (is it 'State' in column I?).",
    );
    expect(refreshed.warnings).toContain(
      "Benchmark ES, row 1: column 'Dimension' is missing from the header row (is it 'Dim.' in column A?).",
    );
    expect(rt.ui.alerts.at(-1)!.prompt).toMatch(/Benchmark DE, row 1: column 'Status' is missing/);
    expect(overviewRow(rt, 'Review status', 'Tab problems').slice(1, 6)).toEqual([
      '',
      "column 'Status' is missing",
      '',
      '',
      "column 'Dimension' is missing",
    ]);
    expect(overviewRow(rt, 'Findings per dimension', 'All findings').slice(1, 6)).toEqual([
      58, 45, 22, 24, 0,
    ]);

    const imported = rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
    expect(imported.warnings.join('\n')).toMatch(
      /Benchmark DE, row 1: column 'Status' is missing .* Nothing was imported into Benchmark DE/,
    );
    expect(imported.rowsWritten).toBe(0);
    expect(changedCells(before, typedCells(rt, COUNTRY_TABS))).toEqual([]);
  });

  test('Refresh makes as many service calls on 5,000 findings across 18 countries as on the seed facts', () => {
    const extra = ['IT', 'NL', 'BE', 'AT', 'PT', 'IE', 'SE', 'PL', 'JP', 'CA', 'AU', 'CH', 'NO'];
    const countries = [...FIVE, ...extra];

    const calls = (rt: Runtime) => {
      rt.runAs('FULL', () => refreshBenchmark(actionContext(rt, NOW))); // the overview exists in both cases
      rt.ctx.resetCalls();
      const result = rt.runAs('FULL', () => refreshBenchmark(actionContext(rt, NOW)));
      return { calls: rt.ctx.totalCalls(), result };
    };

    // The seed facts in the five tabs (150 rows: 135 facts, EU ones in each member), 13 other tabs empty.
    const seed = seededWorkbook();
    const fiveTabs = calls(seed).calls;
    for (const c of extra) typeInto(seed, `Benchmark ${c}`, [HEADER]);
    const small = calls(seed);
    // A tab costs three calls (its name, its data range, its values), whatever it holds.
    expect(small.calls - fiveTabs).toBe(13 * 3);

    // 5,000 findings over the same 18 tabs.
    const big = installRuntime(NOW);
    big.runAs('FULL', () => setUpWorkbook(actionContext(big, NOW)));
    countries.forEach((c, k) => {
      const n = Math.floor(5000 / 18) + (k < 5000 % 18 ? 1 : 0);
      const rows: Grid = Array.from({ length: n }, (_, i) =>
        fact(BENCHMARK_DIMENSIONS[(i + k) % 10], `${c} fact ${i}`, {
          year: 2005 + ((i * 7) % 21),
          status: i % 9 ? 'verified' : 'to verify',
          reviewed: i % 5 ? '' : new Date(Date.UTC(2024, i % 12, 1)),
          best: i % 50 ? '' : 'A practice',
        }),
      );
      typeInto(big, `Benchmark ${c}`, [HEADER, ...rows]);
    });
    const large = calls(big);

    const total = (rt: Runtime) =>
      overviewRow(rt, 'Findings per dimension', 'All findings')
        .slice(1, 19)
        .reduce((a: number, b) => a + Number(b), 0);
    expect(total(seed)).toBe(58 + 45 + 22 + 24 + 43);
    expect(total(big)).toBe(5000);
    expect(large.result.rowsRead).toBeGreaterThan(5000);
    expect(large.calls).toBe(small.calls);
  });
});

/** Issue 17: the seed ledger from Set up onwards, restoring deleted facts, review dates. */
describe('seed facts a person deleted, and review dates, on the local runtime', () => {
  const FR_FACTS = 38 + 20;

  test('a seeded fact deleted after Set up, before any Import, is not brought back', () => {
    const rt = installRuntime(NOW);
    rt.runAs('FULL', () => setUpWorkbook(actionContext(rt, NOW)));
    const fr = sheet(rt, 'Benchmark FR');
    const deleted = rt.runAs('FULL', () => fr.getRange(3, 2).getValue());
    rt.runAs('FULL', () => fr.deleteRow(3));
    const result = rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
    expect(result.rowsWritten).toBe(0);
    expect(values(rt, 'Benchmark FR').map((r) => r[1])).not.toContain(deleted);
    expect(result.details).toContain(
      'Benchmark FR: 1 seed fact(s) deleted from the tab were not added back.',
    );
    expect(result.summary).toMatch(/Restore deleted benchmark facts… does/);
  });

  test('a cleared country tab: Import says so; Restore deleted benchmark facts… names what it restores per tab and brings it back', () => {
    const rt = seededWorkbook();
    const fr = sheet(rt, 'Benchmark FR');
    rt.runAs('FULL', () => fr.getRange(2, 1, fr.getLastRow() - 1, 13).clearContent());
    rt.runAs('FULL', () => sheet(rt, 'Benchmark UK').deleteRow(2));
    const imported = rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
    expect(imported.rowsWritten).toBe(0);
    expect(imported.summary).toMatch(/59 fact\(s\) you deleted were not brought back/);

    // No: nothing changes.
    rt.ui.scriptResponses([{ button: 'NO' }]);
    const before = typedCells(rt, COUNTRY_TABS);
    const no = menu(rt, 'Restore deleted benchmark facts…', restoreDeletedFacts)!;
    expect(no.summary).toBe('Nothing was restored.');
    expect(changedCells(before, typedCells(rt, COUNTRY_TABS))).toEqual([]);
    const question = rt.ui.alerts.find((a) => a.title === 'Restore deleted benchmark facts')!;
    expect(question.prompt).toMatch(/^These seed facts were deleted/);
    expect(question.prompt).toMatch(new RegExp(`Benchmark FR: ${FR_FACTS} fact\\(s\\) \\(`));
    expect(question.prompt).toMatch(/Benchmark UK: 1 fact\(s\) \(/);

    rt.ui.scriptResponses([{ button: 'YES' }]);
    const yes = menu(rt, 'Restore deleted benchmark facts…', restoreDeletedFacts)!;
    expect(yes.summary).toMatch(new RegExp(`^Restored ${FR_FACTS + 1} deleted benchmark fact`));
    const frRows = values(rt, 'Benchmark FR').filter((r) => /^(FR|EU)-/.test(String(r[12])));
    expect(frRows).toHaveLength(FR_FACTS);
    // What a person typed below the cleared rows is untouched, and a second restore finds nothing.
    expect(() =>
      rt.runAs('FULL', () => restoreDeletedFacts({ ...actionContext(rt, NOW) })),
    ).toThrow(/No deleted benchmark fact to restore/);
    const again = rt.runAs('FULL', () => importBenchmarkSeed(actionContext(rt, NOW)));
    expect(again.rowsWritten).toBe(0);
  });

  test('after Set up, a seeded fact is due only when the seed never checked it; a Last reviewed in 2062 is flagged', () => {
    // Revision 2 was checked on 2026-11-29: a day after it.
    const LATER = new Date(Date.UTC(2026, 10, 30, 9));
    const rt = installRuntime(LATER);
    rt.runAs('FULL', () => setUpWorkbook(actionContext(rt, LATER)));
    const es = sheet(rt, 'Benchmark ES');
    rt.runAs('FULL', () => es.getRange(2, 11).setValue(new Date('2062-01-15T00:00:00Z')));
    rt.runAs('FULL', () => refreshBenchmark(actionContext(rt, LATER)));
    const never = COUNTRY_TABS.map(
      (t) => values(rt, t).filter((r, i) => i > 0 && r[1] !== '' && r[10] === '').length,
    );
    const due = overviewRow(rt, 'Review status', 'Due for review').slice(1, 6);
    // Per country (overview order): its facts never checked, plus ES's 2062 date.
    const codes = overviewRow(rt, 'Findings per dimension', 'Findings per dimension').slice(1, 6);
    expect(due).toEqual(codes.map((c) => never[FIVE.indexOf(String(c))] + (c === 'ES' ? 1 : 0)));
    const total = due.reduce<number>((n, v) => n + Number(v), 0);
    expect(total).toBeLessThan(60); // was 140 of 163 with the Year as a review date
    const overview = values(rt, 'Benchmark');
    const flagged = overview.find((r) => r[1] === 'Benchmark ES' && r[2] === 2)!;
    expect(flagged[7]).toMatch(/^Last reviewed 2062-01-15 is in the future/);
  });
});
