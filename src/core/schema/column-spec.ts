/**
 * How one column of a tab is described: its header, width, number format, validation and note.
 * A module of its own so that every room describing columns (the schema, the benchmark's own
 * `Seed ref` column) can use it without importing the whole schema.
 */
export type Validation =
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'date' };

export interface ColumnSpec {
  header: string;
  width: number;
  /** Sheets number format for the data cells; '@' keeps typed text as text. */
  format?: string;
  validation?: Validation;
  /** Shown as a note on the header cell. */
  note?: string;
  /**
   * Set up adds it, but readers work without it, so a tab renamed beyond recognition is still
   * found by its other columns.
   */
  optional?: boolean;
}
