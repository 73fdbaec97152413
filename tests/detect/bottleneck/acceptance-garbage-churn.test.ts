// Acceptance: allocation churn with survivors -> gc-pressure is the top finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectTopFinding, runScenario, sliced } from './scenario-kit.js';

void test('garbage churn (short-lived objects, a rolling set of survivors): gc-pressure on top', async (t) => {
  const note = (message: string): void => {
    t.diagnostic(message);
  };
  const outcome = await expectTopFinding('gc-pressure', () => {
    // A rolling window of 50,000 parsed "tree entries": each survives a scavenge, then dies in old space.
    const ring: unknown[] = new Array<unknown>(50_000);
    let k = 0;
    return runScenario({
      work: (until) =>
        sliced(until, 5, () => {
          ring[k % ring.length] = { mode: 0o100644, oid: [k, k + 1], path: `src/file-${k}.ts` };
          k++;
        }),
    });
  }, note);
  const top = outcome.report.top;
  assert.ok(top !== undefined && top.impact >= 10, `GC took ${top?.impact}% of the time`);
  assert.ok(top.evidence.some((e) => e.metric.startsWith('v8js.gc.duration')));
});
