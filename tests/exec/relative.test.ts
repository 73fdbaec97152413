// Relative figures: every command against the fastest, ratio of medians with its bootstrap interval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkCommands } from '../../src/exec/benchmark-commands.js';

void test('the slower command gets its ratio to the fastest, an interval around it and a sentence', async () => {
  const { result } = await benchmarkCommands(['sleep 0.2', 'sleep 0.02'], { minRuns: 4, minTimeMs: 0, names: ['slow', 'quick'] });
  const fig = (task: string, name: string): number | undefined =>
    result.tasks.find((t) => t.name === task)?.figures?.find((f) => f.name === name)?.value;
  assert.equal(fig('quick', 'relative'), 1);
  const ratio = fig('slow', 'relative') ?? 0;
  const lower = fig('slow', 'relative.ci_lower') ?? Infinity;
  const upper = fig('slow', 'relative.ci_upper') ?? -Infinity;
  assert.ok(ratio > 1, `ratio ${ratio}`);
  assert.ok(lower <= ratio && ratio <= upper, `[${lower}, ${upper}] around ${ratio}`);
  const slow = result.tasks.find((t) => t.name === 'slow');
  const quick = result.tasks.find((t) => t.name === 'quick');
  assert.ok(Math.abs(ratio - (slow?.stats?.median ?? 0) / (quick?.stats?.median ?? 1)) < 1e-12);
  assert.ok(result.notices?.some((n) => /^quick is [\d.]+x faster than slow \[[\d.]+, [\d.]+\]/.test(n)), String(result.notices));
});
