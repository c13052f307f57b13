/**
 * A small, hand-checked `KPI Data` table (times in UTC) used by the engine, targets and
 * custom-function tests. The expected values are written out by hand in those tests.
 *
 * Row | id  | created          | cat        | channel        | kit sent   | received         | inspected  | outcome     | kg   | erase | pay | cost | csat | compl
 *  2  | A1  | 09-20 10:00      | smartphone | mail-in kit    | 09-21      | 10-01 10:00 (11) | 10-02      | refurbished | 0.2  | yes   | 80  | 15   | 5    | no
 *  3  | A2  | 10-01 08:00      | smartphone | mail-in kit    | 10-02      | 10-05 08:00 (4)  | 10-06      | reused      | 0.18 | yes   | 60  | 16   | 4    | no
 *  4  | A3  | 10-02 12:00      | laptop     | store drop-off |            | 10-04 00:00 (1.5)| 10-05      | recycled    | 2    | no    | 0   | 10   |      | no
 *  5  | A4  | 10-03 06:00      | tablet     | mail-in kit    | 10-03 18:00| 10-13 06:00 (10) | 11-02      | refurbished | 0.5  | yes   | 50  | 20   | 3    | yes
 *  6  | A5  | 10-10 00:00      | smartphone | mail-in kit    | 10-11      |                  |            | lost        |      |       |     | 9    |      | yes
 *  7  | A6  | 10-15 12:00      | smartphone | mail-in kit    | 10-16      | 10-25 00:00 (9.5)| 10-26      | returned    | 0.2  | yes   | 0   | 14   | 5    | no
 *  8  | A7  | 10-20 00:00      | laptop     | B2B fleet      | 10-21      |                  |            |             |      |       |     |      |      | no
 *  9  | A8  | 10-28 00:00      | smartphone | partner kiosk  |            | 11-03 00:00 (6)  |            |             | 0.2  | yes   |     | 12   |      | no
 * 10  | A9  | 09-05 00:00      | smartphone | mail-in kit    | 09-06      | 09-10 00:00 (5)  | 09-11      | refurbished | 0.21 | yes   | 70  | 15   | 4    | no
 * 11  | A10 | 08-10 00:00      | smartphone | store drop-off |            | 08-20 00:00 (10) |            |             | 0.19 | yes   |     | 11   |      | no
 * (lead time in days in brackets)
 */
import { Cell, Grid } from '../../../src/core/cells';
import { KPI_DATA_HEADERS } from '../../../src/core/kpi/orders';

/** A UTC instant from '2026-10-01 10:00' (year 2026 implied when only 'MM-DD hh:mm'). */
export function utc(s: string): Date {
  const full = /^\d{4}-/.test(s) ? s : `2026-${s}`;
  const [d, t = '00:00'] = full.split(' ');
  return new Date(`${d}T${t}:00Z`);
}

const r = (
  id: string,
  created: string,
  cat: string,
  channel: string,
  kit: string,
  received: string,
  inspected: string,
  outcome: string,
  kg: Cell,
  erase: Cell,
  pay: Cell,
  cost: Cell,
  csat: Cell,
  complaint: Cell,
): Cell[] => [
  id,
  utc(created),
  cat,
  channel,
  kit ? utc(kit) : '',
  received ? utc(received) : '',
  inspected ? utc(inspected) : '',
  outcome,
  kg,
  erase,
  pay,
  cost,
  csat,
  complaint,
];

export const HEADERS: Cell[] = [...KPI_DATA_HEADERS];

export const ROWS: Cell[][] = [
  r(
    'A1',
    '09-20 10:00',
    'smartphone',
    'mail-in kit',
    '09-21 10:00',
    '10-01 10:00',
    '10-02 10:00',
    'refurbished',
    0.2,
    'yes',
    80,
    15,
    5,
    'no',
  ),
  r(
    'A2',
    '10-01 08:00',
    'smartphone',
    'mail-in kit',
    '10-02 08:00',
    '10-05 08:00',
    '10-06 08:00',
    'reused',
    0.18,
    'yes',
    60,
    16,
    4,
    'no',
  ),
  r(
    'A3',
    '10-02 12:00',
    'laptop',
    'store drop-off',
    '',
    '10-04 00:00',
    '10-05 09:00',
    'recycled',
    2,
    'no',
    0,
    10,
    '',
    'no',
  ),
  r(
    'A4',
    '10-03 06:00',
    'tablet',
    'mail-in kit',
    '10-03 18:00',
    '10-13 06:00',
    '11-02 10:00',
    'refurbished',
    0.5,
    'yes',
    50,
    20,
    3,
    'yes',
  ),
  r(
    'A5',
    '10-10 00:00',
    'smartphone',
    'mail-in kit',
    '10-11 00:00',
    '',
    '',
    'lost',
    '',
    '',
    '',
    9,
    '',
    'yes',
  ),
  r(
    'A6',
    '10-15 12:00',
    'smartphone',
    'mail-in kit',
    '10-16 12:00',
    '10-25 00:00',
    '10-26 00:00',
    'returned',
    0.2,
    'yes',
    0,
    14,
    5,
    'no',
  ),
  r(
    'A7',
    '10-20 00:00',
    'laptop',
    'B2B fleet',
    '10-21 00:00',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'no',
  ),
  r(
    'A8',
    '10-28 00:00',
    'smartphone',
    'partner kiosk',
    '',
    '11-03 00:00',
    '',
    '',
    0.2,
    'yes',
    '',
    12,
    '',
    'no',
  ),
  r(
    'A9',
    '09-05 00:00',
    'smartphone',
    'mail-in kit',
    '09-06 00:00',
    '09-10 00:00',
    '09-11 00:00',
    'refurbished',
    0.21,
    'yes',
    70,
    15,
    4,
    'no',
  ),
  r(
    'A10',
    '08-10 00:00',
    'smartphone',
    'store drop-off',
    '',
    '08-20 00:00',
    '',
    '',
    0.19,
    'yes',
    '',
    11,
    '',
    'no',
  ),
];

/** Header row + rows, fresh copy each call (tests may mutate). */
export function fixtureGrid(): Grid {
  return [HEADERS.slice(), ...ROWS.map((row) => row.slice())];
}

/** The fixture with its weights written as French text ("0,18 kg"): read only in a fr_FR locale. */
export function fixtureGridFrenchWeights(): Grid {
  const grid = fixtureGrid();
  const weight = grid[0].indexOf('Weight kg');
  grid.forEach(
    (r, i) =>
      i &&
      typeof r[weight] === 'number' &&
      (r[weight] = `${String(r[weight]).replace('.', ',')} kg`),
  );
  return grid;
}
