/**
 * The one registry of recycling-service KPIs (product.md, "KPI definitions"). Dashboard, report,
 * README and CIRC_KPI all read labels, units, formats and definitions from here, so no chart or
 * table can drift from another.
 */

/** Stable KPI ids, in display order. */
export const KPI_IDS = [
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
] as const;

export type KpiId = (typeof KPI_IDS)[number];

/** Which way is better. */
export type KpiDirection = 'higher' | 'lower';

/**
 * How a KPI is computed, which decides how it aggregates over several months:
 * count and sum add up; share (0–1), rate (per unit), quantile and mean are recomputed from the
 * pooled orders, never averaged month by month.
 */
export type KpiKind = 'count' | 'sum' | 'share' | 'rate' | 'quantile' | 'mean';

/** The `KPI Data` date that places an order in month M for this KPI. */
export type DateBasis = 'created' | 'kitSent' | 'received' | 'inspected';

export interface KpiDef {
  id: KpiId;
  label: string;
  /** Unit in words, for tables and chart axes. */
  unit: string;
  /** Sheets number format for the value. */
  format: string;
  /** The definition in words, for the README, the dashboard notes and the report. */
  definition: string;
  direction: KpiDirection;
  kind: KpiKind;
  basis: DateBasis;
  /** `KPI Data` headers the KPI reads. */
  columns: readonly string[];
  /** True when the `Factors` table is needed. */
  needsFactors: boolean;
}

