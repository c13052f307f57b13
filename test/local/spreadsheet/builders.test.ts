import { crc32, inflateSync } from 'zlib';
import { Charts, FakeEmbeddedChart } from '../../../local/spreadsheet';
import { setup } from './helpers';

type Color = GoogleAppsScript.Spreadsheet.Color;
/** The Color getters of BooleanCondition / GradientCondition (newer than @types 2.0.13). */
type ColorGetters = GoogleAppsScript.Spreadsheet.BooleanCondition & {
  getBackgroundObject(): Color | null;
  getFontColorObject(): Color | null;
};
type GradientColors = GoogleAppsScript.Spreadsheet.GradientCondition & {
  getMinColorObject(): Color | null;
  getMidColorObject(): Color | null;
  getMaxColorObject(): Color | null;
};
const hex = (c: Color | null) => (c ? c.asRgbColor().asHexString() : null);

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
    const cond = sheet.getConditionalFormatRules()[0].getBooleanCondition()! as ColorGetters;
    expect([
      String(cond.getCriteriaType()),
      cond.getCriteriaValues(),
      hex(cond.getFontColorObject()),
      cond.getBold(),
      cond.getBackgroundObject(),
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
    expect(hex((rule.getBooleanCondition()! as ColorGetters).getBackgroundObject())).toBe(
      '#eeeeee',
    );
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

  test("getAs(image/png) is a valid PNG of the chart's size, weighing what a real chart does", () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .asPieChart()
      .setTitle('Share')
      .setOption('width', 600)
      .setOption('height', 320)
      .addRange(sheet.getRange('A1:B3'))
      .build();
    const blob = chart.getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    expect(blob.getName()).toBe('Share.png');
    const bytes = Buffer.from(blob.getBytes().map((b) => b & 0xff));
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.readUInt32BE(16)).toBe(600); // width
    expect(bytes.readUInt32BE(20)).toBe(320); // height
    // Tens of KB, as a real chart image: 600 × 320 one-bit pixels stored uncompressed.
    expect(bytes.length).toBeGreaterThan((600 * 320) / 8);
    expect(bytes.length).toBeLessThan(30 * 1024);
    const idat = bytes.indexOf('IDAT');
    const len = bytes.readUInt32BE(idat - 4);
    expect(inflateSync(bytes.subarray(idat + 4, idat + 4 + len)).length).toBe(320 * (1 + 75));
    const crc = bytes.readUInt32BE(idat + 4 + len);
    expect(crc).toBe(crc32(bytes.subarray(idat, idat + 4 + len)));
    expect(blob.getBytes().every((b) => b >= -128 && b <= 127)).toBe(true);
    // Without a size option, Sheets' default size.
    const plain = sheet.newChart().asPieChart().addRange(sheet.getRange('A1:B3')).build();
    const png = Buffer.from(
      plain
        .getBlob()
        .getBytes()
        .map((b) => b & 0xff),
    );
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([600, 371]);
    expect(() => chart.getAs('application/pdf')).toThrow();
  });
});

