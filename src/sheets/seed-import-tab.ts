/**
 * Import benchmark seed's work on one `Benchmark XX` tab, in steps that let the action read every
 * tab it writes to before it writes to any (no read waits for buffered writes, docs/platform.md
 * §9): readTabShape (the tab's size and conditional rules, with the last look at its values),
 * prepareTab (once the tab is known unchanged: grows it to hold what the plan writes, then reads
 * what the writes need — the formulas under the patched cells, the number formats of every cell
 * written, the header's notes), and applyImport, which only writes.
 */
import { Grid } from '../core/cells';
import { ImportPlan } from '../core/benchmark/import-plan';
import { SEED_REF_COLUMN } from '../core/benchmark/tab-columns';
import { headerIndex, headerKey } from '../core/headers';
import { countryColumns, layOutTab, markTab, STATUS_COLUMN } from './country-tab';
import { formatColumns, styleHeader } from './formats';
import { HeaderProtections } from './header-protection';
import { Deadline, ensureSize, GridSize, Sheet, writePreparedBlock } from './workbook';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** What the import reads of a tab it will write to, besides its values, with its last look. */
export interface TabShape {
  /**
   * Its rows, and its columns — or only its used width when every write fits in it (the grid is
   * at least that wide, and nothing needs to know more: the tab is not asked).
   */
  size: GridSize;
  rules: Rule[];
}

/** What the writes of one tab need, read after it grew and before the action's first write. */
export interface PreparedTab extends TabShape {
  /** The rows the Status shading and the Seed ref format cover: the tab's, or down to the last fact. */
  rows: number;
  /** Under the patch, a person's formulas. */
  formulas: string[][];
  /** The number formats from row `top` (the header when Seed ref is added, else the patch's first). */
  formats: { top: number; cells: string[][] };
  /** The number formats of the rows appended. */
  appendFormats: string[][];
  /** The header row's notes, when the import styles the header. */
  headerNotes: string[] | undefined;
}

/** The widest and the lowest cell the plan writes (1-based). */
function reach(plan: ImportPlan): { rows: number; columns: number } {
  const { patch, append } = plan;
  return {
    rows: Math.max(
      plan.layOut ? append.length + 2 : 1,
      patch ? patch.row + patch.values.length - 1 : 1,
      append.length ? plan.appendAt + append.length - 1 : 1,
    ),
    columns: Math.max(
      plan.layOut ? countryColumns(plan.code).length : 1,
      plan.addRefHeader ? plan.refColumn : 1,
      patch?.values[0]?.length ?? 1,
      append[0]?.length ?? 1,
    ),
  };
}

/** The tab's size and conditional rules: two reads (three when a write reaches past its used width). */
export function readTabShape(sheet: Sheet, grid: Grid, plan: ImportPlan): TabShape {
  const used = grid[0]?.length ?? 0;
  const wide = reach(plan).columns > used;
  return {
    size: { rows: sheet.getMaxRows(), columns: wide ? sheet.getMaxColumns() : used },
    rules: sheet.getConditionalFormatRules(),
  };
}

/**
 * Grows the tab to hold what the plan writes (rows and columns Sheets adds take its default
 * formats, which are then read as they are), then reads under the cells written: no buffered
 * write happens here, so these reads cost no flush.
 */
