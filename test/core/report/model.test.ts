import { MAX_NOTES } from '../../../src/core/report/quality';
import { aggregate, computeKpis } from '../../../src/core/kpi/engine';
import { scorecard, scorecardMonths } from '../../../src/core/kpi/targets';
import { buildReport } from '../../../src/core/report/model';
import { monthPeriod, quarterPeriod } from '../../../src/core/report/period';
import { movers } from '../../../src/core/report/summary';
import { reportInput } from './inputs';

describe('the report model', () => {
  test('header: scope, exact period, generated when and by whom', () => {
    const m = buildReport(reportInput());
    expect(m.title).toBe('Circularity report — October 2026');
    expect(m.header).toMatchObject({
      scope: 'Recycling service France',
      periodText: 'October 2026: 2026-10-01 to 2026-10-31 (UTC)',
      generatedAt: '2026-11-15 09:00 (UTC)',
      generatedBy: 'ops@example.com',
      partial: false,
    });
  });

  test('the KPI table is the scorecard of the KPI engine for the period', () => {
    const input = reportInput();
    const m = buildReport(input);
    const result = computeKpis(input.kpi!.orders, {
      timeZone: 'UTC',
      months: scorecardMonths('2026-10'),
      factors: input.factors,
    });
    expect(m.kpis).toEqual(scorecard(result, '2026-10', input.targets!));
    const requests = m.kpis.find((r) => r.id === 'requests')!;
    // Fixture: A2–A8 created in October, A1 and A9 in September.
    expect([requests.actual, requests.previous, requests.ytd]).toEqual([7, 2, 10]);
    const reuse = m.kpis.find((r) => r.id === 'reuse_rate')!;
    expect(reuse.actual).toBeCloseTo(2 / 4); // A1 refurbished, A2 reused, A3 recycled, A6 returned inspected in October
    expect(reuse.trend).toHaveLength(6);
  });

  test('a quarter pools its months; previous = the quarter before', () => {
    const input = reportInput(quarterPeriod(2026, 3));
    const m = buildReport(input);
    const result = computeKpis(input.kpi!.orders, {
      timeZone: 'UTC',
      months: scorecardMonths(['2026-07', '2026-08', '2026-09']),
    });
    const requests = m.kpis.find((r) => r.id === 'requests')!;
    expect(requests.actual).toBe(
      aggregate(result, ['2026-07', '2026-08', '2026-09']).values.requests,
    );
    expect(requests.actual).toBe(3);
    expect(requests.previous).toBe(0);
    expect(m.header.periodText).toBe(
      'Q3 2026 (July to September 2026): 2026-07-01 to 2026-09-30 (UTC)',
    );
  });

  test('summary: RAG counts, best and worst movers from improvement, red KPIs named', () => {
    const m = buildReport(reportInput());
    const targeted = m.kpis.filter((r) => r.rag);
    const count = (rag: string) => targeted.filter((r) => r.rag === rag).length;
    expect(m.summary[0]).toBe(
      `October 2026: of the ${targeted.length} KPIs with a target, ${count('green')} are green, ${count('amber')} amber and ${count('red')} red.`,
    );
    expect(m.summary[1]).toMatch(
      /^Requests: 7 orders \(\+250\.0 % on September 2026\); devices received: 5; inspected: 4\.$/,
    );
    const list = movers(m.kpis);
    const best = list[0];
    const worst = list[list.length - 1];
    expect(best.relative).toBeGreaterThanOrEqual(worst.relative);
    expect(list.every((x) => x.row.rag !== null)).toBe(true);
    if (best.relative > 0) expect(m.summary.join(' ')).toContain(`Best mover: ${best.row.label}`);
    if (worst.relative < 0)
      expect(m.summary.join(' ')).toContain(`Worst mover: ${worst.row.label}`);
    for (const red of m.kpis.filter((r) => r.rag === 'red'))
      expect(m.summary[m.summary.length - 1]).toContain(red.label);
  });

  test('charts: volumes, reuse rate vs target, disposition mix, lead time over 12 months from the engine', () => {
    const input = reportInput();
    const m = buildReport(input);
    expect(m.charts.map((c) => c.id)).toEqual([
      'volumes',
      'reuse',
      'mix',
      'lead_time',
      'pareto_not_reused',
      'pareto_complaints',
    ]);
    const months = m.charts[0].rows.map((r) => r.x);
    expect(months).toHaveLength(12);
    expect(months[11]).toBe('2026-10');
    const result = computeKpis(input.kpi!.orders, { timeZone: 'UTC', months });
    m.charts[0].rows.forEach((r) =>
      expect(r.values).toEqual([
        result.byMonth[r.x].values.requests,
        result.byMonth[r.x].values.received,
      ]),
    );
    expect(m.charts[1].rows[11].values).toEqual([0.5, 0.7]);
    expect(m.charts[2].series).toEqual([
      'reused',
      'refurbished',
      'recycled',
      'returned',
      'lost',
      'rejected',
    ]);
    expect(m.charts[2].rows[11].values).toEqual([1, 1, 1, 1, 0, 0]);
  });

  test('breakdown by device category for the period', () => {
    const m = buildReport(reportInput());
    expect(m.categories.map((c) => [c.category, c.requests, c.received, c.inspected])).toEqual([
      ['smartphone', 4, 3, 3],
      ['laptop', 2, 1, 1],
      ['tablet', 1, 1, 0],
    ]);
    expect(m.categories[0].share).toBeCloseTo(4 / 7);
    expect(m.categories[0].reuseRate).toBeCloseTo(2 / 3);
  });

  test('shortlist: top 3 passing per country × type, a knock-out that would rank shown without a rank', () => {
    const m = buildReport(reportInput());
    expect(m.shortlist.map((g) => [g.country, g.type, g.scored])).toEqual([
      ['FR', 'recycling', 6],
      ['DE', 'donation', 1],
    ]);
    const fr = m.shortlist[0].entries.map((e) => [e.rank, e.partner, e.knockOut]);
    expect(fr).toEqual([
      [1, 'Alpha', ''],
      [2, 'Charlie', ''],
      [3, 'Delta', ''],
      [null, 'Bravo', 'Data security 2 < 3'],
    ]);
    expect(m.shortlistNote).toMatch(/1 knocked-out partner/);
  });

  test('benchmark highlights passed through; data-quality notes count skipped rows by reason', () => {
    const input = reportInput();
    input.kpi!.issues.push({
      row: 12,
      column: 'Received (F)',
      value: 'soon',
      reason: 'not a date',
      code: 'bad-date',
      skipped: true,
    });
    input.kpi!.issues.push({
      row: 13,
      column: 'Received (F)',
      value: 'later',
      reason: 'not a date',
      code: 'bad-date',
      skipped: true,
    });
    input.kpi!.rowsSkipped = 2;
    input.notes.push('KPI Targets, row 9: unknown KPI.');
    const m = buildReport(input);
    expect(m.benchmark.bestPractices).toHaveLength(1);
    expect(m.benchmark.dueForReview[0].topic).toBe('ElektroG');
    expect(m.benchmark.note).toBe('');
    expect(m.quality.skipped).toBe(2);
    expect(m.quality.notes).toEqual(
      expect.arrayContaining([
        'Order left out — Received: not a date (2).',
        'KPI Targets, row 9: unknown KPI.',
      ]),
    );
    expect(m.quality.rows.map((r) => r.row)).toEqual([12, 13]);
  });

  test('works when KPI Data, Partners and the benchmark are empty or missing, saying what is missing', () => {
    const empty = buildReport(
      reportInput(monthPeriod('2026-10'), {
        kpi: { orders: [], issues: [], rowsRead: 0, rowsSkipped: 0 },
        partners: [],
        benchmark: null,
      }),
    );
    expect(empty.summary[0]).toMatch(/^KPI Data holds no orders/);
    expect(empty.kpiNote).toMatch(/no orders yet/);
    expect(empty.kpis.find((r) => r.id === 'requests')!.actual).toBe(0);
    expect(empty.kpis.find((r) => r.id === 'reuse_rate')!.actual).toBeNull();
    expect(empty.categoryNote).toBe('No order in October 2026.');
    expect(empty.shortlistNote).toMatch(/^No partner scored yet/);
    expect(empty.benchmark.note).toMatch(/^No benchmark data yet/);

    const missing = buildReport(
      reportInput(monthPeriod('2026-10'), {
        kpi: null,
        targets: null,
        factors: null,
        partners: null,
        notes: ["The tab 'KPI Data' is missing: run Circularity Workbench › Set up workbook."],
      }),
    );
    expect(missing.kpiNote).toMatch(/missing or unreadable/);
    expect(missing.shortlistNote).toMatch(/missing or unreadable/);
    expect(missing.quality.notes).toContain(
      "The tab 'KPI Data' is missing: run Circularity Workbench › Set up workbook.",
    );
  });

  test('reader notes are capped, so thousands of findings cannot swamp the report', () => {
    const notes = Array.from(
      { length: 250 },
      (_, i) => `Partners, row ${i + 2}: expected a score from 1 to 5.`,
    );
    const m = buildReport(reportInput(monthPeriod('2026-10'), { notes }));
    expect(m.quality.notes.filter((n) => n.startsWith('Partners, row'))).toHaveLength(MAX_NOTES);
    expect(m.quality.notes[m.quality.notes.length - 1]).toBe(
      `… and ${250 - MAX_NOTES} more findings in the tabs named above.`,
    );
  });

  test('a period not over yet is flagged in the summary', () => {
    const m = buildReport(reportInput(monthPeriod('2026-11')));
    expect(m.header.partial).toBe(true);
    expect(m.summary[0]).toBe(
      'November 2026 is not over yet: its figures cover the days up to 2026-11-15 only.',
    );
  });
});
