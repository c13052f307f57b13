/**
 * The KPI custom functions behind the public wrappers CIRC_KPI and CIRC_CO2E (CIRC_KPI_TABLE, the
 * grid of CIRC_KPI in one execution, is in kpi-table.ts). They take raw Sheets
 * arguments, check them, and delegate to core/kpi, so a formula gives exactly the number the
 * dashboard and the report show. Bad input throws a UserError naming the function, the argument,
 * the cell and what was expected; `KPI Data` is read exactly as the dashboard reads it (dates,
 * amounts and outcome labels as people write them; a bad cell blanks its field only). Both take, last, the
 * spreadsheet's time zone: KPI months are its months, and a date in a message is its day there.
 */
import { Cell, ZoneSource, isBlank, isErrorValue } from '../core/cells';
import {
  ArgName,
  CellArg,
  argError,
  got,
  isOmitted,
  readNumberCell,
  readScalar,
  readVector,
  Output,
} from './args';
import { computeKpis } from '../core/kpi/engine';
import { factorFor, parseFactors } from '../core/kpi/factors';
import { parseMonth } from '../core/kpi/months';
import { KPI_IDS, OUTCOMES, findKpi, toOutcome } from '../core/kpi/registry';
import { FACTORS_EXPECTED, readFactorsFor, readOrders, table, within, zone } from './kpi-args';

/** What a custom function spills: one value per cell, "" for a blank. */

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

  const orders = readOrders(fn, tz, dataRange, labels, locale);
  const factorTable = readFactorsFor(fn, tz, factors, [def]);
  const value = computeKpis(orders, { timeZone: tz, months: [m], factors: factorTable }).byMonth[m]
    .values[def.id];
  return value === null ? '' : value;
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
  const factorName = { fn, arg: 'factors', timeZone };
  if (isOmitted(factors)) throw argError(factorName, null, FACTORS_EXPECTED, 'nothing');
  const ft = within(factorName, () => parseFactors(table(factorName, factors, FACTORS_EXPECTED)));

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
