// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TaskResult, TaskStatistics } from '../../../src/core/results.js';
import { NETWORK_PROFILES } from '../../../src/suites/network/profiles.js';
import { spreadByDesign } from '../../../src/suites/network/network-suite.js';

function task(name: string, profile: string, rme: number): TaskResult {
  return { name, status: 'ok', duration: 1, tags: ['network', profile], stats: { rme } as TaskStatistics };
}

void test('a lossy profile whose tasks stop short of ±5% gets the reason in words; within target or without loss, none', () => {
  const wifi = NETWORK_PROFILES['lossy-wifi']!;
  const lan = NETWORK_PROFILES.lan!;
  const tasks = [task('negotiate lossy-wifi', 'lossy-wifi', 0.083), task('fetch lossy-wifi', 'lossy-wifi', 0.02), task('fetch lan', 'lan', 0.052)];
  assert.deepEqual(spreadByDesign(wifi, tasks), [
    "negotiate lossy-wifi: lossy-wifi models ±10 ms jitter and 2% loss in bursts, so its exchanges vary by design (one retransmission timeout moves a whole exchange): that spread is the profile's, not the measurement's",
  ]);
  // lan models neither jitter nor loss: a task short of the target there has no such excuse
  assert.deepEqual(spreadByDesign(lan, tasks), []);
  assert.deepEqual(spreadByDesign(wifi, [task('fetch lossy-wifi', 'lossy-wifi', 0.049)]), []);
});
