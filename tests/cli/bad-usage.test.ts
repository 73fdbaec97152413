// parallel-safe: checks output, files and exit codes, not timings
// Bad flags and bad values: exit 2 with ONE line on stderr that names what to fix, and no stack trace.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBuilt, lines, runCli, tempDir, writeTinySuite } from './helpers.js';

void describe('bad usage exits 2 with a one-line error', () => {
  let suiteModule = '';
  before(() => {
    ensureBuilt();
    suiteModule = writeTinySuite(tempDir());
  });

  const cases: readonly (readonly [string, () => string[], RegExp])[] = [
    ['unknown command', () => ['rnu'], /unknown command "rnu" \(did you mean run\?\)/],
    ['unknown flag', () => ['list', '--fromat', 'json'], /unknown option --fromat for "list" \(did you mean --format\?\)/],
    ['flag without its value', () => ['run', '--suite'], /--suite needs a value: --suite NAME/],
    ['boolean flag given a value', () => ['run', '--fail-on-regression=yes', '--suite', 'x'], /--fail-on-regression does not take a value/],
    ['stray argument', () => ['list', 'extra'], /unexpected argument "extra"/],
    ['run without --suite', () => ['run'], /run needs --suite NAME/],
    ['unknown suite', () => ['run', '--suite', 'tinny', '--require', suiteModule], /unknown suite "tinny" \(did you mean tiny\?\)/],
    ['bad scale', () => ['run', '--suite', 'tiny', '--require', suiteModule, '--scale', 'huge'], /--scale must be one of quick, standard, linux, got "huge"/],
    ['unknown format', () => ['run', '--suite', 'tiny', '--require', suiteModule, '--format', 'xml'], /unknown format "xml"/],
    ['bad instrument', () => ['run', '--suite', 'tiny', '--require', suiteModule, '--instrument', 'cycles'], /--instrument must be one of time, instructions, got "cycles"/],
    ['cache-sim without instructions', () => ['run', '--suite', 'tiny', '--require', suiteModule, '--cache-sim'], /--cache-sim needs --instrument instructions/],
    ['instructions on a time-only suite', () => ['run', '--suite', 'disk_io', '--instrument', 'instructions'], /suite disk_io measures time only, not instructions/],
    ['list format', () => ['list', '--format', 'yaml'], /--format must be one of table, json/],
    ['unknown suite parameter', () => ['run', '--suite', 'tiny', '--require', suiteModule, '--param', 'wrk=5'], /unknown parameter "wrk" for suite tiny \(did you mean work\?\)/],
    ['non-numeric suite parameter', () => ['run', '--suite', 'tiny', '--require', suiteModule, '--param', 'work=lots'], /--param work must be a number/],
    ['param without =', () => ['run', '--suite', 'tiny', '--require', suiteModule, '--param', 'work'], /--param needs key=value/],
    ['interval not a number', () => ['monitor', '--interval', 'fast'], /--interval must be a number of seconds between 0.01 and 3600, got "fast"/],
    ['negative duration', () => ['monitor', '--duration', '-1'], /--duration must be a number of seconds >= 0.001/],
    ['history not whole', () => ['monitor', '--history', '2.5'], /--history must be a whole number/],
    ['port out of range', () => ['monitor', '--serve', '70000'], /--serve must be a whole number between 0 and 65535/],
    ['host without serve', () => ['monitor', '--host', '0.0.0.0'], /--host only applies with --serve PORT/],
    ['pid that does not exist', () => ['monitor', '--pid', '999999999'], /no process with pid 999999999/],
    ['missing suite module', () => ['list', '--require', '/nonexistent/suites.mjs'], /suite module \/nonexistent\/suites.mjs does not exist/],
    ['report format', () => ['report', '--format', 'xml', '--store', tempDir()], /unknown format "xml"/],
  ];

  for (const [name, args, message] of cases) {
    void test(name, async () => {
      const r = await runCli(args(), { timeout: 20_000 });
      assert.equal(r.code, 2, `exit code for ${args().join(' ')}: stderr ${r.stderr}`);
      assert.equal(r.stdout, '');
      const errorLines = lines(r.stderr);
      assert.equal(errorLines.length, 1, `expected one line, got:\n${r.stderr}`);
      assert.match(errorLines[0]!, /^rune-bench: error: /);
      assert.match(errorLines[0]!, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }

  void test('--verbose adds the stack trace', async () => {
    const r = await runCli(['run', '--suite', 'nope', '--verbose', '--require', suiteModule]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^rune-bench: error: unknown suite "nope"/);
    assert.match(r.stderr, /\n\s+at /);
  });
});
