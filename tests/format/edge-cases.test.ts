// parallel-safe: pure computation on fixed inputs
// Every registered formatter on awkward inputs: empty runs, failed and aborted tasks, non-finite
// statistics, empty histories and trends, change points that point past the data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SuiteResult, TaskResult } from '../../src/core/results.js';
import type { FormatInput } from '../../src/format/formatter.js';
import { formatterSupports, listFormatters } from '../../src/format/registry.js';
import { fixture } from './fixtures.js';

void test('every formatter handles empty, failed and non-finite inputs', async () => {
  const f = await fixture();
  const r = f.result;
  const empty: SuiteResult = { schemaVersion: r.schemaVersion, name: 'empty', status: 'ok', startedAt: r.startedAt, env: r.env, summary: r.summary, tasks: [] };
  const task = f.result.children?.[1]?.tasks[0];
  assert.ok(task?.stats);
  const odd: TaskResult = { ...task, stats: { ...task.stats, rme: Number.NaN, opsPerSecond: Number.POSITIVE_INFINITY, median: 0, samples: 1 }, samples: [] };
  const aborted: TaskResult = { name: 'cut short', status: 'aborted', duration: 0, tags: [] };
  const inputs: FormatInput[] = [
    { kind: 'suite', result: empty },
    { kind: 'suite', result: empty, baseline: empty },
    { kind: 'suite', result: { ...empty, tasks: [odd] }, baseline: { ...empty, tasks: [odd] } },
    { kind: 'suite', result: { ...empty, status: 'aborted', tasks: [aborted] } },
    { kind: 'history', snapshots: [] },
    { kind: 'history', snapshots: f.snapshots.slice(0, 1) },
    { kind: 'findings', findings: [] },
    { kind: 'trends', series: [] },
    { kind: 'trends', series: [{ key: 'k', points: [] }, { key: 'one', points: [{ timestamp: 0, value: 1 }], changePoints: [{ index: 5 }] }] },
  ];
  for (const input of inputs) {
    for (const formatter of listFormatters()) {
      if (!formatterSupports(formatter, input.kind)) continue;
      const out = formatter.format(input);
      assert.ok(out.length > 0, `${formatter.id} on ${input.kind}`);
      if (formatter.id === 'json') assert.doesNotThrow(() => JSON.parse(out) as unknown);
      if (formatter.id === 'prometheus') assert.doesNotMatch(out, /^[a-z_]+ (undefined|null)$/m);
    }
  }
  const json = listFormatters().find((x) => x.id === 'json');
  const text = json?.format({ kind: 'suite', result: { ...empty, tasks: [odd] } }) ?? '';
  assert.match(text, /"rme": null/, 'NaN is written as null');
  assert.match(text, /"opsPerSecond": null/, 'Infinity is written as null');
});