/** The six outcomes of an inspection, lower case as stored. */
export const OUTCOMES = [
  'reused',
  'refurbished',
  'recycled',
  'returned',
  'lost',
  'rejected',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

const def = (
  id: KpiId,
  label: string,
  unit: string,
  format: string,
  kind: KpiKind,
  direction: KpiDirection,
  basis: DateBasis,
  columns: string[],
  definition: string,
  needsFactors = false,
): KpiDef => ({
  id,
  label,
  unit,
  format,
  kind,
  direction,
  basis,
  columns,
  definition,
  needsFactors,
});

/** Every KPI, in display order. */
export const KPIS: readonly KpiDef[] = [
  def(
    'requests',
    'Requests',
    'orders',
    '#,##0',
    'count',
    'higher',
    'created',
    ['Created'],
    'Orders whose Created date is in the month.',
  ),
  def(
    'kits_sent',
    'Kits sent',
    'kits',
    '#,##0',
    'count',
    'higher',
    'kitSent',
    ['Kit sent'],
    'Orders whose Kit sent date is in the month.',
  ),
  def(
    'received',
    'Devices received',
    'devices',
    '#,##0',
    'count',
    'higher',
    'received',
    ['Received'],
    'Orders whose Received date is in the month.',
  ),
  def(
    'inspected',
    'Devices inspected',
    'devices',
    '#,##0',
    'count',
    'higher',
    'inspected',
    ['Inspected'],
    'Orders whose Inspected date is in the month.',
  ),
  def(
    'conversion',
    'Conversion (request to receipt)',
    '%',
    '0.0%',
    'share',
    'higher',
    'created',
    ['Created', 'Received'],
    'Among orders created in the month, the share received so far (a cohort: it grows as late devices arrive).',
  ),
  def(
    'lead_time_median',
    'Lead time, median',
    'days',
    '0.0',
    'quantile',
    'lower',
    'received',
    ['Created', 'Received'],
    'Median of Received minus Created, in fractional days, over orders received in the month.',
  ),
  def(
    'lead_time_p90',
    'Lead time, 90th percentile',
    'days',
    '0.0',
    'quantile',
    'lower',
    'received',
    ['Created', 'Received'],
    "90th percentile of Received minus Created, in days, over orders received in the month, interpolated linearly like Sheets' PERCENTILE.",
  ),
  def(
    'inspection_lead_time_median',
    'Inspection lead time, median',
    'days',
    '0.0',
    'quantile',
    'lower',
    'inspected',
    ['Received', 'Inspected'],
    'Median of Inspected minus Received, in fractional days, over orders inspected in the month (blank when none).',
  ),
  def(
    'reuse_rate',
    'Reuse rate',
    '%',
    '0.0%',
    'share',
    'higher',
    'inspected',
    ['Inspected', 'Outcome'],
    'Orders inspected in the month with outcome reused or refurbished, divided by orders inspected in the month.',
  ),
  def(
    'recycle_rate',
    'Recycle rate',
    '%',
    '0.0%',
    'share',
    'lower',
    'inspected',
    ['Inspected', 'Outcome'],
    'Orders inspected in the month with outcome recycled, divided by orders inspected in the month (lower is better: reuse comes first).',
  ),
  def(
    'weight_kg',
    'Weight collected',
    'kg',
    '#,##0.0',
    'sum',
    'higher',
    'received',
    ['Received', 'Weight kg'],
    'Sum of Weight kg over orders received in the month (a blank weight adds nothing).',
  ),
  def(
    'co2e_kg',
    'CO2e avoided',
    'kg CO2e',
    '#,##0',
    'sum',
    'higher',
    'inspected',
    ['Inspected', 'Category', 'Outcome'],
    'Sum of the emission factor for (category, outcome) from the Factors table over orders inspected in the month.',
    true,
  ),
  def(
    'erasure_coverage',
    'Erasure certificate coverage',
    '%',
    '0.0%',
    'share',
    'higher',
    'received',
    ['Received', 'Erasure certificate'],
    'Orders received in the month that have an erasure certificate, divided by orders received in the month.',
  ),
  def(
    'csat',
    'Customer satisfaction (CSAT)',
    'score 1-5',
    '0.00',
    'mean',
    'higher',
    'received',
    ['Received', 'CSAT'],
    'Mean CSAT (1 to 5) over orders received in the month that have one.',
  ),
  def(
    'complaints_per_1000',
    'Complaints per 1,000 requests',
    'per 1,000',
    '0.0',
    'rate',
    'lower',
    'created',
    ['Created', 'Complaint'],
    '1000 times the number of complaints among orders created in the month, divided by requests in the month.',
  ),
  def(
    'cost_per_device',
    'Cost per device received',
    'EUR',
    '#,##0.00',
    'rate',
    'lower',
    'received',
    ['Received', 'Cost EUR'],
    'Sum of Cost EUR over orders received in the month, divided by orders received in the month (a blank cost adds nothing).',
  ),
  def(
    'payout_per_device',
    'Payout per device',
    'EUR',
    '#,##0.00',
    'rate',
    'higher',
    'received',
    ['Received', 'Payout EUR'],
    'Sum of Payout EUR over orders received in the month, divided by the orders received in the month that have a readable payout (the value returned to customers per device).',
  ),
  def(
    'lost_rate',
    'Lost rate',
    '%',
    '0.0%',
    'share',
    'lower',
    'kitSent',
    ['Kit sent', 'Outcome'],
    'Orders with outcome lost among kits sent in the month, divided by kits sent in the month.',
  ),
];

/** Registry lookup by id. */
export const KPI_BY_ID: Readonly<Record<KpiId, KpiDef>> = Object.fromEntries(
  KPIS.map((k) => [k.id, k]),
) as Record<KpiId, KpiDef>;

/** The non-target breakdown shown beside the KPIs: share of each outcome among inspected orders. */
export const DISPOSITION_MIX = {
  id: 'disposition_mix',
  label: 'Disposition mix',
  unit: '%',
  format: '0.0%',
  outcomes: OUTCOMES,
  definition:
    'For each outcome, orders inspected in the month with that outcome divided by orders inspected in the month. ' +
    'Shares add up to 100 % unless some inspected orders have no outcome yet.',
} as const;

/** True for a registered KPI id. */
export function isKpiId(s: unknown): s is KpiId {
  return typeof s === 'string' && (KPI_IDS as readonly string[]).includes(s);
}

/**
 * The KPI a person meant: its id or its label, any case, spaces or hyphens for underscores
 * (`Reuse rate`, `reuse-rate`, `REUSE_RATE`); null when none matches.
 */
export function findKpi(text: unknown): KpiDef | null {
  if (typeof text !== 'string') return null;
  const t = text.trim().toLowerCase();
  const asId = t.replace(/[\s-]+/g, '_');
  if (isKpiId(asId)) return KPI_BY_ID[asId];
  return KPIS.find((k) => k.label.toLowerCase() === t) ?? null;
}

/** Outcome from a cell's text (any case, surrounding spaces ignored); null when not one of the six. */
export function toOutcome(v: unknown): Outcome | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  return (OUTCOMES as readonly string[]).includes(s) ? (s as Outcome) : null;
}
