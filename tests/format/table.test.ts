// parallel-safe: the text formatted from a fixture run: layout, order and values copied from it, not their size
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SuiteResult } from '../../src/core/results.js';
import { tableFormatter } from '../../src/format/table-formatter.js';
import { formatBytes, formatDuration } from '../../src/format/units.js';
import { fixture, XSS_NAME } from './fixtures.js';

void test('a nested run reads as summary, per-suite figures, per-task stats and findings', async () => {
  const { result } = await fixture();
  const out = tableFormatter.format({ kind: 'suite', result });
  const lines = out.split('\n');
  assert.match(lines[0] ?? '', /^rune-bench · comprehensive · partial · \d{4}-/);
  for (const label of ['Duration', 'Peak memory', 'Peak CPU', 'Cache hit ratio', 'Success rate']) {
    assert.match(out, new RegExp(`^  ${label}\\s`, 'm'), label);
  }
  // a sum of unrelated tasks' operation rates means nothing to a reader: not shown
  assert.doesNotMatch(out, /^  Operations\s/m);
  assert.ok(out.includes(formatBytes(result.summary.peakMemory)));
  const childTasks = (result.children ?? []).flatMap((c) => c.tasks);
  const okCount = childTasks.filter((t) => t.status === 'ok').length;
  assert.equal(childTasks.length - okCount, 1, 'one task fails on purpose');
  assert.ok(out.includes(`(${okCount}/${childTasks.length} tasks ok)`), 'success rate counts the tasks of every child, once');
  assert.match(out, /comprehensive › hashing · partial/);
  assert.match(out, /comprehensive › parsing · ok/);
  assert.match(out, /clone\.throughput\s+46\.3 MB\/s\s+local clone rate/);
  assert.match(out, /Task figures\n\s+Task\s+json\.fields\n.*\n\s+JSON round trip\s+3\n/);
  assert.match(out, /sha256\.throughput\s+[\d.]+ [KMG]?B\/s\s+sha256 over 4 KiB blocks/);
  // The parent's flattened copies of its children (tasks, figures, notices) are not repeated.
  assert.ok(!out.includes('hashing / sha256'), 'no copied tasks');
  assert.ok(!out.includes('hashing.sha256.throughput'), 'no copied figures');
  assert.ok(!out.includes('hashing: git not found'), 'no copied notices');
  assert.equal(out.split('git not found').length - 1, 1);
  assert.match(out, /note: git not found: git peer skipped/);
  // Per-task stats from the real run, in human units.
  const hashing = result.children?.[0];
  const sha = hashing?.tasks.find((t) => t.name === 'sha256 4KiB');
  const stats = sha?.stats;
  assert.ok(stats);
  const row = lines.find((l) => l.trimStart().startsWith('sha256 4KiB') && l.includes(formatDuration(stats.median)));
  assert.ok(row, 'sha256 row shows its median');
  assert.ok(row.includes(formatDuration(stats.p99)));
  assert.match(row, /±\d/);
  assert.match(row, /B\/s/, 'throughput from bytes per op');
  // The no-op is normally below the timer's resolution and says so instead of printing a number.
  const noopTask = hashing?.tasks.find((t) => t.name === 'noop');
  const noop = lines.find((l) => l.trimStart().startsWith('noop'));
  assert.ok(noop && noopTask?.stats);
  if (noopTask.stats.belowResolution) {
    assert.match(noop, /below res\./);
    assert.match(noop, /median below timer resolution/);
  } else {
    assert.ok(noop.includes(formatDuration(noopTask.stats.median)), 'a loaded machine resolved the no-op');
  }
  assert.match(out, /always fails\s.*failed: disk "full" <b>here<\/b>/);
  assert.ok(out.includes(XSS_NAME), 'a terminal shows the name as typed');
  // Findings, most severe first.
  const crit = out.indexOf('[CRITICAL]');
  const high = out.indexOf('[HIGH]');
  const low = out.indexOf('[LOW]');
  assert.ok(crit > 0 && crit < high && high < low);
  assert.match(out, /→ Move object hashing to a worker thread/);
  // Evidence of documented metrics is shown in their units.
  assert.match(out, /nodejs\.eventloop\.delay\.p99 = [\d.]+ (ns|µs|ms|s) \(threshold 100 ms\)/);
  assert.match(out, /process\.memory\.usage = [\d.]+ (KB|MB|GB)/);
});

