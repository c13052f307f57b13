/**
 * Outcome labels as back offices write them: the registry's six outcomes in English, the French
 * labels of a French back office, in any case, with or without accents — and the team's own
 * labels (a two-column table: label, outcome), so a new back-office label never needs code.
 */
import { Cell, isBlank } from '../cells';
import { Outcome, OUTCOMES } from '../kpi/registry';

/** Lower case, accents and surrounding / repeated spaces removed: how labels are compared. */
export function labelKey(v: string): string {
  return v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Built-in labels (keys as labelKey makes them) beside the registry's own ids. */
const BUILT_IN: Record<string, Outcome> = {
  reuse: 'reused',
  reconditionne: 'refurbished',
  reconditionnee: 'refurbished',
  reconditionnes: 'refurbished',
  refurb: 'refurbished',
  recycle: 'recycled',
  recyclee: 'recycled',
  recycles: 'recycled',
  reutilise: 'reused',
  reutilisee: 'reused',
  reemploi: 'reused',
  retourne: 'returned',
  retournee: 'returned',
  renvoye: 'returned',
  perdu: 'lost',
  perdue: 'lost',
  refuse: 'rejected',
  refusee: 'rejected',
  rejete: 'rejected',
};

export interface OutcomeLabels {
  /** labelKey → outcome. */
  readonly map: ReadonlyMap<string, Outcome>;
  /** The team's rows that could not be used, for messages (row in the table, reason). */
  readonly problems: readonly { row: number; reason: string }[];
}

/**
 * The labels known for reading: the registry ids, the built-in English / French labels, then the
 * team's table (label, outcome), whose rows win over the built-in ones. `rows` excludes any
 * header; `firstRow` is the sheet row of rows[0], for messages.
 */
export function outcomeLabels(
  rows: readonly (readonly Cell[])[] = [],
  firstRow = 2,
): OutcomeLabels {
  const map = new Map<string, Outcome>();
  for (const o of OUTCOMES) map.set(o, o);
  for (const [k, o] of Object.entries(BUILT_IN)) map.set(k, o);
  const problems: { row: number; reason: string }[] = [];
  rows.forEach((r, i) => {
    const [label, outcome] = [r[0], r[1]];
    if (isBlank(label) && isBlank(outcome)) return;
    const o = labelKey(String(outcome ?? '')) as Outcome;
    if (isBlank(label)) problems.push({ row: firstRow + i, reason: 'no label' });
    else if (!(OUTCOMES as readonly string[]).includes(o))
      problems.push({
        row: firstRow + i,
        reason: `'${String(outcome ?? '')}' is not an outcome (expected one of ${OUTCOMES.join(', ')})`,
      });
    else map.set(labelKey(String(label)), o);
  });
  return { map, problems };
}

const DEFAULT = outcomeLabels();

/**
 * Outcomes already read, per label table, by the cell's text as typed: a KPI Data column holds a
 * handful of distinct labels over 100,000 rows, and normalising each again was a tenth of what
 * parsing the orders allocated. Bounded, so a column of free text cannot grow it without end.
 */
const READ = new WeakMap<OutcomeLabels, Map<string, Outcome | null>>();
const READ_MAX = 1000;

/** The outcome a cell names, or null when it names none. */
export function readOutcome(v: Cell, labels: OutcomeLabels = DEFAULT): Outcome | null {
  // A back office may code outcomes as numbers (1, 2…): the team's table maps them as text.
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const text = String(v);
  let read = READ.get(labels);
  if (!read) READ.set(labels, (read = new Map()));
  const known = read.get(text);
  if (known !== undefined) return known;
  const outcome = labels.map.get(labelKey(text)) ?? null;
  if (read.size < READ_MAX) read.set(text, outcome);
  return outcome;
}
