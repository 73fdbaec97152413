// parallel-safe: the terminal output's bar (its ETA is the suite's own fixed figure), colour and exit code, not timings
// `run` on a real terminal (a pty from util-linux `script`): a progress bar with ETA, colour unless NO_COLOR.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BIN, ensureBuilt, tempDir, writeTinySuite } from './helpers.js';

const SCRIPT = '/usr/bin/script';

function onTerminal(args: readonly string[], env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const command = `stty cols 100 rows 40; exec ${[process.execPath, BIN, ...args].map((a) => JSON.stringify(a)).join(' ')}`;
  const merged = { ...process.env, TERM: 'xterm', FORCE_COLOR: undefined, NO_COLOR: undefined, ...env };
  const cleanEnv = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((resolve, reject) => {
    const child = spawn(SCRIPT, ['-qfec', command, '/dev/null'], { env: cleanEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

void describe('run on a terminal', { skip: existsSync(SCRIPT) ? false : 'util-linux `script` not installed: no pty to test with' }, () => {
  let suiteModule = '';
  before(() => {
    ensureBuilt();
    suiteModule = writeTinySuite(tempDir());
  });

  void test('draws a progress bar with ETA, then a coloured table', async () => {
    const { code, output } = await onTerminal(['run', '--suite', 'tiny', '--require', suiteModule, '--no-store'], {});
    assert.equal(code, 0, output);
    assert.match(output, /\r\x1b\[K\[#+-*\]\s+50%\s+tiny: sum\s+ETA 0s/, 'a redrawn bar with percentage, phase and ETA');
    assert.match(output, /\x1b\[\d+m/, 'colour on a terminal');
    assert.match(output, /sort copy/);
  });

  void test('NO_COLOR keeps the bar but drops the colour', async () => {
    const { code, output } = await onTerminal(['run', '--suite', 'tiny', '--require', suiteModule, '--no-store'], { NO_COLOR: '1' });
    assert.equal(code, 0, output);
    assert.match(output, /\r\x1b\[K\[#+/);
    assert.doesNotMatch(output, /\x1b\[\d+(;\d+)*m/);
  });
});
