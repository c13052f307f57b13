/**
 * CIRC_KPI_TABLE: a whole KPI × month grid in one execution (contract in product.md, "Custom
 * functions (the formula contract)"). A grid of CIRC_KPI formulas is one execution per cell, each receiving and parsing
 * the whole KPI Data range on every edit (16 KPIs × 12 months over 100,000 orders: 192 parses);
 * this reads the range once, buckets every order into its months in one pass (the KPI engine),
 * and answers every cell from that. Every cell equals CIRC_KPI(kpi, month, data_range, factors,
 * labels): the same readers (kpi-args.ts) and the same engine.
 */
import { Cell, isBlank } from '../core/cells';
import { computeKpis } from '../core/kpi/engine';
import { MonthKey, parseMonth } from '../core/kpi/months';
import { KPI_IDS, KpiDef, findKpi } from '../core/kpi/registry';
import { ArgName, CellArg, argError, got, readVector, Output } from './args';
import { readFactorsFor, readOrders, zone } from './kpi-args';

/**
 * One KPI per row and one month per column, computed from the KPI Data table.
 *
 * @param kpis KPI ids down the rows: one id or a column of ids (labels such as "Reuse rate" work
 *   too); a blank id answers a blank row
 * @param months months across the columns: one month or a row of months ("2026-10", or dates);
 *   a blank month answers a blank column
 * @param dataRange the KPI Data table including its header row (columns found by header name)
 * @param factors optional: the Factors table including its header row; needed for co2e_kg
 * @param timeZone the spreadsheet's time zone (passed in by the public wrapper); default UTC
 * @param labels optional: the team's outcome labels, two columns (label, outcome)
 * @param locale the spreadsheet's locale, asked for only when a number or date is written as text
 * @return kpis × months values, no headers; blank where a ratio, median or mean has nothing to
 *   divide. A bad id or month throws, naming its cell: a custom function cannot answer an error
 *   in one cell of its grid.
 */
export function circKpiTable(
  kpis: CellArg,
  months: CellArg,
  dataRange: CellArg,
  factors?: CellArg,
  timeZone: string = 'UTC',
  labels?: CellArg,
  locale: () => string = () => 'en_US',
): Output {
  const fn = 'CIRC_KPI_TABLE';
  const tz = zone(fn, timeZone);

  const kpiName: ArgName = { fn, arg: 'kpis', timeZone: tz };
  const kpiExpected = `a KPI id (${KPI_IDS.join(', ')})`;
  const kpiCells = cellsAlong(
    kpiName,
    kpis,
    'column',
    'KPI ids',
    `${kpiExpected}, or a column of them`,
  );
  const defs = kpiCells.cells.map((c, i): KpiDef | null => {
    if (isBlank(c)) return null;
    const def = findKpi(c);
    if (!def) throw argError(kpiName, kpiCells.pos(i), kpiExpected, got(kpiName, c));
    return def;
  });

  const monthName: ArgName = { fn, arg: 'months', timeZone: tz };
  const monthExpected = 'a month such as 2026-10, or a date inside it';
  const monthCells = cellsAlong(
    monthName,
    months,
    'row',
    'months',
    `${monthExpected}, or a row of them`,
  );
  const keys = monthCells.cells.map((c, j): MonthKey | null => {
    if (isBlank(c)) return null;
    const m = parseMonth(c, tz);
    if (m === null) throw argError(monthName, monthCells.pos(j), monthExpected, got(monthName, c));
    return m;
  });

  const wanted = defs.filter((d): d is KpiDef => d !== null);
  const orders = readOrders(fn, tz, dataRange, labels, locale);
  const factorTable = readFactorsFor(fn, tz, factors, wanted);
  const monthKeys = keys.filter((k): k is MonthKey => k !== null);
  // One pass over the orders for every month asked for (none when every month is blank).
  const byMonth = monthKeys.length
    ? computeKpis(orders, { timeZone: tz, months: monthKeys, factors: factorTable }).byMonth
    : {};
  return defs.map((def) =>
    keys.map((m) => {
      if (def === null || m === null) return '';
      const v = byMonth[m].values[def.id];
      return v === null ? '' : v;
    }),
  );
}

/**
 * The cells of a one-dimensional argument along its expected direction (kpis down a column,
 * months across a row), or a single cell. A range the other way round or two-dimensional is
 * refused rather than read in an order the person did not mean.
 */
function cellsAlong(
  name: ArgName,
  v: CellArg,
  along: 'row' | 'column',
  what: string,
  expected: string,
): { cells: Cell[]; pos: (i: number) => readonly [number, number] | null } {
  if (v === undefined) throw argError(name, null, expected, 'nothing');
  const read = readVector(name, v, what);
  const wrongWay =
    Array.isArray(v) && read.cells.length > 1 && (along === 'column') !== v.length > 1;
  if (wrongWay)
    throw argError(
      name,
      null,
      expected,
      along === 'column'
        ? `a row of ${read.cells.length} cells`
        : `a column of ${read.cells.length} cells`,
    );
  return read;
}
