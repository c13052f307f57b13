/**
 * The benchmark actions: Refresh benchmark (rebuilds the generated `Benchmark` overview), Add
 * country… (a new `Benchmark XX` tab), Import benchmark seed (appends new seed facts, never
 * overwrites a person's edit).
 *
 * I/O: one getDataRange().getValues() per tab; the overview is drawn from a layout whose number
 * of blocks, header rows and colour rules does not depend on the data, so Refresh makes the same
 * number of service calls for 150 findings as for 5,000 (only the number of tabs counts).
 */
import { stalenessSetting } from '../core/benchmark/staleness';
import { formatDay, Grid, UserError } from '../core/cells';
import { resolveCountry } from '../core/benchmark/countries';
import { planSeedImport, ImportPlan } from '../core/benchmark/import-plan';
import {
  BenchmarkModel,
  benchmarkModel,
  benchmarkTabs,
  benchmarkWarnings,
} from '../core/benchmark/model';
import {
  ColourRule,
  OverviewLayout,
  overviewLayout,
  OVERVIEW_TAB,
} from '../core/benchmark/overview';
import { benchmarkSeedRows, seedFacts, seedRevision } from '../core/benchmark/seed';
import {
  asSeedUpdates,
  mergeSeedUpdates,
  SeedUpdates,
  seedUpdates,
} from '../core/benchmark/seed-review';
import { readMemoryTab, writeMemoryTab } from './memory-tab';
import { SEED_MEMORY_TAB } from '../core/schema/generated-names';
import { FACT_HEADERS } from '../core/benchmark/tab-columns';
import { benchmarkCountryTab, SETTINGS } from '../core/schema/tabs';
import { Settings } from '../core/settings';
import { ActionContext, ActionResult, runAction } from './action';
import { changedSince } from './unchanged';
import { HEADER_BACKGROUND } from './formats';
import { HeaderProtections, protectionsBySheet } from './header-protection';
import { countryColumns, layOutTab, markTab, STATUS_COLUMN } from './country-tab';
import { applyImport, prepareTab, PreparedTab, readTabShape } from './seed-import-tab';
import { keepingActiveTab, rebuildTab } from './generated';
import {
  rectangular,
  Sheet,
  sheetsByName,
  Spreadsheet,
  writeBlock,
  writeFreshBlock,
} from './workbook';

/**
 * Document property (one per country) listing the seed fact ids its tab has received — from Set
 * up workbook (or Add country…) onwards, so a fact a person deletes is never brought back.
 */
export const LEDGER_KEY = 'circ.benchmarkSeed.';
/** Document property (one per country): the seed revision its tab holds. */
export const REVISION_KEY = 'circ.benchmarkSeedRevision.';

/** The country code Add country… is adding, recorded before its tab is inserted, removed once done. */
const ADDING_KEY = 'circ.addingCountry';
/** Per tab, the first unreadable cells in full, then a count. */

/** What the report needs: the parsed benchmark and the staleness setting. */
/** What Refresh benchmark reads: every country tab and Settings, once. */
interface Inputs {
  model: BenchmarkModel;
  stalenessMonths: number;
  rowsRead: number;
  warnings: string[];
  tabs: Map<string, Sheet>;
  grids: Map<string, Grid>;
}

/**
 * One read per `Benchmark XX` tab and one of Settings; a date in a message is its day in the
 * spreadsheet's `timeZone`.
 */
function readInputs(ss: Spreadsheet, timeZone: string): Inputs {
  const tabs = sheetsByName(ss);
  const grids = new Map<string, Grid>();
  for (const t of benchmarkTabs([...tabs.keys()]))
    if (t.exists) grids.set(t.tab, tabs.get(t.tab)!.getDataRange().getValues());
  const settings = tabs.get(SETTINGS.name)?.getDataRange().getValues() ?? [];
  const warnings: string[] = [];
  const stalenessMonths = stalenessSetting(new Settings(settings), warnings);
  const model = modelOf([...tabs.keys()], grids, timeZone);
  warnings.push(...benchmarkWarnings(model));
  const rowsRead = [...grids.values()].reduce((n, g) => n + g.length, settings.length);
  return { tabs, grids, model, stalenessMonths, rowsRead, warnings };
}

