/** Named ranges of a spreadsheet (`Spreadsheet.setNamedRange`, `getRangeByName`, …). */
import type { ExecutionContext } from '../context';
import { signatureError } from './errors';
import { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

/** Sheets' rule: letters, digits and underscores, not starting with a digit, not a cell reference. */
export function checkRangeName(name: unknown): asserts name is string {
  const ok =
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= 250 &&
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name) &&
    !/^(true|false)$/i.test(name);
  if (!ok) {
    throw new Error(
      `Invalid name "${String(name)}": a named range name must start with a letter or an underscore, contain only letters, numbers and underscores, and not look like a cell reference.`,
    );
  }
}

export class FakeNamedRange implements Pick<
  NamedRange,
  'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'
> {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly ss: FakeSpreadsheet,
    public name: string,
    public range: FakeRange,
  ) {}

  getName(): string {
    this.ctx.call('NamedRange.getName', 'document-read');
    return this.name;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.call('NamedRange.getRange', 'document-read');
    return this.range as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  remove(): void {
    this.ctx.call('NamedRange.remove', 'document-write');
    if (this.ss.namedRanges.get(this.name) === this) this.ss.namedRanges.delete(this.name);
  }

  setName(name: string): NamedRange {
    this.ctx.call('NamedRange.setName', 'document-write');
    checkRangeName(name);
    if (name !== this.name && this.ss.namedRanges.has(name)) {
      throw new Error(`A named range with the name "${name}" already exists.`);
    }
    this.ss.namedRanges.delete(this.name);
    this.name = name;
    this.ss.namedRanges.set(name, this);
    return this as unknown as NamedRange;
  }

  setRange(range: GoogleAppsScript.Spreadsheet.Range): NamedRange {
    this.ctx.call('NamedRange.setRange', 'document-write');
    if (!(range instanceof FakeRange)) throw signatureError('NamedRange.setRange', [range]);
    this.range = range;
    return this as unknown as NamedRange;
  }
}