describe('deprecated colour getters are refused (their Color-object replacements answer)', () => {
  // developers.google.com/apps-script/reference/spreadsheet/gradient-condition lists only
  // get{Min,Mid,Max}ColorObject(); boolean-condition: "Some methods for getting background and font
  // color strings are deprecated and replaced by methods that return Color objects".
  test('GradientCondition.getMinColor / getMidColor / getMaxColor', () => {
    const { app, ctx } = setup();
    const heat = app
      .newConditionalFormatRule()
      .setGradientMinpointWithValue('#E67C73', app.InterpolationType.NUMBER, '0')
      .setGradientMidpointWithValue('#ffd666', app.InterpolationType.NUMBER, '1')
      .setGradientMaxpointWithValue('#57bb8a', app.InterpolationType.NUMBER, '2')
      .setRanges([app.getActiveSheet().getRange('A1:A5')])
      .build();
    const g = heat.getGradientCondition()! as GradientColors;
    expect(() => g.getMinColor()).toThrow(
      'GradientCondition.getMinColor() is deprecated; use getMinColorObject() instead',
    );
    expect(() => g.getMidColor()).toThrow(/getMidColorObject\(\)/);
    expect(() => g.getMaxColor()).toThrow(/getMaxColorObject\(\)/);
    expect(ctx.calls.get('GradientCondition.getMinColor')).toBe(1);
    expect([g.getMinColorObject(), g.getMidColorObject(), g.getMaxColorObject()].map(hex)).toEqual([
      '#e67c73',
      '#ffd666',
      '#57bb8a',
    ]);
    const min = g.getMinColorObject()!;
    expect(String(min.getColorType())).toBe('RGB');
    const rgb = min.asRgbColor();
    expect([rgb.getRed(), rgb.getGreen(), rgb.getBlue()]).toEqual([0xe6, 0x7c, 0x73]);
    expect(() => min.asThemeColor()).toThrow(/ThemeColor/);
  });

  test('BooleanCondition.getBackground / getFontColor; Range.getFontColor(s)', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#eeeeee')
      .setRanges([sheet.getRange('A1')])
      .build();
    const cond = rule.getBooleanCondition()! as ColorGetters;
    expect(() => cond.getBackground()).toThrow(/use getBackgroundObject\(\) instead/);
    expect(() => cond.getFontColor()).toThrow(/use getFontColorObject\(\) instead/);
    expect(cond.getFontColorObject()).toBeNull();
    const r = sheet.getRange('A1:B1').setFontColor('red');
    expect(() => r.getFontColor()).toThrow(/use getFontColorObject\(\) instead/);
    expect(() => r.getFontColors()).toThrow(/use getFontColorObjects\(\) instead/);
    expect(hex(r.getFontColorObject())).toBe('#ff0000');
    expect(r.getFontColorObjects().map((row) => row.map(hex))).toEqual([['#ff0000', '#ff0000']]);
  });
});

describe('chart options Sheets ignores', () => {
  // gist.github.com/tanaikech/4125cc280e15c0fc726cb2fe4f35a3f7: setOption("vAxis", {title: "y axis"})
  // "doesn't work" on an embedded chart; setOption("vAxes", {0: {title: "y axis"}}) does.
  test('a vAxis object is recorded as ignored and never read back', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B4'))
      .setOption('vAxis', { title: 'Rate', format: 'percent' })
      .build();
    sheet.insertChart(chart);
    const [placed] = sheet.getCharts();
    expect(placed.getOptions().get('vAxis.title')).toBeNull();
    expect(placed.getOptions().get('vAxis')).toBeNull();
    const fake = placed as unknown as FakeEmbeddedChart;
    expect(fake.ignoredOptions.map((o) => o.option)).toEqual(['vAxis']);
    expect(fake.ignoredOptions[0].reason).toMatch(/vAxes/);
  });

  test('vAxes objects, dotted names and other objects are honoured, read back by dotted name', () => {
    const { sheet } = setup();
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.LINE)
        .addRange(sheet.getRange('A1:B4'))
        .setOption('vAxes', { 0: { title: 'Rate', viewWindow: { min: 0 } } })
        .setOption('vAxes.1.title', 'Target')
        .setOption('hAxis', { title: 'Month' })
        .setOption('legend', { position: 'bottom' })
        .setOption('colors', ['#3366cc'])
        .build(),
    );
    const [placed] = sheet.getCharts();
    const o = placed.getOptions();
    expect([
      o.get('vAxes.0.title'),
      o.get('vAxes.0.viewWindow.min'),
      o.get('vAxes.1.title'),
      o.get('hAxis.title'),
      o.get('legend.position'),
      o.get('colors'),
    ]).toEqual(['Rate', 0, 'Target', 'Month', 'bottom', ['#3366cc']]);
    expect((placed as unknown as FakeEmbeddedChart).ignoredOptions).toEqual([]);
  });
});
