/**
 * The KPI custom functions behind the public wrappers CIRC_KPI and CIRC_CO2E. They take raw Sheets
 * arguments, check them, and delegate to core/kpi, so a formula gives exactly the number the
 * dashboard and the report show. Bad input throws a UserError naming the function, the argument,
 * the cell and what was expected; `KPI Data` is read exactly as the dashboard reads it (dates,
 * amounts and outcome labels as people write them; a bad cell blanks its field only). Both take, last, the
 * spreadsheet's time zone: KPI months are its months, and a date in a message is its day there.
 */
import {
  Cell,
  CellArg,
  Grid,
  UserError,
  ZoneSource,
  isBlank,
  isErrorValue,
  isOmitted,
} from '../core/cells';
import { ArgName, argError, got, readNumberCell, readScalar, readVector } from './args';
import { computeKpis } from '../core/kpi/engine';
import { FactorTable, factorFor, parseFactors } from '../core/kpi/factors';
import { checkTimeZone, parseMonth } from '../core/kpi/months';
import { parseOrders } from '../core/kpi/orders';
import { OutcomeLabels, outcomeLabels } from '../core/read/outcomes';
import { KPI_IDS, OUTCOMES, findKpi, toOutcome } from '../core/kpi/registry';

/** What a custom function spills: one value per cell, "" for a blank. */
export type Output = (number | string)[][];

/**
 * The value of one KPI for one calendar month, computed from the KPI Data table.
 *
 * @param kpi the KPI id, e.g. "reuse_rate" (see the KPI registry; a label such as "Reuse rate" also works)
 * @param month the month: "2026-10", or any date inside it
 * @param dataRange the KPI Data table including its header row (columns are found by header name)
 * @param factors optional: the Factors table including its header row; needed for co2e_kg
 * @param timeZone the spreadsheet's time zone (passed in by the public wrapper); default UTC
 * @return the KPI's value for the month; blank for a ratio, median or mean with nothing to divide
 */
