/**
 * Embedded charts: the `Charts` enums, `sheet.newChart()` builders (with the typed `as*Chart()`
 * views), and built charts. Nothing is drawn offline; the builder calls are recorded as gviz-style
 * options (`title`, `isStacked`, `colors`, `legend.position`, `hAxis.title`, …) and `getAs()` hands
 * out a blank PNG of the chart's size and of a real chart's weight (chart-png.ts), so mail code
 * can inline "the chart" and meets the size quotas real images meet.
 */
import type { ExecutionContext } from '../context';
import { FakeBlob } from '../services/blob';
import { DEFAULT_CHART_SIZE, chartPng } from './chart-png';
import { requireInteger, signatureError } from './errors';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { ChartBuilderMethod, MethodOf } from '../call-cost';

type C = GoogleAppsScript.Charts.Charts;
type ChartType = GoogleAppsScript.Charts.ChartType;

type Range = GoogleAppsScript.Spreadsheet.Range;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

function stringEnum<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;
}

/** The `Charts` global's enums (string-valued, see enums.ts). */
export const Charts: Pick<
  C,
  | 'ChartType'
  | 'Position'
  | 'ChartHiddenDimensionStrategy'
  | 'ChartMergeStrategy'
  | 'CurveStyle'
  | 'PointStyle'
  | 'ColumnType'
> = {
  ChartType: stringEnum<C['ChartType']>([
    'TIMELINE',
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'RADAR',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TREEMAP',
    'WATERFALL',
  ]),
  Position: stringEnum<C['Position']>(['TOP', 'RIGHT', 'BOTTOM', 'NONE']),
  ChartHiddenDimensionStrategy: stringEnum<C['ChartHiddenDimensionStrategy']>([
    'IGNORE_BOTH',
    'IGNORE_ROWS',
    'IGNORE_COLUMNS',
    'SHOW_BOTH',
  ]),
  ChartMergeStrategy: stringEnum<C['ChartMergeStrategy']>(['MERGE_COLUMNS', 'MERGE_ROWS']),
  CurveStyle: stringEnum<C['CurveStyle']>(['NORMAL', 'SMOOTH']),
  PointStyle: stringEnum<C['PointStyle']>(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']),
  ColumnType: stringEnum<C['ColumnType']>(['DATE', 'NUMBER', 'STRING']),
};

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** A setOption call Sheets does not honour, kept so tests can see it (see setOption). */
export interface IgnoredOption {
  option: string;
  value: unknown;
  reason: string;
}

export interface ChartState {
  chartId: number | null;
  type: string | null;
  ranges: FakeRange[];
  position: ChartPosition;
  options: Map<string, unknown>;
  numHeaders: number;
  transpose: boolean;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
  /** setOption calls an embedded chart ignores, oldest first. */
  ignoredOptions: IgnoredOption[];
}

function copyState(s: Readonly<ChartState>): ChartState {
  return {
    ...s,
    ranges: s.ranges.slice(),
    position: { ...s.position },
    options: new Map(s.options),
    ignoredOptions: s.ignoredOptions.map((o) => ({ ...o })),
  };
}

/**
 * A nested option object that embedded charts do not honour. Reported by tanaikech (third-party,
 * gist.github.com/tanaikech/4125cc280e15c0fc726cb2fe4f35a3f7): "When a chart is created by using
 * EmbeddedChartBuilder of Spreadsheet service, the title of vAxis which is put by
 * setOption("vAxis", {title: "y axis"}) doesn't work", while `setOption("vAxes", {0: {title:
 * "y axis"}})` does. The same report's sample sets `setOption("hAxis", {title: "x axis"})` and
 * `setOption("legend", {position: "top"})` and complains only of the vAxis title, so only a
 * `vAxis` object is modelled as ignored; `vAxes` and `series` objects are honoured (the report
 * says nothing against them). Dotted names (`vAxes.0.title`, `animation.duration` as in the
 * EmbeddedChartBuilder reference's own sample) are honoured.
 */
const IGNORED_OBJECT_OPTIONS: Record<string, string> = {
  vAxis:
    'Embedded charts ignore a vAxis object (setOption("vAxis", {title: …}) shows no title): use setOption("vAxes", {0: {…}}) or dotted names such as "vAxes.0.title".',
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** An option object as the dotted names Sheets stores ('vAxes' {0: {title}} → 'vAxes.0.title'). */
function flatten(prefix: string, value: unknown, out: Map<string, unknown>): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, out);
  } else {
    out.set(prefix, value);
  }
}

