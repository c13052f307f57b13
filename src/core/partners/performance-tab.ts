/**
 * The `Partner Performance` tab as blocks: a line per partner and role pooled over the last
 * `Measured months`, then a line per partner, role and month, each KPI cell coloured against
 * `KPI Targets` (green, amber, red) with the month's signals, and the names of `KPI Data` that
 * match no partner, with their rows. The sheets adapter writes each block in one call.
 */
import { Cell, Grid } from '../cells';
import { KpiValues } from '../kpi/engine';
import { KPI_BY_ID } from '../kpi/registry';
import { Rag, TargetTable, ragStatus } from '../kpi/targets';
import { PARTNER_KPIS, PerformanceModel } from './performance';

export const PARTNER_PERFORMANCE_TAB = 'Partner Performance';
export const PERFORMANCE_RAG_COLORS = { green: '#b7e1cd', amber: '#fce8b2', red: '#f4c7c3' };
/** Rows of unmatched names listed on the tab, and rows of KPI Data named per name. */
const MAX_ROWS_NAMED = 10;

export interface PerformanceBlock {
  row: number;
  values: Grid;
  formats: string[][];
  backgrounds: (string | null)[][];
  /** Header row of the block (bold). */
  header: boolean;
}

const KPI_HEADERS = PARTNER_KPIS.map((id) =>
  id === 'received' ? 'Volume (devices received)' : KPI_BY_ID[id].label,
);

export function performanceBlocks(
  model: PerformanceModel,
  targets: TargetTable,
  context: { generated: string; missingColumns: string | null },
): PerformanceBlock[] {
  const { months } = model;
  const span = `${months[0]} – ${months[months.length - 1]}`;
  const text = (rows: Grid): PerformanceBlock => ({
    row: 0,
    values: rows,
    formats: rows.map((r) => r.map(() => '@')),
    backgrounds: rows.map((r) => r.map(() => null)),
    header: false,
  });
  const title = text([
    [`${PARTNER_PERFORMANCE_TAB} — the partners named in KPI Data`],
    [
      `Last ${months.length} month(s), ${span}; orders in ${model.serviceCountry} unless KPI Data's Country column says otherwise; generated ${context.generated}. Each KPI is the registry's, computed on the partner's own orders; colours against KPI Targets (green meets the target, amber within tolerance, red beyond); signals from each partner's control charts over the last 12 months.`,
    ],
    [
      context.missingColumns ??
        (model.unmatched.length
          ? `${model.unmatched.length} name(s) in KPI Data match no partner: listed at the end; their orders count for no partner.`
          : 'Every partner named in KPI Data is a partner of the Partners tab.'),
    ],
  ]);
  const blocks: PerformanceBlock[] = [{ ...title, row: 1, header: true }];
  let row = 5;
  const table = (
    first: string[],
    lines: { lead: Cell[]; values: KpiValues; signals: string }[],
  ) => {
    const header = [...first, ...KPI_HEADERS, 'RAG', 'Signals'];
    const values: Grid = [header];
    const formats: string[][] = [header.map(() => '@')];
    const backgrounds: (string | null)[][] = [header.map(() => '#e8f0fe')];
    for (const l of lines) {
      const rags = PARTNER_KPIS.map((id) => ragStatus(l.values[id], targets.targets[id]));
      values.push([
        ...l.lead,
        ...PARTNER_KPIS.map((id) => l.values[id] ?? ''),
        ragText(rags),
        l.signals,
      ]);
      formats.push([
        ...l.lead.map((v) => (typeof v === 'number' ? '0' : '@')),
        ...PARTNER_KPIS.map((id) => KPI_BY_ID[id].format),
        '@',
        '@',
      ]);
      backgrounds.push([
        ...l.lead.map(() => null),
        ...rags.map((r) => (r ? PERFORMANCE_RAG_COLORS[r] : null)),
        null,
        null,
      ]);
    }
    const block = { row, values, formats, backgrounds, header: true };
    row += values.length + 1;
    return block;
  };
  const heading = (line: string) => {
    blocks.push({ ...text([[line]]), row, header: true });
    row += 1;
  };
  heading(`Per partner, last ${months.length} month(s) pooled (${span})`);
  blocks.push(
    table(
      ['Partner', 'Country', 'Role', 'Orders'],
      model.roles.map((r) => ({
        lead: [r.partner.name, r.partner.country, r.role, r.orders],
        values: r.pooled,
        signals: r.monthly.flatMap((m) => m.signals.map((s) => `${m.month} ${s}`)).join('; '),
      })),
    ),
  );
  heading('Per partner and month');
  blocks.push(
    table(
      ['Partner', 'Country', 'Role', 'Month'],
      model.roles.flatMap((r) =>
        r.monthly.map((m) => ({
          lead: [r.partner.name, r.partner.country, r.role, m.month],
          values: m.values,
          signals: m.signals.join('; ') || 'no signal',
        })),
      ),
    ),
  );
  if (model.unmatched.length) {
    heading('Names in KPI Data that match no partner (not used: fix the name, or add the partner)');
    const rows: Grid = [['Tab', 'Column', 'Name', 'Country', 'Why', 'Orders', 'Rows']];
    for (const u of model.unmatched)
      rows.push([
        'KPI Data',
        u.column,
        u.name,
        u.country,
        u.why,
        u.rows.length,
        u.rows.slice(0, MAX_ROWS_NAMED).join(', ') +
          (u.rows.length > MAX_ROWS_NAMED ? `, … (${u.rows.length - MAX_ROWS_NAMED} more)` : ''),
      ]);
    blocks.push({
      row,
      values: rows,
      formats: rows.map((r) => r.map((_, j) => (j === 5 ? '0' : '@'))),
      backgrounds: rows.map((r, i) => r.map(() => (i === 0 ? '#e8f0fe' : null))),
      header: true,
    });
  }
  return blocks;
}

/** `green`, or the KPIs off target: `red: Lost rate; amber: Cost per device received`. */
function ragText(rags: (Rag | null)[]): string {
  const named = (rag: Rag) =>
    PARTNER_KPIS.filter((_, i) => rags[i] === rag).map((id) => KPI_BY_ID[id].label);
  const parts = (['red', 'amber'] as const)
    .map((rag) => (named(rag).length ? `${rag}: ${named(rag).join(', ')}` : ''))
    .filter(Boolean);
  if (parts.length) return parts.join('; ');
  return rags.some((r) => r === 'green') ? 'green' : '';
}

/** One line a person reads for an unmatched name (the action's warnings). */
export function unmatchedLines(model: PerformanceModel): string[] {
  return model.unmatched.map(
    (u) =>
      `KPI Data, row ${u.rows.slice(0, 5).join(', ')}${u.rows.length > 5 ? ` and ${u.rows.length - 5} more` : ''}, column ${u.column}: '${u.name}' — ${u.why} (${u.country}); those orders count for no partner. Listed in '${PARTNER_PERFORMANCE_TAB}'.`,
  );
}
