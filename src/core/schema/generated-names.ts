/**
 * The names of the tabs the add-on generates (rebuilt whole by an action). A tab of one of these
 * names that the add-on did not make is a person's, and is never deleted (sheets/generated.ts).
 */
import { PARTNER_PERFORMANCE_TAB } from '../partners/performance-tab';
import { RANKING_TAB } from '../partners/ranking';
import { REPORT_TAB_PATTERN } from '../report/period';
import { workbookTabs } from './tabs';

export const LAST_IMPORT_TAB = 'Last import';
export const IMPORT_MEMORY_TAB = 'Import memory';
/** Which consolidated scores in Partners are the add-on's (provenance.ts). */
export const RATINGS_MEMORY_TAB = 'Ratings memory';
/** What the last benchmark seed upgrade changed, for the overview's 'Seed updates'. */
export const SEED_MEMORY_TAB = 'Seed memory';
/** Which partner candidates Propose partner candidates… added (core/partners/candidates.ts). */
export const CANDIDATE_MEMORY_TAB = 'Candidate memory';

/** True for a name the add-on gives a tab it generates. */
export function isGeneratedName(name: string): boolean {
  return (
    REPORT_TAB_PATTERN.test(name) ||
    [
      RANKING_TAB,
      PARTNER_PERFORMANCE_TAB,
      LAST_IMPORT_TAB,
      IMPORT_MEMORY_TAB,
      RATINGS_MEMORY_TAB,
      SEED_MEMORY_TAB,
      CANDIDATE_MEMORY_TAB,
    ].includes(name) ||
    workbookTabs().some((t) => t.kind === 'generated' && t.name === name)
  );
}
