/**
 * The `Partner Ranking` tab: the top 3 of every country × category × partner type segment
 * (knock-outs rank after every partner that passes, and say why), and the data of its bar chart.
 */
import { Grid } from '../cells';
import { PartnerResult } from './assess';

export const RANKING_TAB = 'Partner Ranking';
export const TOP_PER_SEGMENT = 3;
export const CHART_BARS = 15;

export const RANKING_HEADERS = [
  'Country',
  'Category',
  'Partner type',
  'Rank',
  'Partner',
  'Score',
  'Coverage',
  'Knock-out',
  'Stability',
  'Strengths',
  'Weaknesses',
];

const orderOf = (r: PartnerResult) =>
  [r.country, r.category, r.type].map((s) => s.toLowerCase()).join('|');

export function rankingTable(results: PartnerResult[]): Grid {
  const top = results
    .filter((r) => r.rank !== null && r.rank <= TOP_PER_SEGMENT)
    .sort((a, b) => orderOf(a).localeCompare(orderOf(b)) || a.rank! - b.rank! || a.row - b.row);
  const blank = (v: number | null) => (v === null ? '' : v);
  return [
    RANKING_HEADERS,
    ...top.map((r) => [
      r.country,
      r.category,
      r.type,
      r.rank!,
      r.partner,
      blank(r.score),
      blank(r.coverage),
      r.knockOut || '',
      blank(r.stability),
      r.strengths,
      r.weaknesses,
    ]),
  ];
}

/** Bar chart data: the leader of each segment that passes its knock-outs, best first. */
export function chartData(table: Grid): Grid {
  const leaders = table
    .slice(1)
    .filter((r) => r[3] === 1 && r[7] === '' && typeof r[5] === 'number')
    .sort((a, b) => (b[5] as number) - (a[5] as number))
    .slice(0, CHART_BARS);
  return [
    ['Segment leader', 'Score'],
    ...leaders.map((r) => [`${r[4]} · ${r[0]} ${r[1]} ${r[2]}`, r[5]]),
  ];
}
