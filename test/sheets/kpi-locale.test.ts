/**
 * The same orders typed or pasted as a French and as an American back office writes them, into
 * `fr_FR` and `en_US` spreadsheets (Sheets reads some of the strings as dates and numbers, the
 * rest stay text), give the same KPIs as the clean data: no order lost to a format.
 */
import { FRENCH_OUTCOME_LABELS } from '../../src/core/sample/back-office-export';
import { createRuntime, Runtime } from '../../local/runtime';
import { wallClock } from '../../local/spreadsheet/number-format';
import { Cell, Grid } from '../../src/core/cells';
import { KPI_DATA_HEADERS } from '../../src/core/kpi/orders';
import { generateSampleOrders } from '../../src/core/sample/orders';
import { refreshKpiDashboard, setUpWorkbook } from '../../src/index';
import MANIFEST from '../../appsscript.json';
import { typeInto } from '../helpers/runtime';

const NOW = new Date(Date.UTC(2026, 10, 26, 9));
const TZ = 'Europe/Paris';
const col = (h: (typeof KPI_DATA_HEADERS)[number]) => KPI_DATA_HEADERS.indexOf(h);
const DATES = [col('Created'), col('Kit sent'), col('Received'), col('Inspected')];

function runtime(locale: string): Runtime {
  const rt = createRuntime({
    oauthScopes: MANIFEST.oauthScopes,
    now: NOW,
    timeZone: TZ,
    userEmail: 'ops@example.com',
    spreadsheet: { locale },
  });
  rt.install(globalThis as unknown as Record<string, unknown>);
  rt.runAs('FULL', () => setUpWorkbook());
  return rt;
}

/** The KPI table of the dashboard (KPI label → its 12 monthly values). */
function kpiTable(rt: Runtime): Record<string, Cell[]> {
  return rt.runAs('FULL', () => {
    const values = rt.spreadsheet!.getSheetByName('KPI Dashboard')!.getDataRange().getValues();
    const head = values.findIndex((r) => r[0] === 'KPI' && r[1] === 'Unit');
    const table: Record<string, Cell[]> = {};
    for (const r of values.slice(head + 1)) {
      if (r[0] === '') break;
      table[String(r[0])] = r.slice(3, 15).map((v) => (typeof v === 'number' ? +v.toFixed(9) : v));
    }
    return table;
  });
}

function dashboardOf(locale: string, grid: Grid): Record<string, Cell[]> {
  const rt = runtime(locale);
  typeInto(rt, 'KPI Data', grid);
  rt.runAs('FULL', () => refreshKpiDashboard());
  return kpiTable(rt);
}

const pad = (n: number) => String(n).padStart(2, '0');
const wall = (d: Date) => wallClock(d, TZ);

const FRENCH_OUTCOMES: Readonly<Record<string, string>> = FRENCH_OUTCOME_LABELS;

