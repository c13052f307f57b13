import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { snapshotWorkbook } from '../../../local/export/snapshot';
import { CHARTS_SHEET_NAME, exportXlsx } from '../../../local/export/xlsx';
import { setup } from './helpers';

function buildWorkbook() {
  const env = setup({ sheets: ['Data'] });
  const { app, sheet, fake } = env;
  sheet.getRange('A1:D3').setValues([
    ['Country', 'Rate', 'Since', 'Total'],
    ['FR', 0.456, new Date('2024-03-01T00:00:00+01:00'), '=B2*100'],
    ['DE', 0.5, new Date('2024-04-01T00:00:00+02:00'), '=B3*100'],
  ]);
  fake.setComputedValues(2, 4, [[45.6], [50]]);
  sheet.getRange('A1:D1').setFontWeight('bold').setBackground('#cfe2f3').setFontColor('#1155cc');
  sheet.getRange('B2:B3').setNumberFormat('0.0%');
  sheet.getRange('C2:C3').setNumberFormat('yyyy-mm-dd');
  sheet.getRange('A2').setNote('ISO 3166 code');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 140);
  sheet.setTabColor('#ff9900');
  sheet
    .getRange('E2:E3')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(['Yes', 'No'])
        .setAllowInvalid(false)
        .setHelpText('Partner?')
        .build(),
    );
  sheet
    .getRange('F2:F3')
    .setDataValidation(app.newDataValidation().requireNumberBetween(0, 5).build());
  sheet
    .getRange('G2')
    .setDataValidation(
      app.newDataValidation().requireValueInRange(sheet.getRange('A2:A3')).build(),
    );
  sheet.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenNumberGreaterThan(0.45)
      .setBackground('#b7e1cd')
      .setRanges([sheet.getRange('B2:B3')])
      .build(),
    app
      .newConditionalFormatRule()
      .setGradientMinpoint('#ffffff')
      .setGradientMaxpoint('#e67c73')
      .setRanges([sheet.getRange('D2:D3')])
      .build(),
  ]);
  sheet.getRange('A1:D1').protect().setDescription('Header').setWarningOnly(true);
  sheet.insertChart(
    sheet
      .newChart()
      .asColumnChart()
      .setTitle('Rates')
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(5, 2, 0, 0)
      .build(),
  );
  app.getActiveSpreadsheet().setNamedRange('Rates', sheet.getRange('B2:B3'));
  const report = app.getActiveSpreadsheet().insertSheet('Report 2024');
  report.getRange('A1').setValue('Summary');
  return env;
}

describe('snapshotWorkbook', () => {
  test('shape and content, without counting calls', () => {
    const { ctx, ss } = buildWorkbook();
    const before = ctx.totalCalls();
    const snap = snapshotWorkbook(ss);
    expect(ctx.totalCalls()).toBe(before);
    expect(snap).toMatchObject({
      name: expect.any(String),
      timeZone: 'Europe/Paris',
      locale: 'fr_FR',
      activeSheet: 'Report 2024',
    });
    expect(snap.sheets.map((s) => s.name)).toEqual(['Data', 'Report 2024']);
    const data = snap.sheets[0];
    expect(data.dataRange).toBe('A1:D3');
    expect(data.values[1]).toEqual(['FR', 0.456, '2024-02-29T23:00:00.000Z', 45.6]);
    expect(data.formulas[1]).toEqual(['', '', '', '=B2*100']);
    expect(data.displayValues[1]).toEqual(['FR', '45,6%', '2024-03-01', '45,6']);
    expect(data.numberFormats[1]).toEqual(['', '0.0%', 'yyyy-mm-dd', '']);
    expect(data.backgrounds).toEqual({
      A1: '#cfe2f3',
      B1: '#cfe2f3',
      C1: '#cfe2f3',
      D1: '#cfe2f3',
    });
    expect(data.fontWeights.A1).toBe('bold');
    expect(data.notes).toEqual({ A2: 'ISO 3166 code' });
    expect([
      data.frozenRows,
      data.frozenColumns,
      data.columnWidths,
      data.tabColor,
      data.hidden,
    ]).toEqual([1, 0, { '1': 140 }, '#ff9900', false]);
    expect(data.dataValidations).toEqual([
      {
        range: 'E2:E3',
        type: 'VALUE_IN_LIST',
        values: [['Yes', 'No'], true],
        allowInvalid: false,
        helpText: 'Partner?',
      },
      {
        range: 'F2:F3',
        type: 'NUMBER_BETWEEN',
        values: [0, 5],
        allowInvalid: true,
        helpText: null,
      },
      {
        range: 'G2',
        type: 'VALUE_IN_RANGE',
        values: ['Data!A2:A3', true],
        allowInvalid: true,
        helpText: null,
      },
    ]);
    expect(data.conditionalFormatRules[0]).toEqual({
      ranges: ['B2:B3'],
      condition: 'NUMBER_GREATER_THAN',
      values: [0.45],
      format: { background: '#b7e1cd' },
    });
    expect(data.conditionalFormatRules[1]).toMatchObject({
      ranges: ['D2:D3'],
      condition: 'GRADIENT',
      gradient: { min: { color: '#ffffff', type: 'MIN' } },
    });
    expect(data.protections).toEqual([
      { type: 'RANGE', range: 'A1:D1', description: 'Header', warningOnly: true, editors: [] },
    ]);
    expect(data.charts).toEqual([
      {
        id: 1,
        type: 'COLUMN',
        ranges: ['Data!A1:B3'],
        position: { anchorRow: 5, anchorColumn: 2, offsetX: 0, offsetY: 0 },
        options: { title: 'Rates' },
      },
    ]);
    expect(data.unintendedFormulaWrites.map((w) => w.cell)).toEqual(['D2', 'D3']);
    expect(snap.namedRanges).toEqual([{ name: 'Rates', range: 'Data!B2:B3' }]);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
  });

  test('an empty sheet has empty grids', () => {
    const { ss } = setup();
    const s = snapshotWorkbook(ss).sheets[0];
    expect([s.values, s.formulas, s.displayValues, s.dataRange]).toEqual([[], [], [], 'A1']);
  });
});

