import { fakeSheet } from '../../../local/spreadsheet';
import { setup } from './helpers';

describe('dimensions', () => {
  test('a new sheet is 1000 × 26 and getRange beyond it throws until rows/columns are inserted', () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow('outside the dimensions of the sheet');
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    sheet.insertColumnsAfter(26, 4);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1500, 30]);
    sheet.getRange(1, 1, 1500, 30).setValue(1);
    expect(sheet.getLastRow()).toBe(1500);
    expect(sheet.getLastColumn()).toBe(30);
  });

  test('inserting rows and columns moves cells and formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A2').setBackground('#00ff00');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:B4').getValues()).toEqual([
      [1, 2],
      ['', ''],
      ['', ''],
      [3, 4],
    ]);
    expect(sheet.getRange('A4').getBackground()).toBe('#00ff00');
    sheet.insertColumns(1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', 1, 2]]);
    sheet.insertRows(1, 1);
    expect(sheet.getRange('B2').getValue()).toBe(1);
    sheet.insertRowAfter(1);
    sheet.insertColumnBefore(1);
    sheet.insertColumnAfter(1);
    expect(sheet.getRange('D3').getValue()).toBe(1);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1004, 29]);
    expect(() => sheet.insertRowsAfter(0, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertColumnsAfter(30, 1)).toThrow('Those columns are out of bounds.');
  });

  test('deleting rows and columns', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C3').setValues([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    sheet.deleteRows(1, 2);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[7, 8, 9]]);
    sheet.deleteColumn(2);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[7, 9]]);
    sheet.deleteRow(1);
    expect(sheet.getLastRow()).toBe(0);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([997, 25]);
    expect(() => sheet.deleteRows(990, 20)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 997)).toThrow("You can't delete all the rows on the sheet.");
    expect(() => sheet.deleteColumns(1, 25)).toThrow(
      "You can't delete all the columns on the sheet.",
    );
  });

  test('getLastRow / getLastColumn / getDataRange follow content (values or formulas), not formats', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('Z900').setBackground('#000000');
    sheet.getRange('C5').setValue('x');
    sheet.getRange('E2').setFormula('=1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E5');
    sheet.getRange('C5').setValue('');
    expect(sheet.getLastRow()).toBe(2);
    const r = sheet.getRange('B2:D7');
    expect([
      r.getLastRow(),
      r.getLastColumn(),
      r.getRow(),
      r.getColumn(),
      r.getNumRows(),
      r.getNumColumns(),
    ]).toEqual([7, 4, 2, 2, 6, 3]);
  });

  test('appendRow writes after the last content row and grows the grid', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['h1', 'h2']]);
    sheet.appendRow(['a', '12']);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['a', 12]]);
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(Array.from({ length: 30 }, (_, i) => i));
    expect([
      sheet.getMaxRows(),
      sheet.getMaxColumns(),
      sheet.getLastRow(),
      sheet.getLastColumn(),
    ]).toEqual([3, 30, 3, 30]);
  });

  test('frozen panes, widths, tab colour, hiding', () => {
    const { sheet, ss } = setup();
    expect(sheet.setFrozenRows(2)).toBeUndefined();
    sheet.setFrozenColumns(1);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([2, 1]);
    expect(() => sheet.setFrozenRows(1000)).toThrow();
    sheet.setColumnWidth(2, 180).setColumnWidths(3, 2, 60);
    expect([1, 2, 3, 4].map((c) => sheet.getColumnWidth(c))).toEqual([100, 180, 60, 60]);
    sheet.getRange('E1:E2').setValues([['a fairly long label here'], ['x']]);
    sheet.autoResizeColumns(5, 1);
    expect(fakeSheet(sheet).autoResizedColumns).toEqual([{ startColumn: 5, numColumns: 1 }]);
    expect(sheet.getColumnWidth(5)).toBeGreaterThan(100);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getColumnWidth(3)).toBe(180);
    sheet.setTabColor('#FF0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets");
    ss.asGas().insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
  });
});