/** A French back office: dd/mm/yyyy hh:mm, decimal commas, "€" and "kg", French outcome labels. */
function french(grid: Grid): Grid {
  return grid.map((r, i) =>
    i === 0
      ? r
      : r.map((v, j) => {
          if (v instanceof Date && DATES.includes(j)) {
            const w = wall(v);
            return `${pad(w.day)}/${pad(w.month)}/${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
          }
          if (j === col('Outcome') && typeof v === 'string' && v) return FRENCH_OUTCOMES[v];
          if (j === col('Weight kg') && typeof v === 'number')
            return `${String(v).replace('.', ',')} kg`;
          if ((j === col('Payout EUR') || j === col('Cost EUR')) && typeof v === 'number')
            return `${v.toFixed(2).replace('.', ',')} €`;
          return v;
        }),
  );
}

/** An American export: ISO 8601 instants with Z, "EUR 12.50", outcomes in capitals. */
function american(grid: Grid): Grid {
  return grid.map((r, i) =>
    i === 0
      ? r
      : r.map((v, j) => {
          if (v instanceof Date && DATES.includes(j)) return v.toISOString().replace('.000Z', 'Z');
          if (j === col('Outcome') && typeof v === 'string') return v.toUpperCase();
          if ((j === col('Payout EUR') || j === col('Cost EUR')) && typeof v === 'number')
            return `EUR ${v.toFixed(2)}`;
          return v;
        }),
  );
}

describe('KPI Data as back offices write it', () => {
  const clean = generateSampleOrders({
    count: 400,
    asOf: new Date(Date.UTC(2026, 9, 31, 18)),
    errors: false,
  }).grid;
  // Minutes only: the exports above write no seconds.
  for (const r of clean.slice(1))
    for (const j of DATES) {
      const v = r[j];
      if (v instanceof Date) v.setUTCSeconds(0, 0);
    }
  const expected = dashboardOf('fr_FR', clean);

  test('the clean data gives real KPIs (the comparison below is not between two empty tables)', () => {
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    expect((expected['Requests'] as number[]).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  test('French formats in a fr_FR spreadsheet: the same KPIs', () => {
    expect(dashboardOf('fr_FR', french(clean))).toEqual(expected);
  });

  test('ISO 8601 instants with Z and "EUR 12.50" in an en_US spreadsheet: the same KPIs', () => {
    expect(dashboardOf('en_US', american(clean))).toEqual(expected);
  });
});

describe("the team's outcome labels and the Data quality tab", () => {
  const clean = generateSampleOrders({
    count: 200,
    asOf: new Date(Date.UTC(2026, 9, 31, 18)),
    errors: false,
  }).grid;

  test('a label of their own back office, added to Outcome labels, is read on the next refresh', () => {
    const expected = dashboardOf('fr_FR', clean);
    const relabelled = clean.map((r, i) =>
      i && r[col('Outcome')] === 'recycled'
        ? r.map((v, j) => (j === col('Outcome') ? 'Grade C - broyé' : v))
        : r,
    );
    const rt = runtime('fr_FR');
    typeInto(rt, 'KPI Data', relabelled);
    rt.runAs('FULL', () => refreshKpiDashboard());
    expect(kpiTable(rt)).not.toEqual(expected);
    expect(rt.ui.alerts.at(-1)!.prompt).toMatch(/unknown outcome/);
    typeInto(rt, 'Outcome labels', [
      ['Label', 'Outcome'],
      ['grade c - BROYE', 'recycled'],
    ]);
    rt.runAs('FULL', () => refreshKpiDashboard());
    expect(kpiTable(rt)).toEqual(expected);
  });

  test('the alert, the dashboard and the Data quality tab give the same counts; a bad payout keeps its order', () => {
    const broken = clean.map((r) => r.slice());
    broken[3][col('Payout EUR')] = 'three hundred';
    broken[4][col('Created')] = 'someday';
    broken[5][col('Received')] = 'soon';
    const rt = runtime('fr_FR');
    typeInto(rt, 'KPI Data', broken);
    rt.runAs('FULL', () => refreshKpiDashboard());
    const sentence =
      'Data quality: 3 finding(s) on 3 order(s) of KPI Data — 1 order(s) left out of every KPI, 2 kept with the unreadable field(s) blanked';
    expect(rt.ui.alerts.at(-1)!.prompt).toContain(sentence);
    const text = (tab: string) =>
      rt.runAs('FULL', () =>
        rt
          .spreadsheet!.getSheetByName(tab)!
          .getDataRange()
          .getValues()
          .map((r) => r.join(' | '))
          .join('\n'),
      );
    expect(text('KPI Dashboard')).toContain(sentence);
    expect(text('Data quality')).toContain(sentence);
    expect(text('Data quality')).toMatch(
      /KPI Data \| 4 \| Payout EUR \(K\) \| three hundred \| kept, field blanked \| not a number/,
    );
    expect(text('Data quality')).toMatch(
      /KPI Data \| 5 \| Created \(B\) \| someday \| left out \|/,
    );
    // An unreadable payout blanks the payout only: with just that finding, every count stands.
    const onlyPayout = clean.map((r) => r.slice());
    onlyPayout[3][col('Payout EUR')] = 'three hundred';
    const cleanTable = dashboardOf('fr_FR', clean);
    const payoutTable = dashboardOf('fr_FR', onlyPayout);
    for (const kpi of ['Requests', 'Devices received', 'Reuse rate']) {
      expect(cleanTable[kpi]).toHaveLength(12);
      expect(payoutTable[kpi]).toEqual(cleanTable[kpi]);
    }
  });
});
