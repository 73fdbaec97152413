// parallel-safe: checks output, files and exit codes, not timings
// `bisect` refuses incomplete command lines with exit 2 and says what is missing.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, runCli, tempDir } from './helpers.js';

before(() => {
  ensureBuilt();
});

void test('bisect names the missing option', async () => {
  const cwd = tempDir();
  const cases: [string[], RegExp][] = [
    [[], /--good REF/],
    [['--good', 'HEAD~1'], /--require SUITE_MODULE/],
    [['--good', 'HEAD~1', '--require', 's.js'], /--suite ID/],
    [['--good', 'HEAD~1', '--require', 's.js', '--suite', 'x'], /--task NAME/],
  ];
  for (const [args, message] of cases) {
    const r = await runCli(['bisect', ...args], { cwd });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
  }
  const help = await runCli(['bisect', '--help'], { cwd });
  assert.equal(help.code, 0);
  assert.match(help.stdout, /first commit where a task got slower/);
});
