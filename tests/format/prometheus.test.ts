// parallel-safe: the text formatted from a fixture run: names, labels, types and values copied from it, not their size
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { SuiteResult } from '../../src/core/results.js';
import { createPrometheusFormatter, openMetricsFormatter, prometheusFormatter } from '../../src/format/prometheus-formatter.js';
import { fixture } from './fixtures.js';

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Parses the text exposition strictly enough to check HELP/TYPE before samples and label escaping. */
function parse(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const helps = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line === '# EOF') continue;
    const meta = /^# (HELP|TYPE|UNIT) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (meta !== null) {
      if (meta[1] === 'HELP') helps.add(meta[2] ?? '');
      if (meta[1] === 'TYPE') types.set(meta[2] ?? '', meta[3] ?? '');
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(m, `sample line: ${line}`);
    const name = m[1] ?? '';
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1] ?? ''] = (l[2] ?? '').replace(/\\(.)/g, (_x, c: string) => (c === 'n' ? '\n' : c));
    }
    const family = [...types.keys()].find((f) => name === f || name === `${f}_total`);
    assert.ok(family !== undefined && helps.has(family), `${name} has # HELP and # TYPE before it`);
    samples.push({ name, labels, value: Number(m[3]) });
  }
  return { types, samples };
}

function promtool(text: string): { status: number | null; stderr: string } | undefined {
  if (!existsSync('/usr/bin/promtool')) return undefined;
  const r = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stderr: `${r.stdout}${r.stderr}` };
}

void test('a suite gives rune_bench_ gauges per task with suite and task labels, in base units', async () => {
  const { result } = await fixture();
  const text = prometheusFormatter.format({ kind: 'suite', result });
  const { types, samples } = parse(text);
  for (const s of samples) assert.match(s.name, /^rune_bench_[a-z0-9_]+$/);
  for (const [name, type] of types) if (type === 'counter') assert.match(name, /_total$/);
  const sha = result.children?.[0]?.tasks.find((t) => t.name === 'sha256 4KiB');
  const median = samples.find((s) => s.name === 'rune_bench_task_median_seconds' && s.labels.task === 'sha256 4KiB' && s.labels.suite === 'comprehensive/hashing');
  assert.equal(median?.value, sha?.stats?.median);
  assert.equal(types.get('rune_bench_task_operations_total'), 'counter');
  assert.ok(samples.some((s) => s.name === 'rune_bench_task_throughput_bytes_per_second'));
  assert.ok(samples.some((s) => s.name === 'rune_bench_suite_peak_memory_bytes' && s.value === result.summary.peakMemory));
  assert.ok(samples.some((s) => s.name === 'rune_bench_figure_clone_throughput_bytes_per_second' && s.value === 48_500_000));
  assert.ok(samples.some((s) => s.name === 'rune_bench_findings' && s.labels.severity === 'critical' && s.value >= 1));
  const failed = samples.find((s) => s.name === 'rune_bench_task_ok' && s.labels.task === 'always fails');
  assert.equal(failed?.value, 0);
  const check = promtool(text);
  if (check !== undefined) assert.equal(check.status, 0, check.stderr);
});

void test('label values with quotes, backslashes and newlines are escaped and read back', async () => {
  const { result } = await fixture();
  const name = 'say "hi" \\ then\nnewline';
  const hostile: SuiteResult = { ...result, children: [], tasks: [{ ...(result.children?.[1]?.tasks[0] ?? result.tasks[0]!), name }] };
  const text = prometheusFormatter.format({ kind: 'suite', result: hostile });
  assert.ok(text.includes('task="say \\"hi\\" \\\\ then\\nnewline"'));
  const { samples } = parse(text);
  assert.ok(samples.some((s) => s.labels.task === name));
  const check = promtool(text);
  if (check !== undefined) assert.equal(check.status, 0, check.stderr);
});

void test('a real monitor history exposes the latest snapshot with descriptor-driven HELP and TYPE', async () => {
  const { snapshots, findings } = await fixture();
  const last = snapshots.at(-1);
  assert.ok(last);
  const text = prometheusFormatter.format({ kind: 'history', snapshots, findings });
  const { types, samples } = parse(text);
  const rss = samples.find((s) => s.name === 'rune_bench_process_memory_usage_bytes');
  assert.equal(rss?.value, last.get('process.memory.usage'));
  assert.equal(types.get('rune_bench_process_memory_usage_bytes'), 'gauge');
  assert.match(text, /# HELP rune_bench_process_memory_usage_bytes Resident set size.*\(process\.memory\.usage, By, gauge\)/);
  // Counters (CPU time) end in _total and are typed counter.
  assert.equal(types.get('rune_bench_process_cpu_time_user_seconds_total'), 'counter');
  assert.equal(samples.find((s) => s.name === 'rune_bench_process_cpu_time_user_seconds_total')?.value, last.get('process.cpu.time.user'));
  assert.ok(samples.some((s) => s.name === 'rune_bench_process_cpu_utilization_ratio'));
  assert.equal(types.get('rune_bench_cache_objects_hits_total'), 'counter');
  assert.equal(samples.find((s) => s.name === 'rune_bench_cache_objects_hits_total')?.value, last.get('cache.objects.hits'));
  assert.equal(types.get('rune_bench_process_disk_io_write_bytes_total'), 'counter');
  for (const name of types.keys()) assert.doesNotMatch(name, /_count$/, 'reserved histogram suffix');
  assert.ok(samples.some((s) => s.name === 'rune_bench_monitor_snapshots' && s.value === snapshots.length));
  const check = promtool(text);
  if (check !== undefined) assert.equal(check.status, 0, check.stderr);
});

void test('OpenMetrics: counter families without _total, UNIT lines, # EOF; a bad prefix is a TypeError', async () => {
  const { snapshots, trends } = await fixture();
  const text = openMetricsFormatter.format({ kind: 'history', snapshots });
  assert.match(text, /# TYPE rune_bench_process_cpu_time_user_seconds counter\n# UNIT rune_bench_process_cpu_time_user_seconds seconds\nrune_bench_process_cpu_time_user_seconds_total /);
  assert.ok(text.endsWith('# EOF\n'));
  const t = prometheusFormatter.format({ kind: 'trends', series: trends });
  assert.match(t, /rune_bench_trend_change_points\{benchmark="hashing\/sha256 4KiB"\} 1/);
  assert.throws(() => createPrometheusFormatter({ prefix: 'bad-prefix' }), TypeError);
});
