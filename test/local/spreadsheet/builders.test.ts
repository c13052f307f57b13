import { inflateSync } from 'zlib';
import { Charts } from '../../../local/spreadsheet';
import { setup } from './helpers';

describe('data validation', () => {
  test('builder round-trip', () => {
    const { app, sheet } = setup();
    const list = app
      .newDataValidation()
      .requireValueInList(['Yes', 'No'], false)
      .setAllowInvalid(false)
      .setHelpText('Pick one')
      .build();
    expect(String(list.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(list.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(list.getCriteriaValues()).toEqual([['Yes', 'No'], false]);
    expect(list.getAllowInvalid()).toBe(false);
    expect(list.getHelpText()).toBe('Pick one');

    const source = sheet.getRange('H1:H5');
    const inRange = app.newDataValidation().requireValueInRange(source).build();
    expect(inRange.getCriteriaValues()[0].getA1Notation()).toBe('H1:H5');
    expect(inRange.getCriteriaValues()[1]).toBe(true);
    expect(inRange.getAllowInvalid()).toBe(true);

    const between = app.newDataValidation().requireNumberBetween(0, 5).build();
    expect([String(between.getCriteriaType()), between.getCriteriaValues()]).toEqual([
      'NUMBER_BETWEEN',
      [0, 5],
    ]);
    const gte = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build();
    expect(String(gte.getCriteriaType())).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(String(app.newDataValidation().requireDate().build().getCriteriaType())).toBe(
      'DATE_IS_VALID_DATE',
    );
    expect(String(app.newDataValidation().requireCheckbox().build().getCriteriaType())).toBe(
      'CHECKBOX',
    );
    expect(String(app.newDataValidation().requireTextIsEmail().build().getCriteriaType())).toBe(
      'TEXT_IS_VALID_EMAIL',
    );
    const after = app
      .newDataValidation()
      .requireDateAfter(new Date('2024-01-01T00:00:00Z'))
      .build();
    expect((after.getCriteriaValues()[0] as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  test('built rules are immutable snapshots; copy() starts a new builder', () => {
    const { app } = setup();
    const builder = app.newDataValidation().requireValueInList(['a']);
    const rule = builder.build();
    builder.requireValueInList(['b']).setHelpText('changed');
    expect(rule.getCriteriaValues()).toEqual([['a'], true]);
    expect(rule.getHelpText()).toBe('');
    const copy = rule.copy().setAllowInvalid(false).build();
    expect([copy.getCriteriaValues(), copy.getAllowInvalid(), rule.getAllowInvalid()]).toEqual([
      [['a'], true],
      false,
      true,
    ]);
    const values = rule.getCriteriaValues();
    (values[0] as string[]).push('mutated');
    expect(rule.getCriteriaValues()[0]).toEqual(['a']);
  });

  test('bad arguments and missing criteria throw', () => {
    const { app } = setup();
    expect(() => app.newDataValidation().requireNumberBetween('1' as unknown as number, 2)).toThrow(
      "don't match the method signature",
    );
    expect(() => app.newDataValidation().requireValueInList('a' as unknown as string[])).toThrow(
      "don't match the method signature",
    );
    expect(() => app.newDataValidation().build()).toThrow();
  });

  test('applied to ranges', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).build();
    sheet.getRange('A1:A3').setDataValidation(rule);
    expect(
      sheet
        .getRange('A1:A3')
        .getDataValidations()
        .map((r) => r[0] === null),
    ).toEqual([false, false, false]);
    expect(sheet.getRange('A2').getDataValidation()!.getCriteriaValues()).toEqual([1, 5]);
    sheet.getRange('A1:B1').setDataValidations([[null, rule]]);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    sheet.getRange('A1:B3').clearDataValidations();
    expect(
      sheet
        .getRange('A1:B3')
        .getDataValidations()
        .flat()
        .every((r) => r === null),
    ).toBe(true);
    expect(() => sheet.getRange('A1:B1').setDataValidations([[rule]])).toThrow(
      'The number of columns in the data does not match',
    );
  });
});

describe('conditional format rules', () => {
  test('builder, getters and replace-all semantics', () => {
    const { app, sheet } = setup();
    const range = sheet.getRange('B2:B20');
    const red = app
      .newConditionalFormatRule()
      .whenNumberLessThan(0)
      .setFontColor('#FF0000')
      .setBold(true)
      .setRanges([range])
      .build();
    const green = app
      .newConditionalFormatRule()
      .whenTextContains('OK')
      .setBackground('#00ff00')
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([red, green]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    const cond = sheet.getConditionalFormatRules()[0].getBooleanCondition()!;
    expect([
      String(cond.getCriteriaType()),
      cond.getCriteriaValues(),
      cond.getFontColor(),
      cond.getBold(),
      cond.getBackground(),
    ]).toEqual(['NUMBER_LESS_THAN', [0], '#ff0000', true, null]);
    const heat = app
      .newConditionalFormatRule()
      .setGradientMinpointWithValue('#ffffff', app.InterpolationType.NUMBER, '0')
      .setGradientMidpointWithValue('#ffd666', app.InterpolationType.PERCENTILE, '50')
      .setGradientMaxpointWithValue('#e67c73', app.InterpolationType.NUMBER, '100')
      .setRanges([sheet.getRange('C2:E10')])
      .build();
    expect(heat.getBooleanCondition()).toBeNull();
    expect(heat.getGradientCondition()!.getMidValue()).toBe('50');
    sheet.setConditionalFormatRules([heat]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
    const rules = sheet.getConditionalFormatRules();
    rules.push(red);
    sheet.setConditionalFormatRules(rules);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  test('rules are immutable, need a condition, a range on this sheet', () => {
    const { app, sheet, ss } = setup();
    const b = app
      .newConditionalFormatRule()
      .whenCellNotEmpty()
      .setBackground('#eeeeee')
      .setRanges([sheet.getRange('A1')]);
    const rule = b.build();
    b.whenCellEmpty().setBackground('#000000');
    expect(String(rule.getBooleanCondition()!.getCriteriaType())).toBe('CELL_NOT_EMPTY');
    expect(rule.getBooleanCondition()!.getBackground()).toBe('#eeeeee');
    expect(() => app.newConditionalFormatRule().setBackground('#fff').build()).toThrow();
    expect(() => app.newConditionalFormatRule().setGradientMinpoint('#fff').build()).toThrow();
    const other = ss.asGas().insertSheet('Other');
    const foreign = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#fff')
      .setRanges([other.getRange('A1')])
      .build();
    expect(() => sheet.setConditionalFormatRules([foreign])).toThrow('different sheet');
    const noRange = app.newConditionalFormatRule().whenCellEmpty().setBackground('#fff').build();
    expect(() => sheet.setConditionalFormatRules([noRange])).toThrow('at least one range');
    const f = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$A1>0')
      .setBackground('#fff')
      .setRanges([sheet.getRange('A1:C3')])
      .build();
    expect(f.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$A1>0']);
    const between = app
      .newConditionalFormatRule()
      .whenNumberBetween(1, 2)
      .setBackground('#fff')
      .setRanges([sheet.getRange('A1')])
      .build();
    expect(between.copy().build().getBooleanCondition()!.getCriteriaValues()).toEqual([1, 2]);
  });
});

describe('charts', () => {
  test('insert, read back, update via modify(), remove', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['Country', 'Rate'],
      ['FR', 0.4],
      ['DE', 0.5],
      ['IT', 0.3],
    ]);
    const chart = sheet
      .newChart()
      .asColumnChart()
      .setTitle('Collection rate')
      .setStacked()
      .setColors(['#3366cc'])
      .setLegendPosition(Charts.Position.BOTTOM)
      .setXAxisTitle('Country')
      .setYAxisTitle('Rate')
      .addRange(sheet.getRange('A1:B4'))
      .setPosition(2, 4, 10, 5)
      .setOption('vAxis.format', 'percent')
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [placed] = sheet.getCharts();
    const id = placed.getChartId();
    expect(typeof id).toBe('number');
    expect(placed.getOptions().get('title')).toBe('Collection rate');
    expect(placed.getOptions().get('isStacked')).toBe(true);
    expect(placed.getOptions().get('colors')).toEqual(['#3366cc']);
    expect(placed.getOptions().get('legend.position')).toBe('bottom');
    expect(placed.getOptions().get('hAxis.title')).toBe('Country');
    expect(placed.getOptions().get('vAxis.format')).toBe('percent');
    expect(placed.getOptions().get('missing')).toBeNull();
    expect(placed.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B4']);
    const info = placed.getContainerInfo();
    expect([
      info.getAnchorRow(),
      info.getAnchorColumn(),
      info.getOffsetX(),
      info.getOffsetY(),
    ]).toEqual([2, 4, 10, 5]);

    const modified = placed
      .modify()
      .setChartType(Charts.ChartType.BAR)
      .setOption('title', 'Updated')
      .clearRanges()
      .addRange(sheet.getRange('A1:B3'))
      .build();
    expect(placed.getOptions().get('title')).toBe('Collection rate');
    sheet.updateChart(modified);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0].getChartId()).toBe(id);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Updated');
    expect(String(sheet.getCharts()[0].modify().getChartType())).toBe('BAR');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
    expect(() => sheet.removeChart(modified)).toThrow();
    expect(() => sheet.updateChart(chart)).toThrow();
  });

  test('typed builders return the same builder; build needs a chart type', () => {
    const { sheet } = setup();
    const b = sheet.newChart();
    expect(b.asPieChart()).toBe(b);
    expect(() => sheet.newChart().addRange(sheet.getRange('A1')).build()).toThrow();
    const line = sheet
      .newChart()
      .asLineChart()
      .setCurveStyle(Charts.CurveStyle.SMOOTH)
      .addRange(sheet.getRange('A1:B2'))
      .build();
    expect(line.getOptions().get('curveType')).toBe('function');
    const removed = sheet
      .newChart()
      .setChartType(Charts.ChartType.AREA)
      .addRange(sheet.getRange('A1:B2'))
      .addRange(sheet.getRange('D1:D2'))
      .removeRange(sheet.getRange('A1:B2'))
      .build();
    expect(removed.getRanges().map((r) => r.getA1Notation())).toEqual(['D1:D2']);
  });

  test('getAs(image/png) is a small valid PNG blob', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .asPieChart()
      .setTitle('Share')
      .addRange(sheet.getRange('A1:B3'))
      .build();
    const blob = chart.getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    expect(blob.getName()).toBe('Share.png');
    const bytes = Buffer.from(blob.getBytes().map((b) => b & 0xff));
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.readUInt32BE(16)).toBe(1); // width
    expect(bytes.readUInt32BE(20)).toBe(1); // height
    const idat = bytes.indexOf('IDAT');
    const len = bytes.readUInt32BE(idat - 4);
    expect(inflateSync(bytes.subarray(idat + 4, idat + 4 + len)).length).toBeGreaterThan(0);
    expect(blob.getBytes().every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(() => chart.getAs('application/pdf')).toThrow();
  });
});