function modelOf(tabNames: string[], grids: Map<string, Grid>, timeZone: string): BenchmarkModel {
  return benchmarkModel(
    benchmarkTabs(tabNames).map((t) => ({ ...t, grid: grids.get(t.tab) ?? null })),
    timeZone,
  );
}

/** Refresh benchmark: rebuilds the `Benchmark` overview from the country tabs, which are only read. */
export function refreshBenchmark(ctx: ActionContext): ActionResult {
  const inputs = readInputs(ctx.ss, ctx.timeZone);
  const updates = readSeedUpdates(ctx.ss);
  const layout = keepingActiveTab(ctx.ss, () =>
    drawOverview(ctx, inputs.tabs, inputs.model, inputs.stalenessMonths, updates),
  );
  const findings = inputs.model.countries.reduce((n, c) => n + c.findings.length, 0);
  return {
    rowsRead: inputs.rowsRead,
    rowsWritten: layout.rowsWritten,
    warnings: inputs.warnings,
    summary: `Benchmark refreshed: ${inputs.model.countries.length} countries, ${findings} findings side by side.`,
  };
}

function drawOverview(
  ctx: ActionContext,
  tabs: Map<string, Sheet>,
  model: BenchmarkModel,
  months: number,
  updates: SeedUpdates | null,
): OverviewLayout {
  const { ss } = ctx;
  const layout = overviewLayout(model, ctx.now, months, ctx.timeZone, {
    revision: seedRevision(),
    facts: seedFacts(),
    updates,
  });
  // A first overview goes just before the first country tab.
  const first = model.countries.find((c) => c.exists);
  const index = !tabs.has(OVERVIEW_TAB) && first ? tabs.get(first.tab)!.getIndex() - 1 : undefined;
  rebuildTab(
    ctx,
    ss,
    OVERVIEW_TAB,
    (sheet, size) => {
      const box = (b: { row: number; column: number; rows: number; columns: number }) =>
        sheet.getRange(b.row, b.column, b.rows, b.columns);
      // The fresh tab's size is known (and kept up to date): never asked after a write.
      for (const b of layout.blocks)
        writeFreshBlock(ctx, sheet, b.row, b.column, rectangular(b.values), size);
      for (const h of layout.headers) box(h).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
      for (const t of layout.titles) box(t).setFontWeight('bold');
      for (const w of layout.wrap) box(w).setWrap(true).setVerticalAlignment('top');
      sheet.setConditionalFormatRules(
        layout.rules.map((r) => colourRule(r).setRanges(r.ranges.map(box)).build()),
      );
      sheet.setColumnWidth(1, 300);
      sheet.setColumnWidths(2, Math.max(layout.width - 1, 7), 200);
      sheet.setFrozenColumns(1);
    },
    index,
  );
  return layout;
}

function colourRule(r: ColourRule): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
  const b = SpreadsheetApp.newConditionalFormatRule().setBackground(r.background);
  if (r.when === 'textEquals') return b.whenTextEqualTo(String(r.value));
  if (r.when === 'numberEquals') return b.whenNumberEqualTo(Number(r.value));
  if (r.when === 'greaterThan') return b.whenNumberGreaterThan(Number(r.value));
  return r.when === 'empty' ? b.whenCellEmpty() : b.whenCellNotEmpty();
}

/**
 * The country code the person types, or null on Cancel. The menu asks before the action takes
 * the document lock: a dialog suspends the script and the lock would not survive it, and nobody
 * else is kept waiting while the dialog is open.
 */
export function askCountry(): string | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    'Add country',
    'Two-letter ISO 3166 code of the country to benchmark (e.g. IT, NL, JP). The workbook calls the United Kingdom UK (ISO: GB).',
    ui.ButtonSet.OK_CANCEL,
  );
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}

/**
 * The document properties recording that a tab was seeded with `rows` (benchmarkSeedRows): its
 * ledger and the revision it holds. Set up workbook and Add country… write them with the rows.
 */
