/**
 * The generated `Benchmark` tab as plain values: where each block goes, which rows are headers,
 * and which colour rules make gaps and stale facts stand out. The number of blocks, header rows
 * and rules is the same whatever the data, so the adapter's service calls do not grow with it.
 *
 * Layout: a title; the countries side by side (findings per dimension, coverage matrix, key
 * figures, review status); then lists below (best practices, facts due for review, global
 * context, notes).
 */
import { Cell, Grid, formatDay } from '../cells';
import { BENCHMARK_DIMENSIONS } from '../schema/lists';
import { coverageMark, coveredDimensions } from './coverage';
import { benchmarkHighlights } from './highlights';
import { isProjection, KEY_FIGURES, keyFigures } from './key-figures';
import { BenchmarkModel } from './model';
import { SeedFact, seedFacts, seedRevision, TO_VERIFY, VERIFIED } from './seed';
import { offeredRows, SeedUpdates, seedReview, seedUpdateRows } from './seed-review';
import { isDue } from './staleness';

/** What the overview says about the seed: the shipped revision's facts and the last upgrade. */
export interface SeedNews {
  revision: number;
  facts: readonly SeedFact[];
  updates: SeedUpdates | null;
}

export const OVERVIEW_TAB = 'Benchmark';

/** A rectangle, 1-based. */
export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface ColourRule {
  when: 'textEquals' | 'numberEquals' | 'greaterThan' | 'empty' | 'notEmpty';
  value?: string | number;
  background: string;
  ranges: Box[];
}

export interface OverviewLayout {
  blocks: { row: number; column: number; values: Grid }[];
  /** Bold, shaded rows. */
  headers: Box[];
  /** Bold section titles. */
  titles: Box[];
  /** Wrapped text (key figures). */
  wrap: Box[];
  rules: ColourRule[];
  /** Width of the country block (1 + number of countries). */
  width: number;
  rowsWritten: number;
}

export const GAP = '#f4c7c3';
export const AMBER = '#fce8b2';
export const GREEN = '#b7e1cd';
export const STALE = '#f9cb9c';

/** How many rows the lists show at most; the counts above always cover everything. */
export const LIST_LIMIT = 300;

const DIMENSION_LABELS: Record<string, string> = {
  law: 'law: e-waste law',
  pro_scheme: 'pro_scheme: producer-responsibility scheme',
  take_back: 'take_back: retailer take-back',
  target: 'target: collection targets',
  donation: 'donation: donation rules and tax incentives',
  repair: 'repair: repair incentives',
  data_erasure: 'data_erasure: data erasure',
  competitor: 'competitor: competitors',
  statistic: 'statistic: statistics',
  best_practice: 'best_practice: best practices',
};

/** Rows of a list, capped, with a last line saying how many were left out. */
function capped(rows: Grid, width: number, empty: string): Grid {
  if (!rows.length) return [[empty, ...new Array(width - 1).fill('')]];
  if (rows.length <= LIST_LIMIT) return rows;
  const more = `… and ${rows.length - LIST_LIMIT} more (see the country tabs).`;
  return [...rows.slice(0, LIST_LIMIT), [more, ...new Array(width - 1).fill('')]];
}

