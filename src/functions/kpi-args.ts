/**
 * The arguments the KPI custom functions share (CIRC_KPI, CIRC_KPI_TABLE, CIRC_CO2E): the KPI
 * Data table read exactly as the dashboard reads it, the Factors table, the team's outcome
 * labels and the spreadsheet's time zone. One reader for all of them, so a CIRC_KPI_TABLE cell
 * and a CIRC_KPI formula can never read the same range differently.
 */
import { Cell, Grid, UserError } from '../core/cells';
import { FactorTable, parseFactors } from '../core/kpi/factors';
import { checkTimeZone } from '../core/kpi/months';
import { Order, parseOrders } from '../core/kpi/orders';
import { KpiDef } from '../core/kpi/registry';
import { OutcomeLabels, outcomeLabels } from '../core/read/outcomes';
import { ArgName, CellArg, argError, got, isOmitted } from './args';

export const DATA_RANGE_EXPECTED =
  "the KPI Data table including its header row (e.g. 'KPI Data'!A1:N)";
export const FACTORS_EXPECTED = 'the Factors table including its header row';

/** A table argument: a range with at least its header row. */
export function table(name: ArgName, v: CellArg, expected: string): Grid {
  if (!Array.isArray(v) || !v.length) throw argError(name, null, expected, got(name, v as Cell));
  return v;
}

/** Runs a core parser and prefixes its UserError with the function and argument. */
export function within<T>(name: Pick<ArgName, 'fn' | 'arg'>, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${name.fn}: ${name.arg}: ${e.message}`);
    throw e;
  }
}

/** The spreadsheet's time zone as the wrapper passed it (UTC when called directly), checked. */
export function zone(fn: string, timeZone: unknown): string {
  const tz = typeof timeZone === 'string' && timeZone.trim() ? timeZone.trim() : 'UTC';
  within({ fn, arg: 'timeZone' }, () => checkTimeZone(tz));
  return tz;
}

/**
 * The orders of a KPI Data range (with its header row), read once. The locale only matters for
 * numbers and dates written as text: parseOrders asks for it only then, so a clean range costs
 * no service call.
 */
export function readOrders(
  fn: string,
  tz: string,
  dataRange: CellArg,
  labels: CellArg | undefined,
  locale: () => string,
): Order[] {
  const data = table({ fn, arg: 'data_range', timeZone: tz }, dataRange, DATA_RANGE_EXPECTED);
  const outcomeTable = readLabels({ fn, arg: 'labels', timeZone: tz }, labels);
  return within({ fn, arg: 'data_range' }, () =>
    parseOrders(data, { timeZone: tz, locale, labels: outcomeTable }),
  ).orders;
}

/**
 * The Factors table when given; when omitted, null — unless one of the KPIs asked for needs it
 * (co2e_kg), which is then named in the error.
 */
export function readFactorsFor(
  fn: string,
  tz: string,
  factors: CellArg | undefined,
  kpis: readonly KpiDef[],
): FactorTable | null {
  const name = { fn, arg: 'factors', timeZone: tz };
  if (factors !== undefined && !isOmitted(factors)) {
    const grid = table(name, factors, FACTORS_EXPECTED);
    return within(name, () => parseFactors(grid));
  }
  const needing = kpis.find((k) => k.needsFactors);
  if (needing)
    throw argError(name, null, `${FACTORS_EXPECTED} (${needing.id} needs it)`, 'nothing');
  return null;
}

/**
 * The team's outcome labels: a two-column range (label, outcome), a header row allowed. The
 * built-in English and French labels are known without it.
 */
function readLabels(name: ArgName, labels: CellArg | undefined): OutcomeLabels | undefined {
  if (labels === undefined || isOmitted(labels)) return undefined;
  const grid = table(name, labels, 'a two-column range: label, outcome');
  if (grid[0]?.length !== 2)
    throw argError(
      name,
      null,
      'a two-column range: label, outcome',
      `${grid[0]?.length ?? 0} column(s)`,
    );
  const header =
    /^label/i.test(String(grid[0][0] ?? '')) && /^outcome/i.test(String(grid[0][1] ?? ''));
  const rows = header ? grid.slice(1) : grid;
  const read = outcomeLabels(rows, header ? 2 : 1);
  const bad = read.problems[0];
  if (bad) throw new UserError(`${name.fn}: ${name.arg}, row ${bad.row}: ${bad.reason}.`);
  return read;
}
