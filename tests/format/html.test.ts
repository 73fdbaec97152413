// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TaskResult } from '../../src/core/results.js';
import { htmlFormatter } from '../../src/format/html-formatter.js';
import { fixture, XSS_NAME } from './fixtures.js';

void test('one self-contained file: inline CSS and SVG, no scripts, no external resources', async () => {
  const f = await fixture();
  const html = htmlFormatter.format({ kind: 'suite', result: f.result, baseline: f.baseline, history: f.snapshots, trends: f.trends });
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<style>[\s\S]+<\/style>/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<link\b/i);
  // Attribute values are escaped (no quotes inside), so blanking them leaves only attribute names.
  const tags = html.replace(/"[^"]*"/g, '""');
  assert.doesNotMatch(tags, /<[^>]*\s(src|href|xlink:href|srcset|action)\s*=/i, 'no attribute loads anything');
  assert.doesNotMatch(html, /url\(/i);
  // The only URL is the SVG namespace, which is an identifier, not a fetch.
  const urls = [...html.matchAll(/https?:\/\/[^\s"'<]+/g)].map((m) => m[0]);
  assert.deepEqual([...new Set(urls)], ['http://www.w3.org/2000/svg']);
});

void test('every user-supplied string is escaped', async () => {
  const f = await fixture();
  const html = htmlFormatter.format({ kind: 'suite', result: f.result, baseline: f.baseline, history: f.snapshots });
  assert.ok(!html.includes(XSS_NAME));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('disk &quot;full&quot; &lt;b&gt;here&lt;/b&gt;'));
  assert.ok(html.includes('RSS &lt;grows&gt; &amp; never &quot;falls&quot;'));
  assert.doesNotMatch(html, /<b>here/);
  // A hostile title option is escaped too.
  const titled = htmlFormatter.format({ kind: 'findings', findings: f.findings }, { title: '</title><script>x()</script>' });
  assert.doesNotMatch(titled, /<script>/);
});

void test('the report has the summary, distributions, comparison, time series, change points and findings', async () => {
  const f = await fixture();
  const html = htmlFormatter.format(
    { kind: 'suite', result: f.result, baseline: f.baseline, history: f.snapshots, trends: f.trends },
    { generatedAt: new Date('2026-01-02T03:04:05Z') },
  );
  for (const h of ['Summary', 'Comparison with baseline', 'Results', 'Monitor time series', 'Trends', 'Bottleneck findings']) {
    assert.ok(html.includes(`<h2>${h}</h2>`), h);
  }
  assert.ok(html.includes('2026-01-02T03:04:05.000Z'));
  const okTasks = (f.result.children ?? []).flatMap((c) => c.tasks).filter((t) => t.stats !== undefined && !t.stats.belowResolution);
  assert.equal((html.match(/<svg class="chart histogram"/g) ?? []).length, okTasks.length, 'one histogram per task with samples');
  if ((f.result.children ?? []).some((c) => c.tasks.some((t) => t.stats?.belowResolution === true))) {
    assert.match(html, /No distribution for [^<]*noop \(median below the timer resolution/);
    assert.match(html, /<span class="below">below timer resolution \(/);
  }
  assert.equal((html.match(/<svg class="chart change-bars"/g) ?? []).length, 1);
  assert.ok((html.match(/<svg class="chart line-chart"/g) ?? []).length >= 3 + f.trends.length, 'CPU, memory and event-loop charts plus one per trend');
  assert.match(html, /<line class="trend c0"/, 'trend lines');
  assert.match(html, /<title>Cache hit ratio \(dashed: trend\)<\/title>[\s\S]*?cache\.objects\.hit_ratio/, 'the real cache source is charted');
  assert.match(html, /<line class="marker bad"/, 'the change point is marked');
  assert.match(html, /<div class="finding critical">[\s\S]*<div class="finding high">[\s\S]*<div class="finding low">/);
  assert.ok(html.includes('clone.throughput') && html.includes('46.3 MB/s'));
});

void test('without kept samples a task gets a box plot from its percentiles', async () => {
  const f = await fixture();
  const strip = (r: typeof f.result): typeof f.result => ({
    ...r,
    tasks: r.tasks.map((t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== 'samples')) as unknown as TaskResult),
    children: (r.children ?? []).map(strip),
  });
  const html = htmlFormatter.format({ kind: 'suite', result: strip(f.result) });
  assert.doesNotMatch(html, /class="chart histogram"/);
  assert.ok((html.match(/<svg class="chart box-plot"/g) ?? []).length >= 4);
  assert.match(html, /median [\d.]+ (ns|µs|ms)/);
});

void test('history, findings and trends inputs each make a full page', async () => {
  const f = await fixture();
  for (const input of [
    { kind: 'history', snapshots: f.snapshots, findings: f.findings },
    { kind: 'findings', findings: f.findings },
    { kind: 'trends', series: f.trends },
  ] as const) {
    const html = htmlFormatter.format(input);
    assert.match(html, /^<!doctype html>[\s\S]*<\/html>\n$/);
    assert.doesNotMatch(html, /<script/i);
  }
});
