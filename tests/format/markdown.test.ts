// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RegressionDetector } from '../../src/detect/regression/regression-detector.js';
import { markdownFormatter } from '../../src/format/markdown-formatter.js';
import { fixture, XSS_NAME } from './fixtures.js';

/** Cells of a GFM table row, honouring `\|` escapes. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

void test('every GFM table has the same number of cells in each row', async () => {
  const { result, baseline } = await fixture();
  const out = markdownFormatter.format({ kind: 'suite', result, baseline });
  const lines = out.split('\n');
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i] ?? '').startsWith('|') || (lines[i - 1] ?? '').startsWith('|')) continue;
    tables += 1;
    const width = cells(lines[i] ?? '').length;
    assert.match(lines[i + 1] ?? '', /^\|( -{3,}:? \|)+$/, 'a delimiter row follows the header');
    for (let j = i + 1; (lines[j] ?? '').startsWith('|'); j++) assert.equal(cells(lines[j] ?? '').length, width, lines[j]);
  }
  assert.ok(tables >= 6, `found ${tables} tables`);
});

void test('a PR comment leads with the verdict and escapes user strings', async () => {
  const { result, baseline } = await fixture();
  const out = markdownFormatter.format({ kind: 'suite', result, baseline });
  assert.match(out, /^## rune-bench: comprehensive ⚠️ partial/);
  assert.match(out, /\*\*Compared with baseline\*\* from .*: \d+ regressed, \d+ improved, \d+ inconclusive, \d+ incomparable, \d+ unchanged/);
  assert.ok(!out.includes(XSS_NAME), 'raw HTML from a task name never reaches the Markdown');
  assert.ok(out.includes('&lt;img src=x onerror=alert\\(1\\)&gt;'));
  assert.ok(out.includes('disk "full" &lt;b&gt;here&lt;/b&gt;'));
  if ((result.children ?? []).some((c) => c.tasks.some((t) => t.stats?.belowResolution === true))) assert.match(out, /_below timer resolution \(/);
  assert.match(out, /> \[!NOTE\]\n> git not found: git peer skipped/);
  assert.match(out, /- 🔴 \*\*CRITICAL\*\* RSS &lt;grows&gt; &amp; never "falls"/);
  const crit = out.indexOf('CRITICAL');
  assert.ok(crit < out.indexOf('**HIGH**') && out.indexOf('**HIGH**') < out.indexOf('**LOW**'));
});

void test('the detector\'s comparison decides the verdicts; the formatter only renders them', async () => {
  const { result } = await fixture();
  const key = 'comprehensive/parsing/JSON round trip';
  const [c] = new RegressionDetector({ seed: 1 }).compareSamples([
    { key, baseline: Array.from({ length: 20 }, () => 1e-6), current: Array.from({ length: 20 }, () => 1.25e-6) },
  ]);
  assert.equal(c?.verdict, 'regressed');
  const out = markdownFormatter.format({
    kind: 'suite',
    result,
    comparison: { comparisons: [c], regressed: [key], improved: [], notCompared: [], notices: [], baselineStartedAt: '2026-01-02T03:04:05.000Z' },
  });
  assert.match(out, /\*\*Compared with baseline\*\* from 2026-01-02T03:04:05\.000Z: 1 regressed, 0 improved, 0 inconclusive, 0 incomparable, 0 unchanged\./);
  assert.match(out, /> \[!WARNING\]\n> Regressed against the baseline: comprehensive\/parsing\/JSON round trip \+25\.0%/);
  assert.match(out, /\| JSON round trip \|.*\| \*\*\+25\.0% regressed\*\* \|/);
  assert.match(out, /\| sha256 4KiB \|.*\| not compared \|/);
});

void test('history and trends as Markdown', async () => {
  const { snapshots, trends, findings } = await fixture();
  const h = markdownFormatter.format({ kind: 'history', snapshots, findings });
  assert.match(h, /\| `process\.memory\.usage` \| [\d.]+ MB \|/);
  const t = markdownFormatter.format({ kind: 'trends', series: trends });
  assert.match(t, /🔺 `[0-9a-f]{10}` \+30% slower/);
});