function sameRange(a: FakeRange, b: FakeRange): boolean {
  return (
    a.sheet === b.sheet &&
    a.row === b.row &&
    a.col === b.col &&
    a.numRows === b.numRows &&
    a.numCols === b.numCols
  );
}

class FakeContainerInfo implements Pick<
  GoogleAppsScript.Spreadsheet.ContainerInfo,
  'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY'
> {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly p: ChartPosition,
  ) {}
  getAnchorColumn(): number {
    this.ctx.call('ContainerInfo.getAnchorColumn', 'document-read');
    return this.p.anchorColumn;
  }
  getAnchorRow(): number {
    this.ctx.call('ContainerInfo.getAnchorRow', 'document-read');
    return this.p.anchorRow;
  }
  getOffsetX(): number {
    this.ctx.call('ContainerInfo.getOffsetX', 'document-read');
    return this.p.offsetX;
  }
  getOffsetY(): number {
    this.ctx.call('ContainerInfo.getOffsetY', 'document-read');
    return this.p.offsetY;
  }
}

class FakeChartOptions implements Pick<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly options: ReadonlyMap<string, unknown>,
  ) {}
  get(option: string): unknown {
    this.ctx.call('ChartOptions.get', 'document-read');
    const v = this.options.get(option);
    return v === undefined ? null : v;
  }
}

type ChartMethods =
  | 'getAs'
  | 'getBlob'
  | 'getChartId'
  | 'getContainerInfo'
  | 'getHiddenDimensionStrategy'
  | 'getMergeStrategy'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify';

export class FakeEmbeddedChart implements Pick<EmbeddedChart, ChartMethods> {
  readonly state: ChartState;

  constructor(
    private readonly ctx: ExecutionContext,
    readonly sheet: FakeSheet,
    state: ChartState,
  ) {
    this.state = copyState(state);
  }

  private read(method: MethodOf<GoogleAppsScript.Spreadsheet.EmbeddedChart> | 'getType'): void {
    this.ctx.call(`EmbeddedChart.${method}`, 'document-read');
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.read('getAs');
    if (contentType !== 'image/png') {
      throw new Error(`Converting from image/png to ${contentType} is not supported.`);
    }
    return this.png();
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.read('getBlob');
    return this.png();
  }

  private png(): GoogleAppsScript.Base.Blob {
    const size = (option: string, fallback: number) => {
      const v = this.state.options.get(option);
      return typeof v === 'number' && v > 0 ? v : fallback;
    };
    const bytes = chartPng(
      size('width', DEFAULT_CHART_SIZE.width),
      size('height', DEFAULT_CHART_SIZE.height),
    );
    return new FakeBlob(
      this.ctx,
      bytes,
      'image/png',
      this.blobName(),
    ) as unknown as GoogleAppsScript.Base.Blob;
  }

  private blobName(): string {
    const title = this.state.options.get('title');
    return `${typeof title === 'string' && title ? title : 'Chart'}.png`;
  }

