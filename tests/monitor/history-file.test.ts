// parallel-safe: history file round trips and typed errors
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { HISTORY_SCHEMA_VERSION, historyToJSON, readHistoryFile, writeHistoryFile, decodeHistory } from '../../src/monitor/history-file.js';
import { isRuneBenchError, type RuneBenchErrorCode } from '../../src/core/errors.js';
import type { MetricSource } from '../../src/core/source.js';

// The metric of this file's counting source, declared as a user declares their own (MetricRegistry).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    n: '{count}';
  }
}

const counter = (): MetricSource => {
  let n = 0;
  return {
    id: 'n',
    describe: () => [{ name: 'n', unit: '{count}', kind: 'counter', description: 'a count' }],
    collect: () => ({ n: n++ }),
  };
};

async function recorded(samples: number): Promise<PerformanceMonitor> {
  const m = new PerformanceMonitor({ sources: [counter()], historySize: 50 });
  for (let i = 0; i < samples; i++) await m.sample();
  await m.stop();
  return m;
}

function withDir(fn: (dir: string) => Promise<void> | void): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rune-history-'));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

void test('JSON and gzip round trips keep times, values and descriptors', withDir(async (dir) => {
  const m = await recorded(5);
  for (const name of ['h.json', 'h.json.gz']) {
    const path = join(dir, name);
    m.exportHistory(path);
    const bytes = readFileSync(path);
    assert.equal(bytes[0] === 0x1f && bytes[1] === 0x8b, name.endsWith('.gz'));
    const back = readHistoryFile(path);
    assert.equal(back.size, 5);
    assert.equal(back.capacity, 50);
    assert.deepEqual(back.series('n'), m.series('n'));
    assert.deepEqual(back.toArray().map((s) => s.timestamp), m.history.toArray().map((s) => s.timestamp));
    assert.deepEqual(back.at(-1)!.descriptors.n, m.latest!.descriptors.n);
    assert.ok(Object.isFrozen(back.at(0)));
  }
  // Explicit gzip on a .json name; no temporary files left behind.
  writeHistoryFile(join(dir, 'forced.json'), m.history, { gzip: true });
  assert.equal(readFileSync(join(dir, 'forced.json'))[0], 0x1f);
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  assert.equal(historyToJSON(m.history).schemaVersion, HISTORY_SCHEMA_VERSION);
}));

void test('importHistory appends a file to a monitor\'s history', withDir(async (dir) => {
  const m = await recorded(3);
  const path = join(dir, 'h.json');
  m.exportHistory(path);
  const other = new PerformanceMonitor({ sources: [] });
  assert.equal(other.importHistory(path), 3);
  assert.deepEqual(other.series('n').values, [0, 1, 2]);
}));

void test('damaged files are rejected with their codes, the file and the history stay untouched', withDir(async (dir) => {
  const m = await recorded(4);
  const good = join(dir, 'good.json.gz');
  m.exportHistory(good);
  const gz = readFileSync(good);
  const text = JSON.stringify(historyToJSON(m.history));
  const cases: [string, Uint8Array | string, RuneBenchErrorCode][] = [
    ['truncated.json.gz', gz.subarray(0, Math.floor(gz.length / 2)), 'ERR_CORRUPT_FILE'],
    ['truncated.json', text.slice(0, Math.floor(text.length / 2)), 'ERR_INVALID_JSON'],
    ['not-json.json', 'hello', 'ERR_INVALID_JSON'],
    ['wrong-version.json', JSON.stringify({ ...historyToJSON(m.history), schemaVersion: 99 }), 'ERR_SCHEMA_VERSION'],
    ['wrong-kind.json', JSON.stringify({ ...historyToJSON(m.history), kind: 'x' }), 'ERR_INVALID_FORMAT'],
    ['bad-value.json', text.replace('"n":1', '"n":"1"'), 'ERR_INVALID_FORMAT'],
    ['bad-unit.json', text.replace('"unit":"{count}"', '"unit":"parsecs"'), 'ERR_INVALID_FORMAT'],
    ['bad-snapshots.json.gz', gzipSync(strToU8(JSON.stringify({ ...historyToJSON(m.history), snapshots: {} }))), 'ERR_INVALID_FORMAT'],
    ['missing.json', '', 'ERR_FILE_IO'],
  ];
  const target = new PerformanceMonitor({ sources: [] });
  await target.sample();
  for (const [name, content, code] of cases) {
    const path = join(dir, name);
    if (name !== 'missing.json') writeFileSync(path, content);
    const before = name === 'missing.json' ? undefined : readFileSync(path);
    assert.throws(() => readHistoryFile(path), (e: unknown) => isRuneBenchError(e, code) && e.path === path && e.message.includes(path), name);
    assert.throws(() => target.importHistory(path), (e: unknown) => isRuneBenchError(e, code), name);
    if (before !== undefined) assert.deepEqual(readFileSync(path), before, `${name} was modified`);
  }
  assert.equal(target.history.size, 1);
  assert.throws(() => decodeHistory(gz.subarray(0, 10), 'bytes'), (e: unknown) => isRuneBenchError(e, 'ERR_CORRUPT_FILE'));
}));

void test('a failed export leaves the previous file intact', withDir(async (dir) => {
  const m = await recorded(2);
  const path = join(dir, 'h.json');
  m.exportHistory(path);
  const before = readFileSync(path);
  // A directory where the file's parent should be makes the write fail.
  writeFileSync(join(dir, 'blocker'), 'x');
  assert.throws(
    () => {
      m.exportHistory(join(dir, 'blocker', 'h.json'));
    },
    (e: unknown) => isRuneBenchError(e, 'ERR_FILE_IO'),
  );
  assert.deepEqual(readFileSync(path), before);
}));
