// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LINUX_6_1_SHAPE, REPOSITORY_SCALE_FILES, inverseNormal } from '../../../src/workloads/repository/distribution.js';
import { nearestRankQuantileSorted as quantileSorted } from '../../../src/stats/quantile.js';
import { generateRepository } from '../../../src/workloads/repository/generator.js';
import { planRepository } from '../../../src/workloads/repository/tree-plan.js';
import { describeTreeShape, walkTree } from '../../../src/workloads/repository/tree-walk.js';

const root = mkdtempSync(join(tmpdir(), 'rune-bench-shape-test-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

function near(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * expected, `${what}: ${String(actual)} not within ${String(tolerance * 100)}% of ${String(expected)}`);
}

void describe('repository shape', () => {
  void test('the distribution parameters are the figures walkTree + describeTreeShape measure on Debian linux-source-6.1 (depth = directories above a file)', () => {
    assert.equal(LINUX_6_1_SHAPE.files, 78_579);
    assert.equal(LINUX_6_1_SHAPE.directories, 5_095);
    assert.equal(LINUX_6_1_SHAPE.bytes, 1_300_000_000);
    assert.deepEqual([LINUX_6_1_SHAPE.sizeP50, LINUX_6_1_SHAPE.sizeP90, LINUX_6_1_SHAPE.sizeP99], [3_900, 28_800, 125_000]);
    assert.deepEqual([LINUX_6_1_SHAPE.filesOver1MiB, LINUX_6_1_SHAPE.shareOver1MiB], [84, 0.27]);
    assert.deepEqual([LINUX_6_1_SHAPE.depthP50, LINUX_6_1_SHAPE.depthMax], [3, 9]);
    assert.deepEqual([LINUX_6_1_SHAPE.filesPerDirP50, LINUX_6_1_SHAPE.filesPerDirP90, LINUX_6_1_SHAPE.filesPerDirMax], [6, 32, 2_541]);
    assert.equal(REPOSITORY_SCALE_FILES.linux, 78_579);
    assert.ok(REPOSITORY_SCALE_FILES.quick < REPOSITORY_SCALE_FILES.standard);
    near(inverseNormal(0.9), 1.2815515655, 1e-8, 'inverseNormal(0.9)');
    near(-inverseNormal(0.01), 2.326347874, 1e-8, 'inverseNormal(0.01)');
  });

  void test('the linux-scale plan matches the kernel checkout', () => {
    const plan = planRepository({ seed: 1 });
    const shape = describeTreeShape(plan.files, plan.directories);
    assert.equal(shape.files, 78_579);
    assert.equal(shape.directories, 5_095);
    near(shape.bytes, 1.3e9, 0.02, 'bytes');
    near(shape.sizeP50, 3_900, 0.03, 'size p50');
    near(shape.sizeP90, 28_800, 0.03, 'size p90');
    near(shape.sizeP99, 125_000, 0.03, 'size p99');
    near(shape.sizeMax, 24_000_000, 0.05, 'largest file');
    assert.equal(shape.filesOver1MiB, 84);
    near(shape.shareOver1MiB, 0.27, 0.05, 'share of bytes in files over 1 MiB');
    assert.equal(shape.depthP50, 3);
    assert.equal(shape.depthMax, 9);
    assert.equal(shape.filesPerDirP50, 6);
    near(shape.filesPerDirP90, 32, 0.1, 'files per directory p90');
    near(shape.filesPerDirMax, 2_541, 0.05, 'files per directory max');
  });

  void test('a small written tree keeps the size quantiles, depth and directory fan-out within tolerance', async () => {
    const generated = await generateRepository(join(root, 'tree'), { files: 2_000, seed: 9 });
    const walked = await walkTree(generated.root);
    const shape = describeTreeShape(walked.files, walked.directories);
    assert.deepEqual(shape, describeTreeShape(generated.plan.files, generated.plan.directories), 'disk matches the plan');
    assert.equal(shape.files, 2_000);
    near(shape.directories, Math.round(5_095 * (2_000 / 78_579)), 0.05, 'directories scale with files');
    near(shape.sizeP50, 3_900, 0.05, 'size p50');
    near(shape.sizeP90, 28_800, 0.05, 'size p90');
    near(shape.sizeP99, 125_000, 0.1, 'size p99');
    assert.equal(shape.filesOver1MiB, 2);
    assert.equal(shape.depthP50, 3);
    assert.equal(shape.depthMax, 9);
    near(shape.filesPerDirP50, 6, 0.2, 'files per directory p50');
    near(shape.filesPerDirP90, 32, 0.25, 'files per directory p90');
    const sizes = walked.files.map((f) => f.size).sort((a, b) => a - b);
    assert.equal(quantileSorted(sizes, 1), shape.sizeMax);
  });

  void test('plans are deterministic and validate their options', () => {
    assert.deepEqual(planRepository({ files: 500, seed: 3 }), planRepository({ files: 500, seed: 3 }));
    assert.notDeepEqual(planRepository({ files: 500, seed: 3 }).files, planRepository({ files: 500, seed: 4 }).files);
    assert.throws(() => planRepository({ files: 5 }), { name: 'RangeError', message: /files option/ });
    assert.throws(() => planRepository({ seed: Number.NaN }), { name: 'TypeError', message: /seed option/ });
  });
});