  getChartId(): number | null {
    this.read('getChartId');
    return this.state.chartId;
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    this.read('getContainerInfo');
    return new FakeContainerInfo(this.ctx, {
      ...this.state.position,
    }) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }

  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    this.read('getHiddenDimensionStrategy');
    return this.state
      .hiddenDimensionStrategy as unknown as GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
  }

  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    this.read('getMergeStrategy');
    return this.state.mergeStrategy as unknown as GoogleAppsScript.Charts.ChartMergeStrategy;
  }

  getNumHeaders(): number {
    this.read('getNumHeaders');
    return this.state.numHeaders;
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    this.read('getOptions');
    return new FakeChartOptions(
      this.ctx,
      new Map(this.state.options),
    ) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }

  getRanges(): Range[] {
    this.read('getRanges');
    return this.state.ranges.slice() as unknown as Range[];
  }

  getTransposeRowsAndColumns(): boolean {
    this.read('getTransposeRowsAndColumns');
    return this.state.transpose;
  }

  /** The chart type (not in Apps Script's EmbeddedChart; the real one exposes it only via the builder). */
  getType(): ChartType {
    this.read('getType');
    return this.state.type as unknown as ChartType;
  }

  modify(): EmbeddedChartBuilder {
    this.read('modify');
    return new FakeEmbeddedChartBuilder(
      this.ctx,
      this.sheet,
      this.state,
    ) as unknown as EmbeddedChartBuilder;
  }

  /** Plain description for snapshots and exports. */
  describe(): {
    id: number | null;
    type: string | null;
    ranges: string[];
    position: ChartPosition;
    options: Record<string, unknown>;
    ignoredOptions?: IgnoredOption[];
  } {
    return {
      id: this.state.chartId,
      type: this.state.type,
      ranges: this.state.ranges.map((r) => r.qualifiedA1()),
      position: { ...this.state.position },
      options: Object.fromEntries(this.state.options),
      ...(this.state.ignoredOptions.length
        ? { ignoredOptions: this.state.ignoredOptions.map((o) => ({ ...o })) }
        : {}),
    };
  }

  /** The setOption calls this chart ignored (a vAxis object, …), for tests; empty when none. */
  get ignoredOptions(): readonly IgnoredOption[] {
    return this.state.ignoredOptions;
  }
}

type BaseMethods =
  | 'addRange'
  | 'asAreaChart'
  | 'asBarChart'
  | 'asColumnChart'
  | 'asComboChart'
  | 'asHistogramChart'
  | 'asLineChart'
  | 'asPieChart'
  | 'asScatterChart'
  | 'asTableChart'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getContainer'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setHiddenDimensionStrategy'
  | 'setMergeStrategy'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition'
  | 'setTransposeRowsAndColumns';

type Typed = GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder &
  GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder;

type TypedMethods =
  | 'setTitle'
  | 'setTitleTextStyle'
  | 'setBackgroundColor'
  | 'setColors'
  | 'setLegendPosition'
  | 'setLegendTextStyle'
  | 'setXAxisTitle'
  | 'setYAxisTitle'
  | 'setXAxisTextStyle'
  | 'setYAxisTextStyle'
  | 'setXAxisTitleTextStyle'
  | 'setYAxisTitleTextStyle'
  | 'setStacked'
  | 'reverseCategories'
  | 'setRange'
  | 'useLogScale';

