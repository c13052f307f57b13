/**
 * A complete, flat picture of what a person sees as "the workbook", for telling whether two runs
 * left the same document (issue 15: a retried action must converge to the clean run's result).
 * Read from the model directly: no service call is counted.
 *
 * Everything but the cells is a flat record, readable key → JSON ("Partners conditionalFormatRules"
 * → "[…]"), so a difference prints as one line. Cells are kept as a copy of every layer the model
 * holds (values, formulas, notes, number formats, fonts, colours, alignments, wrapping, data
 * validations — and any layer SheetData gains later, found by type) over the whole grid, not only
 * the data range, and compared cell by cell ("Partners!C5 values: 3 → 4"). Copying the layers and
 * comparing them with === keeps a fingerprint to a few milliseconds: the sweep takes thousands.
 *
 * What it leaves out, each because two runs that did the same thing may differ there:
 * - sheet ids and chart ids: a tab or chart built again gets a new id; nobody sees the number
 *   (the tab's name and place, and the chart's type, ranges, position and options are compared);
 * - the order of charts and of protections within a tab: neither shows on screen (their content
 *   is compared, sorted); the order of conditional format rules does show (priority) and is kept;
 * - trigger ids: a schedule made again gets a new id (handler, kind and timing are compared);
 * - the active sheet and selection: where the person is looking, not what the document holds;
 * - toasts, alerts, the Logger, the outbox: messages, not the document;
 * - the model's write histories (unintendedFormulaWrites, convertedStringWrites,
 *   autoResizedColumns): records of calls for other tests, not state (column widths are kept);
 *   setBorder calls are a history too, so identical repeats count once;
 * - user and script properties and the caches: they belong to a person or to the script across
 *   every document, not to this workbook (the document properties are compared);
 * - an empty-string value, which Sheets does not tell from an empty cell;
 * - rows the caller names as volatile (options.volatileRows): e.g. a log tab's lines, whose
 *   timestamps and count differ by design between one run and a failed run plus a retry.
 */
import { cellA1 } from '../spreadsheet/a1';
import { CellError } from '../spreadsheet/cell-error';
import { Layer } from '../spreadsheet/layer';
import type { FakeSheet } from '../spreadsheet/sheet';
import type { Runtime } from '../runtime';

type Rows = ReadonlyArray<ReadonlyArray<unknown> | undefined>;

export interface WorkbookFingerprint {
  /** Key → JSON, for everything but the cells. */
  readonly entries: Readonly<Record<string, string>>;
  /** "Tab attribute" → a copy of that layer's rows (0-based, sparse), volatile rows left out. */
  readonly cells: Readonly<Record<string, Rows>>;
  /** The tab each per-tab key of entries and cells belongs to. */
  readonly tabOf: Readonly<Record<string, string>>;
}

export interface FingerprintOptions {
  /** Tab name → first 1-based row not compared (that row and every row below it). */
  volatileRows?: Record<string, number>;
  /**
   * Document property key → what of its value is compared, for a property that holds ids the
   * runtime gives anew on every run (sheet ids, excluded everywhere else): the caller keeps the
   * meaning (e.g. "each tab's current id is recorded", "the trigger recorded exists") and drops
   * the numbers.
   */
  documentProperties?: Record<
    string,
    (
      value: string,
      sheetIds: ReadonlyMap<string, number>,
      triggerIds: ReadonlySet<string>,
    ) => string
  >;
}

const json = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x instanceof Map ? Object.fromEntries(x) : x instanceof Set ? [...x] : x,
  );

const sortedJson = (items: unknown[]): string => json(items.map((i) => json(i)).sort());