export function seededLedger(code: string, rows: Grid): Record<string, string> {
  return {
    [LEDGER_KEY + code]: rows.map((r) => String(r[FACT_HEADERS.length]).split('#')[0]).join(','),
    [REVISION_KEY + code]: String(seedRevision()),
  };
}

const ledgerOf = (stored: Record<string, string>, code: string) =>
  (stored[LEDGER_KEY + code] ?? '').split(',').filter(Boolean);

/** Menu flow of Add country…: the prompt, then the action (Cancel changes nothing, not even the Log). */
export function addCountryFromMenu(): ActionResult | null {
  const started = Date.now();
  const typed = askCountry();
  return typed === null
    ? null
    : runAction('Add country…', (ctx) => addCountry(ctx, typed), true, started);
}

/**
 * Add country…, once the person typed an ISO 3166 alpha-2 code (askCountry): creates
 * `Benchmark XX` laid out like the others (an EU member gets the EU-level seed facts), and
 * rebuilds the overview with it.
 */
export function addCountry(ctx: ActionContext, typed: string): ActionResult {
  if (!ctx.interactive)
    throw new UserError('Add country… asks for a country code, so it runs only from the menu.');
  const country = resolveCountry(typed);
  if (!country) {
    throw new UserError(
      `'${typed}' is not an ISO 3166 country code. Type two letters, e.g. IT for Italy (UK or GB for the United Kingdom). Nothing was changed.`,
    );
  }
  // Everything the overview needs is read before the first write.
  const inputs = readInputs(ctx.ss, ctx.timeZone);
  const props = PropertiesService.getDocumentProperties();
  const updates = readSeedUpdates(ctx.ss);
  const name = benchmarkCountryTab(country.code).name;
  const rows = benchmarkSeedRows(country.code, ctx.timeZone);
  const columns = countryColumns(country.code);
  const laidOut: Grid = [columns.map((c) => c.header), ...rows];
  const found = benchmarkTabs([...inputs.tabs.keys()]).find(
    (t) => t.exists && t.code === country.code,
  );
  // A run cut short leaves its record (written before the tab was inserted): that tab is the
  // add-on's unfinished work, made again from scratch unless a person has typed in it since.
  const resuming = !!found && props?.getProperty(ADDING_KEY) === country.code;
  if (found && !(resuming && onlyLaidOut(inputs.grids.get(found.tab) ?? [], laidOut)))
    throw new UserError(
      resuming
        ? `'${found.tab}' was begun by an Add country… that stopped half-way, and has been edited since: delete the tab and run Add country… again, or finish it by hand. Nothing was changed.`
        : `${country.name} (${country.code}) is already in the benchmark: the tab '${found.tab}' exists. Nothing was changed.`,
    );
  if (found) {
    ctx.beforeWriting(`removing the unfinished '${found.tab}'`);
    ctx.ss.deleteSheet(inputs.tabs.get(found.tab)!);
    inputs.tabs.delete(found.tab);
    inputs.grids.delete(found.tab);
  }
  const names = [...inputs.tabs.keys()];
  const tabs = benchmarkTabs(names).filter((t) => t.exists);
  inputs.grids.set(name, laidOut);
  const model = modelOf([...names, name], inputs.grids, ctx.timeZone);
  ctx.beforeWriting(`creating '${name}'`);
  if (!resuming) props?.setProperty(ADDING_KEY, country.code);
  // The new country tab and the rebuilt overview are both inserted tabs: the person stays put.
  const layout = keepingActiveTab(ctx.ss, () => {
    const last = Math.max(0, ...tabs.map((t) => inputs.tabs.get(t.tab)!.getIndex()));
    const sheet = ctx.ss.insertSheet(name, last || ctx.ss.getSheets().length);
    const headers = new HeaderProtections(props);
    layOutTab(ctx, sheet, country.code, rows.length, headers);
    headers.finish();
    writeBlock(ctx, sheet, 2, 1, rows);
    markTab(sheet, STATUS_COLUMN, columns.length, sheet.getMaxRows());
    if (rows.length) props?.setProperties(seededLedger(country.code, rows));
    return drawOverview(ctx, inputs.tabs, model, inputs.stalenessMonths, updates);
  });
  props?.deleteProperty(ADDING_KEY);
  return {
    rowsRead: inputs.rowsRead,
    rowsWritten: rows.length + 1 + layout.rowsWritten,
    warnings: [],
    details: rows.length ? [revisionHeld()] : [],
    summary: `${resuming ? 'Finished adding' : 'Added'} '${name}' (${country.name})${resuming ? ', which an earlier run had begun and not finished,' : ''}${rows.length ? ` with ${rows.length} seed fact(s)` : ''}; the Benchmark overview now shows ${model.countries.length} countries.`,
  };
}

