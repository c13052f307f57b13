/**
 * Partners' measured performance: which partner handled each order (the optional `Processing
 * partner` and `Logistics partner` columns of `KPI Data`, matched to `Partners` by the partner
 * identity rule, in the order's `Country` or else the `Service country` of Settings), and the
 * registry's KPIs computed by the KPI engine on each partner's own orders — month by month, with
 * control limits and signals as on the dashboard, and pooled over the last `Measured months` (the
 * values measured criteria score). No KPI formula lives here: a partner's orders go through the
 * same engine as all orders.
 */
import { Cell } from '../cells';
import { KpiResult, KpiValues, aggregate, computeKpis } from '../kpi/engine';
import { FactorTable } from '../kpi/factors';
import { freshness } from '../kpi/freshness';
import { MonthKey, addMonths, lastMonthWithData, monthRange } from '../kpi/months';
import { Order, PartnerColumns } from '../kpi/orders';
import { KpiDirection, KpiId } from '../kpi/registry';
import { KpiControl, kpiSignals, signalCell } from '../kpi/signals';
import { countryKey, findPartner, indexPartners, nameKey } from './identity';

export type Role = 'processing' | 'logistics';
export const ROLES: readonly Role[] = ['processing', 'logistics'];

/** The KPIs of the Partner Performance tab, in its column order (volume = devices received). */
export const PARTNER_KPIS: readonly KpiId[] = [
  'received',
  'reuse_rate',
  'lost_rate',
  'lead_time_median',
  'erasure_coverage',
  'complaints_per_1000',
  'cost_per_device',
];

/** Months of history the control limits are computed on (as the dashboard's). */
export const BASELINE_MONTHS = 12;

/** A partner as `Partners` names it: its identity key, and its name as first typed there. */
export interface PartnerId {
  key: string;
  name: string;
  country: string;
}

/** One partner in one role: its orders' KPIs. */
export interface PartnerRole {
  partner: PartnerId;
  role: Role;
  orders: number;
  /** Month by month over `months`, with the signals (rules) of that month. */
  monthly: { month: MonthKey; values: KpiValues; signals: string[] }[];
  /** Pooled over `months` (ratios and medians recomputed, never averaged). */
  pooled: KpiValues;
}

/** A name in KPI Data that is no partner of `Partners` in the order's country: listed, not used. */
export interface Unmatched {
  column: string;
  name: string;
  country: string;
  why: string;
  rows: number[];
}

export interface PerformanceModel {
  /** The last `Measured months` months, ascending. */
  months: MonthKey[];
  serviceCountry: string;
  roles: PartnerRole[];
  unmatched: Unmatched[];
  /** Every partner's orders, any role (an order counted once), by identity key. */
  ordersOf: Map<string, Order[]>;
  partners: Map<string, PartnerId>;
  columns: PartnerColumns;
}

export interface PerformanceInput {
  orders: readonly Order[];
  columns: PartnerColumns;
  /** `Partners` data rows (header excluded): name and country as typed. */
  partners: readonly { name: Cell; country: Cell }[];
  serviceCountry: string;
  measuredMonths: number;
  timeZone: string;
  now: Date;
  factors?: FactorTable | null;
  /** Directions from KPI Targets (the registry's otherwise), for what a signal means. */
  directions?: Partial<Record<KpiId, KpiDirection>>;
}

/** The identity key of a partner: country key and name key (identity.ts). */
export const partnerKey = (country: string, name: Cell): string => `${country}|${nameKey(name)}`;

/**
 * Which partner handled each order, and each partner's KPIs. An order's partner is found by
 * identity.ts' findPartner in the order's country: a name that is not a partner there is listed
 * with its tab, rows and column, and the order counts for no partner (it still counts in every
 * KPI of the service).
 */