export function prepareTab(sheet: Sheet, plan: ImportPlan, shape: TabShape): PreparedTab {
  const { size } = shape;
  const rows = Math.max(size.rows, plan.appendAt + plan.append.length - 1);
  const needed = reach(plan);
  ensureSize(sheet, needed.rows, needed.columns, size);
  const { patch, append } = plan;
  const block = (row: number, height: number, width: number) =>
    sheet.getRange(row, 1, height, width);
  // The columns that laying the tab out or adding Seed ref format (formatColumns: from row 2 to
  // below the last row written) before the blocks are written: their cells then hold that format.
  const formatted = plan.layOut
    ? countryColumns(plan.code).flatMap((c, i) =>
        c.format ? [{ column: i + 1, format: c.format }] : [],
      )
    : plan.addRefHeader
      ? [{ column: plan.refColumn, format: SEED_REF_COLUMN.format! }]
      : [];
  const after = (top: number, cells: string[][]) =>
    cells.map((r, i) =>
      top + i < 2 ? r : r.map((f, j) => formatted.find((c) => c.column === j + 1)?.format ?? f),
    );
  const top = plan.addRefHeader ? 1 : (patch?.row ?? 1);
  const bottom = patch ? patch.row + patch.values.length - 1 : 1;
  const width = Math.max(patch?.values[0].length ?? 0, plan.addRefHeader ? plan.refColumn : 0);
  const headerWidth = plan.layOut
    ? countryColumns(plan.code).length
    : plan.addRefHeader
      ? plan.refColumn
      : 0;
  return {
    ...shape,
    rows,
    formulas: patch
      ? block(patch.row, patch.values.length, patch.values[0].length).getFormulas()
      : [],
    formats: {
      top,
      cells: width ? after(top, block(top, bottom - top + 1, width).getNumberFormats()) : [],
    },
    appendFormats: append.length
      ? after(
          plan.appendAt,
          block(plan.appendAt, append.length, append[0].length).getNumberFormats(),
        )
      : [],
    headerNotes: headerWidth ? block(1, 1, headerWidth).getNotes()[0] : undefined,
  };
}

/** The runs of adjacent columns (0-based, inclusive) with a change in some row. */
function changedColumnRuns(changed: boolean[][]): [number, number][] {
  const width = changed[0]?.length ?? 0;
  const any = Array.from({ length: width }, (_, c) => changed.some((r) => r[c]));
  const runs: [number, number][] = [];
  any.forEach((on, c) => {
    if (!on) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  });
  return runs;
}

/** Writes the plan into a prepared tab: nothing is read. */
export function applyImport(
  deadline: Deadline,
  sheet: Sheet,
  plan: ImportPlan,
  grid: Grid,
  ready: PreparedTab,
  headers: HeaderProtections,
): void {
  const { rows, formats } = ready;
  if (plan.layOut)
    layOutTab(deadline, sheet, plan.code, plan.append.length, headers, {
      size: ready.size,
      headerNotes: ready.headerNotes!,
    });
  if (plan.addRefHeader) {
    const column = plan.refColumn;
    const header = [[formats.cells[0][column - 1]]];
    writePreparedBlock(deadline, sheet, 1, column, [[SEED_REF_COLUMN.header]], header);
    formatColumns(sheet, [{ spec: SEED_REF_COLUMN, column }], rows);
    styleHeader(sheet, column, [{ column, note: SEED_REF_COLUMN.note! }], ready.headerNotes);
    headers.protect(sheet, column);
  }
  if (plan.patch) {
    // From the first to the last row touched, one block per run of adjacent columns the plan
    // changes somewhere: the tab's own values elsewhere in them, and a person's formula put back
    // in every cell the plan does not change. The team's columns (implication, best practice,
    // status, owner…) are never in a block unless the plan fills one, so what a colleague types
    // there while the upgrade runs is never written over.
    const { row, values, changed } = plan.patch;
    const under = formats.cells.slice(row - formats.top);
    const kept = ready.formulas.map((r, i) => r.map((f, j) => (changed[i][j] ? '' : f)));
    for (const [from, to] of changedColumnRuns(changed)) {
      const slice = <T>(g: T[][]) => g.map((r) => r.slice(from, to + 1));
      writePreparedBlock(deadline, sheet, row, from + 1, slice(values), slice(under), slice(kept));
    }
  }
  if (plan.append.length)
    writePreparedBlock(deadline, sheet, plan.appendAt, 1, plan.append, ready.appendFormats);
  const status = plan.layOut ? STATUS_COLUMN : headerIndex(grid[0]).get(headerKey('Status'))!;
  markTab(sheet, status, plan.refColumn, rows, ready.rules);
}