/**
 * Import benchmark seed: upgrades every `Benchmark XX` tab to the shipped revision, keeping what
 * people wrote (import-plan.ts): new facts appended, facts nobody edited updated in place, edited
 * ones kept (their new version offered on the overview), withdrawn ones flagged, deleted ones
 * never brought back.
 */
export function importBenchmarkSeed(ctx: ActionContext): ActionResult {
  return runSeedImport(ctx, false);
}

/**
 * Restore deleted benchmark facts…: appends again the seed facts a tab received and a person
 * deleted (a cleared country tab, say), after a confirmation naming how many per tab. Nothing
 * else changes: new facts and updates wait for Import benchmark seed.
 */
export function restoreDeletedFacts(ctx: ActionContext): ActionResult {
  return runSeedImport(ctx, true);
}

/** A country tab the import read: its values, its plan, and whether it writes to it. */
interface Planned {
  sheet: Sheet;
  grid: Grid;
  plan: ImportPlan;
  touches: boolean;
}

function runSeedImport(ctx: ActionContext, restore: boolean): ActionResult {
  const tabs = sheetsByName(ctx.ss, ctx.notices);
  const list = benchmarkTabs([...tabs.keys()]);
  if (!list.some((t) => t.exists))
    throw new UserError(
      'There is no Benchmark tab yet: run Circularity Workbench › Set up workbook first.',
    );
  const props = PropertiesService.getDocumentProperties();
  const stored = props?.getProperties() ?? {};
  const revision = seedRevision();
  const result: ActionResult = {
    rowsRead: 0,
    rowsWritten: 0,
    warnings: [],
    details: [],
    summary: '',
  };
  // An upgrade to this revision cut short: its record (written before the tabs) names the cells
  // it had begun to change, so the next run finishes them instead of taking them for edits.
  const earlier = restore ? null : readSeedUpdates(ctx.ss);
  const unfinished =
    earlier && earlier.revision === revision
      ? new Map(earlier.facts.map((f) => [f.id, f.changes]))
      : undefined;
  const planned: Planned[] = [];
  for (const t of list) {
    if (!t.exists) {
      result.warnings.push(
        `${t.tab}: the tab is missing (run Set up workbook); nothing was imported for ${t.code}.`,
      );
      continue;
    }
    const sheet = tabs.get(t.tab)!;
    const grid = sheet.getDataRange().getValues();
    result.rowsRead += grid.length;
    const held = Number(stored[REVISION_KEY + t.code] ?? 0);
    const plan = planSeedImport(t.code, t.tab, grid, ledgerOf(stored, t.code), {
      timeZone: ctx.timeZone,
      upgrade: !restore && held < revision,
      restoreDeleted: restore,
      unfinished,
    });
    // A tab that holds this revision already and gains nothing is not touched at all (nor asked
    // again): its Status shading was set by the import that brought the revision. Its ledger
    // still moves (a fact deleted since).
    const current = restore || stored[REVISION_KEY + t.code] === String(revision);
    const touches =
      !current || !!plan.append.length || !!plan.patch || plan.layOut || plan.addRefHeader;
    if (plan.skipped) result.warnings.push(plan.skipped);
    else planned.push({ sheet, grid, plan, touches });
  }
  if (restore && !confirmRestore(ctx, planned)) {
    return { ...result, summary: 'Nothing was restored.', details: [] };
  }

  // The upgrade's record goes first, as the ledgers do: a run cut short after updating some rows
  // leaves a record that already lists them, and the next run (which finds them up to date) adds
  // what it updates itself (mergeSeedUpdates).
  const updating = planned.filter((p) => p.plan.updated.length);
  if (!restore && updating.length)
    writeMemoryTab(
      ctx,
      ctx.ss,
      SEED_MEMORY_TAB,
      SEED_MEMORY_TITLE,
      mergeSeedUpdates(
        earlier,
        seedUpdates(
          revision,
          formatDay(ctx.now, ctx.timeZone),
          updating.map(({ plan }) => ({ tab: plan.tab, updated: plan.updated })),
        ),
      ),
      ctx.interactive,
    );
  // The last look at every tab it writes to, just before the writes to all of them (and after
  // the restore's question, which lets others edit): a fact a colleague typed or appended
  // meanwhile is theirs, and that tab is left for another run. A tab found unchanged is grown
  // and read under its writes (prepareTab). Only then is anything written to a country tab, so
  // no read waits for buffered writes but the first one here (after the upgrade's record).
  const ready: (Planned & { prepared: PreparedTab | null })[] = [];
  for (const p of planned) {
    if (!p.touches) {
      ready.push({ ...p, prepared: null });
      continue;
    }
    const { plan, sheet, grid } = p;
    ctx.beforeWriting(`importing into '${plan.tab}'`);
    const shape = readTabShape(sheet, grid, plan);
    const changed = changedSince(ctx, sheet, grid, {
      blankBelow: Math.max(0, plan.appendAt + plan.append.length - 1 - grid.length),
      maxRows: shape.size.rows,
    });
    if (changed) result.warnings.push(changed);
    else ready.push({ ...p, prepared: prepareTab(sheet, plan, shape) });
  }
  // Header protections are asked once for every tab when some tab gets a header.
  const headers = new HeaderProtections(
    props,
    ready.some((p) => p.plan.layOut || p.plan.addRefHeader)
      ? protectionsBySheet(ctx.ss)
      : undefined,
  );
  const written: ImportPlan[] = [];
  const memory: Record<string, string> = {};
  for (const { sheet, grid, plan, prepared } of ready) {
    if (prepared) applyImport(ctx, sheet, plan, grid, prepared, headers);
    written.push(plan);
    result.rowsWritten += plan.append.length + plan.updated.length;
    if (plan.ledger.join(',') !== (stored[LEDGER_KEY + plan.code] ?? ''))
      memory[LEDGER_KEY + plan.code] = plan.ledger.join(',');
    if (!restore && stored[REVISION_KEY + plan.code] !== String(revision))
      memory[REVISION_KEY + plan.code] = String(revision);
    result.details!.push(...tabDetails(plan));
  }
  headers.finish();
  if (props && Object.keys(memory).length) props.setProperties(memory);
  const count = (f: (p: ImportPlan) => number) => written.reduce((n, p) => n + f(p), 0);
  if (restore) {
    result.summary = `Restored ${count((p) => p.restored.length)} deleted benchmark fact(s) (seed revision ${revision}) at the end of their tabs. Run Refresh benchmark to update the overview.`;
    return result;
  }
  const kept = count((p) => p.kept.length);
  const deleted = count((p) => p.deleted.length);
  const withdrawn = count((p) => p.withdrawn.length);
  result.details!.push(revisionHeld());
  result.summary =
    `Benchmark seed revision ${revision} imported on ${formatDay(ctx.now, ctx.timeZone)}: ` +
    `${count((p) => p.added.length)} fact(s) added, ${count((p) => p.updated.length)} updated in place, ` +
    `${kept} kept because you edited them${kept ? " (their new version is under 'Seed review' on the Benchmark overview)" : ''}, ` +
    `${withdrawn} withdrawn from the seed${withdrawn ? ' (flagged on the overview, not deleted)' : ''}. ` +
    (deleted
      ? `${deleted} fact(s) you deleted were not brought back (Restore deleted benchmark facts… does, if you want them). `
      : '') +
    `The country tabs now hold revision ${revision}; the team's columns (implication, best practice, status, last reviewed, owner) were not overwritten.` +
    (result.warnings.some((w) => w.includes('changed while'))
      ? ' Some tabs changed while it ran and were left as they were (see below).'
      : '') +
    ' Run Refresh benchmark to update the overview.';
  return result;
}

