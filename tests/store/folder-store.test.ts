// parallel-safe: checks output, files and exit codes, not timings
// ResultsStore: round trip through real compressed files, and a corrupt record reported and skipped.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { FolderResultsStore } from '../../src/store/folder-store.js';
import { logNormal, suiteResult, task } from '../detect/regression/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'rune-bench-store-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

void describe('ResultsStore', () => {
  void test('appends compressed records and reads them back in time order, keyed by benchmark, commit and machine', () => {
    const store = new FolderResultsStore(join(root, 'round-trip'));
    assert.deepEqual(store.read(), { records: [], errors: [] });
    for (let i = 0; i < 3; i++) {
      const startedAt = new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
      store.append(suiteResult('git', [task('status', logNormal(i, 12, 1e-3, 0.02)), task('log', logNormal(10 + i, 12, 2e-3, 0.02))], { startedAt, commit: `c${i}` }));
    }
    // another machine, and a run without a commit
    store.append(suiteResult('git', [task('status', logNormal(9, 12, 5e-4, 0.02))], { machine: 'machine-b', startedAt: new Date(Date.UTC(2026, 0, 9)).toISOString() }));
    const files = readdirSync(store.dir);
    assert.equal(files.length, 4);
    for (const f of files) {
      const text = new TextDecoder().decode(gunzipSync(readFileSync(join(store.dir, f))));
      assert.equal((JSON.parse(text) as { format: unknown }).format, 'rune-bench.results-record');
    }
    const { records, errors } = store.read();
    assert.equal(errors.length, 0);
    assert.deepEqual(records.map((r) => r.commit), ['c0', 'c1', 'c2', 'unknown']);
    assert.deepEqual(store.keys(), ['git/log', 'git/status']);
    const a = store.series('git/status', { machine: 'machine-a' });
    assert.equal(a.points.length, 3);
    assert.deepEqual(a.points.map((p) => p.commit), ['c0', 'c1', 'c2']);
    assert.deepEqual(a.points[1]?.samples, logNormal(1, 12, 1e-3, 0.02));
    // default machine: the newest run holding the key
    assert.equal(store.series('git/status').machine, 'machine-b');
    assert.equal(store.series('git/status').points.length, 1);
  });

  void test('a corrupt record is reported with its file and skipped; the others are read', () => {
    const store = new FolderResultsStore(join(root, 'corrupt'));
    store.append(suiteResult('s', [task('t', logNormal(1, 10, 1e-3, 0.02))], { commit: 'good1', startedAt: '2026-01-01T00:00:00.000Z' }));
    const damaged = store.append(suiteResult('s', [task('t', logNormal(2, 10, 1e-3, 0.02))], { commit: 'bad', startedAt: '2026-01-02T00:00:00.000Z' }));
    store.append(suiteResult('s', [task('t', logNormal(3, 10, 1e-3, 0.02))], { commit: 'good2', startedAt: '2026-01-03T00:00:00.000Z' }));
    // truncate one record mid-stream (a crash of a writer that did not use atomic writes, a bad disk)
    const path = join(store.dir, damaged.file);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    // and a record that decompresses to the wrong shape
    writeFileSync(join(store.dir, '20260104T000000000Z-9999-000000-x-y.run.json.gz'), Buffer.from('{"format":"something else"}'));
    const { records, errors } = store.read();
    assert.deepEqual(records.map((r) => r.commit), ['good1', 'good2']);
    assert.equal(errors.length, 2);
    const codes = errors.map((e) => e.code).sort();
    assert.deepEqual(codes, ['ERR_CORRUPT_FILE', 'ERR_INVALID_FORMAT']);
    assert.ok(errors.some((e) => e.path === path && e.message.includes(damaged.file)));
    assert.equal(store.series('s/t').points.length, 2);
  });

  void test('rejects an empty folder name', () => {
    assert.throws(() => new FolderResultsStore(''), /dir option/);
  });

  void test('a nested result is stored under the walker keys; a version-1 record is read in the tree shape', () => {
    const store = new FolderResultsStore(join(root, 'nested'));
    const child = suiteResult('disk_io', [task('seq-read', logNormal(31, 12, 1e-3, 0.02))]);
    const parent = { ...suiteResult('comprehensive', []), children: [child] };
    const stored = store.append(parent);
    assert.deepEqual(stored.benchmarks.map((b) => b.key), ['comprehensive/disk_io/seq-read']);
    // a record written by the previous release: the parent also carried a copy of the child's task
    const v1 = { ...parent, schemaVersion: 1, tasks: [{ ...child.tasks[0]!, name: 'disk_io / seq-read' }] };
    store.append(v1, { commit: 'old' });
    const old = store.read().records.find((r) => r.commit === 'old');
    assert.deepEqual(old?.benchmarks.map((b) => b.key), ['comprehensive/disk_io/seq-read']);
    assert.deepEqual(old.result.tasks, []);
    assert.deepEqual(store.keys(), ['comprehensive/disk_io/seq-read']);
  });
});
