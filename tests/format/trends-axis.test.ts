// parallel-safe: pure computation on fixed inputs
// Trends HTML: runs minutes apart are told apart by time on the x-axis, the last label is not clipped, and
// each point carries its time, commit and value in a tooltip.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlFormatter } from '../../src/format/html-formatter.js';
import type { TrendSeries } from '../../src/format/formatter.js';
import { budgetLine } from '../../src/detect/forecast/budget-forecast.js';

const at = (iso: string): number => Date.parse(iso);

function ticks(html: string): { anchor: string; text: string }[] {
  return [...html.matchAll(/<text class="tick" x="[\d.]+" y="[\d.]+" text-anchor="(start|middle|end)">([^<]*)<\/text>/g)].map((m) => ({ anchor: m[1] ?? '', text: m[2] ?? '' }));
}

void test('runs on one date: x labels show the time; first starts and last ends at the axis; points have titles', () => {
  const series: TrendSeries[] = [
    {
      key: 'hashes/sha1',
      unit: 's',
      points: [
        { timestamp: at('2026-11-30T10:00:00Z'), value: 0.001, commit: 'aaaaaaaaaaaaaaaa' },
        { timestamp: at('2026-11-30T10:10:00Z'), value: 0.0011, commit: 'bbbbbbbbbbbbbbbb' },
        { timestamp: at('2026-11-30T10:20:00Z'), value: 0.0012 },
      ],
    },
  ];
  const html = htmlFormatter.format({ kind: 'trends', series });
  const x = ticks(html).filter((t) => t.text.endsWith('UTC'));
  assert.deepEqual(x, [
    { anchor: 'start', text: '11-30 10:00 UTC' },
    { anchor: 'middle', text: '11-30 10:10 UTC' },
    { anchor: 'end', text: '11-30 10:20 UTC' },
  ]);
  assert.match(html, /<circle class="dot c0"[^>]*><title>2026-11-30 10:00:00 · commit aaaaaaaaaaaa · [^<]+<\/title><\/circle>/);
  assert.match(html, /<circle class="dot c0"[^>]*><title>2026-11-30 10:20:00 · [^<]+<\/title><\/circle>/);
});

void test('runs on different dates: dates only', () => {
  const series: TrendSeries[] = [
    { key: 'k', unit: 's', points: [{ timestamp: at('2026-11-01T10:00:00Z'), value: 1 }, { timestamp: at('2026-11-03T10:00:00Z'), value: 2 }] },
  ];
  const labels = ticks(htmlFormatter.format({ kind: 'trends', series })).map((t) => t.text).filter((t) => /^\d{4}-/.test(t));
  assert.deepEqual(labels, ['2026-11-01', '2026-11-02', '2026-11-03']);
});

void test('a budget is drawn as a flat line across the runs and listed with its sentence', () => {
  const points = Array.from({ length: 10 }, (_, i) => ({ timestamp: at(`2026-11-${String(i + 10)}T10:00:00Z`), value: 0.001 + i * 0.00002 }));
  const budget = budgetLine(points, { key: 'hashes/sha1', seconds: 0.002, source: '2ms' });
  const html = htmlFormatter.format({ kind: 'trends', series: [{ key: 'hashes/sha1', unit: 's', points, budget }] });
  assert.match(html, /<polyline class="series c3" points="[^"]+"><title>budget 2\.00 ms<\/title><\/polyline>/);
  assert.match(html, /<h3>Budgets<\/h3>/);
  assert.ok(html.includes(`<td>hashes/sha1</td><td><span class="same">${budget.message}</span></td>`), 'the budget row carries the sentence');
});