export class FakeEmbeddedChartBuilder
  implements
    Pick<EmbeddedChartBuilder, BaseMethods>,
    Pick<GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder, TypedMethods>,
    Pick<GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder, 'reverseDirection'>,
    Pick<GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder, 'setCurveStyle' | 'setPointStyle'>,
    Pick<GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder, 'set3D'>,
    Pick<
      GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder,
      'setXAxisRange' | 'setYAxisRange' | 'setXAxisLogScale' | 'setYAxisLogScale'
    >
{
  private s: ChartState;

  constructor(
    private readonly ctx: ExecutionContext,
    readonly sheet: FakeSheet,
    from?: Readonly<ChartState>,
  ) {
    this.s = from
      ? copyState(from)
      : {
          chartId: null,
          type: null,
          ranges: [],
          position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
          options: new Map(),
          numHeaders: -1,
          transpose: false,
          hiddenDimensionStrategy: 'IGNORE_BOTH',
          mergeStrategy: 'MERGE_COLUMNS',
          ignoredOptions: [],
        };
  }

  private count(method: ChartBuilderMethod): void {
    this.ctx.call(`EmbeddedChartBuilder.${method}`, 'document-read');
  }

  private base(method: ChartBuilderMethod): EmbeddedChartBuilder {
    this.count(method);
    return this as unknown as EmbeddedChartBuilder;
  }

  private typed(method: ChartBuilderMethod, key?: string, value?: unknown): Typed {
    this.count(method);
    if (key !== undefined) this.s.options.set(key, value);
    return this as unknown as Typed;
  }

  private as(method: ChartBuilderMethod, type: string): Typed {
    this.count(method);
    this.s.type = type;
    return this as unknown as Typed;
  }

  /** Bar charts lie on their side: their value axis is the horizontal one. */
  private valueAxis(): string {
    return this.s.type === 'BAR' ? 'hAxis' : 'vAxis';
  }

  addRange(range: Range): EmbeddedChartBuilder {
    const b = this.base('addRange');
    if (!(range instanceof FakeRange))
      throw signatureError('EmbeddedChartBuilder.addRange', [range]);
    this.s.ranges.push(range);
    return b;
  }

  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.as('asAreaChart', 'AREA');
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as('asBarChart', 'BAR');
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as('asColumnChart', 'COLUMN');
  }
  asComboChart(): GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder {
    return this.as('asComboChart', 'COMBO');
  }
  asHistogramChart(): GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder {
    return this.as('asHistogramChart', 'HISTOGRAM');
  }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as('asLineChart', 'LINE');
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as('asPieChart', 'PIE');
  }
  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return this.as('asScatterChart', 'SCATTER');
  }
  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.as('asTableChart', 'TABLE');
  }

  build(): EmbeddedChart {
    this.count('build');
    if (!this.s.type) throw new Error('The chart type must be set before the chart is built.');
    return new FakeEmbeddedChart(this.ctx, this.sheet, this.s) as unknown as EmbeddedChart;
  }

  clearRanges(): EmbeddedChartBuilder {
    const b = this.base('clearRanges');
    this.s.ranges = [];
    return b;
  }

  getChartType(): ChartType {
    this.count('getChartType');
    return this.s.type as unknown as ChartType;
  }

  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    this.count('getContainer');
    return new FakeContainerInfo(this.ctx, {
      ...this.s.position,
    }) as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }

  getRanges(): Range[] {
    this.count('getRanges');
    return this.s.ranges.slice() as unknown as Range[];
  }

  removeRange(range: Range): EmbeddedChartBuilder {
    const b = this.base('removeRange');
    if (!(range instanceof FakeRange))
      throw signatureError('EmbeddedChartBuilder.removeRange', [range]);
    this.s.ranges = this.s.ranges.filter((r) => !sameRange(r, range));
    return b;
  }

  setChartType(type: ChartType): EmbeddedChartBuilder {
    const b = this.base('setChartType');
    if (!(String(type) in Charts.ChartType))
      throw signatureError('EmbeddedChartBuilder.setChartType', [type]);
    this.s.type = String(type);
    return b;
  }

  setHiddenDimensionStrategy(
    strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy,
  ): EmbeddedChartBuilder {
    const b = this.base('setHiddenDimensionStrategy');
    this.s.hiddenDimensionStrategy = String(strategy);
    return b;
  }

  setMergeStrategy(
    mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy,
  ): EmbeddedChartBuilder {
    const b = this.base('setMergeStrategy');
    this.s.mergeStrategy = String(mergeStrategy);
    return b;
  }

  setNumHeaders(headers: number): EmbeddedChartBuilder {
    const b = this.base('setNumHeaders');
    requireInteger('EmbeddedChartBuilder.setNumHeaders', [headers], 0);
    this.s.numHeaders = headers;
    return b;
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    const b = this.base('setOption');
    if (typeof option !== 'string')
      throw signatureError('EmbeddedChartBuilder.setOption', [option, value]);
    if (isPlainObject(value) && option in IGNORED_OBJECT_OPTIONS) {
      // Sheets accepts the call and draws the chart without it (see IGNORED_OBJECT_OPTIONS).
      this.s.ignoredOptions.push({ option, value, reason: IGNORED_OBJECT_OPTIONS[option] });
      return b;
    }
    // An object is stored as its dotted names, so getOptions().get('vAxes.0.title') finds it.
    flatten(option, value, this.s.options);
    return b;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder {
    const b = this.base('setPosition');
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    requireInteger('EmbeddedChartBuilder.setPosition', args, 0, 1, 2, 3);
    if (anchorRowPos < 1 || anchorColPos < 1)
      throw new Error('The anchor row and column of a chart must be at least 1.');
    this.s.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return b;
  }

  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    const b = this.base('setTransposeRowsAndColumns');
    this.s.transpose = transpose;
    return b;
  }

  // Typed-builder methods, recorded as the gviz options they stand for.

  setTitle(chartTitle: string): Typed {
    return this.typed('setTitle', 'title', chartTitle);
  }
  setTitleTextStyle(textStyle: GoogleAppsScript.Charts.TextStyle): Typed {
    return this.typed('setTitleTextStyle', 'titleTextStyle', textStyle);
  }
  setBackgroundColor(cssValue: string): Typed {
    return this.typed('setBackgroundColor', 'backgroundColor', cssValue);
  }
  setColors(cssValues: string[]): Typed {
    if (!Array.isArray(cssValues)) {
      this.count('setColors');
      throw signatureError('EmbeddedChartBuilder.setColors', [cssValues]);
    }
    return this.typed('setColors', 'colors', cssValues.slice());
  }
  setLegendPosition(position: GoogleAppsScript.Charts.Position): Typed {
    return this.typed('setLegendPosition', 'legend.position', String(position).toLowerCase());
  }
  setLegendTextStyle(textStyle: GoogleAppsScript.Charts.TextStyle): Typed {
    return this.typed('setLegendTextStyle', 'legend.textStyle', textStyle);
  }
  setXAxisTitle(title: string): Typed {
    return this.typed('setXAxisTitle', 'hAxis.title', title);
  }
  setYAxisTitle(title: string): Typed {
    return this.typed('setYAxisTitle', 'vAxis.title', title);
  }
  setXAxisTextStyle(textStyle: GoogleAppsScript.Charts.TextStyle): Typed {
    return this.typed('setXAxisTextStyle', 'hAxis.textStyle', textStyle);
  }
  setYAxisTextStyle(textStyle: GoogleAppsScript.Charts.TextStyle): Typed {
    return this.typed('setYAxisTextStyle', 'vAxis.textStyle', textStyle);
  }
  setXAxisTitleTextStyle(textStyle: GoogleAppsScript.Charts.TextStyle): Typed {
    return this.typed('setXAxisTitleTextStyle', 'hAxis.titleTextStyle', textStyle);
  }
  setYAxisTitleTextStyle(textStyle: GoogleAppsScript.Charts.TextStyle): Typed {
    return this.typed('setYAxisTitleTextStyle', 'vAxis.titleTextStyle', textStyle);
  }
  setStacked(): Typed {
    return this.typed('setStacked', 'isStacked', true);
  }
  reverseCategories(): Typed {
    return this.typed('reverseCategories', 'reverseCategories', true);
  }
  reverseDirection(): Typed {
    return this.typed('reverseDirection', 'hAxis.direction', -1);
  }
  setRange(start: number, end: number): Typed {
    const axis = this.valueAxis();
    this.s.options.set(`${axis}.viewWindow.min`, start);
    return this.typed('setRange', `${axis}.viewWindow.max`, end);
  }
  useLogScale(): Typed {
    return this.typed('useLogScale', `${this.valueAxis()}.logScale`, true);
  }
  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): Typed {
    return this.typed('setPointStyle', 'pointStyle', String(style));
  }
  setCurveStyle(style: GoogleAppsScript.Charts.CurveStyle): Typed {
    return this.typed(
      'setCurveStyle',
      'curveType',
      String(style) === 'SMOOTH' ? 'function' : 'none',
    );
  }
  set3D(): Typed {
    return this.typed('set3D', 'is3D', true);
  }
  setXAxisRange(start: number, end: number): Typed {
    this.s.options.set('hAxis.viewWindow.min', start);
    return this.typed('setXAxisRange', 'hAxis.viewWindow.max', end);
  }
  setYAxisRange(start: number, end: number): Typed {
    this.s.options.set('vAxis.viewWindow.min', start);
    return this.typed('setYAxisRange', 'vAxis.viewWindow.max', end);
  }
  setXAxisLogScale(): Typed {
    return this.typed('setXAxisLogScale', 'hAxis.logScale', true);
  }
  setYAxisLogScale(): Typed {
    return this.typed('setYAxisLogScale', 'vAxis.logScale', true);
  }
}
