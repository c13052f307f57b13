/**
 * Import orders (CSV)… and Undo last import on the local runtime (layer 2): a French back
 * office's exports (core/sample) parsed as the dialog will parse them, imported into a set-up
 * workbook, re-imported, corrected by a person, undone.
 */
import { Cell, Grid, UserError } from '../../src/core/cells';
import { suggestMapping } from '../../src/core/import';
import { backOfficeExports, PERSONAL_DATA_HEADERS } from '../../src/core/sample/back-office-export';
import { importOrders, ImportRequest, undoLastImport } from '../../src/sheets/import/import-orders';
import { memoryGrid, readMemoryGrid } from '../../src/sheets/import/memory';
import { setUpWorkbook } from '../../src/sheets/setup';
import { Runtime } from '../../local/runtime';
import { parseCsv } from '../../src/dialog/read-file';
import { actionContext } from '../helpers/action';
import { changedCells, installRuntime, sheet, typedCells } from '../helpers/runtime';

const NOW = new Date(Date.UTC(2026, 10, 20, 9));
const EX = backOfficeExports({ count: 60 });

/** The file as the dialog parses it (Papa Parse, via the dialog's own reader). */
function parse(text: string): { headers: string[]; lines: string[][] } {
  const file = parseCsv(text);
  return { headers: file.headers, lines: file.rows };
}

const FIRST = parse(EX.first);
const SECOND = parse(EX.second);
const request = (name: string, file: { headers: string[]; lines: string[][] }): ImportRequest => ({
  fileName: name,
  headers: file.headers,
  lines: file.lines,
  dateOrder: 'dmy',
  decimal: ',',
});

function workbook(): Runtime {
  const rt = installRuntime(NOW);
  rt.runAs('FULL', () => setUpWorkbook(actionContext(rt, NOW)));
  return rt;
}
const run = <T>(rt: Runtime, body: () => T): T => rt.runAs('FULL', body);
const importFile = (rt: Runtime, name: string, file = FIRST) =>
  run(rt, () => importOrders(actionContext(rt, NOW), request(name, file)));
const undo = (rt: Runtime) => run(rt, () => undoLastImport(actionContext(rt, NOW)));
const values = (rt: Runtime, tab: string): Grid =>
  run(rt, () => sheet(rt, tab).getDataRange().getValues());
const kpi = (rt: Runtime) => typedCells(rt, ['KPI Data']);
const col = (rt: Runtime, name: string) => values(rt, 'KPI Data')[0].indexOf(name);

/** The KPI column each French header fills (the default mapping). */
const MAPPING = suggestMapping(FIRST.headers);

