// parallel-safe: asserts blob ids, byte counts, the figures' arithmetic (speedup only > 0) and the clean-up of this process's tree
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'fflate';
import { generateRepository } from '../../../src/workloads/repository/generator.js';
import { gitBlobId } from '../../../src/workloads/repository/object-hash.js';
import { WorkerPool } from '../../../src/workloads/worker-pool.js';
import { batchPaths, hashDeflateWorkerUrl } from '../../../src/suites/parallel-operations/parallel-operations-suite.js';
import { parallelOperationsSuite } from '../../../src/suites/parallel-operations/parallel-operations-definition.js';
import type { HashDeflateResult, HashDeflateTask } from '../../../src/suites/parallel-operations/hash-deflate-worker.js';

const root = mkdtempSync(join(tmpdir(), 'rune-bench-parallel-test-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

void describe('parallel_operations', () => {
  void test('the hash-and-deflate workers return git blob ids and the deflated size of every file', async () => {
    const tree = await generateRepository(join(root, 'tree'), { files: 120, seed: 5 });
    const paths = tree.plan.files.map((f) => join(tree.root, f.path));
    const sizes = tree.plan.files.map((f) => f.size);
    const batches = batchPaths(paths, sizes, 64 * 1024);
    assert.deepEqual(batches.flat(), paths, 'batches keep every path once, in order');
    const pool = new WorkerPool<HashDeflateTask, HashDeflateResult>({ script: hashDeflateWorkerUrl(), size: 2 });
    try {
      const results = await Promise.all(batches.map((b) => pool.run({ paths: b, level: 1, ids: true })));
      const ids = results.flatMap((r) => r.ids ?? []);
      assert.deepEqual(ids, paths.map((p) => gitBlobId(readFileSync(p))));
      const expected = paths.reduce((s, p) => s + deflateSync(readFileSync(p), { level: 1 }).length, 0);
      assert.equal(results.reduce((s, r) => s + r.compressed, 0), expected);
      assert.equal(results.reduce((s, r) => s + r.bytes, 0), tree.bytesWritten);
      const one = readFileSync(paths[0]!);
      assert.deepEqual(inflateSync(deflateSync(one, { level: 1 })), new Uint8Array(one));
    } finally {
      await pool.close();
    }
  });

  void test('reports throughput, speedup and efficiency for 1..N workers and removes its tree', async () => {
    // this process's trees only (the pid is in the name): another file running beside this one may run the suite too
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith(`rune-bench-parallel_operations-${String(process.pid)}-`));
    const progress: number[] = [];
    const result = await parallelOperationsSuite.run({
      params: { files: 150, maxWorkers: 2, passMb: 1 },
      onProgress: (p) => progress.push(p.fraction),
    });
    assert.equal(result.status, 'ok');
    assert.deepEqual(result.tasks.map((t) => t.name), ['sha1 + deflate, 1 worker', 'sha1 + deflate, 2 workers']);
    const fig = (name: string): number | undefined => result.figures?.find((f) => f.name === name)?.value;
    assert.equal(fig('workers.1.speedup'), 1);
    const speedup = fig('workers.2.speedup');
    assert.ok(speedup !== undefined && speedup > 0);
    assert.ok(Math.abs(fig('workers.2.efficiency')! - speedup / 2) < 1e-12);
    const t1 = result.tasks[0]!.stats!.median;
    assert.ok(Math.abs(fig('workers.1.throughput')! - fig('pass.bytes')! / t1) < 1e-6 * fig('workers.1.throughput')!);
    assert.ok(fig('deflate.ratio')! > 2, 'source-like content deflates well');
    assert.ok(progress.length > 2 && progress.every((f, i) => i === 0 || f >= progress[i - 1]!), 'progress rises');
    const afterRun = readdirSync(tmpdir()).filter((n) => n.startsWith(`rune-bench-parallel_operations-${String(process.pid)}-`));
    assert.deepEqual(afterRun, before, 'temporary tree removed');
  });
});
