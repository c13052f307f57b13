/**
 * Set up workbook: creates the tabs of product.md that are missing, adds missing columns to the
 * right of existing ones, seeds empty reference tabs. Reads each tab's header once, decides in
 * core (planTab), then writes one block per tab.
 */
import { Cell, Grid } from '../core/cells';
import { headerIndex, headerKey } from '../core/headers';
import {
  ColumnSpec,
  CRITERIA,
  PARTNERS,
  SETTINGS,
  TabSpec,
  workbookTabs,
} from '../core/schema/tabs';
import { criteriaSeedRows, CRITERIA_SEED } from '../core/seed/criteria';
import { SETTINGS_SEED } from '../core/seed/settings';
import { planTab, TabPlan, TabState } from '../core/setup-plan';
import { referenceSeeds } from '../core/seed/reference';
import { codeOfTab } from '../core/benchmark/tab-columns';
import { seededLedger } from './benchmark';
import { markTab } from './country-tab';
import { SEED_REF_COLUMN } from '../core/benchmark/seed-ref-column';
import { removeUntouchedDefaultTab } from './default-tab';
import { ActionContext } from './action';
import { formatColumns, styleHeader } from './formats';
import { HeaderProtections, protectionsBySheet } from './header-protection';
import { keepingActiveTab, registerGeneratedTabs } from './generated';
import {
  Deadline,
  readTable,
  Sheet,
  sheetsByName,
  writeBlock,
  ensureSize,
  writeFreshBlock,
} from './workbook';

export interface SetupResult {
  created: string[];
  columnsAdded: number;
  rowsSeeded: number;
  warnings: string[];
  /** The new spreadsheet's empty default tab, removed (default-tab.ts). */
  removedTab?: string | null;
}

/** Score columns of `Partners`: one per criterion id found in `Criteria` (or the seed). */
export function criterionColumns(criteria: Grid): ColumnSpec[] {
  const ids: { id: string; name: string }[] = [];
  if (criteria.length > 1) {
    const idx = headerIndex(criteria[0]);
    const idCol = idx.get(headerKey('ID'));
    const nameCol = idx.get(headerKey('Criterion'));
    if (idCol) {
      for (const r of criteria.slice(1)) {
        const id = String(r[idCol - 1] ?? '').trim();
        if (id) ids.push({ id, name: nameCol ? String(r[nameCol - 1] ?? '') : id });
      }
    }
  } else {
    for (const c of CRITERIA_SEED) ids.push({ id: c.id, name: c.name });
  }
  return ids.map(({ id, name }) => ({
    header: id,
    width: 90,
    // No number format: 4.5 shows as 4.5 (a format of '0' would show 5).
    validation: { kind: 'number', min: 1, max: 5 },
    note: `Score 1–5 for ${name}; see Criteria for what 1, 3 and 5 mean.`,
  }));
}

/**
 * What Set up needs to know of an existing tab, in one request: a tab it may seed or key (a
 * reference or country tab, Settings — small) is read whole; any other only by its header row,
 * since whether it holds data matters only when a column is missing (then one more request).
 */
function stateOf(sheet: Sheet, whole: boolean): TabState & { grid?: Grid } {
  if (whole) {
    const grid = readTable(sheet);
    return { exists: true, header: grid[0] ?? [], lastRow: grid.length, grid };
  }
  const header = trimEnd(sheet.getRange('1:1').getValues()[0]);
  // How far the data goes is unknown yet: the plan needs it only when a column is missing.
  return { exists: true, header, lastRow: Number.NaN };
}

const trimEnd = (row: Cell[]): Cell[] => {
  let n = row.length;
  while (n > 0 && row[n - 1] === '') n--;
  return row.slice(0, n);
};