describe('sheets of a spreadsheet', () => {
  test('defaults: id, url, time zone, locale', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    expect(ss.getSpreadsheetLocale()).toBe('fr_FR');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Feuille 1']);
    ss.setSpreadsheetTimeZone('America/New_York');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow();
    ss.setSpreadsheetLocale('en_US');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
  });

  test('insertSheet: names, positions, activation, duplicates', () => {
    const { app } = setup({ sheets: ['Data'] });
    const ss = app.getActiveSpreadsheet();
    // insertSheet(String,Integer): "The new sheet becomes the active sheet."
    const report = ss.insertSheet('Report');
    expect(app.getActiveSheet().getName()).toBe('Report');
    ss.insertSheet('First', 0);
    expect(ss.getActiveSheet().getName()).toBe('First');
    const unnamed = ss.insertSheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      'First',
      'Data',
      'Report',
      unnamed.getName(),
    ]);
    expect(report.getIndex()).toBe(3);
    expect(() => ss.insertSheet('Report')).toThrow(
      'A sheet with the name "Report" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('report')).toThrow('already exists');
    expect(() => report.setName('Data')).toThrow(
      'A sheet with the name "Data" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetByName('Report')!.getSheetId()).toBe(report.getSheetId());
    expect(ss.getSheetById(report.getSheetId())!.getName()).toBe('Report');
    ss.setActiveSheet(ss.getSheetByName('Data')!);
    expect(ss.getActiveSheet().getName()).toBe('Data');
    report.activate();
    expect(app.getActiveSheet().getName()).toBe('Report');
  });

  test('insertSheet with a template copies it', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1').setValue('x').setBackground('#123456');
    sheet.setFrozenRows(1);
    const copy = app.getActiveSpreadsheet().insertSheet('Copy', { template: sheet });
    expect([
      copy.getRange('A1').getValue(),
      copy.getRange('A1').getBackground(),
      copy.getFrozenRows(),
    ]).toEqual(['x', '#123456', 1]);
    copy.getRange('A1').setValue('y');
    expect(sheet.getRange('A1').getValue()).toBe('x');
  });

  test('deleteSheet', () => {
    const { app } = setup({ sheets: ['A', 'B'] });
    const ss = app.getActiveSpreadsheet();
    const b = ss.getSheetByName('B')!;
    ss.setNamedRange('onB', b.getRange('A1'));
    b.activate();
    ss.deleteSheet(b);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A']);
    expect(ss.getActiveSheet().getName()).toBe('A');
    expect(ss.getRangeByName('onB')).toBeNull();
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow(
      'not possible to delete all non-hidden sheets',
    );
  });

  test('renaming a sheet rewrites formulas that point at it', () => {
    const { app, sheet } = setup({ sheets: ['Data', 'Report'] });
    const report = app.getActiveSpreadsheet().getSheetByName('Report')!;
    report.getRange('A1:A2').setFormulas([['=Data!A1*2'], ["=SUM('Data'!B:B)"]]);
    sheet.setName('Raw data');
    expect(report.getRange('A1:A2').getFormulas()).toEqual([
      ["='Raw data'!A1*2"],
      ["=SUM('Raw data'!B:B)"],
    ]);
  });

  test('toast is recorded', () => {
    const { app, ss } = setup();
    app.getActiveSpreadsheet().toast('Done');
    app.getActiveSpreadsheet().toast('Step 2/3', 'Report', 10);
    expect(ss.toasts).toEqual([
      { message: 'Done', title: null, timeout: null },
      { message: 'Step 2/3', title: 'Report', timeout: 10 },
    ]);
  });
});

