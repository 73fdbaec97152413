// Acceptance: write + fsync in a loop -> io-wait is the top finding.
import assert from 'node:assert/strict';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectTopFinding, runScenario } from './scenario-kit.js';

void test('an fsync per loose object write: io-wait on top', async (t) => {
  const note = (message: string): void => {
    t.diagnostic(message);
  };
  const dir = await mkdtemp(join(tmpdir(), 'rune-bench-fsync-'));
  try {
    const outcome = await expectTopFinding('io-wait', async () => {
      const file = await open(join(dir, 'objects.bin'), 'w');
      const block = Buffer.alloc(4096, 7);
      let n = 0;
      try {
        return await runScenario({
          work: async (until) => {
            while (until()) {
              await file.write(block, 0, block.length, (n++ % 64) * block.length);
              await file.sync();
            }
          },
        });
      } finally {
        await file.close();
      }
    }, note);
    const top = outcome.report.top;
    assert.ok(top !== undefined && top.impact >= 50, `waited ${top?.impact}% of the time`);
    assert.match(top.recommendation, /fsync/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
