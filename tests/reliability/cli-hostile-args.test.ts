// parallel-safe: exit codes and neutralised text
// Hostile arguments: control characters never reach the terminal raw, and a bad output path is a usage
// error (exit 2) found before any work is done, not an "unexpected" failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from '../cli/helpers.js';
import { neutralizeControls, hasControls } from '../../src/core/safe-text.js';

void test('neutralizeControls shows C0, C1, DEL and bidi controls as escapes and keeps other text', () => {
  assert.equal(neutralizeControls('a\u001b]0;x\u0007b'), 'a\\x1b]0;x\\x07b');
  assert.equal(neutralizeControls('\u009b31m\u007f'), '\\x9b31m\\x7f');
  assert.equal(neutralizeControls('abc\u202Edef\u2066'), 'abc\\u202edef\\u2066');
  assert.equal(neutralizeControls('ünïcode ✓ 漢字'), 'ünïcode ✓ 漢字');
  assert.equal(hasControls('plain'), false);
  assert.equal(hasControls('x\u202Ey'), true);
});

void test('an unknown suite named with escape sequences is echoed neutralised', async () => {
  ensureBuilt();
  const run = await runCli(['run', '--suite', '\u001b]0;pwned\u0007\u202E']);
  assert.equal(run.code, 2, run.stderr);
  assert.equal(hasControls(run.stderr.replace(/\n/g, '')), false, JSON.stringify(run.stderr));
  assert.ok(run.stderr.includes('\\x1b]0;pwned\\x07'), run.stderr);
});

void test('--output under a regular file is a usage error before the run starts', async () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'rb-args-'));
  try {
    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    const run = await runCli(['run', '--suite', 'disk_io', '--no-store', '--output', join(file, 'out.json')]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /not a directory|is a file/);
    assert.doesNotMatch(run.stderr, /unexpected/);
    assert.doesNotMatch(run.stderr, /running disk_io/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('table and Markdown reports neutralise ESC, BEL, C1 CSI and U+202E in names and notices', async () => {
  const { tableFormatter } = await import('../../src/format/table-formatter.js');
  const { markdownFormatter } = await import('../../src/format/markdown-formatter.js');
  const { suiteResult, task, logNormal } = await import('../detect/regression/helpers.js');
  const hostile = 'x\u001b]0;pwned\u0007\u009b31m\u202Eevil';
  const base = suiteResult(hostile, [task(hostile, logNormal(1, 20, 1e-3, 0.05))]);
  const result = { ...base, notices: [hostile] };
  for (const f of [tableFormatter, markdownFormatter]) {
    const text = f.format({ kind: 'suite', result }, { color: false });
    assert.equal(hasControls(text.replace(/\n/g, '')), false, `${f.id}: ${JSON.stringify(text.slice(0, 300))}`);
  }
});