function sheetEntries(
  sheet: FakeSheet,
  out: Record<string, string>,
  tabOf: Record<string, string>,
): void {
  const tab = sheet.name;
  const putJson = (key: string, text: string) => {
    out[`${tab} ${key}`] = text;
    tabOf[`${tab} ${key}`] = tab;
  };
  const put = (key: string, v: unknown) => putJson(key, json(v));
  put('size', [sheet.maxRows, sheet.maxColumns]);
  put('frozen', [sheet.frozenRows, sheet.frozenColumns]);
  put('tabColor', sheet.tabColor);
  put('hidden', sheet.hidden);
  put('hiddenGridlines', sheet.hiddenGridlines);
  put(
    'hiddenRows',
    [...sheet.hiddenRows].sort((a, b) => a - b),
  );
  put(
    'hiddenColumns',
    [...sheet.hiddenColumns].sort((a, b) => a - b),
  );
  put(
    'columnWidths',
    [...sheet.columnWidths].sort(([a], [b]) => a - b),
  );
  put(
    'rowHeights',
    [...sheet.rowHeights].sort(([a], [b]) => a - b),
  );
  put('merges', sheet.merges.map((m) => `${m.range.getA1NotationInternal()} ${m.kind}`).sort());
  putJson('borders', json([...new Set(sheet.borders.map((b) => json(b)))].sort()));
  put(
    'conditionalFormatRules',
    sheet.conditionalFormatRules.map((r) => r.describe()),
  );
  putJson(
    'protections',
    sortedJson(
      sheet.protections.map((p) => ({
        type: p.type,
        range: p.protectedRange().getA1NotationInternal(),
        description: p.description,
        warningOnly: p.warningOnly,
        domainEdit: p.domainEdit,
        editors: p.editors.slice().sort(),
        unprotected: p.unprotectedRanges.map((r) => r.getA1NotationInternal()).sort(),
        rangeName: p.rangeName,
      })),
    ),
  );
  putJson('charts', sortedJson(sheet.charts.map((c) => ({ ...c.describe(), id: null }))));
}

export function fingerprintWorkbook(
  runtime: Runtime,
  options: FingerprintOptions = {},
): WorkbookFingerprint {
  const ss = runtime.spreadsheet;
  if (!ss) throw new Error('fingerprintWorkbook: the runtime has no spreadsheet');
  const entries: Record<string, string> = {
    'spreadsheet name': json(ss.name),
    'spreadsheet timeZone': json(ss.timeZone),
    'spreadsheet locale': json(ss.locale),
    tabs: json(ss.sheets.map((s) => s.name)),
  };
  const cells: Record<string, Rows> = {};
  const tabOf: Record<string, string> = {};
  for (const sheet of ss.sheets) {
    sheetEntries(sheet, entries, tabOf);
    const end = (options.volatileRows?.[sheet.name] ?? Infinity) - 1;
    for (const [attribute, layer] of Object.entries(sheet.data)) {
      if (!(layer instanceof Layer)) continue;
      // Cells hold primitives, Dates (never mutated: the model replaces them) and validation
      // rules (immutable): copying the row arrays is a faithful copy.
      const rows = (layer as Layer<unknown>).rows;
      tabOf[`${sheet.name} ${attribute}`] = sheet.name;
      cells[`${sheet.name} ${attribute}`] = rows
        .slice(0, Math.min(rows.length, end))
        .map((row) => row?.slice());
    }
  }
  for (const [name, nr] of ss.namedRanges)
    entries[`named range ${name}`] = json(nr.range.qualifiedA1());
  const sheetIds = new Map(ss.sheets.map((s) => [s.name, s.sheetId] as [string, number]));
  const triggerIds = new Set(runtime.triggers.map((t) => t.id));
  for (const [k, v] of runtime.properties.document?.data ?? []) {
    const normalise = options.documentProperties?.[k];
    entries[`document property ${k}`] = json(
      normalise ? normalise(String(v), sheetIds, triggerIds) : v,
    );
  }
  entries.triggers = sortedJson(
    runtime.triggers.map((t) => ({
      handler: t.handler,
      eventType: t.eventType,
      source: t.source,
      sourceId: t.sourceId,
      documentId: t.documentId,
      schedule: t.schedule ?? null,
    })),
  );
  return { entries, cells, tabOf };
}

/**
 * Sheets does not tell an emptied cell from one never written: the model may keep it as a hole
 * or as undefined, and an empty string among the values reads back the same ('').
 */
const isEmpty = (v: unknown, attribute: string): boolean =>
  v === undefined || v === null || (v === '' && attribute === 'values');

