// `monitor` on a real terminal (a pty from util-linux `script`): redraws in place, Ctrl-C exits 0 and shows the cursor.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BIN, ensureBuilt } from './helpers.js';

const SCRIPT = '/usr/bin/script';

void describe('monitor on a terminal', { skip: existsSync(SCRIPT) ? false : 'util-linux `script` not installed: no pty to test with' }, () => {
  before(() => {
    ensureBuilt();
  });

  void test('draws a live dashboard and Ctrl-C exits 0 restoring the cursor', async () => {
    const command = `stty cols 110 rows 40; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} monitor --interval 0.2`;
    const child = spawn(SCRIPT, ['-qfec', command, '/dev/null'], {
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => {
      resolve(code);
    }));
    // Wait for a few frames, then press Ctrl-C on the terminal (the line discipline sends SIGINT).
    const deadline = Date.now() + 15_000;
    while ((output.match(/\x1b\[\d+F/g) ?? []).length < 4 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    child.stdin.write('\x03');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);

    assert.equal(code, 0, `exit code; output:\n${output}`);
    assert.ok(output.includes('\x1b[?25l'), 'cursor hidden while the dashboard runs');
    const redraws = output.match(/\x1b\[\d+F/g) ?? [];
    assert.ok(redraws.length >= 4, `redrawn in place (cursor moved up) ${redraws.length} times`);
    assert.match(output, /memory \(RSS\)/);
    assert.match(output, /[▁▂▃▄▅▆▇█]/, 'sparklines drawn');
    assert.match(output, /findings/);
    const lastHide = output.lastIndexOf('\x1b[?25l');
    const lastShow = output.lastIndexOf('\x1b[?25h');
    assert.ok(lastShow > lastHide, 'the cursor is shown again after the last frame');
  });
});
