/**
 * The `SpreadsheetApp` global of the local runtime, bound to one container spreadsheet and one
 * ExecutionContext. The Ui comes from whoever installs the runtime (`setUiProvider`), so that the
 * menus/dialogs recorder can live in its own module.
 */
import type { ExecutionContext } from '../context';
import { FakeConditionalFormatRuleBuilder } from './conditional-format';
import { FakeDataValidationBuilder } from './data-validation';
import {
  BooleanCriteria,
  BorderStyle,
  DataValidationCriteria,
  Dimension,
  InterpolationType,
  ProtectionType,
  RelativeDate,
  SheetType,
  WrapStrategy,
} from './enums';
import { signatureError } from './errors';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet, type SpreadsheetOptions } from './spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export type SpreadsheetAppMembers =
  | 'BooleanCriteria'
  | 'BorderStyle'
  | 'DataValidationCriteria'
  | 'Dimension'
  | 'InterpolationType'
  | 'ProtectionType'
  | 'RelativeDate'
  | 'SheetType'
  | 'WrapStrategy'
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getCurrentCell'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'openByUrl'
  | 'setActiveRange'
  | 'setActiveSheet';

export type UiProvider = () => GoogleAppsScript.Base.Ui;

export class FakeSpreadsheetApp implements Pick<App, SpreadsheetAppMembers> {
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = Dimension;
  readonly InterpolationType = InterpolationType;
  readonly ProtectionType = ProtectionType;
  readonly RelativeDate = RelativeDate;
  readonly SheetType = SheetType;
  readonly WrapStrategy = WrapStrategy;

  /** How many times flush() ran (also counted in the context). */
  flushes = 0;
  private uiProvider: UiProvider | null = null;

  constructor(
    readonly ctx: ExecutionContext,
    readonly spreadsheet: FakeSpreadsheet,
  ) {}

  /** Installs the Ui implementation getUi() returns (null: no UI, as in a trigger without editor). */
  setUiProvider(provider: UiProvider | null): void {
    this.uiProvider = provider;
  }

  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.call('SpreadsheetApp.getActiveSpreadsheet', 'document-read');
    return this.spreadsheet.asGas();
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.call('SpreadsheetApp.getActive', 'document-read');
    return this.spreadsheet.asGas();
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.ctx.call('SpreadsheetApp.getActiveSheet', 'document-read');
    return this.spreadsheet.activeSheet.asGas();
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.call('SpreadsheetApp.getActiveRange', 'document-read');
    return this.spreadsheet.currentRange().asGas();
  }

  getCurrentCell(): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.call('SpreadsheetApp.getCurrentCell', 'document-read');
    const r = this.spreadsheet.currentRange();
    return r.sheet.rangeAt(r.row, r.col, 1, 1).asGas();
  }

  setActiveSheet(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    _restoreSelection?: boolean,
  ): GoogleAppsScript.Spreadsheet.Sheet {
    this.ctx.call('SpreadsheetApp.setActiveSheet', 'document-write');
    if (!(sheet instanceof FakeSheet) || !this.spreadsheet.sheets.includes(sheet))
      throw signatureError('SpreadsheetApp.setActiveSheet', [sheet]);
    this.spreadsheet.activeSheet = sheet;
    this.spreadsheet.activeRange = null;
    return sheet.asGas();
  }

  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.call('SpreadsheetApp.setActiveRange', 'document-write');
    if (!(range instanceof FakeRange))
      throw signatureError('SpreadsheetApp.setActiveRange', [range]);
    this.spreadsheet.activeSheet = range.sheet;
    this.spreadsheet.activeRange = range;
    return range.asGas();
  }

  flush(): void {
    this.ctx.call('SpreadsheetApp.flush', 'document-read');
    this.flushes++;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    try {
      // Menus may be built in NONE and LIMITED; custom functions have no Ui at all.
      this.ctx.call('SpreadsheetApp.getUi', 'ui-menu');
    } catch {
      throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    if (!this.uiProvider) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.uiProvider();
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.call('SpreadsheetApp.newDataValidation', 'free');
    return new FakeDataValidationBuilder(
      this.ctx,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.call('SpreadsheetApp.newConditionalFormatRule', 'free');
    return new FakeConditionalFormatRuleBuilder(
      this.ctx,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }

  /** Only the container spreadsheet exists offline; custom functions may not open files at all. */
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.call('SpreadsheetApp.openById', 'document-read');
    if (this.ctx.authMode === 'CUSTOM_FUNCTION') {
      throw new Error(
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      );
    }
    if (id !== this.spreadsheet.id)
      throw new Error(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return this.spreadsheet.asGas();
  }

  openByUrl(url: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.call('SpreadsheetApp.openByUrl', 'document-read');
    if (this.ctx.authMode === 'CUSTOM_FUNCTION') {
      throw new Error(
        'You do not have permission to call SpreadsheetApp.openByUrl. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      );
    }
    if (typeof url !== 'string' || !url.includes(this.spreadsheet.id)) {
      throw new Error(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    }
    return this.spreadsheet.asGas();
  }

  /** The same object with the @types view, to install as the `SpreadsheetApp` global. */
  asGas(): App {
    return this as unknown as App;
  }
}

/** A spreadsheet for the local runtime (one sheet, Europe/Paris, fr_FR unless told otherwise). */
export function createSpreadsheet(
  ctx: ExecutionContext,
  options?: SpreadsheetOptions,
): FakeSpreadsheet {
  return new FakeSpreadsheet(ctx, options);
}

/** `SpreadsheetApp` bound to `ss` (a new default spreadsheet when omitted). */
export function createSpreadsheetApp(
  ctx: ExecutionContext,
  ss?: FakeSpreadsheet,
): FakeSpreadsheetApp {
  return new FakeSpreadsheetApp(ctx, ss ?? new FakeSpreadsheet(ctx));
}
