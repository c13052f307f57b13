/**
 * Generated tabs are rebuilt whole: the new content is drawn on a fresh tab, and only once it is
 * complete does it replace the old one. A failure half-way (the time budget running out included)
 * leaves the previous tab as it was.
 *
 * People's work on or beside them is never deleted silently:
 * - a tab with a generated tab's name that the add-on did not make (a team's own `KPI Dashboard`)
 *   is kept, renamed "… (yours)", and the action says so. The add-on knows its own tabs by their
 *   sheet ids, recorded in the document when it makes them (a name or a title can be typed by
 *   anyone); the first time this version runs, the generated tabs already there are adopted.
 * - notes typed on a generated tab (the add-on writes none on them) would go with it: the old tab
 *   is kept, renamed "… (your notes)", and the action says so.
 *
 * What is already right is not redrawn: a tab whose values are those a rebuild would write (but
 * for the line saying when it was generated) is kept, that line written in place — Data quality
 * and Partner Performance, which stay the same as long as KPI Data does.
 */
import { isGeneratedName } from '../core/schema/generated-names';
import { Cell, Grid, inertBlock } from '../core/cells';
import { Deadline, GridSize, newTabSize, readTable, Sheet, Spreadsheet } from './workbook';

const BUILDING = ' (building)';
/** The previous version while the new one takes its name: never two tabs of one name, never none. */
const REPLACED = ' (replaced)';
/** Document property: generated tab name → the sheet ids the add-on gave it (the current one, and the one being swapped in). */
export const GENERATED_TABS_KEY = 'circ.generatedTabs';

type Registry = Record<string, number[]>;

/** The registry, or, the first time, every generated-name tab already there adopted. */
function readRegistry(
  ss: Spreadsheet,
  props: GoogleAppsScript.Properties.Properties | null,
): Registry {
  const text = props?.getProperty(GENERATED_TABS_KEY);
  if (text) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object') return parsed as Registry;
    } catch {
      // An unreadable registry is rebuilt from the tabs, as on the first run.
    }
  }
  const adopted: Registry = {};
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (isGeneratedName(name)) adopted[name] = [sheet.getSheetId()];
  }
  return adopted;
}

/**
 * Records tabs the add-on just created as its own (Set up's placeholders for generated tabs), so
 * that a tab a person later gives one of those names is never taken for the add-on's.
 */
export function registerGeneratedTabs(ss: Spreadsheet, sheets: readonly Sheet[]): void {
  if (!sheets.length) return;
  const props = PropertiesService.getDocumentProperties();
  const registry = readRegistry(ss, props);
  for (const sheet of sheets) registry[sheet.getName()] = [sheet.getSheetId()];
  props?.setProperty(GENERATED_TABS_KEY, JSON.stringify(registry));
}

/** A free name for a tab kept aside: "KPI Dashboard (yours)", "KPI Dashboard (yours 2)"… */
function asideName(ss: Spreadsheet, name: string, why: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${name} (${why}${n > 1 ? ` ${n}` : ''})`;
    if (!ss.getSheetByName(candidate)) return candidate;
  }
}

/** The tab's values (its used area) when a rebuild may find them already right. */
export interface Reusable {
  /** Every value the tab is to show, from A1, as written (strings before they are made inert). */
  values: Grid;
  /**
   * Cells that change with every run (when the tab was generated), 1-based: when every other
   * value is already right they alone are written, in place, and the tab is not rebuilt.
   */
  volatile: readonly { row: number; column: number }[];
}

export interface RebuildOptions {
  /** Where a tab that does not exist yet goes (0-based); default last. */
  fallbackIndex?: number;
  reusable?: Reusable;
}

/** Draws a fresh tab; `size` is its grid size, known without asking it (newTabSize(), then grown). */
export type Render = (sheet: Sheet, size: GridSize) => void;

/**
 * The generated tabs one action rebuilds. The add-on's registry of its tabs is read once, however
 * many tabs the action rebuilds (the document lock keeps other actions from changing it meanwhile),
 * and written before each swap.
 */
export class GeneratedTabs {
  private readonly props = PropertiesService.getDocumentProperties();
  private registry: Registry | null = null;

  constructor(
    readonly deadline: Deadline,
    readonly ss: Spreadsheet,
  ) {}

  private known(): Registry {
    return (this.registry ??= readRegistry(this.ss, this.props));
  }

  /**
   * Rebuilds `name` whole with `render`; returns the tab now holding it. With `reusable`, a tab of
   * the add-on's that already shows those values is kept (only its volatile cells written): a
   * rebuild would change nothing but its sheet id, at six round trips.
   */
  rebuild(name: string, render: Render, options: RebuildOptions = {}): Sheet {
    const { deadline, ss } = this;
    deadline.beforeWriting(`drawing '${name}'`);
    // A swap cut short leaves the previous version under REPLACED: with no tab of the name it is
    // still the tab in place (its position, its id); beside a finished new tab it is only left over.
    const named = ss.getSheetByName(name);
    const replaced = ss.getSheetByName(name + REPLACED);
    if (named && replaced) ss.deleteSheet(replaced);
    const old = named ?? replaced;
    const leftover = ss.getSheetByName(name + BUILDING);
    if (leftover) ss.deleteSheet(leftover);
    const registry = this.known();
    let keep: 'yours' | 'your notes' | null = null;
    /** The old tab of the add-on's, its notes not looked for yet. */
    let notesOf: Sheet | null = null;
    const oldId = old ? old.getSheetId() : null;
    if (old && oldId !== null) {
      if (!(registry[name] ?? []).includes(oldId)) keep = 'yours';
      else if (options.reusable && old === named) {
        // Its values are read anyway to compare: the notes are looked for in the same area.
        const used = readTable(old);
        if (refreshIfSame(old, used, options.reusable)) return old;
        if (
          hasNotes(old.getRange(1, 1, Math.max(used.length, 1), Math.max(used[0]?.length ?? 0, 1)))
        )
          keep = 'your notes';
      } else notesOf = old;
    }
    const index = old ? old.getIndex() - 1 : (options.fallbackIndex ?? ss.getSheets().length);
    const fresh = ss.insertSheet(name + BUILDING, index);
    try {
      // Looked for once insertSheet has sent the writes the action buffered before it: the read
      // then carries none (before the insert, a read after writes would send them itself), and
      // the look at the old tab is one call nearer the swap.
      if (notesOf && hasNotes(notesOf.getDataRange())) keep = 'your notes';
      render(fresh, newTabSize());
    } catch (e) {
      ss.deleteSheet(fresh);
      throw e;
    }
    // Recorded before the swap: whatever happens next, both the old and the new tab are known as
    // the add-on's, so an interrupted swap is finished by the next run, never taken for a person's.
    const ids = [...(keep === null && oldId !== null ? [oldId] : []), fresh.getSheetId()];
    this.registry = { ...registry, [name]: ids };
    this.props?.setProperty(GENERATED_TABS_KEY, JSON.stringify(this.registry));
    if (old && keep) {
      const aside = asideName(ss, name, keep);
      old.setName(aside);
      deadline.notices?.push(
        keep === 'yours'
          ? `'${name}' was a tab of yours, not one the add-on made: it is kept as '${aside}', and the add-on's '${name}' is beside it.`
          : `'${name}' had notes typed on it, which a rebuild would lose: the previous version is kept as '${aside}'; copy what you need and delete it.`,
      );
      fresh.setName(name);
    } else if (old) {
      // Renamed aside first, so the new tab takes the name at once and the old one goes last: a
      // failure between any two steps leaves a state the next run recognises and finishes.
      if (old !== replaced) old.setName(name + REPLACED);
      fresh.setName(name);
      ss.deleteSheet(old);
    } else fresh.setName(name);
    return fresh;
  }
}

