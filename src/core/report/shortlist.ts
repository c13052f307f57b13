/**
 * The partner shortlist: per country × partner type, the top 3 partners that pass every
 * must-have criterion, ranked by weighted score (the same scores Score partners writes), and —
 * so that knock-outs stay visible — any knocked-out partner whose score alone would have put it
 * in that top 3, with the criteria it failed.
 */
import { COUNTRIES, PARTNER_TYPES } from '../schema/lists';
import { rankValues, rankWithKnockouts } from '../scoring/rank';
import { PartnerResult } from '../partners/assess';
import { ShortlistEntry, ShortlistGroup } from './types';

/** Partners per country × partner type. */
export const SHORTLIST_SIZE = 3;

/** Known countries and types in the product's order, others alphabetically after them. */
function order(known: readonly string[], value: string): string {
  const i = known.findIndex((k) => k.toLowerCase() === value.toLowerCase());
  return i >= 0 ? String(i).padStart(3, '0') : `zzz${value.toLowerCase()}`;
}

/** Shortlist groups, in country then partner-type order. Partners without a score or a rank are left out. */
export function shortlist(results: readonly PartnerResult[]): ShortlistGroup[] {
  const groups = new Map<string, PartnerResult[]>();
  for (const r of results) {
    // Unranked rows (a country or category Score partners could not read) are in no segment
    // of the Partner Ranking tab, so in no group here either: the report agrees with the tab.
    if (r.score === null || r.unranked) continue;
    const key = `${order(COUNTRIES, r.country)}|${r.country.toLowerCase()}|${order(PARTNER_TYPES, r.type)}|${r.type.toLowerCase()}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.keys()].sort().map((key) => {
    const members = groups.get(key)!;
    const scores = members.map((m) => m.score as number);
    const ranks = rankWithKnockouts(
      scores,
      members.map((m) => m.passes),
    );
    const ignoringKnockouts = rankValues(scores);
    const entries: ShortlistEntry[] = [];
    members.forEach((m, i) => {
      const top = m.passes && (ranks[i] as number) <= SHORTLIST_SIZE;
      const hidden = !m.passes && (ignoringKnockouts[i] as number) <= SHORTLIST_SIZE;
      if (top || hidden) entries.push(entry(m, top ? ranks[i] : null));
    });
    // Passing partners by rank, then the knock-outs by score.
    entries.sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        b.score - a.score ||
        a.partner.localeCompare(b.partner) ||
        a.row - b.row,
    );
    return { country: members[0].country, type: members[0].type, scored: members.length, entries };
  });
}

function entry(r: PartnerResult, rank: number | null): ShortlistEntry {
  return {
    rank,
    partner: r.partner,
    category: r.category,
    score: r.score as number,
    coverage: r.coverage,
    knockOut: r.passes ? '' : r.knockOut || 'fails a must-have criterion',
    passes: r.passes,
    stability: r.stability,
    strengths: r.strengths,
    weaknesses: r.weaknesses,
    row: r.row,
  };
}
