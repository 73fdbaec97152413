// parallel-safe: JSON, file and schema round trips and typed errors; the run only supplies the tasks
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { environmentFingerprint } from '../../src/bench/environment.js';
import {
  readSuiteResult,
  suiteResultFromJSON,
  suiteResultToJSON,
  writeSuiteResult,
} from '../../src/bench/suite-result-json.js';
import { isRuneBenchError, RuneBenchError } from '../../src/core/errors.js';
import type { SuiteResult } from '../../src/core/results.js';

async function sample(): Promise<SuiteResult> {
  const suite = new BenchmarkSuite('json', { timeMs: 20, warmupMs: 0, keepSamples: 20 });
  suite.add('sqrt', () => Math.sqrt(7), { bytes: 8, tags: ['math'], figures: () => [{ name: 'k', value: 1, unit: '1' }] });
  suite.add('noop', () => undefined);
  suite.add('fails', () => {
    throw new Error('nope');
  });
  return suite.run();
}

void test('round trip through JSON text and through a file (plain and gzip)', async () => {
  const result = await sample();
  const json = suiteResultToJSON(result);
  assert.equal(json.schemaVersion, 2);
  const back = suiteResultFromJSON(JSON.parse(JSON.stringify(json)));
  assert.deepEqual(back, result);
  const dir = mkdtempSync(join(tmpdir(), 'rune-json-'));
  try {
    for (const name of ['r.json', 'r.json.gz']) {
      const path = join(dir, name);
      writeSuiteResult(path, result);
      assert.deepEqual(readSuiteResult(path), result);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('the environment fingerprint names the machine and, in a repository, the git commit', () => {
  const env = environmentFingerprint();
  assert.equal(env.node, process.version);
  assert.ok(env.cores > 0 && env.totalMemory > 0);
  assert.match(env.id, /^[0-9a-f]{16}$/);
  assert.equal(environmentFingerprint({ git: false }).id, env.id, 'id is machine-level only');
  // this repository is a git work tree
  assert.match(env.gitCommit ?? '', /^[0-9a-f]{40}$/);
  assert.equal(typeof env.gitBranch, 'string');
  assert.equal(environmentFingerprint({ cwd: tmpdir() }).gitCommit, undefined);
});

void test('malformed and mismatched files are rejected with typed errors naming the file and field', async () => {
  const result = await sample();
  const good = suiteResultToJSON(result) as unknown as Record<string, unknown>;
  const expectCode = (value: unknown, code: string, message: RegExp): void => {
    assert.throws(
      () => suiteResultFromJSON(value, 'base.json'),
      (e: unknown) => {
        assert.ok(e instanceof RuneBenchError, String(e));
        assert.equal(e.code, code);
        assert.match(e.message, message);
        assert.equal(e.path, 'base.json');
        return true;
      },
    );
  };
  expectCode([], 'ERR_INVALID_FORMAT', /result in base\.json: expected an object/);
  expectCode({ ...good, schemaVersion: 99 }, 'ERR_SCHEMA_VERSION', /schema version 99/);
  expectCode({ ...good, status: 'great' }, 'ERR_INVALID_FORMAT', /result\.status/);
  expectCode({ ...good, startedAt: 'yesterday' }, 'ERR_INVALID_FORMAT', /startedAt/);
  const tasks = good.tasks as Record<string, unknown>[];
  expectCode({ ...good, tasks: [{ ...tasks[0], duration: 'long' }] }, 'ERR_INVALID_FORMAT', /result\.tasks\[0\]\.duration/);
  const stats = tasks[0]!.stats as Record<string, unknown>;
  expectCode({ ...good, tasks: [{ ...tasks[0], stats: { ...stats, median: undefined } }] }, 'ERR_INVALID_FORMAT', /stats\.median/);
  expectCode({ ...good, tasks: [{ ...tasks[0], samples: [1, 'x'] }] }, 'ERR_INVALID_FORMAT', /samples\[1\]/);
  expectCode({ ...good, summary: { ...(good.summary as object), successRate: 3 } }, 'ERR_INVALID_FORMAT', /successRate/);
  assert.throws(() => suiteResultFromJSON(good, 'x.json', { name: 'other' }), (e: unknown) => isRuneBenchError(e, 'ERR_MISMATCH'));
  assert.throws(() => suiteResultFromJSON(good, 'x.json', { envId: 'elsewhere' }), /another machine/);

  const dir = mkdtempSync(join(tmpdir(), 'rune-json-'));
  try {
    const path = (name: string): string => join(dir, name);
    writeFileSync(path('bad.json'), '{"schemaVersion": 1, ');
    assert.throws(() => readSuiteResult(path('bad.json')), (e: unknown) => isRuneBenchError(e, 'ERR_INVALID_JSON'));
    writeFileSync(path('bad.json.gz'), gzipSync('{}').subarray(0, 12));
    assert.throws(() => readSuiteResult(path('bad.json.gz')), (e: unknown) => isRuneBenchError(e, 'ERR_CORRUPT_FILE'));
    assert.throws(() => readSuiteResult(path('missing.json')), (e: unknown) => isRuneBenchError(e, 'ERR_FILE_IO'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('a version-1 nested result reads in the tree shape: the copies lifted into the parent are dropped', async () => {
  const child = suiteResultToJSON(await sample());
  const v1 = {
    ...child,
    schemaVersion: 1,
    name: 'comprehensive',
    tasks: child.tasks.map((t) => ({ ...t, name: `json / ${t.name}` })),
    figures: [
      { name: 'suites.run', value: 1, unit: '{count}' },
      { name: 'json.k', value: 3, unit: '1' },
    ],
    notices: ['own notice', 'json: child notice'],
    children: [{ ...child, schemaVersion: 1, figures: [{ name: 'k', value: 3, unit: '1' }], notices: ['child notice'] }],
  };
  const back = suiteResultFromJSON(JSON.parse(JSON.stringify(v1)));
  assert.equal(back.schemaVersion, 2);
  assert.deepEqual(back.tasks, []);
  assert.deepEqual(back.figures?.map((f) => f.name), ['suites.run']);
  assert.deepEqual(back.notices, ['own notice']);
  const kept = back.children?.[0];
  assert.deepEqual(kept?.notices, ['child notice']);
  assert.deepEqual(kept.tasks.map((t) => t.name), ['sqrt', 'noop', 'fails']);
  // a version this release does not know is refused with a typed error
  assert.throws(() => suiteResultFromJSON({ ...v1, schemaVersion: 3 }), (e: unknown) => isRuneBenchError(e, 'ERR_SCHEMA_VERSION'));
});
