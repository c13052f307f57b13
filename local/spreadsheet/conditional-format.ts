/**
 * Conditional format rules: a boolean condition (`whenNumberGreaterThan(…)` + format) or a colour
 * gradient (heat map), applied to ranges. Built rules are immutable; a sheet's rules are replaced
 * as a whole by `setConditionalFormatRules` (platform.md §7.6).
 */
import type { ExecutionContext } from '../context';
import { normalizeColor } from './cell';
import { colorObject } from './color';
import { BooleanCriteria, InterpolationType } from './enums';
import { deprecatedError, requireNumber, requireString, signatureError } from './errors';
import { FakeRange } from './range';
import type { MethodOf } from '../call-cost';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Interp = GoogleAppsScript.Spreadsheet.InterpolationType;
type Criteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type Color = GoogleAppsScript.Spreadsheet.Color;

export interface GradientPoint {
  color: string;
  type: string;
  value: string;
}

export interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export interface RuleState {
  criteria: string | null;
  values: unknown[];
  gradient: {
    min: GradientPoint | null;
    mid: GradientPoint | null;
    max: GradientPoint | null;
  } | null;
  format: RuleFormat;
  ranges: FakeRange[];
}

function emptyFormat(): RuleFormat {
  return {
    background: null,
    fontColor: null,
    bold: null,
    italic: null,
    strikethrough: null,
    underline: null,
  };
}

function copyState(s: Readonly<RuleState>): RuleState {
  return {
    criteria: s.criteria,
    values: s.values.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)),
    gradient: s.gradient
      ? {
          min: s.gradient.min && { ...s.gradient.min },
          mid: s.gradient.mid && { ...s.gradient.mid },
          max: s.gradient.max && { ...s.gradient.max },
        }
      : null,
    format: { ...s.format },
    ranges: s.ranges.slice(),
  };
}

export interface RuleDescription {
  ranges: string[];
  condition: string;
  values: unknown[];
  format: Partial<RuleFormat>;
  gradient?: { min: GradientPoint | null; mid: GradientPoint | null; max: GradientPoint | null };
}

/**
 * getBackground() and getFontColor() are deprecated: "Some methods for getting background and font
 * color strings are deprecated and replaced by methods that return Color objects"
 * (developers.google.com/apps-script/reference/spreadsheet/boolean-condition): the methods table
 * lists only getBackgroundObject() and getFontColorObject(). The local runtime refuses the old ones.
 * (The Color getters are newer than @types/google-apps-script 2.0.13, hence not in the Pick.)
 */
export class FakeBooleanCondition implements Pick<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  | 'getBackground'
  | 'getBold'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getFontColor'
  | 'getItalic'
  | 'getStrikethrough'
  | 'getUnderline'
> {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly s: Readonly<RuleState>,
  ) {}

  private get(
    method:
      | MethodOf<GoogleAppsScript.Spreadsheet.BooleanCondition>
      | 'getBackgroundObject'
      | 'getFontColorObject',
  ): void {
    this.ctx.call(`BooleanCondition.${method}`, 'free');
  }
  getBackground(): string | null {
    this.get('getBackground');
    throw deprecatedError('BooleanCondition.getBackground()', 'getBackgroundObject()');
  }
  getBackgroundObject(): Color | null {
    this.get('getBackgroundObject');
    return colorObject(this.ctx, this.s.format.background);
  }
  getBold(): boolean | null {
    this.get('getBold');
    return this.s.format.bold;
  }
  getCriteriaType(): Criteria {
    this.get('getCriteriaType');
    return this.s.criteria as unknown as Criteria;
  }
  getCriteriaValues(): unknown[] {
    this.get('getCriteriaValues');
    return this.s.values.map((v) => (v instanceof Date ? new Date(v.getTime()) : v));
  }
  getFontColor(): string | null {
    this.get('getFontColor');
    throw deprecatedError('BooleanCondition.getFontColor()', 'getFontColorObject()');
  }
  getFontColorObject(): Color | null {
    this.get('getFontColorObject');
    return colorObject(this.ctx, this.s.format.fontColor);
  }
  getItalic(): boolean | null {
    this.get('getItalic');
    return this.s.format.italic;
  }
  getStrikethrough(): boolean | null {
    this.get('getStrikethrough');
    return this.s.format.strikethrough;
  }
  getUnderline(): boolean | null {
    this.get('getUnderline');
    return this.s.format.underline;
  }
}

