/**
 * Server round trips (issue 20 point 2) of the seed upgrade, through the built bundle: Import
 * benchmark seed run once on a workbook set up with seed revision 1 (bench/upgrade.ts, the bench
 * row "Import benchmark seed: upgrade r1 → r2"), at the bench's smallest size (the seed facts
 * alone) and its largest (5,000 findings of a team's own typed below them, across five tabs).
 *
 * Every tab is read before the first write, so at most 2 reads wait for buffered writes; and the
 * round trips do not depend on the data, apart from growing a tab: a tab the team has filled to
 * its last row must be given rows for the new facts (one insertRowsAfter), which no write avoids.
 */
import { revisionOneWorkbook } from '../../bench/upgrade';
import { SIZES } from '../../bench/bench';
import type { CallCost } from '../../local/call-cost';

const NOW = new Date(Date.UTC(2026, 10, 26, 9));
/**
 * 21 for the action (lock, messages, properties, the five tabs' values, the seed memory tab, the
 * Log line) and 7 per country tab upgraded: its size and rules, the last look before writing,
 * the formulas and formats under its writes, its Status shading (91 before: 14 per tab).
 */
const TARGET = 21 + 5 * 7;
const MAX_READS_AFTER_WRITES = 2;

function upgrade(findings: number): { cost: CallCost; grown: number } {
  const { runtime, bundle } = revisionOneWorkbook(NOW, findings);
  runtime.ctx.resetCalls();
  bundle.clickMenu('Import benchmark seed');
  const said = runtime.toasts.at(-1)?.message ?? runtime.ui.alerts.at(-1)?.prompt ?? '';
  if (!/revision 2 imported/.test(said)) throw new Error(`the upgrade did not run: ${said}`);
  return {
    cost: { ...runtime.ctx.meter.cost },
    grown: runtime.ctx.calls.get('Sheet.insertRowsAfter') ?? 0,
  };
}

describe('Import benchmark seed, upgrading seed revision 1 to 2', () => {
  test(`at most ${MAX_READS_AFTER_WRITES} reads after writes, the same round trips at the smallest and the largest size`, () => {
    const small = upgrade(SIZES[0].findings);
    const large = upgrade(SIZES[2].findings);
    for (const { cost } of [small, large])
      expect(cost.readsAfterWrites).toBeLessThanOrEqual(MAX_READS_AFTER_WRITES);
    // A tab grows at most once, whatever the number of facts it gains.
    expect(large.grown).toBeLessThanOrEqual(5);
    expect(large.cost.roundTrips - large.grown).toBe(small.cost.roundTrips - small.grown);
    expect(small.cost.roundTrips).toBeLessThanOrEqual(TARGET);
  });
});
