/**
 * The menu actions the convergence sweep runs (issue 15, point 3), each with what it needs to
 * have work to do on the sample workbook, and the cell a colleague types into while it runs.
 *
 * Not swept: Import orders (CSV)… — the menu item only opens the import dialog (one read of the
 * import memory, then HtmlService); the import itself happens in the dialog's google.script.run
 * calls (importOrdersUpload / Preview / Run), each its own execution with its own arguments,
 * which no menu click reproduces.
 */
import type { ScriptedResponse } from '../../local/services/ui';

/** A cell of a tab people type in: the row found by a key column (or fixed), the column by header. */
export interface ColleagueEdit {
  tab: string;
  /** The row whose `column` cell matches (first match), or a fixed 1-based row. */
  row: { column: string; matches: string | RegExp } | number;
  column: string;
  /** What the colleague types (it differs from what the cell holds in the sample workbook). */
  value: string | number;
}

export interface SweptAction {
  caption: string;
  /**
   * A second sweep of one menu item from another starting point (its test file names it so):
   * the workbook is then built by `start` instead of the demo's.
   */
  variant?: { name: string; start: 'seed revision 1' };
  /** Answers to the action's prompt, queued before each click. */
  answers?: ScriptedResponse[];
  /** Menu clicks bringing the sample workbook to where the action has work to do. */
  before?: string[];
  colleague: ColleagueEdit;
}

const partnerScore: ColleagueEdit = {
  tab: 'Partners',
  row: { column: 'Partner', matches: 'Kreislauf Elektronik Nord (sample)' },
  column: 'GEO',
  value: 2,
};
const orderCsat: ColleagueEdit = {
  tab: 'KPI Data',
  row: { column: 'Order ID', matches: 'SAMPLE-000003' },
  column: 'CSAT',
  value: 2,
};
const agecLaw = (column: string, value: string): ColleagueEdit => ({
  tab: 'Benchmark FR',
  row: { column: 'Topic', matches: 'AGEC law' },
  column,
  value,
});
const defaultPeriod: ColleagueEdit = {
  tab: 'Settings',
  row: { column: 'Key', matches: 'Default period' },
  column: 'Value',
  value: 'last complete month, checked by Priya',
};
const blankPeriod: ScriptedResponse[] = [{ button: 'OK', text: '' }];

export const SWEPT_ACTIONS: SweptAction[] = [
  { caption: 'Set up workbook', colleague: partnerScore },
  {
    caption: 'Load sample data',
    // An order the import brought, which the sample rows do not own.
    colleague: {
      tab: 'KPI Data',
      row: { column: 'Order ID', matches: /^0\d+$/ },
      column: 'Complaint',
      value: 'yes',
    },
  },
  { caption: 'Score partners', colleague: partnerScore },
  {
    caption: 'Consolidate ratings',
    colleague: { tab: 'Ratings', row: 2, column: 'Score', value: 5 },
  },
  {
    caption: 'Derive weights (AHP)',
    colleague: {
      tab: 'Criteria',
      row: { column: 'ID', matches: 'CERT' },
      column: 'Weight donation',
      value: 12,
    },
  },
  // Blank: every candidate; the colleague scores a sample partner while it appends below.
  {
    caption: 'Propose partner candidates…',
    answers: [{ button: 'OK', text: '' }],
    colleague: partnerScore,
  },
  { caption: 'Refresh KPI dashboard', colleague: orderCsat },
  { caption: 'Undo last import', colleague: orderCsat },
  {
    caption: 'Refresh benchmark',
    colleague: agecLaw('Best practice', 'Name the AGEC article on every repair invoice.'),
  },
  {
    caption: 'Add country…',
    answers: [{ button: 'OK', text: 'NL' }],
    colleague: agecLaw('Best practice', 'Name the AGEC article on every repair invoice.'),
  },
  {
    caption: 'Import benchmark seed',
    colleague: agecLaw('Finding', 'AGEC (Loi n° 2020-105), as amended in 2024.'),
  },
  // On the sample workbook nothing was deleted: the action says so and writes nothing.
  {
    // No scripted answer: the confirmation takes its first button (YES), and a next run that
    // finds nothing left to restore says so in an OK alert.
    caption: 'Restore deleted benchmark facts…',
    colleague: agecLaw('Owner', 'Priya'),
  },
  {
    // The upgrade path: a workbook set up by the version that shipped seed revision 1, its facts
    // edited and one deleted, then this version's Import benchmark seed upgrades it.
    caption: 'Import benchmark seed',
    variant: { name: 'Import benchmark seed: upgrade from revision 1', start: 'seed revision 1' },
    colleague: agecLaw('Owner', 'Priya'),
  },
  { caption: 'Generate report…', answers: blankPeriod, colleague: orderCsat },
  { caption: 'Email report…', answers: blankPeriod, colleague: orderCsat },
  { caption: 'Schedule monthly report', before: ['Stop schedule'], colleague: defaultPeriod },
  { caption: 'Stop schedule', colleague: defaultPeriod },
];

/** The sweep's name of an action: its caption, or its variant's name. */
export const sweepName = (a: SweptAction): string => a.variant?.name ?? a.caption;

export function sweptAction(name: string): SweptAction {
  const a = SWEPT_ACTIONS.find((x) => sweepName(x) === name);
  if (!a) throw new Error(`no swept action ${name}`);
  return a;
}
