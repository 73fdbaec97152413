// Relative summaries inside a run: the tasks of a suite compared with its baseline task (named, or the
// fastest), computed once in the report model and rendered by every formatter.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { compareWithBaseline } from '../../src/bench/relative.js';
import { suiteResultFromJSON } from '../../src/bench/suite-result-json.js';
import type { SuiteResult } from '../../src/core/results.js';
import { htmlFormatter } from '../../src/format/html-formatter.js';
import { jsonFormatter } from '../../src/format/json-formatter.js';
import { markdownFormatter } from '../../src/format/markdown-formatter.js';
import { buildReport } from '../../src/format/report.js';
import { tableFormatter } from '../../src/format/table-formatter.js';
import { validateSchema } from './json-schema.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/suite-result.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function spin(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.sqrt(i);
  return s;
}

/** A real run: `sha1 readFileSync` does 30 times the work of `sha1 streaming` and is named the baseline. */
async function namedRun(): Promise<SuiteResult> {
  const suite = new BenchmarkSuite('hashes', { timeMs: 40, minSamples: 15, maxSamples: 60, warmup: false });
  suite.add('sha1 readFileSync', () => spin(30_000), { baseline: true });
  suite.add('sha1 streaming', () => spin(1_000));
  return suite.run();
}

void describe('compareWithBaseline', () => {
  const fast = { name: 'fast', samples: [1, 1.1, 0.9, 1, 1.05] };
  const slow = { name: 'slow', samples: [2, 2.2, 1.8, 2, 2.1] };

  void test('without a named baseline the fastest is the reference and the sentence reads from it', () => {
    const c = compareWithBaseline([slow, fast], { seed: 1 });
    assert.ok(c);
    assert.equal(c.baseline, 'fast');
    assert.equal(c.named, false);
    assert.equal(c.rows.length, 1);
    assert.equal(c.rows.at(0)?.ratio, 2);
    assert.match(c.rows.at(0)?.sentence ?? '', /^fast is 2\.00x faster than slow \[\d\.\d\d, \d\.\d\d\]$/);
  });

  void test('a named baseline: faster tasks say faster with the inverted interval, slower ones say slower', () => {
    const mid = { name: 'mid', samples: [4, 4.4, 3.6, 4, 4.2] };
    const c = compareWithBaseline([fast, slow, mid], { seed: 1, baseline: 'slow' });
    assert.ok(c);
    assert.equal(c.named, true);
    const byTask = new Map(c.rows.map((r) => [r.task, r]));
    const f = byTask.get('fast');
    assert.ok(f);
    assert.equal(f.ratio, 0.5);
    const m = /^fast is 2\.00x faster than slow \[(\d\.\d\d), (\d\.\d\d)\]$/.exec(f.sentence);
    assert.ok(m, f.sentence);
    assert.equal(m[1], (1 / f.interval.upper).toFixed(2));
    assert.equal(m[2], (1 / f.interval.lower).toFixed(2));
    assert.match(byTask.get('mid')?.sentence ?? '', /^mid is 2\.00x slower than slow \[/);
  });

  void test('fewer than two completed tasks: nothing to compare', () => {
    assert.equal(compareWithBaseline([fast, { name: 'failed', samples: [] }], { seed: 1 }), undefined);
  });
});

void describe('baseline options of BenchmarkSuite', () => {
  void test('the suite option names the baseline task; two baselines or an unknown name are refused', async () => {
    const suite = new BenchmarkSuite('opts', { baseline: 'b', timeMs: 5, minSamples: 2, maxSamples: 3, warmup: false });
    suite.add('a', () => spin(10));
    suite.add('b', () => spin(10));
    assert.throws(() => suite.add('c', () => 0, { baseline: true }), /baseline option: task "b" is already the baseline/);
    const result = await suite.run();
    assert.deepEqual(result.tasks.map((t) => t.tags), [[], ['baseline']]);
    const unknown = new BenchmarkSuite('unknown', { baseline: 'nope' });
    unknown.add('a', () => 0);
    await assert.rejects(unknown.run(), /baseline option names no task of suite "unknown": "nope"/);
  });
});

void describe('relative summaries in every formatter', async () => {
  const result = await namedRun();
  const relative = buildReport(result).suites[0]?.relative;

  void test('the report model compares with the named baseline', () => {
    assert.ok(relative);
    assert.equal(relative.baseline, 'sha1 readFileSync');
    assert.equal(relative.named, true);
    assert.equal(relative.rows.length, 1);
    assert.ok((relative.rows[0]?.ratio ?? 1) < 1, 'streaming does a thirtieth of the work');
    assert.match(relative.rows[0]?.sentence ?? '', /^sha1 streaming is [\d.]+x faster than sha1 readFileSync \[[\d.]+, [\d.]+\]$/);
  });

  void test('table', () => {
    const out = tableFormatter.format({ kind: 'suite', result });
    assert.match(out, /Relative \(ratio of medians, 95% bootstrap interval\)/);
    assert.ok(out.includes(relative?.rows[0]?.sentence ?? '?'), out);
  });

  void test('markdown', () => {
    const out = markdownFormatter.format({ kind: 'suite', result });
    // Markdown escapes the interval's brackets, so they do not read as a link
    const escaped = (relative?.rows[0]?.sentence ?? '?').replace(/[[\]]/g, '\\$&');
    assert.ok(out.includes(`- ${escaped}\n`), out);
  });

  void test('html', () => {
    const out = htmlFormatter.format({ kind: 'suite', result });
    assert.ok(out.includes(`<ul class="relative"><li>${relative?.rows[0]?.sentence ?? '?'}</li></ul>`));
  });

  void test('json: at the root, valid against the schema, ignored when read back', () => {
    const doc = JSON.parse(jsonFormatter.format({ kind: 'suite', result })) as { relative: { suite: string; baseline: string; rows: { sentence: string }[] }[] };
    assert.deepEqual(validateSchema(schema, doc), []);
    assert.equal(doc.relative.length, 1);
    assert.equal(doc.relative[0]?.suite, 'hashes');
    assert.equal(doc.relative.at(0)?.baseline, 'sha1 readFileSync');
    assert.equal(doc.relative.at(0)?.rows.at(0)?.sentence, relative?.rows[0]?.sentence);
    assert.equal(suiteResultFromJSON(doc).name, 'hashes');
  });
});

void describe('summary without a sum of unrelated operation rates', async () => {
  const result = await namedRun();
  void test('markdown and HTML summaries show no "Operations"', () => {
    assert.doesNotMatch(markdownFormatter.format({ kind: 'suite', result }), /Operations/);
    assert.doesNotMatch(htmlFormatter.format({ kind: 'suite', result }), />Operations</);
  });
});

void describe('a monitor attached to BenchmarkSuite: its findings reach the reports', () => {
  void test('with a monitor the detector ran ("no rule fired" or findings); without one the reports say none ran', async () => {
    const { PerformanceMonitor } = await import('../../src/monitor/performance-monitor.js');
    const monitor = new PerformanceMonitor({ intervalMs: 20, historySize: 1000 });
    const watched = new BenchmarkSuite('watched', { monitor, timeMs: 60, minSamples: 5, maxSamples: 50, warmup: false });
    watched.add('spin', () => spin(5_000));
    const withMonitor = await watched.run();
    assert.ok(Array.isArray(withMonitor.findings), 'the result carries the detector\'s findings');
    assert.equal(monitor.running, false, 'the suite stopped the monitor it started');
    for (const out of [tableFormatter.format({ kind: 'suite', result: withMonitor }), htmlFormatter.format({ kind: 'suite', result: withMonitor })]) {
      assert.doesNotMatch(out, /no bottleneck detector ran/);
    }
    const plain = new BenchmarkSuite('plain', { timeMs: 10, minSamples: 3, maxSamples: 5, warmup: false });
    plain.add('spin', () => spin(100));
    const without = await plain.run();
    assert.equal(without.findings, undefined);
    assert.match(tableFormatter.format({ kind: 'suite', result: without }), /None: no bottleneck detector ran on this result\./);
  });
});