type GradientMethods =
  | 'getMaxColor'
  | 'getMaxType'
  | 'getMaxValue'
  | 'getMidColor'
  | 'getMidType'
  | 'getMidValue'
  | 'getMinColor'
  | 'getMinType'
  | 'getMinValue';

/**
 * getMinColor(), getMidColor() and getMaxColor() are deprecated (platform.md §8 item 15): the
 * reference's methods table lists only getMinColorObject(), getMidColorObject() and
 * getMaxColorObject(), and its own sample reads
 * `gradient.getMinColorObject().asRgbColor().asHexString()`
 * (developers.google.com/apps-script/reference/spreadsheet/gradient-condition). The local runtime
 * refuses the string getters. (The Color getters are newer than @types/google-apps-script 2.0.13.)
 */
export class FakeGradientCondition implements Pick<
  GoogleAppsScript.Spreadsheet.GradientCondition,
  GradientMethods
> {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly g: NonNullable<RuleState['gradient']>,
  ) {}

  private point(
    method:
      | MethodOf<GoogleAppsScript.Spreadsheet.GradientCondition>
      | `get${'Min' | 'Mid' | 'Max'}ColorObject`,
    which: 'min' | 'mid' | 'max',
  ): GradientPoint | null {
    this.ctx.call(`GradientCondition.${method}`, 'free');
    return this.g[which];
  }
  private deprecated(which: 'Min' | 'Mid' | 'Max'): never {
    this.ctx.call(`GradientCondition.get${which}Color`, 'free');
    throw deprecatedError(`GradientCondition.get${which}Color()`, `get${which}ColorObject()`);
  }
  private color(which: 'Min' | 'Mid' | 'Max'): Color | null {
    const p = this.point(
      `get${which}ColorObject`,
      which === 'Min' ? 'min' : which === 'Mid' ? 'mid' : 'max',
    );
    return colorObject(this.ctx, p?.color);
  }
  getMaxColor(): string {
    return this.deprecated('Max');
  }
  getMaxColorObject(): Color | null {
    return this.color('Max');
  }
  getMaxType(): Interp | null {
    return (this.point('getMaxType', 'max')?.type ?? null) as Interp | null;
  }
  getMaxValue(): string {
    return this.point('getMaxValue', 'max')?.value ?? '';
  }
  getMidColor(): string {
    return this.deprecated('Mid');
  }
  getMidColorObject(): Color | null {
    return this.color('Mid');
  }
  getMidType(): Interp | null {
    return (this.point('getMidType', 'mid')?.type ?? null) as Interp | null;
  }
  getMidValue(): string {
    return this.point('getMidValue', 'mid')?.value ?? '';
  }
  getMinColor(): string {
    return this.deprecated('Min');
  }
  getMinColorObject(): Color | null {
    return this.color('Min');
  }
  getMinType(): Interp | null {
    return (this.point('getMinType', 'min')?.type ?? null) as Interp | null;
  }
  getMinValue(): string {
    return this.point('getMinValue', 'min')?.value ?? '';
  }
}

export class FakeConditionalFormatRule implements Pick<
  Rule,
  'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'