export function circKpi(
  kpi: CellArg,
  month: CellArg,
  dataRange: CellArg,
  factors?: CellArg,
  timeZone: string = 'UTC',
  labels?: CellArg,
  locale: () => string = () => 'en_US',
): number | string {
  const fn = 'CIRC_KPI';
  const tz = zone(fn, timeZone);
  const ids = KPI_IDS.join(', ');
  const kpiName = { fn, arg: 'kpi', timeZone: tz };
  const kpiCell = readScalar(kpiName, kpi, `a KPI id (${ids})`);
  if (kpiCell === undefined) throw argError(kpiName, null, `a KPI id (${ids})`, 'nothing');
  const def = findKpi(kpiCell);
  if (!def) throw argError(kpiName, null, `a KPI id (${ids})`, got(kpiName, kpiCell));

  const monthExpected = 'a month such as 2026-10, or a date inside it';
  const monthName = { fn, arg: 'month', timeZone: tz };
  const monthCell = readScalar(monthName, month, monthExpected);
  if (monthCell === undefined) throw argError(monthName, null, monthExpected, 'nothing');
  const m = parseMonth(monthCell, tz);
  if (m === null) throw argError(monthName, null, monthExpected, got(monthName, monthCell));

  const data = table(
    { fn, arg: 'data_range', timeZone: tz },
    dataRange,
    "the KPI Data table including its header row (e.g. 'KPI Data'!A1:N)",
  );
  const outcomeTable = readLabels({ fn, arg: 'labels', timeZone: tz }, labels);
  // The locale only matters for numbers and dates written as text: parseOrders asks for it
  // only then, so a clean range costs no service call.
  const { orders } = within({ fn, arg: 'data_range' }, () =>
    parseOrders(data, { timeZone: tz, locale, labels: outcomeTable }),
  );
  let factorTable: FactorTable | null = null;
  if (!isOmitted(factors as CellArg)) {
    const grid = table(
      { fn, arg: 'factors', timeZone: tz },
      factors as CellArg,
      'the Factors table including its header row',
    );
    factorTable = within({ fn, arg: 'factors' }, () => parseFactors(grid));
  } else if (def.needsFactors) {
    throw argError(
      { fn, arg: 'factors', timeZone: tz },
      null,
      `the Factors table including its header row (${def.id} needs it)`,
      'nothing',
    );
  }
  const value = computeKpis(orders, { timeZone: tz, months: [m], factors: factorTable }).byMonth[m]
    .values[def.id];
  return value === null ? '' : value;
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

/**
 * kg CO2e avoided per row: the Factors table's factor for the row's category and outcome, times
 * the units.
 *
 * @param categories a column of device categories (e.g. smartphone)
 * @param outcomes a column of outcomes (reused, refurbished, recycled, returned, lost, rejected)
 * @param units the number of devices per row, as a column or one cell for all; a blank cell means 1
 * @param factors the Factors table including its header row
 * @return a column: kg CO2e avoided per row; blank for a row without outcome or without a factor
 */
export function circCo2e(
  categories: CellArg,
  outcomes: CellArg,
  units: CellArg,
  factors: CellArg,
  timeZone: ZoneSource = 'UTC',
): Output {
  const fn = 'CIRC_CO2E';
  const categoryName: ArgName = { fn, arg: 'categories', timeZone };
  const cats = readVector(categoryName, categories, 'categories');
  const outcomeName: ArgName = { fn, arg: 'outcomes', timeZone };
  const outs = readVector(outcomeName, outcomes, 'outcomes');
  const n = cats.cells.length;
  if (outs.cells.length !== n) {
    throw argError(outcomeName, null, `as many cells as categories (${n})`, `${outs.cells.length}`);
  }
  const unitName: ArgName = { fn, arg: 'units', timeZone };
  const u = isOmitted(units) ? null : readVector(unitName, units, 'units');
  if (u && u.cells.length !== 1 && u.cells.length !== n) {
    throw argError(
      unitName,
      null,
      `one cell, or as many cells as categories (${n})`,
      `${u.cells.length}`,
    );
  }
  if (isOmitted(factors))
    throw argError(
      { fn, arg: 'factors', timeZone },
      null,
      'the Factors table including its header row',
      'nothing',
    );
  const grid = table(
    { fn, arg: 'factors', timeZone },
    factors,
    'the Factors table including its header row',
  );
  const ft = within({ fn, arg: 'factors' }, () => parseFactors(grid));

  const outcomeExpected = `an outcome (${OUTCOMES.join(', ')})`;
  return cats.cells.map((cat, i) => {
    const out: Cell = outs.cells[i];
    if (isBlank(out)) return [''];
    const outcome = toOutcome(out);
    if (!outcome) throw argError(outcomeName, outs.pos(i), outcomeExpected, got(outcomeName, out));
    if (isErrorValue(cat))
      throw argError(categoryName, cats.pos(i), 'a category', got(categoryName, cat));
    const unitCell = u ? (u.cells.length === 1 ? u.cells[0] : u.cells[i]) : '';
    const pos = u ? (u.cells.length === 1 ? u.pos(0) : u.pos(i)) : null;
    const count = isBlank(unitCell)
      ? 1
      : (readNumberCell(unitName, unitCell, pos, 'a number of devices, 0 or more', {
          check: (x) => x >= 0,
        }) as number);
    const f = factorFor(ft, isBlank(cat) ? '' : String(cat), outcome);
    return [f === null ? '' : f * count];
  });
}

/** A table argument: a range with at least its header row. */
function table(name: ArgName, v: CellArg, expected: string): Grid {
  if (!Array.isArray(v) || !v.length) throw argError(name, null, expected, got(name, v as Cell));
  return v;
}

/** Runs a core parser and prefixes its UserError with the function and argument. */
function within<T>(name: Pick<ArgName, 'fn' | 'arg'>, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${name.fn}: ${name.arg}: ${e.message}`);
    throw e;
  }
}

function zone(fn: string, timeZone: unknown): string {
  const tz = typeof timeZone === 'string' && timeZone.trim() ? timeZone.trim() : 'UTC';
  within({ fn, arg: 'timeZone' }, () => checkTimeZone(tz));
  return tz;
}