/** Rebuilds one generated tab (an action rebuilding several uses one GeneratedTabs). */
export function rebuildTab(
  deadline: Deadline,
  ss: Spreadsheet,
  name: string,
  render: Render,
  fallbackIndex?: number,
): Sheet {
  return new GeneratedTabs(deadline, ss).rebuild(name, render, { fallbackIndex });
}

/** Notes anywhere in `range` (a tab's used area). */
function hasNotes(range: GoogleAppsScript.Spreadsheet.Range): boolean {
  return range.getNotes().some((row) => row.some((n) => n !== ''));
}

/**
 * Whether `used` (the tab's values as read) shows `want.values` but for the volatile cells, which
 * are then written in place. A value reads back as it was written: a string made inert reads as
 * the string, a Date as the same instant.
 */
function refreshIfSame(sheet: Sheet, used: Grid, want: Reusable): boolean {
  const volatile = new Set(want.volatile.map((v) => `${v.row - 1}:${v.column - 1}`));
  const rows = Math.max(used.length, want.values.length);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < Math.max(used[i]?.length ?? 0, want.values[i]?.length ?? 0); j++) {
      if (volatile.has(`${i}:${j}`)) continue;
      if (!sameCell(used[i]?.[j] ?? '', want.values[i]?.[j] ?? '')) return false;
    }
  for (const { row, column } of want.volatile)
    sheet.getRange(row, column).setValues(inertBlock([[want.values[row - 1]?.[column - 1] ?? '']]));
  return true;
}

function sameCell(a: Cell, b: Cell): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

/**
 * Finishes a swap an earlier run left at its last step (the new tab named, the previous one still
 * aside, or a tab left half-drawn), for an action that will not rebuild `name` this time.
 */
export function finishSwap(deadline: Deadline, ss: Spreadsheet, name: string): void {
  if (!ss.getSheetByName(name)) return;
  const leftovers = [name + REPLACED, name + BUILDING].flatMap((n) => ss.getSheetByName(n) ?? []);
  if (leftovers.length) deadline.beforeWriting(`tidying what an earlier run left of '${name}'`);
  for (const sheet of leftovers) ss.deleteSheet(sheet);
}

/** The tab holding what `name` held when a swap stopped before the new version took its name. */
export function namedOrReplaced(ss: Spreadsheet, name: string): Sheet | null {
  return ss.getSheetByName(name) ?? ss.getSheetByName(name + REPLACED);
}

/**
 * insertSheet: "The new sheet becomes the active sheet."
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer))
 * An action that creates or rebuilds tabs runs that part through here, so the person stays on the
 * tab they were on: one getActiveSheet before, one activate after (only for interactive runs; a
 * time-driven run has nobody looking at a tab). The tab is found again by its name, so a person
 * looking at a generated tab that was just rebuilt stays on the new one. After a failure the
 * restoring is best effort: the failure is what gets reported.
 */
export function keepingActiveTab<T>(
  ss: Spreadsheet,
  build: () => T,
  interactive = true,
  /** A hidden tab the build draws: never gone back to, since activating it would show it. */
  hidden?: string,
): T {
  if (!interactive) return build();
  const name = ss.getActiveSheet().getName();
  const restore = () => (name === hidden ? undefined : ss.getSheetByName(name)?.activate());
  let result: T;
  try {
    result = build();
  } catch (e) {
    try {
      restore();
    } catch {
      // The first failure is the one to report.
    }
    throw e;
  }
  restore();
  return result;
}
