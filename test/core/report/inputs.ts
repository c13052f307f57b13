/** Report inputs built from the KPI fixture and hand-made partner results, for the core tests. */
import { parseFactors, FACTORS_SEED } from '../../../src/core/kpi/factors';
import { parseOrders } from '../../../src/core/kpi/orders';
import { parseTargets } from '../../../src/core/kpi/targets';
import { KPI_TARGETS_SEED } from '../../../src/core/kpi/targets-seed';
import { PartnerResult } from '../../../src/core/partners/assess';
import { monthPeriod, ReportPeriod } from '../../../src/core/report/period';
import { ReportInput } from '../../../src/core/report/types';
import { fixtureGrid } from '../kpi/fixture';

export const NOW = new Date(Date.UTC(2026, 10, 15, 9));

export function partner(
  p: Partial<PartnerResult> & { partner: string; score: number | null },
): PartnerResult {
  return {
    row: 2,
    country: 'FR',
    category: 'smartphone',
    type: 'recycling',
    coverage: 1,
    knockOut: '',
    passes: true,
    rank: null,
    strengths: 'Capacity (5/5)',
    weaknesses: 'Cost (2/5)',
    stability: 0.9,
    ...p,
  };
}

export function reportInput(
  period: ReportPeriod = monthPeriod('2026-10'),
  extra: Partial<ReportInput> = {},
): ReportInput {
  const parsed = parseOrders(fixtureGrid(), { timeZone: 'UTC' });
  return {
    period,
    now: NOW,
    timeZone: 'UTC',
    scope: 'Recycling service France',
    generatedBy: 'ops@example.com',
    kpi: {
      orders: parsed.orders,
      issues: parsed.issues,
      rowsRead: parsed.rowsRead,
      rowsSkipped: parsed.rowsSkipped,
    },
    targets: parseTargets(KPI_TARGETS_SEED),
    factors: parseFactors(FACTORS_SEED),
    partners: [
      partner({ partner: 'Alpha', score: 0.9, row: 2 }),
      partner({
        partner: 'Bravo',
        score: 0.95,
        passes: false,
        knockOut: 'Data security 2 < 3',
        row: 3,
      }),
      partner({ partner: 'Charlie', score: 0.8, row: 4 }),
      partner({ partner: 'Delta', score: 0.7, row: 5 }),
      partner({ partner: 'Echo', score: 0.6, row: 6 }),
      partner({
        partner: 'Foxtrot',
        score: 0.5,
        passes: false,
        knockOut: 'Certifications 1 < 2',
        row: 7,
      }),
      partner({ partner: 'Gamma', score: 0.4, country: 'DE', type: 'donation', row: 8 }),
      partner({ partner: 'Unscored', score: null, country: 'ES', row: 9 }),
    ],
    benchmark: {
      bestPractices: [
        {
          country: 'FR',
          topic: 'Take-back',
          text: 'Free 1:1 take-back in store',
          source: 'ADEME 2024',
        },
      ],
      dueForReview: [
        {
          country: 'DE',
          tab: 'Benchmark DE',
          row: 7,
          topic: 'ElektroG',
          year: 2023,
          verified: true,
          lastReviewed: new Date(Date.UTC(2024, 0, 10)),
          reason: 'last reviewed 2024-01-10',
        },
      ],
    },
    notes: [],
    ...extra,
  };
}