describe('exportXlsx', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the file reads back with exceljs', async () => {
    const { ss } = buildWorkbook();
    const file = join(dir, 'book.xlsx');
    await exportXlsx(ss, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Report 2024', CHARTS_SHEET_NAME]);
    const ws = wb.getWorksheet('Data')!;
    expect(ws.getCell('A2').value).toBe('FR');
    expect(ws.getCell('B2').value).toBe(0.456);
    expect(ws.getCell('B2').numFmt).toBe('0.0%');
    // Dates carry the spreadsheet's wall-clock time.
    expect((ws.getCell('C2').value as Date).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D2').value).toEqual({ formula: 'B2*100', result: 45.6 });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FF1155CC' } });
    expect(ws.getCell('A1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFCFE2F3' },
    });
    expect(ws.getCell('A2').note).toBe('ISO 3166 code');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 0 });
    expect(ws.getColumn(1).width).toBeCloseTo(19.29, 1);
    expect(ws.getCell('E3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Yes,No"'],
      showErrorMessage: true,
      errorStyle: 'stop',
      prompt: 'Partner?',
    });
    expect(ws.getCell('F2').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 5],
    });
    expect(ws.getCell('G2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['Data!$A$2:$A$3'],
    });
    const cf = (
      ws as unknown as {
        conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }>;
      }
    ).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type])).toEqual([
      ['B2:B3', 'expression'],
      ['D2:D3', 'colorScale'],
    ]);
    const charts = wb.getWorksheet(CHARTS_SHEET_NAME)!;
    expect(charts.getRow(2).values).toEqual([
      undefined,
      'Data',
      1,
      'COLUMN',
      'Rates',
      'Data!A1:B3',
      'B5',
      '0, 0',
    ]);
    expect(wb.definedNames.getRanges('Rates').ranges).toEqual(['Data!$B$2:$B$3']);
  });

  test('a SPARKLINE is written as bars of its data with a note, never as a formula LibreOffice lacks', async () => {
    const { ss, app, sheet } = setup({ sheets: ['Trend'] });
    sheet.getRange('B2:F2').setValues([[1, 5, 3, '', 9]]);
    sheet.getRange('G2').setFormula('=SPARKLINE(B2:F2)');
    sheet.getRange('G2').setNote('Six months of requests');
    sheet.getRange('G3').setFormula('=SPARKLINE({4,4,4})');
    const other = app.getActiveSpreadsheet().insertSheet('KPI, monthly');
    other.getRange('A1:C1').setValues([[0.5, 0.25, 0.75]]);
    sheet.getRange('G4').setFormula(`=SPARKLINE('KPI, monthly'!A1:C1, {"charttype","column"})`);
    sheet.getRange('G5').setFormula('=REGEXMATCH(A1, "x")');
    sheet.getRange('G6').setFormula('=SUM(B2:F2)');
    const file = join(dir, 'sparkline.xlsx');
    await exportXlsx(ss, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Trend')!;
    // Lowest ▁, highest █, in between by rank of height, a gap for the blank month.
    expect(ws.getCell('G2').value).toBe('▁▅▃ █');
    expect(ws.getCell('G2').note).toMatch(/^Six months of requests\n\n.*=SPARKLINE\(B2:F2\)/s);
    expect(ws.getCell('G3').value).toBe('▄▄▄');
    expect(ws.getCell('G4').value).toBe('▅▁█');
    expect(ws.getCell('G4').note).toContain(
      `=SPARKLINE('KPI, monthly'!A1:C1, {"charttype","column"})`,
    );
    expect(ws.getCell('G5').value).toBe('REGEXMATCH(A1, "x")');
    expect(ws.getCell('G5').note).toContain('no REGEXMATCH');
    // A formula LibreOffice computes stays a formula.
    expect(ws.getCell('G6').value).toEqual({ formula: 'SUM(B2:F2)' });
    expect(ws.getCell('G6').note).toBeUndefined();
  });

  test('no charts: no chart list sheet; names Excel refuses are cleaned', async () => {
    const { ss, app } = setup({ sheets: ['Q1/Q2: [draft]'] });
    app.getActiveSheet().getRange('A1').setValue(1);
    const file = join(dir, 'plain.xlsx');
    await exportXlsx(ss, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Q1_Q2_ _draft_']);
  });
});