export function setUpWorkbook(ctx: ActionContext, countries?: readonly string[]): SetupResult {
  const { ss } = ctx;
  const tabs = sheetsByName(ss, ctx.notices);
  const criteriaSheet = tabs.get(CRITERIA.name);
  const criteria = criteriaSheet ? readTable(criteriaSheet) : [];
  const result: SetupResult = { created: [], columnsAdded: 0, rowsSeeded: 0, warnings: [] };
  const seeds = referenceSeeds(ctx.timeZone);
  const props = PropertiesService.getDocumentProperties();
  const specs = workbookTabs(countries);
  const placeholders: Sheet[] = [];
  const headers = new HeaderProtections(props, protectionsBySheet(ss));
  // Every tab is read before anything is written: no read waits for writes to be sent first.
  const planned = specs.map((spec) => {
    const existing = tabs.get(spec.name);
    if (spec.kind === 'generated' || !existing) return { spec, existing, state: undefined };
    const seeded = spec === SETTINGS || spec === CRITERIA || !!seeds[spec.name];
    const state =
      existing === criteriaSheet
        ? { exists: true, header: criteria[0] ?? [], lastRow: criteria.length, grid: criteria }
        : stateOf(existing, seeded);
    return { spec, existing, state };
  });
  const planOf = (spec: TabSpec, state: TabState, grid?: Grid) =>
    planTab({
      spec,
      state,
      extraColumns: spec === PARTNERS ? criterionColumns(criteria) : undefined,
      seedRows: spec === CRITERIA ? criteriaSeedRows() : seeds[spec.name],
      keyedRows:
        spec === SETTINGS
          ? {
              keys: (grid ?? []).slice(1).map((r) => r[0]),
              rows: SETTINGS_SEED.map((s) => [s.key, s.value, s.note]),
            }
          : undefined,
    });
  const setUpTabs = () =>
    planned.forEach(({ spec, existing, state: read }, position) => {
      if (spec.kind === 'generated') {
        // A generated tab belongs to the action that rebuilds it: setup only makes sure it exists.
        if (!existing) {
          ctx.beforeWriting(`creating '${spec.name}'`);
          const sheet = ss.insertSheet(spec.name, Math.min(position, ss.getSheets().length));
          placeholders.push(sheet);
          writeFreshBlock(ctx, sheet, 1, 1, [[spec.purpose]]);
          sheet.getRange(1, 1).setFontWeight('bold');
          sheet.setTabColor(spec.tabColor);
          result.created.push(spec.name);
        }
        return;
      }
      let state: TabState = read ?? { exists: false, header: [], lastRow: 0 };
      let plan = planOf(spec, state, read?.grid);
      // A tab read by its header only: how far its data goes matters once a column is missing.
      if (existing && Number.isNaN(state.lastRow)) {
        if (plan.newHeaders.length || plan.warnings.length) {
          // Data in headerless columns past the header counts too (a likely unnamed column).
          const width = existing.getLastColumn();
          const header = [
            ...state.header,
            ...new Array(Math.max(0, width - state.header.length)).fill(''),
          ];
          state = { ...state, header, lastRow: existing.getLastRow() };
          plan = planOf(spec, state);
        }
      }
      // Setup only adds, so stopping between tabs is safe: running it again picks up where it stopped.
      ctx.beforeWriting(`setting up '${spec.name}'`);
      const sheet =
        existing ?? ss.insertSheet(spec.name, Math.min(position, ss.getSheets().length));
      // A country tab's seed ledger is written with its seed rows (before them, so a run cut
      // short in between re-seeds the empty tab): a fact a person deletes afterwards, even
      // before any Import benchmark seed, is never brought back.
      const code = codeOfTab(spec.name);
      if (code && plan.appendRows.length && props)
        props.setProperties(seededLedger(code, seeds[spec.name]));
      const rows = apply(ctx, sheet, plan, state, headers);
      // A seeded country tab gets the Status shading an import gives: the import that follows
      // finds it holding this revision and leaves it as it is. A tab made now has no rules yet.
      const status = plan.columnOf.get('Status');
      const ref = plan.columnOf.get(SEED_REF_COLUMN.header);
      if (code && plan.appendRows.length && status && ref)
        markTab(sheet, status, ref, rows, plan.create ? [] : undefined);
      if (plan.create) result.created.push(spec.name);
      result.columnsAdded += plan.create ? 0 : plan.newHeaders.length;
      result.rowsSeeded += plan.appendRows.length;
      result.warnings.push(...plan.warnings);
    });
  // Each tab created becomes the active one; the person stays on the tab they were on.
  if (specs.some((spec) => !tabs.has(spec.name))) keepingActiveTab(ss, setUpTabs);
  else setUpTabs();
  headers.finish();
  registerGeneratedTabs(ss, placeholders);
  result.removedTab = removeUntouchedDefaultTab(ctx, ss, tabs);
  return result;
}

/**
 * Keeps the score columns of an existing Partners tab in step with Criteria: a new criterion
 * gets its empty column (a likely rename is reported instead). Returns what to tell the person.
 */
export function syncPartnerColumns(
  deadline: Deadline,
  partners: Sheet,
  criteria: Grid,
  /** The tab's header row and how many rows it has (header included; 0 when empty). */
  table: { header: Cell[]; rows: number },
): { header: Cell[]; warnings: string[] } {
  const state: TabState = { exists: true, header: table.header, lastRow: table.rows };
  const plan = planTab({ spec: PARTNERS, state, extraColumns: criterionColumns(criteria) });
  const header = [...state.header];
  if (plan.newHeaders.length) {
    deadline.beforeWriting(`adding score columns to '${PARTNERS.name}'`);
    const headers = new HeaderProtections();
    apply(deadline, partners, plan, state, headers);
    headers.finish();
    // The new columns are empty: the table read before stays right once its header knows them.
    for (const h of plan.newHeaders) header[h.column - 1] = h.header;
  }
  return { header, warnings: plan.warnings };
}

function apply(
  deadline: Deadline,
  sheet: Sheet,
  plan: TabPlan,
  state: TabState,
  headers: HeaderProtections,
): number {
  const width = Math.max(state.header.length, ...plan.columnOf.values());
  // A tab that gains nothing keeps its size: no need to ask it (it has its header row).
  const rows =
    plan.create || plan.newHeaders.length || plan.appendRows.length
      ? ensureSize(sheet, Math.max(lastRowOf(state) + plan.appendRows.length, 2), width)
      : Number.NaN;
  if (plan.newHeaders.length) {
    const first = plan.newHeaders[0].column;
    writeBlock(deadline, sheet, 1, first, [plan.newHeaders.map((h) => h.header)]);
  }
  const added = new Set(plan.newHeaders.map((h) => h.header));
  const newColumns = plan.columns
    .filter((c) => added.has(c.header))
    .map((spec) => ({ spec, column: plan.columnOf.get(spec.header)! }));
  if (newColumns.length) formatColumns(sheet, newColumns, rows);
  styleHeader(
    sheet,
    width,
    newColumns.filter((c) => c.spec.note).map((c) => ({ column: c.column, note: c.spec.note! })),
  );
  if (plan.create) sheet.setTabColor(plan.spec.tabColor);
  if (plan.appendRows.length)
    writeBlock(deadline, sheet, Math.max(lastRowOf(state), 1) + 1, 1, plan.appendRows);
  if (plan.spec.kind !== 'log') headers.protect(sheet, width);
  return rows;
}

/** A tab read by its header only holds at least that row. */
const lastRowOf = (state: TabState) => (Number.isNaN(state.lastRow) ? 1 : state.lastRow);
