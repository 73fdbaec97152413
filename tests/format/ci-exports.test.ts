// parallel-safe: pure computation on fixed inputs
// Bencher Metric Format, github-action-benchmark customSmallerIsBetter and hyperfine-like CSV, from one result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getFormatter } from '../../src/format/registry.js';
import { logNormal, suiteResult, task } from '../detect/regression/helpers.js';

const result = suiteResult('git', [task('status', logNormal(1, 20, 1e-3, 0.05)), task('log, "all"', logNormal(2, 20, 4e-3, 0.05))]);
const status = result.tasks.at(0)?.stats;
const log = result.tasks.at(1)?.stats;

void test('bencher: latency per benchmark key in ns, the median with its interval', () => {
  const json = JSON.parse(getFormatter('bencher').format({ kind: 'suite', result })) as Record<string, { latency: { value: number; lower_value: number; upper_value: number } }>;
  assert.deepEqual(Object.keys(json), ['git/status', 'git/log, "all"']);
  assert.ok(status !== undefined);
  const entry = Object.entries(json).find(([key]) => key === 'git/status')?.[1];
  assert.ok(entry !== undefined);
  assert.equal(entry.latency.value, status.median * 1e9);
  assert.equal(entry.latency.lower_value, status.medianCI.lower * 1e9);
  assert.equal(entry.latency.upper_value, status.medianCI.upper * 1e9);
});

void test('github-benchmark: customSmallerIsBetter entries with name, unit, value and range', () => {
  const json = JSON.parse(getFormatter('github-benchmark').format({ kind: 'suite', result })) as { name: string; unit: string; value: number; range: string }[];
  assert.deepEqual(json.map((e) => e.name), ['git/status', 'git/log, "all"']);
  assert.equal(json[1]?.value, log?.median);
  assert.equal(json[1]?.unit, 's/op');
  assert.match(json[0]?.range ?? '', /^± \d/);
});

void test('csv: a header like hyperfine, one row per benchmark, a key with comma and quotes quoted', () => {
  const lines = getFormatter('csv').format({ kind: 'suite', result }).trimEnd().split('\n');
  assert.equal(lines[0], 'command,mean,stddev,median,min,max');
  assert.equal(lines.length, 3);
  assert.equal(lines[1], ['git/status', status?.mean, status?.sd, status?.median, status?.min, status?.max].map(String).join(','));
  assert.ok(lines[2]?.startsWith('"git/log, ""all"""'), lines[2]);
  assert.throws(() => getFormatter('csv').format({ kind: 'trends', series: [] }), { code: 'ERR_UNSUPPORTED' });
});