describe('Import orders (CSV)…', () => {
  test('the default mapping never takes personal data', () => {
    for (const h of PERSONAL_DATA_HEADERS) expect(MAPPING[h]).toBeNull();
    expect(MAPPING['N° commande']).toBe('Order ID');
  });

  test('first import: 60 orders, ids as text with zeros, dates as dates, French outcomes read, bad cells rejected and listed', () => {
    const rt = workbook();
    const result = importFile(rt, 'export-1.csv');
    expect(result.summary).toMatch(/60 added, 0 updated/);
    expect(result.warnings.join(' ')).toMatch(/4 values of export-1\.csv not imported/);
    const grid = values(rt, 'KPI Data');
    const id = col(rt, 'Order ID');
    const rows = grid.slice(1).filter((r) => r[id] !== '');
    expect(rows).toHaveLength(60);
    rows.forEach((r, i) => expect(r[id]).toBe(String(i + 1).padStart(6, '0')));
    for (const r of rows) expect(r[col(rt, 'Created')]).toBeInstanceOf(Date);
    const outcomes = new Set(rows.map((r) => r[col(rt, 'Outcome')]).filter((v) => v !== ''));
    expect(outcomes.size).toBeGreaterThan(1);
    for (const o of outcomes)
      expect(['reused', 'refurbished', 'recycled', 'returned', 'lost', 'rejected']).toContain(o);

    const last = values(rt, 'Last import');
    expect(last[1]).toEqual(expect.arrayContaining(['File', 'export-1.csv']));
    expect(last.some((r) => r[0] === 'Added' && r[1] === 60)).toBe(true);
    const rejectedAt = last.findIndex((r) => String(r[0]).startsWith('Rejected: 4'));
    expect(rejectedAt).toBeGreaterThan(0);
    expect(EX.badCells).toHaveLength(4);
    for (const bad of EX.badCells) {
      const listed = last
        .slice(rejectedAt)
        .find((r) => r[0] === bad.line && r[2] === MAPPING[bad.column]);
      expect(listed).toBeDefined();
      expect(listed![3]).toBe(bad.value);
      // Field-level: the order itself was imported.
      expect(rows[bad.line - 2][id]).toBe(FIRST.lines[bad.line - 2][0]);
    }
  });

  test('Import memory is one hidden tab, title first', () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    const memory = run(rt, () => sheet(rt, 'Import memory'));
    expect(run(rt, () => memory.isSheetHidden())).toBe(true);
    expect(String(values(rt, 'Import memory')[0][0])).toMatch(/^Import memory.*Do not edit/);
  });

  test('importing the same file twice changes nothing', () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    const before = typedCells(rt, ['KPI Data', 'Import memory']);
    const again = importFile(rt, 'export-1.csv');
    expect(again.summary).toMatch(/0 added, 0 updated, 60 unchanged, 0 kept/);
    const after = typedCells(rt, ['KPI Data', 'Import memory']);
    expect(changedCells(before, after)).toEqual([]);
    expect(after.size).toBe(before.size);
  });

  test("a person's correction of an imported cell is kept on re-import, and listed", () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    const category = col(rt, 'Category');
    run(rt, () =>
      sheet(rt, 'KPI Data')
        .getRange(5, category + 1)
        .setValue('tablet'),
    );
    const result = importFile(rt, 'export-1.csv');
    expect(values(rt, 'KPI Data')[4][category]).toBe('tablet');
    expect(result.summary).toMatch(/1 kept a person's value/);
    expect(result.warnings.join(' ')).toMatch(/1 order kept a value a person wrote/);
    const last = values(rt, 'Last import');
    const kept = last.find((r) => r[0] === '000004' && r[2] === 'Category');
    expect(kept).toBeDefined();
    expect(kept![4]).toBe('tablet');
    expect(kept![5]).toBe(FIRST.lines[3][2]);
  });

  test('the second export fills only blank cells of known orders and appends the new ones', () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    const before = values(rt, 'KPI Data');
    const result = importFile(rt, 'export-2.csv', SECOND);
    const after = values(rt, 'KPI Data');
    const added = SECOND.lines.length - 60;
    expect(added).toBeGreaterThan(0);
    expect(result.summary).toMatch(new RegExp(`${added} added`));
    let filled = 0;
    for (let r = 1; r <= 60; r++)
      before[r].forEach((v, c) => {
        const now = after[r][c];
        const same =
          v instanceof Date ? now instanceof Date && now.getTime() === v.getTime() : now === v;
        if (same) return;
        expect({ row: r + 1, column: before[0][c], was: v }).toEqual({
          row: r + 1,
          column: before[0][c],
          was: '',
        });
        filled++;
      });
    expect(filled).toBeGreaterThan(0);
    const id = col(rt, 'Order ID');
    const appended = after.slice(61).filter((r) => r[id] !== '');
    expect(appended.map((r) => r[id])).toEqual(SECOND.lines.slice(60).map((l) => l[0]));
  });

  test('undo after the second import restores the first import exactly; a second undo is refused', () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    const first = kpi(rt);
    importFile(rt, 'export-2.csv', SECOND);
    expect(kpi(rt).size).toBeGreaterThan(first.size);
    const result = undo(rt);
    expect(result.summary).toMatch(/Undid the import of export-2\.csv/);
    const restored = kpi(rt);
    expect(changedCells(first, restored)).toEqual([]);
    expect(changedCells(restored, first)).toEqual([]);
    expect(restored.size).toBe(first.size);
    expect(String(values(rt, 'Last import')[1][0])).toMatch(
      /^The import of export-2\.csv .* was undone on 2026-11-20 10:00/,
    );
    // The ledger is back too: the first file again changes nothing.
    expect(importFile(rt, 'export-1.csv').summary).toMatch(/0 added, 0 updated, 60 unchanged/);
    // Nothing left to undo: the no-op import did not record one.
    expect(() => undo(rt)).toThrow(/no import to undo/);
  });

  test('a second undo says there is nothing to undo', () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    importFile(rt, 'export-2.csv', SECOND);
    undo(rt);
    const before = kpi(rt);
    expect(() => undo(rt)).toThrow(UserError);
    expect(() => undo(rt)).toThrow(/no import to undo/);
    expect(changedCells(before, kpi(rt))).toEqual([]);
  });

  test('undo is refused, naming tab, row and column, once a person edited a cell the import wrote', () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    const before1 = values(rt, 'KPI Data');
    importFile(rt, 'export-2.csv', SECOND);
    const after2 = values(rt, 'KPI Data');
    // A cell the second import filled in on an order the first one brought.
    const cells: { row: number; column: number }[] = [];
    for (let r = 1; r <= 60; r++)
      before1[r].forEach((v, c) => {
        if (v === '' && after2[r][c] !== '') cells.push({ row: r + 1, column: c + 1 });
      });
    const { row, column } = cells[0];
    // Neither what the import wrote nor what was there before it (a blank there would be what
    // the undo leaves: an undo cut short half-way is resumed, see test/core/import/undo.test.ts).
    run(rt, () => sheet(rt, 'KPI Data').getRange(row, column).setValue('checked by hand'));
    const before = kpi(rt);
    const name = String(after2[0][column - 1]);
    expect(() => undo(rt)).toThrow(
      new RegExp(`Undo last import refused: .*KPI Data.*row ${row}, ${name}`),
    );
    expect(changedCells(before, kpi(rt))).toEqual([]);
  });

  test('a note a colleague types beside a row the import added, while Undo runs, is kept', () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    importFile(rt, 'export-2.csv', SECOND);
    const read = values(rt, 'KPI Data');
    const row = read.length; // the last row: one the second import added
    const beside = read[0].length + 1; // the first column right of the table
    // Typed once Undo has read and checked the tab, before it clears the rows it added.
    let typed = false;
    rt.ctx.onCall = (name) => {
      if (typed || name !== 'Range.getFormulas') return;
      typed = true;
      rt.ctx.outsideTheScript(() =>
        sheet(rt, 'KPI Data').getRange(row, beside).setValue('ask the carrier'),
      );
    };
    try {
      expect(undo(rt).summary).toMatch(/Undid the import of export-2\.csv/);
    } finally {
      rt.ctx.onCall = null;
    }
    expect(typed).toBe(true);
    const after = run(rt, () => sheet(rt, 'KPI Data').getRange(row, 1, 1, beside).getValues()[0]);
    expect(after[beside - 1]).toBe('ask the carrier');
    // The row the import added is cleared all the same.
    expect(after.slice(0, beside - 1).filter((v) => v !== '')).toEqual([]);
  });

  test('personal data (names, e-mails, IBANs) appears nowhere in the workbook', () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    importFile(rt, 'export-2.csv', SECOND);
    const personal = PERSONAL_DATA_HEADERS.map((h) => SECOND.headers.indexOf(h));
    const secrets = new Set<string>();
    for (const l of SECOND.lines) for (const i of personal) if (l[i]) secrets.add(l[i]);
    expect(secrets.size).toBeGreaterThan(100);
    const text = [...typedCells(rt).values()].map((v: Cell) => String(v)).join('\n');
    for (const s of secrets) expect(text).not.toContain(s);
    const props = run(rt, () =>
      JSON.stringify(PropertiesService.getDocumentProperties()!.getProperties()),
    );
    for (const s of secrets) expect(props).not.toContain(s);
  });
});