export function overviewLayout(
  model: BenchmarkModel,
  now: Date,
  stalenessMonths: number,
  /** The spreadsheet's zone: dates on the overview are its days. */
  timeZone = 'UTC',
  seed: SeedNews = { revision: seedRevision(), facts: seedFacts(), updates: null },
): OverviewLayout {
  const iso = (d: Date | null) => (d ? formatDay(d, timeZone) : '');
  const countries = model.countries;
  const codes = countries.map((c) => c.code);
  const width = 1 + codes.length;
  const headers: Box[] = [];
  const titles: Box[] = [];
  const wrap: Box[] = [];
  const rules: ColourRule[] = [];
  const blocks: OverviewLayout['blocks'] = [];
  const line = (label: string, cells: Cell[]): Cell[] => [label, ...cells];

  blocks.push({
    row: 1,
    column: 1,
    values: [
      ['Country benchmark: legal framework and competitive landscape, side by side'],
      [
        `Refreshed ${iso(now)} from ${countries.map((c) => `'${c.tab}'`).join(', ')}. ` +
          `A fact is due for review when its Last reviewed date is blank (never checked), more than ${stalenessMonths} months old (Settings › Staleness months), or in the future.`,
      ],
    ],
  });
  titles.push({ row: 1, column: 1, rows: 1, columns: 1 });

  // The countries side by side: four sections stacked in one block, a blank row between them.
  const side: Grid = [];
  const section = (title: string, rows: Grid): Box => {
    if (side.length) side.push(new Array(width).fill(''));
    const header = 4 + side.length;
    side.push(line(title, codes));
    side.push(...rows);
    headers.push({ row: header, column: 1, rows: 1, columns: width });
    return { row: header + 1, column: 2, rows: rows.length, columns: codes.length };
  };
  const at = (box: Box, offset: number, rows = 1): Box => ({ ...box, row: box.row + offset, rows });

  const counts = section('Findings per dimension', [
    line(
      'Country',
      countries.map((c) => c.name),
    ),
    ...BENCHMARK_DIMENSIONS.map((d) =>
      line(
        DIMENSION_LABELS[d] ?? d,
        countries.map((c) => c.findings.filter((f) => f.dimension === d).length),
      ),
    ),
    line(
      'All findings',
      countries.map((c) => c.findings.length),
    ),
  ]);
  rules.push({
    when: 'numberEquals',
    value: 0,
    background: GAP,
    ranges: [at(counts, 1, BENCHMARK_DIMENSIONS.length + 1)],
  });

  const matrix = section('Coverage: ✓ verified · ? to verify only · ✗ nothing', [
    ...BENCHMARK_DIMENSIONS.map((d) =>
      line(
        DIMENSION_LABELS[d] ?? d,
        countries.map((c) => coverageMark(c.findings, d)),
      ),
    ),
    line(
      'Dimensions with a verified finding',
      countries.map((c) => `${coveredDimensions(c.findings)} / ${BENCHMARK_DIMENSIONS.length}`),
    ),
  ]);
  const marks = at(matrix, 0, BENCHMARK_DIMENSIONS.length);
  rules.push(
    { when: 'textEquals', value: '✗', background: GAP, ranges: [marks] },
    { when: 'textEquals', value: '?', background: AMBER, ranges: [marks] },
    { when: 'textEquals', value: '✓', background: GREEN, ranges: [marks] },
  );

  const figures = countries.map((c) => keyFigures(c.findings, KEY_FIGURES, now));
  const keys = section(
    'Key figures',
    KEY_FIGURES.map((k, i) =>
      line(
        k.label,
        figures.map((f) => f[i].text),
      ),
    ),
  );
  rules.push({ when: 'empty', background: GAP, ranges: [keys] });
  wrap.push({ ...keys, column: 1, columns: width });

  const due = countries.map((c) => c.findings.filter((f) => isDue(f, now, stalenessMonths)).length);
  const review = section('Review status', [
    line(
      'Findings',
      countries.map((c) => c.findings.length),
    ),
    line(
      'Verified',
      countries.map((c) => c.findings.filter((f) => f.verified).length),
    ),
    line(
      'To verify',
      countries.map((c) => c.findings.filter((f) => !f.verified).length),
    ),
    line(`Due for review (never, over ${stalenessMonths} months ago, or a future date)`, due),
    line(
      `Projections (Year after ${now.getUTCFullYear()})`,
      countries.map((c) => c.findings.filter((f) => isProjection(f, now)).length),
    ),
    line(
      'Tab problems',
      countries.map((c) => c.problems.join('; ')),
    ),
  ]);
  rules.push(
    { when: 'greaterThan', value: 0, background: AMBER, ranges: [at(review, 2)] },
    { when: 'greaterThan', value: 0, background: STALE, ranges: [at(review, 3)] },
    { when: 'notEmpty', background: GAP, ranges: [at(review, 5)] },
  );
  blocks.push({ row: 4, column: 1, values: side });

  // Lists below, each a title row, a header row and its rows.
  let next = 4 + side.length + 1;
  const list = (title: string, header: string[], rows: Grid, empty: string): Box => {
    const body = capped(rows, header.length, empty);
    blocks.push({
      row: next,
      column: 1,
      values: [[title, ...new Array(header.length - 1).fill('')], header, ...body],
    });
    titles.push({ row: next, column: 1, rows: 1, columns: 1 });
    headers.push({ row: next + 1, column: 1, rows: 1, columns: header.length });
    const box = { row: next + 2, column: 1, rows: body.length, columns: header.length };
    next += body.length + 3;
    return box;
  };

  const highlights = benchmarkHighlights(model, now, stalenessMonths, timeZone);
  list(
    'Best practices (rows with a Best practice, and best_practice rows)',
    ['Country', 'Topic', 'Best practice', 'Source'],
    highlights.bestPractices.map((b) => [b.country, b.topic, b.text, b.source]),
    'None recorded yet: fill the Best practice column of a Benchmark tab.',
  );
  const dueList = list(
    `Facts due for review: ${highlights.dueForReview.length}`,
    ['Country', 'Tab', 'Row', 'Topic', 'Year', 'Last reviewed', 'Status', 'Why'],
    highlights.dueForReview.map((d) => [
      d.country,
      d.tab,
      d.row,
      d.topic,
      d.year ?? '',
      iso(d.lastReviewed),
      d.verified ? VERIFIED : TO_VERIFY,
      d.reason,
    ]),
    'None: every fact was reviewed recently enough.',
  );
  rules.push({
    when: 'textEquals',
    value: TO_VERIFY,
    background: AMBER,
    ranges: [{ ...dueList, column: 7, columns: 1 }],
  });
  const toReview = seedReview(model, seed.facts);
  list(
    `Seed review: ${toReview.offered.length} fact(s) you edited have a new version in seed revision ${seed.revision}; ${toReview.withdrawn.length} row(s) hold a fact the seed withdrew`,
    ['Fact', 'Where', 'Column', 'Your version', 'New version'],
    [
      ...offeredRows(toReview),
      ...toReview.withdrawn.map((w) => [
        w.topic,
        `${w.tab} row ${w.row}`,
        '',
        '(kept)',
        'withdrawn from the seed: kept as it is; delete the row if you no longer need it',
      ]),
    ],
    'Nothing to review: no edited fact has a newer version, and no seeded fact was withdrawn.',
  );
  const updates = seed.updates;
  list(
    updates
      ? `Seed updates: what the upgrade to seed revision ${updates.revision} on ${updates.on} changed in place (${updates.facts.length} fact(s))`
      : 'Seed updates: what the last upgrade changed in place',
    ['Fact', 'Tabs', 'Column', 'Old value', 'New value'],
    updates ? seedUpdateRows(updates) : [],
    updates
      ? 'The last upgrade changed no fact in place.'
      : 'No upgrade yet: Import benchmark seed lists here what it changes.',
  );
  list(
    'Global context (seed facts about no single country; counted in no column above)',
    ['Topic', 'Finding', 'Value', 'Unit', 'Year', 'Source', 'Status'],
    model.global.map((g) => [
      g.title,
      g.summary,
      g.value ?? '',
      g.unit ?? '',
      g.year ?? '',
      g.source,
      g.verified ? VERIFIED : TO_VERIFY,
    ]),
    'None.',
  );
  list(
    'Notes',
    ['How to read this tab'],
    notes(model, stalenessMonths).map((n) => [n]),
    '',
  );

  return {
    blocks,
    headers,
    titles,
    wrap,
    rules,
    width,
    rowsWritten: blocks.reduce((n, b) => n + b.values.length, 0),
  };
}

