// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteProgress } from '../../../src/core/suite.js';
import { ProgressReporter } from '../../../src/suites/common/progress.js';
import { createTempDir, liveTempDirs, withTempDir } from '../../../src/suites/common/temp-dir.js';

void describe('suite helpers', () => {
  void test('ProgressReporter maps spans onto the whole, never goes back, clamps, and survives a throwing callback', () => {
    const seen: SuiteProgress[] = [];
    const progress = new ProgressReporter('s', (p) => {
      seen.push(p);
      if (p.phase === 'boom') throw new Error('listener bug');
    });
    progress.update('a', 0.1);
    const second = progress.span(0.5, 1);
    second.update('b', 0.5, 'half of the second half');
    progress.update('a', 0.2); // behind: reported at the furthest point reached
    second.span(0, 0.5).update('c', 2); // clamped to the end of its span
    second.update('boom', 1);
    assert.deepEqual(seen.map((p) => [p.phase, p.fraction]), [['a', 0.1], ['b', 0.75], ['a', 0.75], ['c', 0.75], ['boom', 1]]);
    assert.equal(seen[1]!.message, 'half of the second half');
    assert.ok(seen[1]!.eta !== undefined && seen[1]!.eta >= 0);
    assert.equal(seen[4]?.eta, undefined, 'no estimate once done');
    assert.equal(progress.fraction, 1);
    assert.throws(() => progress.span(0.6, 0.4), RangeError);
    new ProgressReporter('quiet').update('x', 0.5); // no callback: nothing happens
  });

  void test('temporary directories are removed after use, after a throw, and never created when aborted', async () => {
    const dir = await createTempDir('helpers');
    assert.ok(existsSync(dir.path));
    assert.ok(liveTempDirs().includes(dir.path));
    writeFileSync(join(dir.path, 'f'), 'x');
    await dir.remove();
    await dir.remove();
    assert.ok(!existsSync(dir.path));
    assert.ok(!liveTempDirs().includes(dir.path));

    let inner = '';
    await assert.rejects(
      withTempDir('helpers', async (path) => {
        inner = path;
        await Promise.resolve();
        throw new Error('work failed');
      }),
      /work failed/,
    );
    assert.ok(inner !== '' && !existsSync(inner));

    const controller = new AbortController();
    controller.abort();
    await assert.rejects(createTempDir('helpers', { signal: controller.signal }), { code: 'ERR_ABORTED' });
    await assert.rejects(createTempDir('../escape'), { name: 'TypeError', message: /prefix/ });
    assert.deepEqual(liveTempDirs(), []);
  });
});
