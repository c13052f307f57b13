import * as fs from 'node:fs';
import * as path from 'node:path';
import { Grid } from '../../../src/core/cells';
import {
  Candidate,
  EMPTY_LEDGER,
  isNearMatch,
  partnerCandidates,
  planProposal,
  readChoice,
  readLedger,
} from '../../../src/core/partners/candidates';
import { assessPartners } from '../../../src/core/partners/assess';
import { readFramework } from '../../../src/core/partners/criteria';
import { shortlist } from '../../../src/core/report/shortlist';
import { rankingTable } from '../../../src/core/partners/ranking';
import { CATEGORIES, PARTNER_TYPES } from '../../../src/core/schema/lists';
import { PARTNER_INPUT_COLUMNS } from '../../../src/core/schema/tabs';

// The project never reads ../shared at run time; this test only checks the copy when it is there.
const SHARED = path.resolve(__dirname, '../../../../shared/data/partner-candidates.json');
const HEADER = [...PARTNER_INPUT_COLUMNS.map((c) => c.header), 'SEC', 'Score'];
const empty = (): Grid => [HEADER];
const partnerRow = (name: string, country: string, category: string, type = 'refurbishment') => {
  const r: (string | number)[] = HEADER.map(() => '');
  [r[0], r[1], r[2], r[3], r[4]] = [name, country, category, type, 'active'];
  return r;
};
const ALL = { countries: [], types: [], categories: [] };
const rowsOf = (p: { rows: Grid }) => p.rows.map((r) => `${r[0]}|${r[1]}|${r[2]}|${r[3]}|${r[4]}`);

