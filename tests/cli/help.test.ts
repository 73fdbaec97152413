// parallel-safe: checks output, files and exit codes, not timings
// `--help` on the program and on every command; `--version`; no command at all.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureBuilt, runCli } from './helpers.js';

const COMMANDS = ['run', 'compare', 'list', 'monitor', 'report'] as const;

void describe('rune-bench help', () => {
  before(() => {
    ensureBuilt();
  });

  void test('--help lists every command and the exit codes', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0, r.stderr);
    for (const command of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${command} `, 'm'));
    assert.match(r.stdout, /Exit codes: 0 success, 1 regression/);
    assert.equal(r.stderr, '');
  });

  for (const command of COMMANDS) {
    void test(`${command} --help shows its usage and options`, async () => {
      const r = await runCli([command, '--help']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^Usage: rune-bench ${command}`));
      assert.match(r.stdout, /^Options:$/m);
      assert.match(r.stdout, /--help/);
      const again = await runCli(['help', command]);
      assert.equal(again.stdout, r.stdout);
    });
  }

  void test('run --help documents every flag the issue names', async () => {
    const r = await runCli(['run', '-h']);
    for (const flag of ['--suite', '--scale', '--format', '--output', '--baseline', '--save-baseline', '--fail-on-regression', '--store', '--param', '--require']) {
      assert.ok(r.stdout.includes(flag), `missing ${flag}`);
    }
  });

  void test('compare --help documents its flags and exit codes', async () => {
    const r = await runCli(['compare', '-h']);
    for (const flag of ['--base', '--head', '--require', '--suite', '--rounds', '--time-ms', '--build', '--fail-on-regression', '--strict']) {
      assert.ok(r.stdout.includes(flag), `missing ${flag}`);
    }
    assert.match(r.stdout, /2 the revisions are not comparable/);
  });

  void test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  void test('no command prints the help on stderr and exits 2', async () => {
    const r = await runCli([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Usage: rune-bench <command>/);
  });
});
