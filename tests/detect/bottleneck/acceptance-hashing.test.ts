// Acceptance: synchronous hashing on the main thread -> event-loop-blocked is the top finding.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { expectTopFinding, runScenario, sliced } from './scenario-kit.js';

void test('sync SHA-256 hashing on the main thread: event-loop-blocked on top', async (t) => {
  const note = (message: string): void => {
    t.diagnostic(message);
  };
  const blob = randomBytes(64 * 1024);
  // Hash 64 KiB "blobs" in 45 ms bursts, as a naive `add` of a large tree would.
  const outcome = await expectTopFinding('event-loop-blocked', () =>
    runScenario({ work: (until) => sliced(until, 45, () => createHash('sha256').update(blob).digest()) }),
    note,
  );
  const top = outcome.report.top;
  assert.ok(top !== undefined);
  assert.ok(top.severity === 'medium' || top.severity === 'high' || top.severity === 'critical', top.severity);
  assert.ok(top.impact > 50, `impact ${top.impact}: the loop was busy with hashing most of the time`);
  assert.match(top.recommendation, /worker/);
});