describe('named ranges', () => {
  test('set / get / list / remove / rename', () => {
    const { app, sheet } = setup();
    const ss = app.getActiveSpreadsheet();
    ss.setNamedRange('Scores', sheet.getRange('B2:C10'));
    expect(ss.getRangeByName('Scores')!.getA1Notation()).toBe('B2:C10');
    expect(ss.getRangeByName('Missing')).toBeNull();
    const [nr] = ss.getNamedRanges();
    expect(nr.getName()).toBe('Scores');
    expect(sheet.getNamedRanges().map((n) => n.getName())).toEqual(['Scores']);
    nr.setName('Weights');
    expect(ss.getRangeByName('Scores')).toBeNull();
    expect(ss.getRangeByName('Weights')!.getA1Notation()).toBe('B2:C10');
    ss.removeNamedRange('Weights');
    expect(ss.getNamedRanges()).toEqual([]);
    expect(() => ss.setNamedRange('A1', sheet.getRange('A1'))).toThrow('Invalid name');
    expect(() => ss.setNamedRange('1abc', sheet.getRange('A1'))).toThrow('Invalid name');
  });

  test('named ranges, protections, rules and charts follow inserted/deleted rows', () => {
    const { app, sheet } = setup();
    const ss = app.getActiveSpreadsheet();
    ss.setNamedRange('Block', sheet.getRange('B5:C6'));
    const p = sheet.getRange('A10:B10').protect();
    const rule = app
      .newConditionalFormatRule()
      .whenCellNotEmpty()
      .setBackground('#eeeeee')
      .setRanges([sheet.getRange('A3:A8')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertChart(
      sheet
        .newChart()
        .asLineChart()
        .addRange(sheet.getRange('B5:C6'))
        .setPosition(8, 1, 0, 0)
        .build(),
    );
    sheet.insertRowsBefore(4, 2);
    expect(ss.getRangeByName('Block')!.getA1Notation()).toBe('B7:C8');
    expect(p.getRange().getA1Notation()).toBe('A12:B12');
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A3:A10');
    const chart = sheet.getCharts()[0];
    expect(chart.getRanges()[0].getA1Notation()).toBe('B7:C8');
    expect(chart.getContainerInfo().getAnchorRow()).toBe(10);
    sheet.deleteRows(7, 2);
    expect(ss.getRangeByName('Block')).toBeNull();
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe(
      'A10:B10',
    );
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A3:A8');
    expect(sheet.getCharts()[0].getRanges()).toEqual([]);
  });
});

describe('protection', () => {
  test('range and sheet protections', () => {
    const { app, sheet } = setup();
    const p = sheet
      .getRange('A1:B2')
      .protect()
      .setDescription('Computed block')
      .setWarningOnly(true);
    expect([
      p.getDescription(),
      p.isWarningOnly(),
      String(p.getProtectionType()),
      p.getRange().getA1Notation(),
    ]).toEqual(['Computed block', true, 'RANGE', 'A1:B2']);
    const s1 = sheet.protect().setDescription('whole sheet');
    const s2 = sheet.protect();
    expect(s2.getDescription()).toBe('whole sheet');
    expect(String(s1.getProtectionType())).toBe('SHEET');
    expect(s1.getRange().getA1Notation()).toBe('A1:Z1000');
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(app.getActiveSpreadsheet().getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    expect(p.canEdit()).toBe(true);
  });
});

describe('merges and borders are recorded', () => {
  test('merge / breakApart / setBorder', () => {
    const { sheet, fake } = setup();
    sheet.getRange('A1:C1').merge();
    sheet.getRange('A2:B3').setBorder(true, true, true, true, null, null, '#000', null);
    expect(fake.merges.map((m) => m.range.getA1NotationInternal())).toEqual(['A1:C1']);
    expect(fake.borders[0]).toMatchObject({ range: 'A2:B3', top: true, color: '#000000' });
    sheet.getRange('A1:D1').breakApart();
    expect(fake.merges).toEqual([]);
  });
});

test('getSheetValues with -1 reads the used area and moves its cells as getValues does', () => {
  const { ctx, sheet } = setup();
  sheet.getRange('A1:C2').setValues([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  ctx.resetCalls();
  expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  expect(ctx.cellsTransferred).toBe(6);
  expect(ctx.meter.cost.cellsRead).toBe(6);
  sheet.getRange('A1:C2').getValues();
  expect(ctx.meter.cost.cellsRead).toBe(12);
});
