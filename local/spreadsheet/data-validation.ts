/**
 * Data validation rules and their builder. A built rule is an immutable snapshot: changing the
 * builder afterwards does not change rules already applied to cells (platform.md §7.6).
 */
import type { ExecutionContext } from '../context';
import { DataValidationCriteria } from './enums';
import { requireNumber, requireString, signatureError } from './errors';
import { isFakeRange } from './range-identity';
import type { MethodOf } from '../call-cost';

type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type DVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export interface ValidationState {
  criteria: string | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

function copyValues(values: readonly unknown[]): unknown[] {
  return values.map((v) =>
    v instanceof Date ? new Date(v.getTime()) : Array.isArray(v) ? v.slice() : v,
  );
}

type DVMethods =
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText';

export class FakeDataValidation implements Pick<DV, DVMethods> {
  readonly state: Readonly<ValidationState>;

  constructor(
    private readonly ctx: ExecutionContext,
    state: ValidationState,
  ) {
    this.state = Object.freeze({ ...state, values: copyValues(state.values) });
  }

  copy(): DVB {
    this.ctx.call('DataValidation.copy', 'free');
    return new FakeDataValidationBuilder(this.ctx, this.state) as unknown as DVB;
  }

  getAllowInvalid(): boolean {
    this.ctx.call('DataValidation.getAllowInvalid', 'free');
    return this.state.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.ctx.call('DataValidation.getCriteriaType', 'free');
    return this.state.criteria as unknown as Criteria;
  }

  getCriteriaValues(): unknown[] {
    this.ctx.call('DataValidation.getCriteriaValues', 'free');
    return copyValues(this.state.values);
  }

  getHelpText(): string {
    this.ctx.call('DataValidation.getHelpText', 'free');
    return this.state.helpText ?? '';
  }

  /** Plain description for snapshots and the xlsx export (ranges as `'Sheet'!A1:B2`). */
  describe(): { type: string; values: unknown[]; allowInvalid: boolean; helpText: string | null } {
    return {
      type: this.state.criteria ?? '',
      values: this.state.values.map((v) =>
        isFakeRange(v)
          ? v.qualifiedA1()
          : v instanceof Date
            ? v.toISOString()
            : Array.isArray(v)
              ? v.slice()
              : v,
      ),
      allowInvalid: this.state.allowInvalid,
      helpText: this.state.helpText,
    };
  }
}

type DVBMethods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateEqualTo'
  | 'requireDateNotBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberNotBetween'
  | 'requireNumberNotEqualTo'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

export class FakeDataValidationBuilder implements Pick<DVB, DVBMethods> {
  private state: ValidationState;

  constructor(
    private readonly ctx: ExecutionContext,
    from?: Readonly<ValidationState>,
  ) {
    // Sheets' default for a new rule is "show a warning", i.e. invalid input is allowed.
    this.state = from
      ? { ...from, values: copyValues(from.values) }
      : { criteria: null, values: [], allowInvalid: true, helpText: null };
  }

  private count(method: MethodOf<GoogleAppsScript.Spreadsheet.DataValidationBuilder>): void {
    this.ctx.call(`DataValidationBuilder.${method}`, 'free');
  }

  private set(criteria: keyof typeof DataValidationCriteria, values: unknown[]): DVB {
    this.state.criteria = criteria;
    this.state.values = values;
    return this as unknown as DVB;
  }

  private dates(
    method: Exclude<
      Extract<MethodOf<GoogleAppsScript.Spreadsheet.DataValidationBuilder>, `requireDate${string}`>,
      'requireDate'
    >,
    args: unknown[],
  ): DVB {
    this.count(method);
    if (args.some((a) => !(a instanceof Date)))
      throw signatureError(`DataValidationBuilder.${method}`, args);
    const criteria = {
      requireDateAfter: 'DATE_AFTER',
      requireDateBefore: 'DATE_BEFORE',
      requireDateBetween: 'DATE_BETWEEN',
      requireDateEqualTo: 'DATE_EQUAL_TO',
      requireDateNotBetween: 'DATE_NOT_BETWEEN',
      requireDateOnOrAfter: 'DATE_ON_OR_AFTER',
      requireDateOnOrBefore: 'DATE_ON_OR_BEFORE',
    }[method] as keyof typeof DataValidationCriteria;
    return this.set(criteria, copyValues(args));
  }

  private numbers(
    method: MethodOf<GoogleAppsScript.Spreadsheet.DataValidationBuilder>,
    criteria: keyof typeof DataValidationCriteria,
    args: unknown[],
  ): DVB {
    this.count(method);
    requireNumber(`DataValidationBuilder.${method}`, args);
    return this.set(criteria, args);
  }

  private text(
    method: MethodOf<GoogleAppsScript.Spreadsheet.DataValidationBuilder>,
    criteria: keyof typeof DataValidationCriteria,
    args: unknown[],
  ): DVB {
    this.count(method);
    requireString(`DataValidationBuilder.${method}`, args, ...args.map((_, i) => i));
    return this.set(criteria, args);
  }

  build(): DV {
    this.count('build');
    if (!this.state.criteria) throw new Error('Data validation rule is missing criteria.');
    return new FakeDataValidation(this.ctx, this.state) as unknown as DV;
  }

  copy(): DVB {
    this.count('copy');
    return new FakeDataValidationBuilder(this.ctx, this.state) as unknown as DVB;
  }

  getAllowInvalid(): boolean {
    this.count('getAllowInvalid');
    return this.state.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.count('getCriteriaType');
    return this.state.criteria as unknown as Criteria;
  }

  getCriteriaValues(): unknown[] {
    this.count('getCriteriaValues');
    return copyValues(this.state.values);
  }

  getHelpText(): string | null {
    this.count('getHelpText');
    return this.state.helpText;
  }

  requireCheckbox(...args: unknown[]): DVB {
    this.count('requireCheckbox');
    return this.set('CHECKBOX', args.slice(0, 2));
  }

  requireDate(): DVB {
    this.count('requireDate');
    return this.set('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: Date): DVB {
    return this.dates('requireDateAfter', [date]);
  }

  requireDateBefore(date: Date): DVB {
    return this.dates('requireDateBefore', [date]);
  }

  requireDateBetween(start: Date, end: Date): DVB {
    return this.dates('requireDateBetween', [start, end]);
  }

  requireDateEqualTo(date: Date): DVB {
    return this.dates('requireDateEqualTo', [date]);
  }

  requireDateNotBetween(start: Date, end: Date): DVB {
    return this.dates('requireDateNotBetween', [start, end]);
  }

  requireDateOnOrAfter(date: Date): DVB {
    return this.dates('requireDateOnOrAfter', [date]);
  }

  requireDateOnOrBefore(date: Date): DVB {
    return this.dates('requireDateOnOrBefore', [date]);
  }

  requireFormulaSatisfied(formula: string): DVB {
    return this.text('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }

  requireNumberBetween(start: number, end: number): DVB {
    return this.numbers('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  requireNumberEqualTo(n: number): DVB {
    return this.numbers('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }

  requireNumberGreaterThan(n: number): DVB {
    return this.numbers('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }

  requireNumberGreaterThanOrEqualTo(n: number): DVB {
    return this.numbers('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [
      n,
    ]);
  }

  requireNumberLessThan(n: number): DVB {
    return this.numbers('requireNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }

  requireNumberLessThanOrEqualTo(n: number): DVB {
    return this.numbers('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }

  requireNumberNotBetween(start: number, end: number): DVB {
    return this.numbers('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }

  requireNumberNotEqualTo(n: number): DVB {
    return this.numbers('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n]);
  }

  requireTextContains(text: string): DVB {
    return this.text('requireTextContains', 'TEXT_CONTAINS', [text]);
  }

  requireTextDoesNotContain(text: string): DVB {
    return this.text('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }

  requireTextEqualTo(text: string): DVB {
    return this.text('requireTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }

  requireTextIsEmail(): DVB {
    this.count('requireTextIsEmail');
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): DVB {
    this.count('requireTextIsUrl');
    return this.set('TEXT_IS_VALID_URL', []);
  }

  requireValueInList(values: string[], showDropdown?: boolean): DVB {
    this.count('requireValueInList');
    if (
      !Array.isArray(values) ||
      (showDropdown !== undefined && typeof showDropdown !== 'boolean')
    ) {
      throw signatureError(
        'DataValidationBuilder.requireValueInList',
        [values, showDropdown].filter((a) => a !== undefined),
      );
    }
    return this.set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown ?? true]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): DVB {
    this.count('requireValueInRange');
    if (!isFakeRange(range) || (showDropdown !== undefined && typeof showDropdown !== 'boolean')) {
      throw signatureError(
        'DataValidationBuilder.requireValueInRange',
        [range, showDropdown].filter((a) => a !== undefined),
      );
    }
    return this.set('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }

  setAllowInvalid(allowInvalidData: boolean): DVB {
    this.count('setAllowInvalid');
    if (typeof allowInvalidData !== 'boolean')
      throw signatureError('DataValidationBuilder.setAllowInvalid', [allowInvalidData]);
    this.state.allowInvalid = allowInvalidData;
    return this as unknown as DVB;
  }

  setHelpText(helpText: string): DVB {
    this.count('setHelpText');
    if (typeof helpText !== 'string')
      throw signatureError('DataValidationBuilder.setHelpText', [helpText]);
    this.state.helpText = helpText;
    return this as unknown as DVB;
  }

  withCriteria(criteria: Criteria, args: unknown[]): DVB {
    this.count('withCriteria');
    const name = String(criteria);
    if (!(name in DataValidationCriteria) || !Array.isArray(args)) {
      throw signatureError('DataValidationBuilder.withCriteria', [criteria, args]);
    }
    return this.set(name as keyof typeof DataValidationCriteria, copyValues(args));
  }
}
