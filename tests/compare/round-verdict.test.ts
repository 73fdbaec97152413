// parallel-safe: pure computation on fixed inputs
// The one decision of a same-window comparison, from synthetic round ratios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideRoundVerdict, explainByConditions } from '../../src/entry/compare.js';
import { pairedRatioInterval } from '../../src/entry/stats.js';
import type { HostConditions } from '../../src/entry/compare.js';
import { changeUnsettled, overallVerdict } from '../../src/compare/round-verdict.js';

function decide(ratios: number[], threshold = 0.02, conditions?: ReturnType<typeof explainByConditions>): ReturnType<typeof decideRoundVerdict> {
  const e = pairedRatioInterval(ratios);
  return decideRoundVerdict({ ratios, ratio: e.ratio, ci: e.ci, threshold, ...(conditions === undefined ? {} : { conditions }) });
}

void test('every verdict from its interval, with the reason in words', () => {
  const slow = decide([1.98, 2.01, 2.0, 1.99, 2.02, 2.0]);
  assert.equal(slow.verdict, 'regressed');
  assert.match(slow.reason, /head slower by \+100\.0% over 6 rounds .*6 of 6 rounds slower/);
  assert.equal(decide([0.5, 0.51, 0.49, 0.5]).verdict, 'improved');
  const same = decide([1.001, 0.999, 1.002, 0.998, 1.0, 1.001]);
  assert.equal(same.verdict, 'unchanged');
  assert.match(same.reason, /within the threshold/);
  const noisy = decide([0.9, 1.15, 1.0, 1.1, 0.95, 1.05]);
  assert.equal(noisy.verdict, 'inconclusive');
  assert.match(noisy.reason, /straddles the threshold/);
  assert.equal(decide([1.5]).verdict, 'inconclusive');
  assert.match(decide([1.5]).reason, /only 1 round gave a ratio/);
});

void test('a change the host conditions explain is inconclusive, never regressed', () => {
  const quiet: HostConditions = { seconds: 1, cores: 2, loadPerCoreStart: 0.3, loadPerCoreDuring: 0.3 };
  const loaded: HostConditions = { ...quiet, loadPerCoreDuring: 1.9 };
  const r = decide([1.2, 1.21, 1.19, 1.2], 0.02, explainByConditions(quiet, loaded));
  assert.equal(r.verdict, 'inconclusive');
  assert.match(r.reason, /load per core 0\.30 during the baseline, 1\.90 now/);
  assert.equal(decide([1.2, 1.21, 1.19, 1.2], 0.02, explainByConditions(quiet, quiet)).verdict, 'regressed');
});

void test('the overall verdict is the most severe task verdict, with counts', () => {
  const r = overallVerdict([
    { name: 'a', verdict: 'unchanged', reason: '' },
    { name: 'b', verdict: 'regressed', reason: '' },
    { name: 'c', verdict: 'inconclusive', reason: '' },
  ]);
  assert.equal(r.verdict, 'regressed');
  assert.equal(r.reason, '1 regressed, 1 inconclusive, 1 unchanged (regressed: b)');
  assert.equal(overallVerdict([]).verdict, 'inconclusive');
});

void test('more rounds are asked for a likely change whose interval still reaches inside the threshold, and only then', () => {
  const input = (ratios: number[], conditions?: ReturnType<typeof explainByConditions>) => {
    const e = pairedRatioInterval(ratios);
    return { ratios, ratio: e.ratio, ci: e.ci, threshold: 0.02, ...(conditions === undefined ? {} : { conditions }) };
  };
  // about +9% over 6 rounds under load: the interval excludes no change but its low end is inside 2%
  const likely = input([1.0, 1.18, 1.03, 1.16, 1.01, 1.17]);
  assert.ok(likely.ci.lower > 1 && likely.ci.lower < 1.02, `${likely.ci.lower}`);
  assert.equal(decideRoundVerdict(likely).verdict, 'inconclusive');
  assert.equal(changeUnsettled(likely), true);
  // about +6% over 6 rounds whose 95% interval still reaches below no change (busy neighbours started among the
  // rounds): likely, as its 80% interval shows, so more rounds are worth their time
  const scattered = input([1.0, 1.16, 0.98, 1.12, 1.02, 1.08]);
  assert.ok(scattered.ci.lower < 1 && scattered.ratio > 1.05, `${scattered.ci.lower} ${scattered.ratio}`);
  assert.equal(decideRoundVerdict(scattered).verdict, 'inconclusive');
  assert.equal(changeUnsettled(scattered), true);
  // mirrored: a likely improvement
  assert.equal(changeUnsettled(input([1 / 1.0, 1 / 1.18, 1 / 1.03, 1 / 1.16, 1 / 1.01, 1 / 1.17])), true);
  // settled already: regressed, unchanged
  assert.equal(changeUnsettled(input([1.98, 2.01, 2.0, 1.99, 2.02, 2.0])), false);
  assert.equal(changeUnsettled(input([1.001, 0.999, 1.002, 0.998, 1.0, 1.001])), false);
  // noise around no change: the interval includes 1, more rounds would only spend time
  assert.equal(changeUnsettled(input([0.9, 1.15, 1.0, 1.1, 0.95, 1.05])), false);
  // significant but small (estimate inside the threshold): not a change that counts
  assert.equal(changeUnsettled(input([1.008, 1.012, 1.01, 1.009, 1.011, 1.01])), false);
  // a change the host conditions explain is not settled by more rounds under them
  const explained = { explains: true, factor: 2, slowdown: 2, speedup: 1.1, reason: 'load per core 0.3 on the base, 1.9 on the head' } as unknown as ReturnType<typeof explainByConditions>;
  assert.equal(changeUnsettled(input([1.0, 1.18, 1.03, 1.16, 1.01, 1.17], explained)), false);
});
