// parallel-safe: widths, order and colour of the rendered lines, not the sampled figures
// The dashboard renderer: real monitor snapshots plus findings, fitted to the terminal width.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BottleneckFinding } from '../../src/core/findings.js';
import { visibleWidth } from '../../src/format/color.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { plainLine, renderDashboard } from '../../src/cli/dashboard.js';
import { sparkline } from '../../src/cli/sparkline.js';

function finding(ruleId: string, severity: BottleneckFinding['severity'], impact: number): BottleneckFinding {
  return {
    ruleId,
    title: `${ruleId} title`,
    severity,
    impact,
    confidence: 0.8,
    evidence: [],
    recommendation: `do something about ${ruleId} `.repeat(12),
    window: { start: 0, end: 1, samples: 5 },
  };
}

void describe('dashboard rendering', () => {
  void test('rows for the sampled metrics, findings by severity, every line within the width', async () => {
    const monitor = new PerformanceMonitor({ intervalMs: 10 });
    const garbage: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 20_000; j++) garbage.push({ j });
      await monitor.sample();
    }
    const snapshots = monitor.history.toArray();
    assert.ok(garbage.length > 0);
    for (const columns of [60, 100, 160]) {
      const lines = renderDashboard({
        title: 'rune-bench monitor',
        snapshots,
        findings: [finding('gc-pressure', 'medium', 12), finding('event-loop-blocked', 'critical', 80), finding('noisy-host', 'low', 5)],
        columns,
        color: true,
        status: ['serving http://127.0.0.1:9464/metrics'],
      });
      for (const line of lines) assert.ok(visibleWidth(line) <= Math.max(60, columns), `${visibleWidth(line)} > ${columns}: ${line}`);
      const text = lines.join('\n');
      assert.match(text, /memory \(RSS\)/);
      assert.match(text, /heap used/);
      assert.match(text, /serving http:\/\/127\.0\.0\.1:9464\/metrics/);
      const order = ['CRITICAL', 'MEDIUM', 'LOW'].map((s) => text.indexOf(s));
      assert.ok(order.every((i) => i >= 0) && order[0]! < order[1]! && order[1]! < order[2]!, 'most severe first');
      assert.match(text, /\x1b\[31mCRITICAL/, 'critical in red');
    }
    const plain = renderDashboard({ title: 't', snapshots, findings: [finding('x', 'high', 1)], columns: 80, color: false });
    assert.doesNotMatch(plain.join('\n'), /\x1b\[/);
    assert.match(plainLine(snapshots.at(-1)!), /^\d{4}-\d\d-\d\dT.* process\.memory\.usage=[\d.]+(MB|KB|GB)/);
  });

  void test('sparklines scale between min and max and keep the newest values', () => {
    assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8), '▁▂▃▄▅▆▇█');
    assert.equal(sparkline([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3), '▁▅█');
    assert.equal(sparkline([5, 5, 5], 10), '▁▁▁');
    assert.equal(sparkline([1, Number.NaN, 3], 3), '▁ █');
    assert.equal(sparkline([0.5, 0.5], 2, 0), '██');
  });
});