export function partnerPerformance(input: PerformanceInput): PerformanceModel {
  const index = indexPartners([...input.partners]);
  const partners = new Map<string, PartnerId>();
  const byRole: Record<Role, Map<string, Order[]>> = {
    processing: new Map(),
    logistics: new Map(),
  };
  const ordersOf = new Map<string, Order[]>();
  const unmatched = new Map<string, Unmatched>();
  const column: Record<Role, string | null> = {
    processing: input.columns.processing,
    logistics: input.columns.logistics,
  };
  // A service has a handful of partners and 100,000s of orders: each (country, name) as typed
  // is normalised and looked up once.
  type Found = ReturnType<typeof findPartner> & { countryKey: string; nameKey: string };
  const found = new Map<string, Found>();
  const lookUp = (name: Cell, country: Cell): Found => {
    const typed = `${String(country)}\u0000${String(name)}`;
    let match = found.get(typed);
    if (!match) {
      match = {
        ...findPartner(index, name, country),
        countryKey: countryKey(country),
        nameKey: nameKey(name),
      };
      found.set(typed, match);
    }
    return match;
  };
  for (const o of input.orders) {
    const country = o.country || input.serviceCountry;
    let last: string | null = null;
    for (const role of ROLES) {
      const name = role === 'processing' ? o.processingPartner : o.logisticsPartner;
      if (!name) continue;
      const match = lookUp(name, country);
      if (match.kind !== 'rows') {
        const ck = match.countryKey;
        const id = `${role}|${ck}|${match.nameKey}`;
        const entry = unmatched.get(id) ?? {
          column: column[role] ?? role,
          name,
          country: ck.toUpperCase(),
          why:
            match.kind === 'unknown'
              ? 'no partner of that name in Partners'
              : `a partner of that name only in ${match.countries.map((c) => c.toUpperCase()).join(', ')}`,
          rows: [],
        };
        entry.rows.push(o.row);
        unmatched.set(id, entry);
        continue;
      }
      const key = `${match.country}|${match.nameKey}`;
      if (!partners.has(key)) {
        const first = input.partners[match.rows[0]];
        partners.set(key, {
          key,
          name: String(first.name).trim(),
          country: match.country.toUpperCase(),
        });
      }
      push(byRole[role], key, o);
      // An order whose two partners are one is counted once in that partner's pooled orders.
      if (last !== key) push(ordersOf, key, o);
      last = key;
    }
  }
  const end = lastMonthWithData(input.orders, input.now, input.timeZone);
  const measured = Math.max(1, Math.floor(input.measuredMonths));
  const months = monthRange(addMonths(end, -(measured - 1)), end);
  const baseline = monthRange(addMonths(end, -(Math.max(measured, BASELINE_MONTHS) - 1)), end);
  // The same newest date and partial month as the dashboard: a partner's month is judged alike.
  const fresh = freshness(input.orders, end, input.now, input.timeZone);
  const newest = fresh.newest;
  const roles: PartnerRole[] = [];
  for (const role of ROLES) {
    const keys = [...byRole[role].keys()].sort((a, b) =>
      partners.get(a)!.name.localeCompare(partners.get(b)!.name),
    );
    for (const key of keys) {
      const orders = byRole[role].get(key)!;
      const result = computeKpis(orders, {
        timeZone: input.timeZone,
        months: baseline,
        factors: input.factors,
      });
      const signals = kpiSignals({
        result,
        months: baseline,
        newest,
        partialLast: fresh.partial,
        timeZone: input.timeZone,
        directions: input.directions,
      });
      const controls = signals.kpis.filter((k) => PARTNER_KPIS.includes(k.id));
      roles.push({
        partner: partners.get(key)!,
        role,
        orders: orders.length,
        monthly: months.map((month) => ({
          month,
          values: result.byMonth[month].values,
          signals: monthSignals(controls, month),
        })),
        pooled: aggregate(result, months).values,
      });
    }
  }
  return {
    months,
    serviceCountry: countryKey(input.serviceCountry).toUpperCase(),
    roles,
    unmatched: [...unmatched.values()],
    ordersOf,
    partners,
    columns: input.columns,
  };
}

/** The KPIs of a partner's orders (any role) pooled over the measured months; null without orders. */
export function pooledKpis(
  model: PerformanceModel,
  key: string,
  timeZone: string,
  factors?: FactorTable | null,
): KpiValues | null {
  const orders = model.ordersOf.get(key);
  if (!orders?.length) return null;
  const result: KpiResult = computeKpis(orders, { timeZone, months: model.months, factors });
  return aggregate(result, model.months).values;
}

/** "Reuse rate: improvement (rule 1)" for each KPI with a signal in the month. */
function monthSignals(controls: readonly KpiControl[], month: MonthKey): string[] {
  const out: string[] = [];
  for (const k of controls) {
    const p = k.points.find((x) => x.month === month);
    if (p && p.rules.length && p.side !== 0 && !p.excluded)
      out.push(`${k.label}: ${signalCell(k, month)}`);
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
