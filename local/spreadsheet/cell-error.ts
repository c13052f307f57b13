/**
 * An error value in a cell (`#N/A`, `#REF!`…), as typed input or a formula's result makes it:
 * getValues() reports its code as a string, as Apps Script does, but it is not text — ISERROR()
 * is true of it and a chart skips it.
 */
export class CellError {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
}
