import { loadSampleData, refreshKpiDashboard, scorePartners, setUpWorkbook } from '../../src/index';
import { CRITERIA_SEED } from '../../src/core/seed/criteria';
import { KPI_DATA_HEADERS } from '../../src/core/kpi/orders';
import { UNKNOWN_SAMPLE_PARTNER } from '../../src/core/sample/orders';
import { Grid } from '../../src/core/cells';
import { changedCells, installRuntime, sheet, typedCells, typeInto } from '../helpers/runtime';
import { Runtime } from '../../local/runtime';

const PUCES = 'Les Puces Vertes (sample)';
const LOGIS = 'Logis Retour Express (sample)';

function sampleWorkbook(): Runtime {
  const rt = installRuntime();
  rt.runAs('FULL', () => setUpWorkbook());
  rt.runAs('FULL', () => loadSampleData());
  return rt;
}

function table(rt: Runtime, tab: string): Grid {
  return rt.runAs('FULL', () => sheet(rt, tab).getDataRange().getValues());
}

/** Criteria QUALITY measured by the reuse rate; PUCES's QUALITY left blank, LOGIS's typed 2. */
function measureQuality(rt: Runtime): void {
  rt.runAs('FULL', () => {
    const criteria = sheet(rt, 'Criteria');
    const c = criteria.getDataRange().getValues();
    const row = c.findIndex((r) => r[0] === 'QUALITY') + 1;
    criteria
      .getRange(row, c[0].indexOf('Measured by') + 1, 1, 3)
      .setValues([['reuse_rate', 0.4, 0.9]]);
    const partners = sheet(rt, 'Partners');
    const p = partners.getDataRange().getValues();
    const q = p[0].indexOf('QUALITY') + 1;
    partners.getRange(p.findIndex((r) => r[0] === PUCES) + 1, q).setValue('');
    partners.getRange(p.findIndex((r) => r[0] === LOGIS) + 1, q).setValue(2);
  });
}

describe('Partner Performance and measured criteria on the local runtime', () => {
  test('Set up adds the optional columns: Processing / Logistics partner to KPI Data, Measured by / Score 1 at / Score 5 at to Criteria, Measured to Partners', () => {
    const rt = installRuntime();
    typeInto(rt, 'KPI Data', [
      [...KPI_DATA_HEADERS, 'Reason'],
      ['A1', new Date(Date.UTC(2026, 9, 1)), 'smartphone'],
    ]);
    rt.runAs('FULL', () => setUpWorkbook());
    const kpi = table(rt, 'KPI Data')[0];
    expect(kpi.slice(14)).toEqual(['Reason', 'Processing partner', 'Logistics partner']);
    const criteria = table(rt, 'Criteria')[0];
    expect(criteria.slice(-3)).toEqual(['Measured by', 'Score 1 at', 'Score 5 at']);
    expect(table(rt, 'Partners')[0]).toContain('Measured');
    const settings = table(rt, 'Settings').map((r) => r[0]);
    expect(settings).toEqual(expect.arrayContaining(['Service country', 'Measured months']));
  });

  test('Refresh KPI dashboard rebuilds Partner Performance: the sample partners per month, coloured, and the unmatched name listed', () => {
    const rt = sampleWorkbook();
    const before = typedCells(rt, ['KPI Data', 'Partners', 'Criteria']);
    rt.runAs('FULL', () => refreshKpiDashboard());
    expect(changedCells(before, typedCells(rt, ['KPI Data', 'Partners', 'Criteria']))).toEqual([]);
    const t = table(rt, 'Partner Performance');
    expect(t[0][0]).toBe('Partner Performance — the partners named in KPI Data');
    const header = t[5];
    expect(header.slice(0, 6)).toEqual([
      'Partner',
      'Country',
      'Role',
      'Orders',
      'Volume (devices received)',
      'Reuse rate',
    ]);
    const pooled = t.slice(6, 11).map((r) => `${r[0]} ${r[2]}`);
    expect(pooled.sort()).toEqual(
      [
        'EcoTri Bretagne (sample) logistics',
        `${LOGIS} processing`,
        `${PUCES} processing`,
        'Recyclerie du Vallon 2 (sample) logistics',
        'Solidaire Numérique Nord (sample) processing',
      ].sort(),
    );
    // Six months per partner and role, one line each.
    const monthly = t.filter((r) => /^\d{4}-\d{2}$/.test(String(r[3])));
    expect(monthly).toHaveLength(5 * 6);
    const backgrounds = rt.runAs('FULL', () =>
      sheet(rt, 'Partner Performance').getRange(7, 5, 5, 7).getBackgrounds().flat(),
    );
    expect(backgrounds.filter((b) => ['#b7e1cd', '#fce8b2', '#f4c7c3'].includes(b)).length).toBe(
      // Every pooled KPI with a target is coloured (volume has none).
      t
        .slice(6, 11)
        .flatMap((r) => r.slice(5, 11))
        .filter((v) => v !== '').length,
    );
    const unmatched = t.find((r) => r[2] === UNKNOWN_SAMPLE_PARTNER)!;
    expect(unmatched.slice(0, 2)).toEqual(['KPI Data', 'Logistics partner (Q)']);
    // Said in the alert, or, past its first 15 findings, in the Log's details.
    const log = rt.runAs('FULL', () =>
      sheet(rt, 'Log').getDataRange().getValues().flat().join('\n'),
    );
    expect(rt.ui.alerts.map((a) => a.prompt).join('\n') + log).toContain(
      `column Logistics partner (Q): '${UNKNOWN_SAMPLE_PARTNER}' — no partner of that name in Partners (FR)`,
    );
  });

  test('Score partners uses a measured score where the cell is blank, keeps the typed one, and never writes a score cell', () => {
    const rt = sampleWorkbook();
    measureQuality(rt);
    const scoreColumns = (grid: Grid) =>
      grid.map((r) => CRITERIA_SEED.map((c) => r[grid[0].indexOf(c.id)]));
    const before = scoreColumns(table(rt, 'Partners'));
    rt.runAs('FULL', () => scorePartners());
    const after = table(rt, 'Partners');
    expect(scoreColumns(after)).toEqual(before);
    const h = after[0];
    const row = (name: string) => after.find((r) => r[0] === name)!;
    expect(row(PUCES)[h.indexOf('QUALITY')]).toBe('');
    expect(row(PUCES)[h.indexOf('Measured')]).toMatch(
      /^QUALITY: reuse_rate \d+(\.\d)?% over 2026-05 – 2026-10 → \d(\.\d)?$/,
    );
    expect(row(LOGIS)[h.indexOf('Measured')]).toMatch(/ \(typed 2 kept\)$/);
    // A partner that handles no order measures nothing.
    expect(row('Kreislauf Elektronik Nord (sample)')[h.indexOf('Measured')]).toBe('');
    // Run twice, the same workbook.
    const once = typedCells(rt);
    rt.runAs('FULL', () => scorePartners());
    expect(changedCells(once, typedCells(rt))).toEqual([]);
  });
});
