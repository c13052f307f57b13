/**
 * Set up workbook: creates the tabs of product.md that are missing, adds missing columns to the
 * right of existing ones, seeds empty reference tabs. Reads each tab's header once, decides in
 * core (planTab), then writes one block per tab.
 */
import { Cell, Grid } from '../core/cells';
import { headerIndex, headerKey } from '../core/headers';
import { ColumnSpec, CRITERIA, PARTNERS, SETTINGS, workbookTabs } from '../core/schema/tabs';
import { criteriaSeedRows, CRITERIA_SEED } from '../core/seed/criteria';
import { SETTINGS_SEED } from '../core/seed/settings';
import { planTab, TabPlan, TabState } from '../core/setup-plan';
import { referenceSeeds } from '../core/seed/reference';
import { codeOfTab } from '../core/benchmark/tab-columns';
import { seededLedger } from './benchmark';
import { removeUntouchedDefaultTab } from './default-tab';
import { ActionContext } from './action';
import { formatColumns, styleHeader } from './formats';
import { HeaderProtections } from './header-protection';
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

function stateOf(sheet: Sheet | undefined): TabState {
  if (!sheet) return { exists: false, header: [], lastRow: 0 };
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const header: Cell[] =
    lastRow > 0 && lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0] : [];
  return { exists: true, header, lastRow };
}

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
  const headers = new HeaderProtections(props);
  const setUpTabs = () =>
    specs.forEach((spec, position) => {
      const existing = tabs.get(spec.name);
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
      const state =
        existing === criteriaSheet && existing
          ? { exists: true, header: criteria[0] ?? [], lastRow: criteria.length }
          : stateOf(existing);
      const plan = planTab({
        spec,
        state,
        extraColumns: spec === PARTNERS ? criterionColumns(criteria) : undefined,
        seedRows: spec === CRITERIA ? criteriaSeedRows() : seeds[spec.name],
        keyedRows:
          spec === SETTINGS
            ? {
                keys: existing ? settingKeys(existing, state) : [],
                rows: SETTINGS_SEED.map((s) => [s.key, s.value, s.note]),
              }
            : undefined,
      });
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
      apply(ctx, sheet, plan, state, headers);
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
  table: Grid,
): { header: Cell[]; warnings: string[] } {
  const state: TabState = { exists: true, header: table[0] ?? [], lastRow: table.length };
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

function settingKeys(sheet: Sheet, state: TabState): Cell[] {
  if (state.lastRow < 2) return [];
  return sheet
    .getRange(2, 1, state.lastRow - 1, 1)
    .getValues()
    .map((r) => r[0]);
}

function apply(
  deadline: Deadline,
  sheet: Sheet,
  plan: TabPlan,
  state: TabState,
  headers: HeaderProtections,
): void {
  const width = Math.max(state.header.length, ...plan.columnOf.values());
  ensureSize(sheet, Math.max(state.lastRow + plan.appendRows.length, 2), width);
  if (plan.newHeaders.length) {
    const first = plan.newHeaders[0].column;
    writeBlock(deadline, sheet, 1, first, [plan.newHeaders.map((h) => h.header)]);
  }
  const added = new Set(plan.newHeaders.map((h) => h.header));
  const newColumns = plan.columns
    .filter((c) => added.has(c.header))
    .map((spec) => ({ spec, column: plan.columnOf.get(spec.header)! }));
  if (newColumns.length) formatColumns(sheet, newColumns, sheet.getMaxRows());
  styleHeader(
    sheet,
    width,
    newColumns.filter((c) => c.spec.note).map((c) => ({ column: c.column, note: c.spec.note! })),
  );
  if (plan.create) sheet.setTabColor(plan.spec.tabColor);
  if (plan.appendRows.length)
    writeBlock(deadline, sheet, Math.max(state.lastRow, 1) + 1, 1, plan.appendRows);
  if (plan.spec.kind !== 'log') headers.protect(sheet, width);
}