> {
  readonly state: Readonly<RuleState>;

  constructor(
    private readonly ctx: ExecutionContext,
    state: RuleState,
  ) {
    this.state = Object.freeze(copyState(state));
  }

  copy(): Builder {
    this.ctx.call('ConditionalFormatRule.copy', 'free');
    return new FakeConditionalFormatRuleBuilder(this.ctx, this.state) as unknown as Builder;
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.ctx.call('ConditionalFormatRule.getBooleanCondition', 'free');
    return this.state.criteria
      ? (new FakeBooleanCondition(
          this.ctx,
          this.state,
        ) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition)
      : null;
  }

  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    this.ctx.call('ConditionalFormatRule.getGradientCondition', 'free');
    return this.state.gradient
      ? (new FakeGradientCondition(
          this.ctx,
          this.state.gradient,
        ) as unknown as GoogleAppsScript.Spreadsheet.GradientCondition)
      : null;
  }

  getRanges(): Range[] {
    this.ctx.call('ConditionalFormatRule.getRanges', 'free');
    return this.state.ranges.slice() as unknown as Range[];
  }

  /** The same rule over other ranges (used when rows or columns move). */
  withRanges(ranges: FakeRange[]): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this.ctx, { ...copyState(this.state), ranges });
  }

  describe(): RuleDescription {
    const s = this.state;
    const format = Object.fromEntries(
      Object.entries(s.format).filter(([, v]) => v !== null),
    ) as Partial<RuleFormat>;
    const out: RuleDescription = {
      ranges: s.ranges.map((r) => r.getA1NotationInternal()),
      condition: s.criteria ?? 'GRADIENT',
      values: s.values.map((v) => (v instanceof Date ? v.toISOString() : v)),
      format,
    };
    if (s.gradient) out.gradient = { ...s.gradient };
    return out;
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getBooleanCondition'
  | 'getGradientCondition'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setGradientMaxpoint'
  | 'setGradientMaxpointWithValue'
  | 'setGradientMidpointWithValue'
  | 'setGradientMinpoint'
  | 'setGradientMinpointWithValue'
  | 'setItalic'
  | 'setRanges'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenDateAfter'
  | 'whenDateBefore'
  | 'whenDateEqualTo'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberNotBetween'
  | 'whenNumberNotEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextEndsWith'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith'
  | 'withCriteria';

type CriteriaName = keyof typeof BooleanCriteria;

export class FakeConditionalFormatRuleBuilder implements Pick<Builder, BuilderMethods> {
  private s: RuleState;

  constructor(
    private readonly ctx: ExecutionContext,
    from?: Readonly<RuleState>,
  ) {
    this.s = from
      ? copyState(from)
      : { criteria: null, values: [], gradient: null, format: emptyFormat(), ranges: [] };
  }

  private count(method: BuilderMethods): Builder {
    this.ctx.call(`ConditionalFormatRuleBuilder.${method}`, 'free');
    return this as unknown as Builder;
  }

  /** A rule holds one condition: a boolean condition replaces a gradient and vice versa. */
  private when(
    method: BuilderMethods,
    criteria: CriteriaName,
    values: unknown[],
    counted = false,
  ): Builder {
    if (!counted) this.count(method);
    this.s.criteria = criteria;
    this.s.values = values;
    this.s.gradient = null;
    return this as unknown as Builder;
  }

  private num(method: BuilderMethods, criteria: CriteriaName, args: unknown[]): Builder {
    this.count(method);
    requireNumber(`ConditionalFormatRuleBuilder.${method}`, args);
    return this.when(method, criteria, args, true);
  }

  private text(method: BuilderMethods, criteria: CriteriaName, args: unknown[]): Builder {
    this.count(method);
    requireString(`ConditionalFormatRuleBuilder.${method}`, args, 0);
    return this.when(method, criteria, args, true);
  }

  private date(
    method: BuilderMethods,
    criteria: CriteriaName,
    relative: CriteriaName,
    arg: unknown,
  ): Builder {
    if (arg instanceof Date) return this.when(method, criteria, [new Date(arg.getTime())]);
    if (typeof arg === 'string') return this.when(method, relative, [arg]);
    this.count(method);
    throw signatureError(`ConditionalFormatRuleBuilder.${method}`, [arg]);
  }

  private gradient(
    method: BuilderMethods,
    which: 'min' | 'mid' | 'max',
    color: string,
    type: unknown,
    value: string,
  ): Builder {
    this.count(method);
    if (typeof color !== 'string')
      throw signatureError(`ConditionalFormatRuleBuilder.${method}`, [color, type, value]);
    if (!(String(type) in InterpolationType))
      throw signatureError(`ConditionalFormatRuleBuilder.${method}`, [color, type, value]);
    if (!this.s.gradient) this.s.gradient = { min: null, mid: null, max: null };
    this.s.gradient[which] = {
      color: normalizeColor(color),
      type: String(type),
      value: value === undefined ? '' : String(value),
    };
    this.s.criteria = null;
    this.s.values = [];
    return this as unknown as Builder;
  }

  build(): Rule {
    this.count('build');
    if (!this.s.criteria && !this.s.gradient)
      throw new Error('Conditional format rule must have a condition.');
    if (this.s.gradient && (!this.s.gradient.min || !this.s.gradient.max)) {
      throw new Error('A gradient conditional format rule needs a minpoint and a maxpoint.');
    }
    return new FakeConditionalFormatRule(this.ctx, this.s) as unknown as Rule;
  }

  copy(): Builder {
    this.count('copy');
    return new FakeConditionalFormatRuleBuilder(this.ctx, this.s) as unknown as Builder;
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.count('getBooleanCondition');
    return this.s.criteria
      ? (new FakeBooleanCondition(
          this.ctx,
          copyState(this.s),
        ) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition)
      : null;
  }

  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    this.count('getGradientCondition');
    return this.s.gradient
      ? (new FakeGradientCondition(
          this.ctx,
          copyState(this.s).gradient!,
        ) as unknown as GoogleAppsScript.Spreadsheet.GradientCondition)
      : null;
  }

  getRanges(): Range[] {
    this.count('getRanges');
    return this.s.ranges.slice() as unknown as Range[];
  }

  setBackground(color: string | null): Builder {
    this.s.format.background = color === null ? null : normalizeColor(color);
    return this.count('setBackground');
  }

  setBold(bold: boolean | null): Builder {
    this.s.format.bold = bold;
    return this.count('setBold');
  }

  setFontColor(color: string | null): Builder {
    this.s.format.fontColor = color === null ? null : normalizeColor(color);
    return this.count('setFontColor');
  }

  setItalic(italic: boolean | null): Builder {
    this.s.format.italic = italic;
    return this.count('setItalic');
  }

  setStrikethrough(strikethrough: boolean | null): Builder {
    this.s.format.strikethrough = strikethrough;
    return this.count('setStrikethrough');
  }

  setUnderline(underline: boolean | null): Builder {
    this.s.format.underline = underline;
    return this.count('setUnderline');
  }

  setGradientMaxpoint(color: string): Builder {
    return this.gradient('setGradientMaxpoint', 'max', color, 'MAX', '');
  }

  setGradientMaxpointWithValue(color: string, type: Interp, value: string): Builder {
    return this.gradient('setGradientMaxpointWithValue', 'max', color, type, value);
  }

  setGradientMidpointWithValue(color: string, type: Interp, value: string): Builder {
    return this.gradient('setGradientMidpointWithValue', 'mid', color, type, value);
  }

  setGradientMinpoint(color: string): Builder {
    return this.gradient('setGradientMinpoint', 'min', color, 'MIN', '');
  }

  setGradientMinpointWithValue(color: string, type: Interp, value: string): Builder {
    return this.gradient('setGradientMinpointWithValue', 'min', color, type, value);
  }

  setRanges(ranges: Range[]): Builder {
    this.count('setRanges');
    if (!Array.isArray(ranges) || ranges.some((r) => !(r instanceof FakeRange))) {
      throw signatureError('ConditionalFormatRuleBuilder.setRanges', [ranges]);
    }
    this.s.ranges = (ranges as unknown as FakeRange[]).slice();
    return this as unknown as Builder;
  }

  whenCellEmpty(): Builder {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }

  whenCellNotEmpty(): Builder {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }

  whenDateAfter(
    date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate,
  ): Builder {
    return this.date('whenDateAfter', 'DATE_AFTER', 'DATE_AFTER_RELATIVE', date);
  }

  whenDateBefore(
    date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate,
  ): Builder {
    return this.date('whenDateBefore', 'DATE_BEFORE', 'DATE_BEFORE_RELATIVE', date);
  }

  whenDateEqualTo(
    date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate,
  ): Builder {
    return this.date('whenDateEqualTo', 'DATE_EQUAL_TO', 'DATE_EQUAL_TO_RELATIVE', date);
  }

  whenFormulaSatisfied(formula: string): Builder {
    return this.text('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }

  whenNumberBetween(start: number, end: number): Builder {
    return this.num('whenNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  whenNumberEqualTo(n: number): Builder {
    return this.num('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }

  whenNumberGreaterThan(n: number): Builder {
    return this.num('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }

  whenNumberGreaterThanOrEqualTo(n: number): Builder {
    return this.num('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }

  whenNumberLessThan(n: number): Builder {
    return this.num('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }

  whenNumberLessThanOrEqualTo(n: number): Builder {
    return this.num('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }

  whenNumberNotBetween(start: number, end: number): Builder {
    return this.num('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }

  whenNumberNotEqualTo(n: number): Builder {
    return this.num('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n]);
  }

  whenTextContains(text: string): Builder {
    return this.text('whenTextContains', 'TEXT_CONTAINS', [text]);
  }

  whenTextDoesNotContain(text: string): Builder {
    return this.text('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }

  whenTextEndsWith(text: string): Builder {
    return this.text('whenTextEndsWith', 'TEXT_ENDS_WITH', [text]);
  }

  whenTextEqualTo(text: string): Builder {
    return this.text('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }

  whenTextStartsWith(text: string): Builder {
    return this.text('whenTextStartsWith', 'TEXT_STARTS_WITH', [text]);
  }

  withCriteria(criteria: Criteria, args: unknown[]): Builder {
    const name = String(criteria);
    if (!(name in BooleanCriteria) || !Array.isArray(args)) {
      this.count('withCriteria');
      throw signatureError('ConditionalFormatRuleBuilder.withCriteria', [criteria, args]);
    }
    return this.when('withCriteria', name as CriteriaName, args.slice());
  }
}
