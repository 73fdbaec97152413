// parallel-safe: pure computation on fixed inputs
// The one walker of a result tree: every suite and every benchmark, under one key rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkKey, walkBenchmarks, walkSuites } from '../../src/core/walk.js';
import type { SuiteResult } from '../../src/core/results.js';
import { suiteResult, task } from '../detect/regression/helpers.js';

function tree(): SuiteResult {
  const child = (name: string, tasks: string[], children: SuiteResult[] = []): SuiteResult => ({
    ...suiteResult(name, tasks.map((t) => task(t, [1e-3, 2e-3]))),
    ...(children.length > 0 ? { children } : {}),
  });
  return child('root', ['own'], [child('a', ['x', 'y'], [child('deep', ['z'])]), child('b', ['x'])]);
}

void test('walkBenchmarks yields each task once, depth first, keyed suite/child/task', () => {
  const entries = [...walkBenchmarks(tree())];
  assert.deepEqual(entries.map((e) => e.key), ['root/own', 'root/a/x', 'root/a/y', 'root/a/deep/z', 'root/b/x']);
  const z = entries.find((e) => e.key === 'root/a/deep/z');
  assert.deepEqual(z?.path, ['root', 'a', 'deep']);
  assert.equal(z.suite.name, 'deep');
  assert.equal(z.task.name, 'z');
  assert.equal(benchmarkKey(['root', 'b'], 'x'), 'root/b/x');
});

void test('walkSuites yields the root first, then each child with its depth and path', () => {
  assert.deepEqual(
    [...walkSuites(tree())].map((s) => [s.path.join('/'), s.depth]),
    [['root', 0], ['root/a', 1], ['root/a/deep', 2], ['root/b', 1]],
  );
});