/** True when every non-blank cell of `grid` is what Add country… lays out there (nobody typed in it). */
function onlyLaidOut(grid: Grid, laidOut: Grid): boolean {
  return grid.every((row, r) =>
    row.every((cell, c) => cell === '' || String(cell) === String(laidOut[r]?.[c] ?? '')),
  );
}

/** The Log's lines for one tab: rows updated, kept, edited, withdrawn, deleted, restored. */
function tabDetails(plan: ImportPlan): string[] {
  const t = plan.tab;
  return [
    ...plan.updated.map(
      (u) => `${t}, row ${u.row}: '${u.fact.title}' updated to the new revision.`,
    ),
    ...plan.kept.map(
      (k) =>
        `${t}, row ${k.row}: '${k.topic}' has a new version in the seed; kept as you edited it (see 'Seed review' on the overview).`,
    ),
    ...plan.edited
      .filter((e) => !plan.kept.some((k) => k.row === e.row))
      .map((e) => `${t}, row ${e.row}: '${e.topic}' differs from the seed; kept as edited.`),
    ...plan.withdrawn.map(
      (w) => `${t}, row ${w.row}: '${w.topic}' was withdrawn from the seed; kept, flagged.`,
    ),
    ...(plan.deleted.length && !plan.restored.length
      ? [`${t}: ${plan.deleted.length} seed fact(s) deleted from the tab were not added back.`]
      : []),
    ...(plan.restored.length ? [`${t}: ${plan.restored.length} deleted fact(s) restored.`] : []),
  ];
}

