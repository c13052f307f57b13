/**
 * Sheet and range protections. Offline there is one user, who can always edit; the point is to
 * record what the add-on protects (description, warning-only) so tests and exports can check it.
 */
import type { ExecutionContext } from '../context';
import { requireString, signatureError } from './errors';
import type { FakeRange } from './range';
import { isFakeRange } from './range-identity';
import type { FakeSheet } from './sheet';
import type { MethodOf } from '../call-cost';

type Protection = GoogleAppsScript.Spreadsheet.Protection;
type ProtectionMethods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getProtectionType'
  | 'getRange'
  | 'getRangeName'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setRangeName'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export type ProtectionKind = 'RANGE' | 'SHEET';

export class FakeProtection implements Pick<Protection, ProtectionMethods> {
  description = '';
  warningOnly = false;
  domainEdit = true;
  readonly editors: string[] = [];
  unprotectedRanges: FakeRange[] = [];
  rangeName: string | null = null;

  constructor(
    private readonly ctx: ExecutionContext,
    readonly sheet: FakeSheet,
    readonly type: ProtectionKind,
    /** The protected cells; for a sheet protection, the whole grid at the time of the call. */
    public range: FakeRange | null,
  ) {}

  private read(method: MethodOf<GoogleAppsScript.Spreadsheet.Protection>): void {
    this.ctx.call(`Protection.${method}`, 'document-read');
  }

  private write(method: MethodOf<GoogleAppsScript.Spreadsheet.Protection>): Protection {
    this.ctx.call(`Protection.${method}`, 'document-write');
    return this as unknown as Protection;
  }

  /** The protected range, whole sheet for SHEET protections (not counted). */
  protectedRange(): FakeRange {
    return this.range ?? this.sheet.rangeAt(1, 1, this.sheet.maxRows, this.sheet.maxColumns);
  }

  addEditor(emailOrUser: string | GoogleAppsScript.Base.User): Protection {
    const p = this.write('addEditor');
    const email = typeof emailOrUser === 'string' ? emailOrUser : emailOrUser.getEmail();
    if (!this.editors.includes(email)) this.editors.push(email);
    return p;
  }

  addEditors(emailAddresses: string[]): Protection {
    const p = this.write('addEditors');
    if (!Array.isArray(emailAddresses))
      throw signatureError('Protection.addEditors', [emailAddresses]);
    for (const e of emailAddresses) if (!this.editors.includes(e)) this.editors.push(e);
    return p;
  }

  canDomainEdit(): boolean {
    this.read('canDomainEdit');
    return this.domainEdit;
  }

  canEdit(): boolean {
    this.read('canEdit');
    return true;
  }

  getDescription(): string {
    this.read('getDescription');
    return this.description;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.read('getProtectionType');
    return this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.read('getRange');
    return this.protectedRange() as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getRangeName(): string | null {
    this.read('getRangeName');
    return this.rangeName;
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    this.read('getUnprotectedRanges');
    return this.unprotectedRanges.slice() as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  isWarningOnly(): boolean {
    this.read('isWarningOnly');
    return this.warningOnly;
  }

  remove(): void {
    this.write('remove');
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }

  removeEditor(emailOrUser: string | GoogleAppsScript.Base.User): Protection {
    const p = this.write('removeEditor');
    const email = typeof emailOrUser === 'string' ? emailOrUser : emailOrUser.getEmail();
    const i = this.editors.indexOf(email);
    if (i >= 0) this.editors.splice(i, 1);
    return p;
  }

  removeEditors(emailsOrUsers: string[] | GoogleAppsScript.Base.User[]): Protection {
    const p = this.write('removeEditors');
    for (const e of emailsOrUsers as Array<string | GoogleAppsScript.Base.User>) {
      const email = typeof e === 'string' ? e : e.getEmail();
      const i = this.editors.indexOf(email);
      if (i >= 0) this.editors.splice(i, 1);
    }
    return p;
  }

  setDescription(description: string): Protection {
    const p = this.write('setDescription');
    requireString('Protection.setDescription', [description], 0);
    this.description = description;
    return p;
  }

  setDomainEdit(editable: boolean): Protection {
    const p = this.write('setDomainEdit');
    this.domainEdit = editable;
    return p;
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): Protection {
    const p = this.write('setRange');
    if (!isFakeRange(range)) throw signatureError('Protection.setRange', [range]);
    if (this.type === 'SHEET') throw new Error('Cannot set the range of a sheet protection.');
    this.range = range;
    return p;
  }

  setRangeName(rangeName: string): Protection {
    const p = this.write('setRangeName');
    const named = this.sheet.parent.namedRanges.get(rangeName);
    if (!named) throw new Error(`Range not found: ${rangeName}`);
    this.range = named.range;
    this.rangeName = rangeName;
    return p;
  }

  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Protection {
    const p = this.write('setUnprotectedRanges');
    if (this.type !== 'SHEET')
      throw new Error('Unprotected ranges can only be set on a sheet protection.');
    if (!Array.isArray(ranges) || ranges.some((r) => !isFakeRange(r))) {
      throw signatureError('Protection.setUnprotectedRanges', [ranges]);
    }
    this.unprotectedRanges = (ranges as unknown as FakeRange[]).slice();
    return p;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    const p = this.write('setWarningOnly');
    if (typeof warningOnly !== 'boolean')
      throw signatureError('Protection.setWarningOnly', [warningOnly]);
    this.warningOnly = warningOnly;
    return p;
  }
}
