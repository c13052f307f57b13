import { dashboardModel } from '../../../src/core/kpi/dashboard';
import {
  dataQualityGrid,
  findingLine,
  qualityCounts,
  qualitySentence,
} from '../../../src/core/kpi/data-quality';
import { freshness } from '../../../src/core/kpi/freshness';
import { Order } from '../../../src/core/kpi/orders';
import { Issue } from '../../../src/core/kpi/table';
import { parseTargets } from '../../../src/core/kpi/targets';

const TZ = 'Europe/Paris';
const at = (iso: string) => new Date(iso).getTime();
const order = (id: string, created: string, received: string | null = null): Order => ({
  row: 2,
  id,
  created: at(created),
  category: 'smartphone',
  channel: 'mail-in kit',
  kitSent: null,
  received: received ? at(received) : null,
  inspected: null,
  outcome: null,
  weightKg: null,
  erasure: null,
  payoutEur: null,
  costEur: null,
  csat: null,
  complaint: null,
  reason: '',
});
const issue = (row: number, skipped: boolean): Issue => ({
  row,
  column: 'Payout EUR (K)',
  value: 'abc',
  reason: 'not a number',
  code: 'bad-number',
  skipped,
});

describe('freshness: empty, partial and stale data say so', () => {
  test('an empty KPI Data', () => {
    const f = freshness([], '2026-10', new Date('2026-11-26T09:00Z'), TZ);
    expect(f.empty).toBe(true);
    expect(f.notes[0]).toMatch(/no readable order yet: the KPIs are blank, not zero/);
  });

  test('a month whose data stops half-way is partial; a complete month is not', () => {
    const now = new Date('2026-10-20T09:00Z');
    const half = freshness(
      [order('A', '2026-10-01T08:00Z', '2026-10-17T08:00Z')],
      '2026-10',
      now,
      TZ,
    );
    expect(half.partial).toBe(true);
    expect(half.notes[0]).toBe(
      "2026-10 is partial: the data ends on 2026-10-17, before the end of the month; its figures are not a full month's.",
    );
    const full = freshness(
      [order('A', '2026-09-01T08:00Z', '2026-09-30T20:00Z')],
      '2026-09',
      now,
      TZ,
    );
    expect(full.partial).toBe(false);
  });

  test('data older than Stale after (days) is stale', () => {
    const orders = [order('A', '2026-09-01T08:00Z', '2026-09-30T20:00Z')];
    const f = freshness(orders, '2026-09', new Date('2026-11-26T09:00Z'), TZ, 14);
    expect(f.stale).toBe(true);
    expect(f.notes.join(' ')).toMatch(
      /newest date in KPI Data is 2026-09-30, 56 days ago \(Stale after \(days\) in Settings: 14\)/,
    );
    expect(freshness(orders, '2026-09', new Date('2026-10-05T09:00Z'), TZ, 14).stale).toBe(false);
  });

  test('the dashboard shows blanks (not zeros) and the note when KPI Data is empty', () => {
    const model = dashboardModel({
      orders: [],
      issues: [],
      targets: parseTargets([['KPI', 'Target', 'Direction', 'Amber tolerance', 'Owner']]),
      factors: null,
      timeZone: TZ,
      now: new Date('2026-11-26T09:00Z'),
      scope: 'France',
    });
    expect(model.blocks.title.values.flat().join(' ')).toMatch(/no readable order yet/);
    const table = model.blocks.table.values;
    const requests = table.find((r) => r[0] === 'Requests')!;
    expect(requests.slice(3, 15)).toEqual(new Array(12).fill(''));
  });
});

describe('data quality is counted the same way everywhere', () => {
  test('findings vs orders affected vs orders left out; a capped list says so', () => {
    const issues = [issue(3, false), issue(3, false), issue(5, true), issue(9, false)];
    const c = qualityCounts(issues);
    expect(c).toEqual({ findings: 4, ordersAffected: 3, ordersLeftOut: 1 });
    expect(qualitySentence(c)).toBe(
      'Data quality: 4 finding(s) on 3 order(s) of KPI Data — 1 order(s) left out of every KPI, 2 kept with the unreadable field(s) blanked.',
    );
    expect(qualitySentence(c, 2)).toMatch(
      /; first 2 of 4 listed here, all of them in the 'Data quality' tab\.$/,
    );
    expect(qualitySentence(qualityCounts([]))).toMatch(/every order of KPI Data was read in full/);
  });

  test('the Data quality tab lists every finding up to 10,000 and counts the rest', () => {
    const many = Array.from({ length: 10_005 }, (_, i) => issue(i + 2, false));
    const grid = dataQualityGrid(many, '2026-11-26 09:00', 'Europe/Paris');
    expect(grid).toHaveLength(3 + 10_000);
    expect(String(grid[1][0])).toMatch(/The first 10000 findings are listed; 5 more are not\./);
    expect(grid[2]).toEqual(['Tab', 'Row', 'Column', 'Value', 'Order', 'Reason']);
    expect(grid[3]).toEqual([
      'KPI Data',
      2,
      'Payout EUR (K)',
      'abc',
      'kept, field blanked',
      'not a number',
    ]);
  });
});

test('a finding is one line, the same for every tab and every action', () => {
  const issue = {
    row: 4,
    column: 'Target (B)',
    value: 'abc',
    reason: 'not a number',
    code: 'not_a_number',
    skipped: true,
  };
  expect(findingLine('KPI Targets', issue, 'Europe/Paris')).toBe(
    'KPI Targets, row 4, column Target (B): the text "abc" — not a number (row skipped).',
  );
  expect(findingLine('Factors', { ...issue, column: '', skipped: false }, 'UTC')).toBe(
    'Factors, row 4: the text "abc" — not a number.',
  );
});