/** What a cell holds, as text for comparing and printing (a rule by its description). */
function cellText(v: unknown, described: Map<object, string>): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return String(v);
  if (v instanceof Date) return `date:${v.toISOString()}`;
  if (v instanceof CellError) return `error:${v.code}`;
  let d = described.get(v);
  if (d === undefined) {
    d = json('describe' in v ? (v as { describe(): unknown }).describe() : v);
    described.set(v, d);
  }
  return d;
}

const clip = (s: string | undefined, n = 160): string =>
  s === undefined ? '(absent)' : s.length > n ? `${s.slice(0, n)}…` : s;

/** The tab list's differences by tab: missing, extra, or at another place among the others. */
function tabDifferences(expected = '[]', actual = '[]'): string[] {
  const e = JSON.parse(expected) as string[];
  const a = JSON.parse(actual) as string[];
  const lines = [
    ...e.filter((t) => !a.includes(t)).map((t) => `tabs: '${t}' missing`),
    ...a.filter((t) => !e.includes(t)).map((t) => `tabs: '${t}' not expected`),
  ];
  const common = (list: string[], other: string[]) => list.filter((t) => other.includes(t));
  const ce = common(e, a);
  const ca = common(a, e);
  ce.forEach((t, i) => {
    if (ca[i] !== t) lines.push(`tabs: '${t}' at place ${i + 1} → ${ca.indexOf(t) + 1}`);
  });
  return lines;
}

/** The cells of one layer that differ, as "Tab!A1 attribute: expected → actual". */
function cellDifferences(key: string, a: Rows | undefined, b: Rows | undefined): string[] {
  const at = key.lastIndexOf(' ');
  const tab = key.slice(0, at);
  const attribute = key.slice(at + 1);
  const described = new Map<object, string>();
  const lines: string[] = [];
  const show = (v: unknown) => (isEmpty(v, attribute) ? '(empty)' : cellText(v, described));
  const rowsA = a ?? [];
  const rowsB = b ?? [];
  for (let r = 0; r < Math.max(rowsA.length, rowsB.length); r++) {
    const ra = rowsA[r] ?? [];
    const rb = rowsB[r] ?? [];
    if (ra === rb) continue;
    for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
      const x = ra[c];
      const y = rb[c];
      if (x === y) continue;
      if (x instanceof Date && y instanceof Date && x.getTime() === y.getTime()) continue;
      const objects = typeof x === 'object' && x !== null && typeof y === 'object' && y !== null;
      if (objects && cellText(x, described) === cellText(y, described)) continue;
      if (isEmpty(x, attribute) && isEmpty(y, attribute)) continue;
      lines.push(
        `${tab}!${cellA1(r + 1, c + 1)} ${attribute}: ${clip(show(x))} → ${clip(show(y))}`,
      );
    }
  }
  return lines;
}

/**
 * One line per difference, "key: expected → actual" (cells as "Tab!A1 attribute: …"), sorted by
 * key; empty when the two workbooks are the same.
 */
export function diffFingerprints(
  expected: WorkbookFingerprint,
  actual: WorkbookFingerprint,
): string[] {
  const e = expected.entries;
  const a = actual.entries;
  // A tab on one side only is one line ("tabs: 'X' missing"), not one per attribute and cell.
  const tabs = (f: WorkbookFingerprint) => new Set(JSON.parse(f.entries.tabs) as string[]);
  const [te, ta] = [tabs(expected), tabs(actual)];
  const oneSided = (k: string) => {
    const tab = expected.tabOf[k] ?? actual.tabOf[k];
    return tab !== undefined && te.has(tab) !== ta.has(tab);
  };
  const lines = [...new Set([...Object.keys(e), ...Object.keys(a)])]
    .filter((k) => e[k] !== a[k] && !oneSided(k))
    .flatMap((k) =>
      k === 'tabs' ? tabDifferences(e[k], a[k]) : [`${k}: ${clip(e[k])} → ${clip(a[k])}`],
    );
  for (const k of new Set([...Object.keys(expected.cells), ...Object.keys(actual.cells)]))
    if (!oneSided(k)) lines.push(...cellDifferences(k, expected.cells[k], actual.cells[k]));
  return lines.sort();
}