/** The restore's question, naming what it restores per tab; false when there is nothing or on No. */
function confirmRestore(ctx: ActionContext, planned: { plan: ImportPlan }[]): boolean {
  const tabs = planned.filter((p) => p.plan.restored.length);
  if (!tabs.length)
    throw new UserError(
      'No deleted benchmark fact to restore: every seed fact the country tabs received is still there. Nothing was changed.',
    );
  const lines = tabs.map(
    (p) =>
      `${p.plan.tab}: ${p.plan.restored.length} fact(s) (${p.plan.restored
        .slice(0, 3)
        .map((f) => f.title)
        .join('; ')}${p.plan.restored.length > 3 ? '; …' : ''})`,
  );
  return ctx.confirm(
    'Restore deleted benchmark facts',
    `These seed facts were deleted from their tabs and will be added again at the end of each tab, as shipped (revision ${seedRevision()}):\n\n${lines.join('\n')}\n\nNothing else changes. Restore them?`,
  );
}

/** The Log line that says which revision of the shipped seed the workbook's tabs now hold. */
const revisionHeld = () =>
  `Benchmark seed revision ${seedRevision()} (${seedFacts().length} facts) held by the country tabs.`;

const SEED_MEMORY_TITLE =
  'Seed memory — kept by Circularity Workbench for the Benchmark overview: what the last Import benchmark seed changed in place (old and new values). Do not edit this tab: it is rebuilt by each upgrade.';

/** The last upgrade's record, or null (no upgrade yet, or the tab is not readable). */
function readSeedUpdates(ss: Spreadsheet): SeedUpdates | null {
  try {
    return asSeedUpdates(
      readMemoryTab(
        ss,
        SEED_MEMORY_TAB,
        'the overview then lists no seed updates until the next upgrade',
      ),
    );
  } catch (e) {
    // An edited, unreadable record only empties the list; a failing service fails the action
    // (taken for "no record", it would draw an overview that differs from a clean run's).
    if (e instanceof UserError) return null;
    throw e;
  }
}
