// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { diskIoSuite } from '../../../src/suites/disk-io/index.js';
import { isRuneBenchError } from '../../../src/core/errors.js';

const hasFio = spawnSync('fio', ['--version']).status === 0;
const parent = mkdtempSync(join(tmpdir(), 'rune-bench-diskio-suite-'));
after(() => { rmSync(parent, { recursive: true, force: true }); });

void describe('disk_io suite', () => {
  void test('runs every job beside fio in the named directory and removes its work', async () => {
    const result = await diskIoSuite.run({ params: { dir: parent, sizeMb: 4, files: 60 } });
    assert.equal(result.status, 'ok');
    const names = result.tasks.map((t) => t.name);
    for (const job of ['seq-write', 'seq-write-fsync-end', 'seq-write-fsync-8', 'seq-read', 'rand-read-4k', 'rand-write-4k-fsync', 'loose-objects']) {
      assert.ok(names.includes(job), job);
      if (hasFio) assert.ok(names.includes(`${job} (fio)`), `${job} (fio)`);
    }
    // each job's figures are its task's, once (the suite does not copy them into suite figures)
    const fig = (task: string, name: string) => result.tasks.find((t) => t.name === task)?.figures?.find((f) => f.name === name)?.value;
    assert.ok(fig('seq-write', 'bandwidth')! > 0);
    assert.ok(fig('rand-read-4k', 'iops')! > 0);
    assert.ok(fig('loose-objects', 'latency.p999')! > 0);
    if (hasFio) assert.ok(fig('seq-read (fio)', 'bandwidth')! > 0);
    assert.ok(!(result.figures ?? []).some((f) => f.name.endsWith('.bandwidth')));
    assert.deepEqual(readdirSync(parent), [], 'the temporary directory is removed');
  });

  void test('without fio it says so and still runs', async () => {
    const result = await diskIoSuite.run({ params: { dir: parent, sizeMb: 2, files: 20, fioPath: 'no-such-fio' } });
    assert.equal(result.status, 'ok');
    assert.ok(result.notices?.some((n) => /not found/.test(n)));
    assert.ok(!result.tasks.some((t) => t.name.endsWith('(fio)')));
  });

  void test('an abort mid-run removes the temporary directory', async () => {
    const controller = new AbortController();
    setTimeout(() => { controller.abort(); }, 150);
    let status = 'aborted';
    try {
      status = (await diskIoSuite.run({ signal: controller.signal, params: { dir: parent, sizeMb: 64, files: 5000 } })).status;
    } catch (error) {
      assert.ok(isRuneBenchError(error, 'ERR_ABORTED'), String(error));
    }
    assert.equal(status, 'aborted');
    assert.deepEqual(readdirSync(parent), []);
  });
});
