/**
 * Score partners: the `Partners` tab and the framework in, one result per partner out — weighted
 * score for its partner type, coverage, knock-outs, rank within country × category × partner
 * type (knock-outs after every partner that passes), strengths, weaknesses and rank stability.
 */
import {
  Cell,
  Grid,
  UserError,
  columnLetter,
  describe,
  describeValue,
  isBlank,
  toNumber,
} from '../cells';
import { describeMissing, headerIndex, headerKey } from '../headers';
import { checkKnockouts, describeKnockouts } from '../scoring/knockout';
import { rankWithKnockouts } from '../scoring/rank';
import { rankStability } from '../scoring/stability';
import { contributionDescriber } from '../scoring/contributions';
import { DEFAULT_SCALE, weightedSumScorer } from '../scoring/weighted-sum';
import { Framework } from './criteria';

export interface PartnerResult {
  /** 1-based sheet row. */
  row: number;
  partner: string;
  country: string;
  category: string;
  type: string;
  score: number | null;
  coverage: number | null;
  knockOut: string;
  passes: boolean;
  rank: number | null;
  strengths: string;
  weaknesses: string;
  stability: number | null;
}

export interface Assessment {
  results: PartnerResult[];
  issues: string[];
  /** Data rows in the tab (blank rows included), so output blocks cover them all. */
  dataRows: number;
}

export interface AssessOptions {
  /** The spreadsheet's time zone: a date typed as a score is named by its day there. */
  timeZone: string;
  spread?: number;
  trials?: number;
}

const TAB = 'Partners';
const REQUIRED = ['Partner', 'Country', 'Category', 'Partner type'];

export function assessPartners(
  framework: Framework,
  grid: Grid,
  options: AssessOptions,
): Assessment {
  if (grid.length < 1) throw new UserError(`${TAB}: the tab is empty; run Set up workbook first.`);
  const header = grid[0];
  const idx = headerIndex(header);
  const [pCol, cCol, catCol, tCol] = REQUIRED.map((name) => {
    const c = idx.get(headerKey(name));
    if (!c) throw new UserError(describeMissing(TAB, name, header));
    return c;
  });
  const issues: string[] = [...framework.issues];
  const crit = framework.criteria;
  const scoreCols = crit.map((c) => {
    const col = idx.get(headerKey(c.id));
    if (!col)
      issues.push(
        `${TAB}: no score column for criterion '${c.id}'; run Set up workbook to add it. Counted as blank.`,
      );
    return col ?? null;
  });
  const minima = crit.map((c) => c.knockOut);
  const names = crit.map((c) => c.name);
  const directions = crit.map((c) => c.direction);

  const results: PartnerResult[] = [];
  const scoreRows: (number | null)[][] = []; // parallel to results, for stability
  const rowsOf = new Map<string, number[]>(); // segment → indexes into results
  grid.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.every(isBlank)) return;
    const text = (col: number) => String(r[col - 1] ?? '').trim();
    const partner = text(pCol);
    const type = text(tCol);
    const scores = scoreCols.map((col, j) =>
      col ? readScore(r[col - 1], row, col, header, crit[j].id, issues, options.timeZone) : null,
    );
    const weights = framework.weights.get(type.toLowerCase());
    const base: PartnerResult = {
      row,
      partner,
      country: text(cCol),
      category: text(catCol),
      type,
      score: null,
      coverage: null,
      knockOut: '',
      passes: false,
      rank: null,
      strengths: '',
      weaknesses: '',
      stability: null,
    };
    if (!partner)
      issues.push(
        `${TAB}, row ${row}, column ${columnLetter(pCol)} (Partner): a blank name; the row is scored but hard to read.`,
      );
    if (!weights) {
      issues.push(
        `${TAB}, row ${row}, column ${columnLetter(tCol)} (Partner type): ${describeValue(type)} has no weight column in Criteria (expected one of: ${framework.types.join(', ')}); not scored.`,
      );
      results.push(base);
      scoreRows.push(scores);
      return;
    }
    if (!weights.some((w) => w > 0)) {
      issues.push(
        `Criteria: every weight for partner type '${type}' is 0; row ${row} of ${TAB} not scored.`,
      );
      results.push(base);
      scoreRows.push(scores);
      return;
    }
    const scored = weightedSumScorer(weights, directions, DEFAULT_SCALE)(scores, i);
    const ko = checkKnockouts(scores, minima);
    const words = contributionDescriber(weights, names, { directions })(scores, i);
    const result: PartnerResult = {
      ...base,
      score: scored.score,
      coverage: scored.coverage,
      knockOut: describeKnockouts(ko, names),
      passes: ko.passes,
      strengths: words.strengths,
      weaknesses: words.weaknesses,
    };
    const segment = `${result.country.toLowerCase()}|${result.category.toLowerCase()}|${type.toLowerCase()}`;
    if (!rowsOf.has(segment)) rowsOf.set(segment, []);
    rowsOf.get(segment)!.push(results.length);
    results.push(result);
    scoreRows.push(scores);
  });

  for (const members of rowsOf.values()) {
    const rows = members.map((k) => results[k]);
    const ranks = rankWithKnockouts(
      rows.map((r) => r.score),
      rows.map((r) => r.passes),
    );
    rows.forEach((r, k) => (r.rank = ranks[k]));
    const weights = framework.weights.get(rows[0].type.toLowerCase())!;
    // Knock-outs always rank after the partners that pass, whatever the weights: a rank can only
    // move among partners on the same side, so stability is measured within each side.
    for (const side of [true, false]) {
      const group = members.filter((k) => results[k].passes === side);
      if (!group.length) continue;
      const stability = rankStability(
        group.map((k) => scoreRows[k]),
        weights,
        { directions, spread: options.spread, trials: options.trials ?? 300 },
      );
      group.forEach((k, g) => (results[k].stability = stability[g]));
    }
  }
  return { results, issues, dataRows: grid.length - 1 };
}

function readScore(
  v: Cell,
  row: number,
  col: number,
  header: Cell[],
  id: string,
  issues: string[],
  timeZone: string,
): number | null {
  if (isBlank(v)) return null;
  const n = toNumber(v);
  if (n === null || n < DEFAULT_SCALE.min || n > DEFAULT_SCALE.max) {
    issues.push(
      `${TAB}, row ${row}, column ${columnLetter(col)} (${String(header[col - 1] ?? id)}): expected a score from 1 to 5, got ${describe(v, timeZone)}; counted as blank.`,
    );
    return null;
  }
  return n;
}

/** The computed columns of one partner, in the order of the tab's computed headers. */
export function computedRow(r: PartnerResult | undefined): Cell[] {
  if (!r) return ['', '', '', '', '', '', ''];
  const blank = (v: number | null) => (v === null ? '' : v);
  return [
    blank(r.score),
    blank(r.coverage),
    r.knockOut,
    blank(r.rank),
    r.strengths,
    r.weaknesses,
    blank(r.stability),
  ];
}

export const COMPUTED_HEADERS = [
  'Score',
  'Coverage',
  'Knock-out',
  'Rank',
  'Strengths',
  'Weaknesses',
  'Stability',
];
