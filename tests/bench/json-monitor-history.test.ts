// parallel-safe: JSON, file and schema round trips of a result; the run only supplies the tasks
// The monitor history a result carries survives its JSON form (text, files, the schema), is validated on reading
// like a history file, is bounded on reading too, and a result written before it existed still reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { readSuiteResult, suiteResultFromJSON, suiteResultToJSON, writeSuiteResult } from '../../src/bench/suite-result-json.js';
import { RuneBenchError } from '../../src/core/errors.js';
import type { MetricDescriptor } from '../../src/core/metric.js';
import type { SuiteResult } from '../../src/core/results.js';
import { MetricSnapshot } from '../../src/core/snapshot.js';
import { jsonFormatter } from '../../src/format/json-formatter.js';
import { runMonitorHistory } from '../../src/monitor/run-history.js';
import { validateSchema } from '../format/json-schema.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/suite-result.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const descriptors: Readonly<Record<string, MetricDescriptor>> = Object.freeze({
  'process.cpu.utilization': { name: 'process.cpu.utilization', unit: '1', kind: 'gauge', description: 'cpu' },
  'nodejs.eventloop.delay.p99': { name: 'nodejs.eventloop.delay.p99', unit: 's', kind: 'gauge', description: 'delay' },
});

function snapshots(count: number): MetricSnapshot[] {
  return Array.from(
    { length: count },
    (_, i) =>
      new MetricSnapshot({
        timestamp: 1_700_000_000_000 + i * 100,
        monotonic: 5 + i / 10,
        // a value that was not a number (NaN) is written as null and reads back as NaN
        values: { 'process.cpu.utilization': i === 3 ? Number.NaN : (i % 10) / 10, 'nodejs.eventloop.delay.p99': i === count - 2 ? 0.25 : 0.001 },
        descriptors,
      }),
  );
}

let plain: SuiteResult | undefined;
/** A real run (no monitor), once. */
async function run(): Promise<SuiteResult> {
  if (plain !== undefined) return plain;
  const suite = new BenchmarkSuite('json-history', { timeMs: 20, warmupMs: 0, keepSamples: 10 });
  suite.add('sqrt', () => Math.sqrt(7));
  plain = await suite.run();
  return plain;
}

void test('JSON text and files (plain and gzip) keep the monitor history, NaN included; the JSON fits the schema', async () => {
  const result: SuiteResult = { ...(await run()), monitorHistory: runMonitorHistory(snapshots(50)) };
  const back = suiteResultFromJSON(JSON.parse(JSON.stringify(suiteResultToJSON(result))));
  assert.deepEqual(back.monitorHistory, result.monitorHistory);
  assert.ok(Number.isNaN(back.monitorHistory?.points[3]?.values['process.cpu.utilization']));
  const dir = mkdtempSync(join(tmpdir(), 'rune-json-history-'));
  try {
    for (const name of ['r.json', 'r.json.gz']) {
      writeSuiteResult(join(dir, name), result);
      assert.deepEqual(readSuiteResult(join(dir, name)).monitorHistory, result.monitorHistory);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const doc = JSON.parse(jsonFormatter.format({ kind: 'suite', result })) as Record<string, unknown>;
  assert.deepEqual(validateSchema(schema, doc), []);
  assert.deepEqual(suiteResultFromJSON(doc).monitorHistory, result.monitorHistory, 'the json report reads back with its history');
});

void test('a result written before the field existed still reads, without a monitor history', async () => {
  const old = JSON.parse(JSON.stringify(suiteResultToJSON(await run()))) as Record<string, unknown>;
  assert.equal('monitorHistory' in old, false);
  const back = suiteResultFromJSON(old, 'old.json');
  assert.equal('monitorHistory' in back, false);
  assert.deepEqual(validateSchema(schema, old), []);
});

void test('a damaged monitor history is rejected naming the field', async () => {
  const good = suiteResultToJSON({ ...(await run()), monitorHistory: runMonitorHistory(snapshots(5)) }) as unknown as Record<string, unknown>;
  const history = good.monitorHistory as { snapshotCount: number; descriptors: Record<string, unknown>; points: { values: Record<string, unknown> }[] };
  const expectInvalid = (monitorHistory: unknown, message: RegExp, bySchema = true): void => {
    assert.throws(
      () => suiteResultFromJSON({ ...good, monitorHistory }, 'r.json'),
      (e: unknown) => e instanceof RuneBenchError && e.code === 'ERR_INVALID_FORMAT' && message.test(e.message) && e.path === 'r.json',
    );
    if (bySchema) assert.notDeepEqual(validateSchema(schema, { ...good, monitorHistory }), [], 'the schema refuses it too');
  };
  expectInvalid([], /result\.monitorHistory/);
  // fewer snapshots than points (a JSON Schema cannot compare the two)
  expectInvalid({ ...history, snapshotCount: 2 }, /result\.monitorHistory\.snapshotCount/, false);
  expectInvalid({ ...history, descriptors: { 'process.cpu.utilization': { ...(history.descriptors['process.cpu.utilization'] as object), unit: 'parsecs' } } }, /monitorHistory\.descriptors/);
  const points = history.points.map((p, i) => (i === 2 ? { ...p, values: { ...p.values, 'process.cpu.utilization': -1 } } : p));
  expectInvalid({ ...history, points }, /result\.monitorHistory\.points\[2\]\.values\.process\.cpu\.utilization/);
  expectInvalid({ ...history, points: [{ timestamp: 'noon', monotonic: 1, values: {} }] }, /monitorHistory\.points\[0\]\.timestamp/);
});

void test('a history of more points than the bound (another writer) is reduced on reading, its peak kept', async () => {
  const taken = snapshots(1000);
  const oversized = runMonitorHistory(taken, 1000);
  assert.equal(oversized.points.length, 1000);
  const back = suiteResultFromJSON(JSON.parse(JSON.stringify(suiteResultToJSON({ ...(await run()), monitorHistory: oversized }))));
  const history = back.monitorHistory;
  assert.equal(history?.points.length, 300);
  assert.equal(history.snapshotCount, 1000);
  assert.equal(Math.max(...history.points.map((p) => p.values['nodejs.eventloop.delay.p99'] ?? 0)), 0.25);
});
