/**
 * Propose partner candidates… through the built bundle, on the sample workbook: the rows it adds,
 * twice adds nothing, a prospect a person deleted is not proposed again, near matches listed, a
 * colleague's edit meanwhile stops it, and unscored prospects left out of the ranking, the
 * report's shortlist and the warnings.
 */
import * as path from 'node:path';
import { createRuntime, Runtime } from '../../local/runtime';
import { loadBundle, LoadedBundle } from '../../local/load-bundle';
import { Cell } from '../../src/core/cells';
import { partnerCandidates } from '../../src/core/partners/candidates';
import { manifestScopes } from '../../demo/scenario';
import { SECTIONS } from '../../src/core/report/layout';

const DIST = path.resolve(__dirname, '../../dist');
const CAPTION = 'Propose partner candidates…';

function sampleWorkbook(): { rt: Runtime; bundle: LoadedBundle } {
  const rt = createRuntime({
    oauthScopes: manifestScopes(),
    now: new Date(Date.UTC(2026, 10, 26, 9)),
  });
  const bundle = loadBundle(rt, DIST);
  bundle.open('NONE');
  bundle.clickMenu('Load sample data');
  return { rt, bundle };
}

const told = (rt: Runtime) => rt.ui.alerts.at(-1)?.prompt ?? rt.toasts.at(-1)?.message ?? '';
const partners = (rt: Runtime): Cell[][] =>
  rt.runAs('FULL', () => rt.spreadsheet!.getSheetByName('Partners')!.getDataRange().getValues());
const prospects = (rt: Runtime) =>
  partners(rt)
    .filter((r) => r[4] === 'prospect')
    .map((r) => `${r[0]}|${r[1]}|${r[2]}|${r[3]}`);
const propose = (rt: Runtime, bundle: LoadedBundle, text: string) => {
  rt.ui.scriptResponses([{ button: 'OK', text }]);
  bundle.clickMenu(CAPTION);
  return told(rt);
};

