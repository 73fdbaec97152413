// Makes docs/html-report.png: runs small real benchmark suites (with a monitor and a baseline run),
// renders the HTML report and screenshots it in the same headless Chromium the tests use.
//
//   node --import tsx scripts/screenshot-report.ts [output.png] [--html report.html]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { htmlFormatter } from '../src/format/html-formatter.js';
import { hasChromium, launchChromium } from '../tests/format/chromium.js';
import { buildFixture } from '../tests/format/fixtures.js';

const args = process.argv.slice(2);
const htmlAt = args.indexOf('--html');
const htmlPath = htmlAt >= 0 ? args[htmlAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && (htmlAt < 0 || i !== htmlAt + 1));
const out = resolve(positional[0] ?? 'docs/html-report.png');

if (!hasChromium()) {
  console.error('screenshot-report: /usr/bin/chromium not found (apt-get install chromium)');
  process.exit(2);
}

const f = await buildFixture({ hostile: false, time: 150 });
const html = htmlFormatter.format(
  { kind: 'suite', result: f.result, baseline: f.baseline, history: f.snapshots, trends: f.trends },
  { title: 'rune-bench: comprehensive (demo)' },
);
if (htmlPath !== undefined) writeFileSync(htmlPath, html);

const { context, close } = await launchChromium({ width: 1100, height: 900 });
try {
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  await page.emulateMedia({ colorScheme: 'light' });
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out} (${html.length} bytes of HTML)`);
} finally {
  await close();
}