describe('text from the file stays text', () => {
  test('formula-looking ids and labels are written as text, never run, on first import and on update', () => {
    const rt = workbook();
    const hostile = ['=HYPERLINK("http://x.example","y")', '+33 6 12 34 56 78', '-2+3', '@SUM(A1)'];
    const file = (category: string) => ({
      headers: ['N° commande', 'Date de création', 'Catégorie', 'Canal'],
      lines: hostile.map((h, i) => [h, `0${i + 1}/10/2026 10:00`, category, h]),
    });
    importFile(rt, 'hostile.csv', file('laptop'));
    importFile(rt, 'hostile-2.csv', file('=1+1'));
    const grid = values(rt, 'KPI Data');
    const formulas = run(rt, () => sheet(rt, 'KPI Data').getDataRange().getFormulas());
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
    const rows = grid.slice(1).filter((r) => r[col(rt, 'Order ID')] !== '');
    expect(rows.map((r) => r[col(rt, 'Order ID')])).toEqual(hostile);
    expect(rows.map((r) => r[col(rt, 'Channel')])).toEqual(hostile);
    expect(rows.map((r) => r[col(rt, 'Category')])).toEqual(hostile.map(() => '=1+1'));
  });
});

describe('updates spread over the whole tab', () => {
  /** FIRST with the category of the given lines (0-based) changed, as a later export would say. */
  const recategorised = (lines: number[]) => ({
    headers: FIRST.headers,
    lines: FIRST.lines.map((l, i) =>
      lines.includes(i) ? l.map((v, j) => (j === 2 ? 'tablet' : v)) : l,
    ),
  });
  const callsOf = (rt: Runtime, body: () => void): number => {
    rt.ctx.resetCalls();
    body();
    return rt.ctx.totalCalls();
  };

  test('are written in the same number of calls whether 2 or 30 scattered orders change', () => {
    // One workbook after the other: the runtime installs its services as the globals.
    const few = workbook();
    importFile(few, 'export-1.csv');
    const fewCalls = callsOf(few, () => importFile(few, 'export-1b.csv', recategorised([2, 49])));
    const undoFew = callsOf(few, () => undo(few));
    const many = workbook();
    importFile(many, 'export-1.csv');
    const every = FIRST.lines.map((_, i) => i).filter((i) => i % 2 === 0);
    const manyCalls = callsOf(many, () => importFile(many, 'export-1b.csv', recategorised(every)));
    expect(
      values(many, 'KPI Data').filter((r) => r[col(many, 'Category')] === 'tablet').length,
    ).toBeGreaterThanOrEqual(every.length);
    expect(manyCalls).toBe(fewCalls);
    const undoMany = callsOf(many, () => undo(many));
    expect(undoMany).toBe(undoFew);
  });

  test("keep a person's formula between the updated orders, through the import and its undo", () => {
    const rt = workbook();
    importFile(rt, 'export-1.csv');
    const csat = col(rt, 'CSAT') + 1;
    const cell = () => run(rt, () => sheet(rt, 'KPI Data').getRange(20, csat));
    run(rt, () => cell().setFormula('=2+3'));
    const result = importFile(rt, 'export-1b.csv', recategorised([2, 49]));
    expect(result.summary).toMatch(/2 updated/);
    expect(run(rt, () => cell().getFormula())).toBe('=2+3');
    undo(rt);
    expect(run(rt, () => cell().getFormula())).toBe('=2+3');
    expect(values(rt, 'KPI Data')[3][col(rt, 'Category')]).toBe(FIRST.lines[2][2]);
  });
});

describe('Import memory (de)serialisation', () => {
  test('100,000 ledger entries round-trip through cells of at most 40,000 characters', () => {
    const ledger: Record<string, string> = {};
    for (let i = 0; i < 100000; i++) ledger[String(i).padStart(6, '0')] = `fp${i}:Created,Outcome`;
    const grid = memoryGrid({ ledger, last: null });
    expect(grid.length).toBeGreaterThan(10);
    for (const [v] of grid.slice(1)) expect(String(v).length).toBeLessThanOrEqual(40000);
    expect(readMemoryGrid(grid)).toEqual({ ledger, last: null });
    expect(readMemoryGrid([['title']])).toEqual({ ledger: {}, last: null });
  });
});