describe('Propose partner candidates… (bundle)', () => {
  test('adds one prospect row per candidate and category chosen, below the table, with evidence and no score; says what it understood', () => {
    const { rt, bundle } = sampleWorkbook();
    const before = partners(rt);
    const message = propose(rt, bundle, 'DE, GB; refurbisher; smartphone');
    const after = partners(rt);
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    const expected = partnerCandidates().filter(
      (c) =>
        ['DE', 'UK'].includes(c.country) &&
        c.partnerType === 'refurbishment' &&
        c.categories.includes('smartphone'),
    );
    expect(added.map((r) => r[0])).toEqual(expected.map((c) => c.name));
    const h = (name: string) => before[0].indexOf(name);
    for (const r of added) {
      expect([r[h('Category')], r[h('Partner type')], r[h('Status')]]).toEqual([
        'smartphone',
        'refurbishment',
        'prospect',
      ]);
      expect(String(r[h('Evidence')])).toMatch(/Named in the benchmark .*source: /);
      expect(r[h('Score')]).toBe('');
      expect(r[h('Rank')]).toBe('');
    }
    expect(message).toMatch(new RegExp(`Added ${expected.length} prospect row\\(s\\)`));
    expect(message).toMatch(
      /Understood: countries DE, UK; partner types refurbishment; categories smartphone/,
    );
  });

  test('twice adds nothing; a deleted prospect is not proposed again; a near match is listed, not added', () => {
    const { rt, bundle } = sampleWorkbook();
    rt.runAs('FULL', () => {
      const sheet = rt.spreadsheet!.getSheetByName('Partners')!;
      sheet
        .getRange(sheet.getLastRow() + 1, 1, 1, 4)
        .setValues([['WeFix', 'FR', 'smartphone', 'refurbishment']]);
    });
    const first = propose(rt, bundle, 'FR');
    const once = prospects(rt);
    expect(once).toContain('Recommerce|FR|tablet|refurbishment');
    expect(once.some((p) => p.startsWith('WeFix (Fnac Darty)'))).toBe(false);
    expect(first).toMatch(
      /'WeFix \(Fnac Darty\)' \(FR\) not added: Partners has 'WeFix' \(row \d+\)/,
    );

    const second = propose(rt, bundle, 'FR');
    expect(prospects(rt)).toEqual(once);
    expect(second).toMatch(/^No candidate to add/);

    const rows = partners(rt);
    const largo = rows.findIndex((r) => r[0] === 'Largo');
    rt.runAs('FULL', () => rt.spreadsheet!.getSheetByName('Partners')!.deleteRow(largo + 1));
    const third = propose(rt, bundle, '');
    const all = prospects(rt);
    expect(all.some((p) => p.startsWith('Largo|'))).toBe(false);
    expect(all).toContain('rebuy|DE|console|refurbishment');
    expect(third).toMatch(/1 deleted from Partners earlier, not proposed again/);
  });

  test('an unknown item stops it before anything is written', () => {
    const { rt, bundle } = sampleWorkbook();
    const before = partners(rt);
    expect(propose(rt, bundle, 'FR; bananas')).toMatch(/'bananas' is neither a country/);
    expect(partners(rt)).toEqual(before);
  });

  test('unscored prospects: no rank, not in the ranking tab or the report shortlist, no "no score" warning; a score typed in makes one a partner like any other', () => {
    const { rt, bundle } = sampleWorkbook();
    propose(rt, bundle, '');
    bundle.clickMenu('Score partners');
    const message = told(rt);
    const scored = partners(rt);
    const score = scored[0].indexOf('Score');
    const count = scored.filter((r) => r[4] === 'prospect' && r[score] === '').length;
    expect(message).toMatch(new RegExp(`${count} prospect\\(s\\) not scored yet`));
    const names = new Set(partnerCandidates().map((c) => c.name));
    // The sample's own unscored partners are still named; no candidate is.
    expect(message).toMatch(/no score on any criterion/);
    for (const name of names) expect(message).not.toContain(`'${name}'`);
    const ranking = rt.runAs('FULL', () =>
      rt.spreadsheet!.getSheetByName('Partner Ranking')!.getDataRange().getValues(),
    );
    expect(ranking.filter((r) => names.has(String(r[4])))).toEqual([]);
    rt.ui.scriptResponses([{ button: 'OK', text: '' }]);
    bundle.clickMenu('Generate report…');
    const report = rt.runAs('FULL', () =>
      rt
        .spreadsheet!.getSheets()
        .find((s) => /^Report/.test(s.getName()))!
        .getDataRange()
        .getValues(),
    );
    // The shortlist section (the benchmark highlights below it name some as facts' topics).
    const first = report.findIndex((r) => r[0] === SECTIONS.shortlist);
    const last = report.findIndex((r) => r[0] === SECTIONS.benchmark);
    expect(first).toBeGreaterThan(0);
    const section = report.slice(first, last).flat();
    expect(section.length).toBeGreaterThan(10);
    expect(section.filter((v) => names.has(String(v)))).toEqual([]);

    // A person scores one prospect: it is ranked like any partner.
    const rows = partners(rt);
    const header = rows[0];
    const i = rows.findIndex((r) => r[0] === 'Umicore');
    const scores = header
      .map((h, j) => [h, j] as const)
      .filter(([h]) => /^[A-Z]{2,}$/.test(String(h)) && String(h) !== 'UK');
    rt.runAs('FULL', () => {
      const sheet = rt.spreadsheet!.getSheetByName('Partners')!;
      for (const [, j] of scores) sheet.getRange(i + 1, j + 1).setValue(5);
    });
    bundle.clickMenu('Score partners');
    const umicore = partners(rt)[i];
    expect(typeof umicore[header.indexOf('Score')]).toBe('number');
    expect(typeof umicore[header.indexOf('Rank')]).toBe('number');
    const ranked = rt.runAs('FULL', () =>
      rt.spreadsheet!.getSheetByName('Partner Ranking')!.getDataRange().getValues(),
    );
    expect(ranked.some((r) => r[4] === 'Umicore')).toBe(true);
  });
});