void test('columns line up: every row of a task table has its cells at the header offsets', async () => {
  const { result } = await fixture();
  const out = tableFormatter.format({ kind: 'suite', result });
  const lines = out.split('\n');
  const header = lines.findIndex((l) => /^\s+Task\s+Median\s+p99/.test(l));
  assert.ok(header > 0);
  const head = lines[header] ?? '';
  const rule = lines[header + 1] ?? '';
  assert.equal(rule.trimEnd().length <= head.length + 40, true);
  // Right-aligned "Median" column: each row's median cell ends where the header's "Median" ends.
  const end = head.indexOf('Median') + 'Median'.length;
  for (const line of lines.slice(header + 2, header + 5)) {
    assert.match(line.slice(end - 1, end), /\S/, `cell ends at column ${end} in ${JSON.stringify(line)}`);
    assert.equal(line[end], ' ');
  }
});

void test('a baseline adds a verdict column; control characters in names are escaped', async () => {
  const { result, baseline } = await fixture();
  const out = tableFormatter.format({ kind: 'suite', result, baseline });
  assert.match(out, /vs baseline/);
  assert.match(out, /compared with baseline from/);
  assert.match(out, /[+-±]\d[\d.]*% (regressed|improved|unchanged|inconclusive)/);
  assert.match(out, /always fails.*not compared/);
  const hostile: SuiteResult = { ...result, name: 'evil\u001b[2J\u0007name', children: [] };
  const text = tableFormatter.format({ kind: 'suite', result: hostile });
  assert.ok(!text.includes('\u001b[2J'));
  assert.ok(text.includes('evil\\x1b[2J\\x07name'));
});

void test('history, findings and trends render as tables', async () => {
  const { snapshots, findings, trends } = await fixture();
  const h = tableFormatter.format({ kind: 'history', snapshots, findings });
  assert.match(h, new RegExp(`Monitor history · ${snapshots.length} snapshots`));
  assert.match(h, /^process\.memory\.usage\s+[\d.]+ MB/m);
  assert.match(h, /Trend/);
  const f = tableFormatter.format({ kind: 'findings', findings: [] });
  assert.match(f, /none/);
  const t = tableFormatter.format({ kind: 'trends', series: trends });
  assert.match(t, /hashing\/sha256 4KiB\s+12\s/);
  // The 12 runs as a sparkline: the shift at run 8 puts the last four runs at the top.
  const spark = /hashing\/sha256 4KiB.*?([▁▂▃▄▅▆▇█]{12})/.exec(t)?.[1] ?? '';
  assert.equal(Array.from(spark).length, 12);
  assert.ok(Array.from(spark).slice(8).every((c) => '▅▆▇█'.includes(c)), spark);
  assert.ok(Array.from(spark).slice(0, 8).every((c) => '▁▂▃▄'.includes(c)), spark);
  assert.match(t, /\+30% slower/);
});

void test('a median below the timer resolution is shown as such, not as a number', async () => {
  const { result } = await fixture();
  const task = result.children?.[1]?.tasks[0];
  assert.ok(task?.stats);
  const stats = { ...task.stats, belowResolution: true, resolution: 4e-8 };
  const out = tableFormatter.format({ kind: 'suite', result: { ...result, children: [], tasks: [{ ...task, stats }] } });
  const row = out.split('\n').find((l) => l.trimStart().startsWith(task.name));
  assert.ok(row);
  assert.match(row, /below res\..*ok \(median below timer resolution 40\.0 ns\)/);
  assert.ok(!row.includes(formatDuration(task.stats.median)));
});