describe('partner candidates', () => {
  (fs.existsSync(SHARED) ? test : test.skip)(
    'the shipped list is a faithful copy of the shared file',
    () => {
      expect(partnerCandidates()).toEqual(JSON.parse(fs.readFileSync(SHARED, 'utf8')));
    },
  );

  test('31 organisations, each of a known country, type and categories, with a role, a fact and a source', () => {
    const list = partnerCandidates();
    expect(list).toHaveLength(31);
    for (const c of list) {
      expect(['FR', 'DE', 'UK', 'ES', 'US']).toContain(c.country);
      expect(PARTNER_TYPES).toContain(c.partnerType);
      for (const k of c.categories) expect(CATEGORIES).toContain(k);
      expect(c.role && c.fact && c.source).toBeTruthy();
    }
  });

  test('the choice: countries, types and categories in any order; aliases; blank = all; unknown items stop it', () => {
    expect(readChoice('FR, DE; recycler; smartphone')).toEqual({
      countries: ['FR', 'DE'],
      types: ['recycling'],
      categories: ['smartphone'],
    });
    expect(readChoice(' laptops ; GB, Spain, Collection & logistics')).toEqual({
      countries: ['UK', 'ES'],
      types: ['collection & logistics'],
      categories: ['laptop'],
    });
    expect(readChoice('')).toEqual(ALL);
    expect(() => readChoice('FR; banana')).toThrow(
      /'banana' is neither a country.*Nothing was changed/,
    );
  });

  test('near matches: punctuation, one name a run of the words of the other, one letter apart; not two different eco-organismes', () => {
    expect(isNearMatch('WeFix', 'WeFix (Fnac Darty)')).toBe(true);
    expect(isNearMatch('Gazelle', 'ecoATM / Gazelle')).toBe(true);
    expect(isNearMatch('Re-commerce', 'Recommerce')).toBe(true);
    expect(isNearMatch('Ecologik', 'Ecologic')).toBe(true);
    expect(isNearMatch('O2', 'O2 Recycle')).toBe(true);
    // The same identity is not a near match: it is the partner.
    expect(isNearMatch(' wefix ', 'WeFix')).toBe(false);
    expect(isNearMatch('Fundación Ecolec', 'Fundación Ecotic')).toBe(false);
    expect(isNearMatch('Fix', 'WeFix')).toBe(false);
    expect(isNearMatch('rebuy', 'refurbed')).toBe(false);
    expect(isNearMatch('AO', 'Labdoo')).toBe(false);
    // No two candidates of one country are near matches of each other.
    const list = partnerCandidates();
    for (const a of list)
      for (const b of list)
        if (a !== b && a.country === b.country)
          expect([a.name, b.name, isNearMatch(a.name, b.name)]).toEqual([a.name, b.name, false]);
  });

  test('one prospect row per candidate and category chosen, evidence = fact and source, no scores', () => {
    const p = planProposal(
      partnerCandidates(),
      readChoice('FR; refurbishment; smartphone, tablet'),
      empty(),
      EMPTY_LEDGER,
      null,
    );
    expect(rowsOf(p)).toEqual([
      'Recommerce|FR|smartphone|refurbishment|prospect',
      'Recommerce|FR|tablet|refurbishment|prospect',
      'Largo|FR|smartphone|refurbishment|prospect',
      'WeFix (Fnac Darty)|FR|smartphone|refurbishment|prospect',
    ]);
    const evidence = p.rows[0][HEADER.indexOf('Evidence')];
    expect(evidence).toMatch(/Recommerce/);
    expect(evidence).toMatch(/distributique\.com/);
    for (const r of p.rows) expect(r.slice(HEADER.indexOf('SEC'))).toEqual(['', '']);
    expect(p.organisations).toBe(3);
    expect(p.rows.every((r) => r.length === HEADER.length)).toBe(true);
  });

  test('all: every category of every candidate, once', () => {
    const p = planProposal(partnerCandidates(), ALL, empty(), EMPTY_LEDGER, null);
    const expected = partnerCandidates().reduce(
      (n: number, c: Candidate) => n + c.categories.length,
      0,
    );
    expect(p.rows).toHaveLength(expected);
    expect(new Set(rowsOf(p)).size).toBe(expected);
    expect(p.organisations).toBe(31);
  });

  test('a partner already there (same identity and category, any spelling) is not added; another category of it is; a near match is listed, not added', () => {
    const partners = [
      HEADER,
      partnerRow(' recommerce ', 'France', 'Smartphones'),
      partnerRow('WeFix', 'FR', 'smartphone'),
      partnerRow('Largo', 'DE', 'smartphone'), // another country: another partner
    ];
    const p = planProposal(
      partnerCandidates(),
      readChoice('FR; refurbishment'),
      partners,
      EMPTY_LEDGER,
      null,
    );
    expect(rowsOf(p)).toEqual([
      'Recommerce|FR|tablet|refurbishment|prospect',
      'Largo|FR|smartphone|refurbishment|prospect',
    ]);
    expect(p.already).toBe(1);
    expect(p.nearMatches).toEqual([
      expect.stringMatching(
        /'WeFix \(Fnac Darty\)' \(FR\) not added: Partners has 'WeFix' \(row 3\)/,
      ),
    ]);
  });

  test('the ledger: twice adds nothing; a deleted prospect is not proposed again; a batch that never landed is proposed again', () => {
    const choice = readChoice('DE; laptop');
    const first = planProposal(partnerCandidates(), choice, empty(), EMPTY_LEDGER, null);
    expect(first.rows.length).toBeGreaterThan(2);
    const ledger = readLedger(JSON.parse(JSON.stringify(first.ledger)));
    const landed = String(first.ledger.batch!.id);
    const after = [HEADER, ...first.rows];

    const twice = planProposal(partnerCandidates(), choice, after, ledger, landed);
    expect(twice.rows).toEqual([]);
    expect(twice.already).toBe(first.rows.length);

    // A person deletes one prospect: it stays out, the others are still there.
    const deleted = [HEADER, ...first.rows.slice(1)];
    const again = planProposal(partnerCandidates(), choice, deleted, ledger, landed);
    expect(again.rows).toEqual([]);
    expect(again.declined).toBe(1);

    // The run stopped after the ledger, before the rows (no landed mark, no row there): the
    // next run proposes them all again, as a clean run would.
    const cut = planProposal(partnerCandidates(), choice, empty(), ledger, null);
    expect(rowsOf(cut)).toEqual(rowsOf(first));
    expect(cut.ledger).toEqual(first.ledger);
    expect(twice.markLanded).toBeNull();
    // Stopped after the rows, before the mark: the rows are there, so the batch landed.
    const cutLate = planProposal(partnerCandidates(), choice, deleted, ledger, null);
    expect(cutLate.rows).toEqual([]);
    expect(cutLate.declined).toBe(1);
    // …and the mark the run did not write is written now, as a clean run would have.
    expect(cutLate.markLanded).toBe(first.ledger.batch!.id);
  });

  test('prospects without scores are in no ranking, no shortlist, no warning; one with a score typed in is a partner like any other', () => {
    const criteria: Grid = [
      ['ID', 'Criterion', 'Direction', 'Knock-out min', ...PARTNER_TYPES.map((t) => `Weight ${t}`)],
      ['SEC', 'Data security', 'benefit', '', 1, 1, 1, 1, 0],
    ];
    const fw = readFramework(criteria, 'UTC');
    const p = planProposal(
      partnerCandidates(),
      readChoice('FR; smartphone'),
      empty(),
      EMPTY_LEDGER,
      null,
    );
    const grid = [HEADER, ...p.rows];
    // data erasure has every weight at 0: a scored partner of that type would be warned about.
    const erasure = partnerRow('AfB', 'DE', 'laptop', 'data erasure');
    erasure[4] = 'prospect';
    grid.push(erasure);
    const a = assessPartners(fw, grid, { timeZone: 'UTC', trials: 20 });
    expect(a.issues).toEqual([]);
    expect(a.unscored).toEqual({ prospects: p.rows.length + 1, others: 0 });
    expect(rankingTable(a.results)).toHaveLength(1);
    expect(shortlist(a.results)).toEqual([]);

    grid[1][HEADER.indexOf('SEC')] = 4;
    const scored = assessPartners(fw, grid, { timeZone: 'UTC', trials: 20 });
    expect(scored.results[0].rank).toBe(1);
    expect(rankingTable(scored.results)).toHaveLength(2);
    expect(shortlist(scored.results)[0].entries[0].partner).toBe(grid[1][0]);
  });
});
