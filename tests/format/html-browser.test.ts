// parallel-safe: checks output, files and exit codes, not timings
// The HTML report opened in real headless Chromium: renders without console errors, the SVG charts are
// laid out, and a hostile task name shows as text and runs nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlFormatter } from '../../src/format/html-formatter.js';
import { hasChromium, launchChromium } from './chromium.js';
import { fixture, XSS_NAME } from './fixtures.js';
import { buildReport } from '../../src/format/report.js';

const skip = hasChromium() ? false : 'skipped: /usr/bin/chromium is not installed (apt-get install chromium)';

void test('the HTML report renders in headless Chromium with charts, no console errors, and no script run', { skip, timeout: 90_000 }, async () => {
  const f = await fixture();
  const html = htmlFormatter.format({ kind: 'suite', result: f.result, baseline: f.baseline, history: f.snapshots, trends: f.trends });
  const { context, close } = await launchChromium();
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (req) => {
      if (!req.url().startsWith('data:') && req.url() !== 'about:blank') requests.push(req.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    // Give anything that might fire (onerror handlers, timers) a moment.
    await page.waitForTimeout(300);

    assert.deepEqual(problems, []);
    assert.deepEqual(dialogs, [], 'no alert() ran');
    assert.deepEqual(requests, [], 'no network request');
    assert.equal(await page.locator('img').count(), 0, 'the task name did not become an <img>');
    assert.equal(await page.getByText(XSS_NAME, { exact: true }).first().isVisible(), true, 'the name shows as text');
    assert.equal(await page.locator('script').count(), 0);

    const svgs = page.locator('svg.chart');
    const count = await svgs.count();
    assert.ok(count >= 10, `${count} charts`);
    for (const cls of ['histogram', 'line-chart', 'change-bars']) {
      const box = await page.locator(`svg.chart.${cls}`).first().boundingBox();
      assert.ok(box !== null && box.width > 200 && box.height > 50, `${cls} is laid out (${JSON.stringify(box)})`);
    }
    // Bars, lines and polylines were drawn with real geometry.
    const bars = page.locator('svg.histogram rect.bar');
    let tall = 0;
    for (let i = 0; i < Math.min(20, await bars.count()); i++) if (((await bars.nth(i).boundingBox())?.height ?? 0) > 0) tall += 1;
    const lines = await page.locator('svg.line-chart polyline.series').count();
    assert.ok(tall > 0 && lines > 0, `bars with height ${tall}, lines ${lines}`);
    const severities = await page.locator('.finding .sev').allTextContents();
    const rank = { low: 0, medium: 1, high: 2, critical: 3 } as const;
    const ranks = severities.map((s) => rank[s.toLowerCase() as keyof typeof rank]);
    // every finding of the tree once (the monitored children carry their detector's findings too)
    assert.equal(ranks.length, buildReport(f.result, { baseline: f.baseline }).findings.length);
    assert.ok(ranks.length >= f.findings.length);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a), 'most severe first');
    const border = async (cls: string): Promise<string> =>
      String(await page.evaluate(`getComputedStyle(document.querySelector('.finding.${cls}')).borderLeftColor`));
    const critical = await border('critical');
    const low = await border('low');
    assert.match(critical, /^rgb/);
    assert.notEqual(critical, low, 'severity has its own colour');
  } finally {
    await close();
  }
});