function notes(model: BenchmarkModel, months: number): string[] {
  const out = [
    "Rows whose Topic starts with 'EU:' are EU-level facts, shown in the tab of every EU member and counted with its own findings; key figures prefer a country-level fact.",
    `Due for review: Last reviewed blank (never checked), more than ${months} months ago, or in the future (a typo to correct). A seeded fact's Last reviewed is the date the seed's authors checked it against its sources; its Year is the year of the data, not a review.`,
    "Projections: a fact whose Year is after the current year is a forecast or a target date; a key figure is never a projection when an actual exists, and says '[projection]' when it is.",
    'Coverage: ✓ at least one verified finding in the dimension, ? findings still to verify, ✗ no finding. Status other than verified counts as to verify.',
    ...KEY_FIGURES.map((k) => `Key figure '${k.label}': ${k.rule}.`),
  ];
  if (model.countries.some((c) => c.code === 'UK')) {
    out.splice(
      1,
      0,
      'UK: no EU-level facts in Benchmark UK, as the UK left the EU on 31 January 2020 (its WEEE Regulations 2013 kept the pre-Brexit rules).',
    );
  }
  const issues = model.countries.reduce((n, c) => n + c.issues.length, 0);
  if (issues)
    out.push(
      `${issues} cell(s) of the country tabs could not be read; the Log lists them by tab, row and column.`,
    );
  return out;
}
