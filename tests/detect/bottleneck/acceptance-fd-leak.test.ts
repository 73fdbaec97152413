// Acceptance: file handles opened and never closed -> fd-leak is the top finding.
import assert from 'node:assert/strict';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { expectTopFinding, runScenario } from './scenario-kit.js';

void test('pack files opened per object read and never closed: fd-leak on top', async (t) => {
  const note = (message: string): void => {
    t.diagnostic(message);
  };
  const leaked: FileHandle[] = [];
  try {
    const outcome = await expectTopFinding('fd-leak', () =>
      runScenario({
        work: async (until) => {
          while (until()) {
            leaked.push(await open(new URL(import.meta.url), 'r'));
            await sleep(20);
          }
        },
      }),
      note,
    );
    const top = outcome.report.top;
    assert.ok(top !== undefined);
    const slope = top.evidence.find((e) => e.metric.includes('slope'));
    assert.ok(slope !== undefined && slope.value > 5, `descriptors per second ${slope?.value}`);
    assert.match(top.recommendation, /FileHandle/);
  } finally {
    await Promise.all(leaked.map((h) => h.close()));
  }
});
