// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { suiteResultFromJSON } from '../../src/bench/suite-result-json.js';
import { MetricSnapshot } from '../../src/core/snapshot.js';
import { jsonFormatter, REPORT_SCHEMA_VERSION } from '../../src/format/json-formatter.js';
import { fixture } from './fixtures.js';
import { validateSchema } from './json-schema.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/suite-result.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

void test('the JSON of a real nested run validates against schema/suite-result.schema.json', async () => {
  const { result, baseline } = await fixture();
  const text = jsonFormatter.format({ kind: 'suite', result, baseline });
  const doc = JSON.parse(text) as unknown;
  assert.deepEqual(validateSchema(schema, doc), []);
  const obj = doc as { schemaVersion: number; children: unknown[]; tasks: unknown[]; comparison: { baselineStartedAt: string; comparisons: { key: string }[] } };
  assert.equal(obj.schemaVersion, 2);
  assert.equal(obj.children.length, 2, 'children are written');
  assert.deepEqual(obj.tasks, [], 'the parent keeps no copies of its children\'s tasks');
  // the detector's comparison is written, keyed by the walker's keys; the baseline itself is not embedded
  assert.equal(obj.comparison.baselineStartedAt, baseline.startedAt);
  assert.ok(obj.comparison.comparisons.some((c) => c.key === 'comprehensive/hashing/sha256 4KiB'));
  assert.equal(text.split(baseline.startedAt).length - 1, 1, 'the baseline appears only as the comparison\'s start time');
});

void test('the schema rejects what the format forbids (the check can fail)', async () => {
  const { result } = await fixture();
  const doc = JSON.parse(jsonFormatter.format({ kind: 'suite', result })) as Record<string, unknown>;
  assert.notDeepEqual(validateSchema(schema, { ...doc, status: 'great' }), []);
  assert.notDeepEqual(validateSchema(schema, { ...doc, schemaVersion: 3 }), []);
  assert.notDeepEqual(validateSchema(schema, { ...doc, surprise: true }), []);
  const withoutSummary = Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'summary'));
  assert.ok(validateSchema(schema, withoutSummary).some((e) => e.includes('summary')));
  const children = doc.children as Record<string, unknown>[];
  const broken = { ...doc, children: [{ ...children[0], tasks: [{ name: 'x', status: 'ok', duration: -1, tags: [] }] }] };
  assert.ok(validateSchema(schema, broken).some((e) => e.includes('children[0].tasks[0].duration')));
});

void test('the JSON reads back as a SuiteResult (a report can be used as a baseline)', async () => {
  const { result } = await fixture();
  const back = suiteResultFromJSON(JSON.parse(jsonFormatter.format({ kind: 'suite', result }, { indent: 0 })), 'report.json');
  assert.equal(back.name, result.name);
  assert.equal(back.children?.[0]?.tasks.length, result.children?.[0]?.tasks.length);
  assert.equal(back.children?.[0]?.tasks[0]?.stats?.median, result.children?.[0]?.tasks[0]?.stats?.median);
});

void test('history, findings and trends are versioned documents; snapshots read back', async () => {
  const { snapshots, findings, trends } = await fixture();
  const history = JSON.parse(jsonFormatter.format({ kind: 'history', snapshots, findings })) as { schemaVersion: number; kind: string; snapshots: unknown[] };
  assert.equal(history.schemaVersion, REPORT_SCHEMA_VERSION);
  assert.equal(history.kind, 'history');
  assert.equal(history.snapshots.length, snapshots.length);
  const first = MetricSnapshot.fromJSON(history.snapshots[0]);
  assert.deepEqual(first.values, snapshots[0]?.values);
  const t = JSON.parse(jsonFormatter.format({ kind: 'trends', series: trends })) as { series: { key: string }[] };
  assert.equal(t.series[0]?.key, trends[0]?.key);
  const f = JSON.parse(jsonFormatter.format({ kind: 'findings', findings }, { indent: 0 })) as { findings: unknown[] };
  assert.equal(f.findings.length, findings.length);
  assert.throws(() => jsonFormatter.format({ kind: 'findings', findings }, { indent: -1 }), RangeError);
});
