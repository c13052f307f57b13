/**
 * Server round trips (issue 20 point 2) of the report and dashboard actions, through the built
 * bundle on the bench's workbooks (bench/bench.ts `prepare`: 18 country tabs, a measured criterion,
 * report recipients): at the bench's largest size (100,000 orders, 5,000 partners, 5,000 findings)
 * a run costs no more round trips than its target, exactly as many as at the smallest size, and
 * at most two reads after writes. Counted on a second run, the steady state the bench reports:
 * every tab the action rebuilds is there already, so each swap and notes check is counted.
 */
import { CostMeter, CallCost } from '../../local/call-cost';
import type { Runtime } from '../../local/runtime';
import type { LoadedBundle } from '../../local/load-bundle';
import { prepare, SIZES } from '../../bench/bench';
import { answersFor } from '../../bench/extras';

const TARGETS: Record<string, number> = {
  'Refresh KPI dashboard': 35,
  'Generate report…': 60,
  'Email report…': 70,
};
const MAX_READS_AFTER_WRITES = 2;

interface Measured {
  cost: CallCost;
  /** Round trips by method, to compare two sizes call by call. */
  byMethod: Record<string, number>;
}

function click(runtime: Runtime, bundle: LoadedBundle, action: string): Measured {
  runtime.ui.scriptResponses(answersFor(action));
  const alerts = runtime.ui.alerts.length;
  runtime.ctx.journal = [];
  bundle.clickMenu(action);
  const journal = runtime.ctx.journal;
  runtime.ctx.journal = null;
  const failed = runtime.ui.alerts
    .slice(alerts)
    .find((a) => /stopped|refused|missing|cannot/i.test(a.prompt));
  if (failed) throw new Error(`${action}: ${failed.prompt}`);
  const meter = new CostMeter();
  const byMethod: Record<string, number> = {};
  for (const { name, needs } of journal) {
    const before = meter.cost.roundTrips;
    meter.record(name, needs);
    if (meter.cost.roundTrips > before) byMethod[name] = (byMethod[name] ?? 0) + 1;
  }
  return { cost: meter.cost, byMethod };
}

/**
 * The tabs each action rebuilds made once (Email report… rebuilds the tabs Generate report… made:
 * the same default period), then every action counted.
 */
function steadyState(size: (typeof SIZES)[number]): Record<string, Measured> {
  const { runtime, bundle } = prepare(size);
  for (const action of ['Refresh KPI dashboard', 'Generate report…'])
    click(runtime, bundle, action);
  return Object.fromEntries(
    Object.keys(TARGETS).map((action) => [action, click(runtime, bundle, action)]),
  );
}

describe('round trips of the report and dashboard actions', () => {
  const small = SIZES.find((s) => s.name === 'small')!;
  const large = SIZES.find((s) => s.name === 'large')!;
  let smallRuns: Record<string, Measured>;
  let largeRuns: Record<string, Measured>;

  beforeAll(() => {
    smallRuns = steadyState(small);
    largeRuns = steadyState(large);
  }, 240_000);

  test.each(Object.keys(TARGETS))(
    '%s: within its target at the largest size, the same calls as the smallest, ≤ 2 reads after writes',
    (action) => {
      const big = largeRuns[action];
      expect(big.cost.roundTrips).toBeLessThanOrEqual(TARGETS[action]);
      expect(big.byMethod).toEqual(smallRuns[action].byMethod);
      expect(big.cost.readsAfterWrites).toBeLessThanOrEqual(MAX_READS_AFTER_WRITES);
      expect(smallRuns[action].cost.readsAfterWrites).toBeLessThanOrEqual(MAX_READS_AFTER_WRITES);
    },
  );
});
