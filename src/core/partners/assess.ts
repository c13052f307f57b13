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
import { readCountry } from '../read/country';
import { readKnown, segmentKey } from '../read/segment';
import { CATEGORIES } from '../schema/lists';
import { orphanScoreColumns } from './orphan-columns';
import { checkKnockouts, describeKnockouts } from '../scoring/knockout';
import { rankWithKnockouts } from '../scoring/rank';
import { rankStability } from '../scoring/stability';
import { contributionDescriber } from '../scoring/contributions';
import { DEFAULT_SCALE, weightedSumScorer } from '../scoring/weighted-sum';
import { Framework } from './criteria';
import { countryKey } from './identity';
import { MeasuredValue, measuredText } from './measured';
import { partnerKey } from './performance';

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
  /**
   * Why a scored row is in no segment (its country or category could not be read): it has no
   * rank, and neither the Partner Ranking tab nor the report's shortlist shows it.
   */
  unranked?: string;
  /** The `Measured` cell: criteria measured from the partner's orders (measured.ts). */
  measured?: string;
}

export interface Assessment {
  results: PartnerResult[];
  issues: string[];
  /** Data rows in the tab (blank rows included), so output blocks cover them all. */
  dataRows: number;
  /** Partners with no score at all on their type's criteria: prospects (expected), the others (listed). */
  unscored: { prospects: number; others: number };
}

export interface AssessOptions {
  /** The spreadsheet's time zone: a date typed as a score is named by its day there. */
  timeZone: string;
  /** The notes of the header row: Set up marks each score column's header with one. */
  headerNotes?: readonly string[];
  spread?: number;
  trials?: number;
  /**
   * Measured scores by partner identity key (performance.ts' partnerKey): used for a criterion
   * whose score cell is blank; a typed score always wins.
   */
  measured?: ReadonlyMap<string, readonly MeasuredValue[]>;
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
  const statusCol = idx.get(headerKey('Status'));
  // Score columns whose criterion left Criteria (deleted, or renamed) are named, with the
  // knock-outs they carried, and a renamed criterion gets Set up's hint.
  const orphans = orphanScoreColumns(crit, grid, options.headerNotes ?? []);
  issues.push(...orphans.issues);
  const scoreCols = crit.map((c) => {
    const col = idx.get(headerKey(c.id));
    if (!col) {
      const renamed = orphans.renamedFrom.get(c.id);
      issues.push(
        renamed
          ? `${TAB}: no score column for criterion '${c.id}' (${renamed}); counted as blank until then.`
          : `${TAB}: no score column for criterion '${c.id}'; run Set up workbook to add it. Counted as blank.`,
      );
    }
    return col ?? null;
  });
  const minima = crit.map((c) => c.knockOut);
  const names = crit.map((c) => c.name);
  const directions = crit.map((c) => c.direction);

  const results: PartnerResult[] = [];
  const scoreRows: (number | null)[][] = []; // parallel to results, for stability
  const rowsOf = new Map<string, number[]>(); // segment → indexes into results
  const unscored = { prospects: 0, others: 0 };
  const cell = (row: number, col: number) =>
    `${TAB}, row ${row}, column ${columnLetter(col)} (${String(header[col - 1])})`;
  grid.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.every(isBlank)) return;
    const text = (col: number) => String(r[col - 1] ?? '').trim();
    const partner = text(pCol);
    // Country, category and type as people type them ("France", "Smartphones", "Recycling "):
    // read to the workbook's values, so one segment is one segment in the ranking and the report.
    const country = readCountry(r[cCol - 1]);
    const category = readKnown(r[catCol - 1], CATEGORIES);
    const type = readKnown(r[tCol - 1], framework.types) ?? text(tCol);
    const typed = scoreCols.map((col, j) =>
      col ? readScore(r[col - 1], row, col, header, crit[j].id, issues, options.timeZone) : null,
    );
    // A measured score fills a blank cell only: whatever a person typed there (even a value that
    // is not a score, which is named above) is theirs.
    const measured = options.measured?.get(partnerKey(countryKey(r[cCol - 1]), r[pCol - 1])) ?? [];
    const scores = [...typed];
    const used: { v: MeasuredValue; typed: number | string | null }[] = [];
    for (const v of measured) {
      const j = crit.findIndex((c) => c.id === v.criterion);
      if (j < 0) continue;
      const col = scoreCols[j];
      const blank = !col || isBlank(r[col - 1]);
      if (blank) scores[j] = v.score;
      used.push({ v, typed: blank ? null : (typed[j] ?? String(r[(col as number) - 1]).trim()) });
    }
    const weights = framework.weights.get(segmentKey(type));
    const base: PartnerResult = {
      row,
      partner,
      country: country ?? text(cCol),
      category: category ?? text(catCol),
      type,
      score: null,
      coverage: null,
      knockOut: '',
      passes: false,
      rank: null,
      strengths: '',
      weaknesses: '',
      stability: null,
      measured: measuredText(used),
    };
    const prospect = !!statusCol && readKnown(r[statusCol - 1], ['prospect']) !== null;
    if (prospect && scores.every((s) => s === null)) {
      // A prospect nobody has scored yet (Propose partner candidates… adds them) is expected:
      // counted apart, in no ranking, shortlist or warning — not even about its type's weights.
      // Once a score is typed it is a partner like any other.
      unscored.prospects++;
      results.push(base);
      scoreRows.push(scores);
      return;
    }
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
    if (scored.score === null) {
      // Nothing scored yet: expected of a prospect (counted apart), a gap in anything else.
      if (prospect) unscored.prospects++;
      else {
        unscored.others++;
        issues.push(
          `${TAB}, row ${row}: '${partner}' (${[base.country, base.category, type].filter(Boolean).join(', ')}) has no score on any criterion of its partner type; not scored. Type its scores, or its assessors' ratings and run Consolidate ratings.`,
        );
      }
    }
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
    // A country or category the reader does not know never forms a segment of its own: the row
    // is scored but not ranked, and listed.
    if (scored.score !== null && (!country || !category)) {
      const why = [
        country
          ? ''
          : `${cell(row, cCol)}: ${describeValue(text(cCol))} is not a country (a code such as FR or an English name such as France)`,
        category
          ? ''
          : `${cell(row, catCol)}: ${describeValue(text(catCol))} is not a category (one of: ${CATEGORIES.join(', ')})`,
      ].filter(Boolean);
      for (const w of why) issues.push(`${w}; scored but not ranked.`);
      result.unranked = why.join('; ');
    } else if (country && category) {
      const segment = `${country}|${category}|${segmentKey(type)}`;
      if (!rowsOf.has(segment)) rowsOf.set(segment, []);
      rowsOf.get(segment)!.push(results.length);
    }
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
    const weights = framework.weights.get(segmentKey(rows[0].type))!;
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
  return { results, issues, dataRows: grid.length - 1, unscored };
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
