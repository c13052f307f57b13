import {
  DISPOSITION_MIX,
  KPIS,
  KPI_BY_ID,
  KPI_IDS,
  OUTCOMES,
  findKpi,
  toOutcome,
} from '../../../src/core/kpi/registry';

describe('KPI registry', () => {
  test('holds every KPI of product.md, ids exactly, in order', () => {
    expect([...KPI_IDS]).toEqual([
      'requests',
      'kits_sent',
      'received',
      'inspected',
      'conversion',
      'lead_time_median',
      'lead_time_p90',
      'inspection_lead_time_median',
      'reuse_rate',
      'recycle_rate',
      'weight_kg',
      'co2e_kg',
      'erasure_coverage',
      'csat',
      'complaints_per_1000',
      'cost_per_device',
      'payout_per_device',
      'lost_rate',
    ]);
    expect(KPIS.map((k) => k.id)).toEqual([...KPI_IDS]);
  });

  test('every entry is complete', () => {
    for (const k of KPIS) {
      expect(k.label).toBeTruthy();
      expect(k.unit).toBeTruthy();
      expect(k.format).toBeTruthy();
      expect(k.definition.length).toBeGreaterThan(20);
      expect(['higher', 'lower']).toContain(k.direction);
      expect(KPI_BY_ID[k.id]).toBe(k);
      if (k.kind === 'share') expect(k.format).toBe('0.0%');
    }
    expect(KPIS.filter((k) => k.needsFactors).map((k) => k.id)).toEqual(['co2e_kg']);
    expect(new Set(KPIS.map((k) => k.label)).size).toBe(KPIS.length);
  });

  test('disposition mix covers the six outcomes', () => {
    expect([...DISPOSITION_MIX.outcomes]).toEqual([...OUTCOMES]);
    expect([...OUTCOMES]).toEqual([
      'reused',
      'refurbished',
      'recycled',
      'returned',
      'lost',
      'rejected',
    ]);
  });

  test('findKpi accepts ids and labels in any case; toOutcome any case', () => {
    expect(findKpi('reuse_rate')?.id).toBe('reuse_rate');
    expect(findKpi(' Reuse Rate ')?.id).toBe('reuse_rate');
    expect(findKpi('LEAD-TIME-P90')?.id).toBe('lead_time_p90');
    expect(findKpi('Customer satisfaction (CSAT)')?.id).toBe('csat');
    expect(findKpi('reuse')).toBeNull();
    expect(findKpi(3)).toBeNull();
    expect(toOutcome(' Refurbished ')).toBe('refurbished');
    expect(toOutcome('refurb')).toBeNull();
  });
});
