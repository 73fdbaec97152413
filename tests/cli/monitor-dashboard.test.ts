// The command tree in-process (as a host mounts it): `monitor` on a TTY-like stream stops on the host's signal.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCli } from '../../src/cli/cli.js';

function stream(isTTY: boolean): { isTTY: boolean; columns: number; rows: number; text: string; write(chunk: string): boolean } {
  return {
    isTTY,
    columns: 100,
    rows: 60,
    text: '',
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

void describe('createCli mounted by a host', () => {
  void test('monitor redraws on a TTY stream and ends with exit 0 when the host aborts', async () => {
    const stdout = stream(true);
    const stderr = stream(false);
    const controller = new AbortController();
    const cli = createCli({ name: 'rune benchmark', stdout, stderr, env: { NO_COLOR: '1' }, signal: controller.signal });
    assert.deepEqual(cli.commands.map((c) => c.name), ['run', 'compare', 'exec', 'list', 'monitor', 'report', 'store', 'bisect']);
    const done = cli.run(['monitor', '--interval', '0.05']);
    // Burn some CPU (in slices, so sampling goes on) until a few frames are drawn.
    const frameCount = (): number => stdout.text.split(/\x1b\[\d+F/).length - 1;
    const deadline = performance.now() + 15_000;
    let x = 0;
    while (frameCount() < 4 && performance.now() < deadline) {
      const until = performance.now() + 20;
      while (performance.now() < until) x += Math.sqrt(x + 1);
      await new Promise((r) => setTimeout(r, 30));
    }
    controller.abort();
    const code = await done;
    assert.equal(code, 0, stderr.text);
    assert.ok(stdout.text.startsWith('\x1b[?25l'), 'hides the cursor first');
    assert.ok(stdout.text.endsWith('\x1b[?25h'), 'shows the cursor last');
    assert.match(stdout.text, /rune benchmark monitor/);
    assert.match(stdout.text, /CPU \(process, 1 core\)/);
    const frames = stdout.text.split(/\x1b\[\d+F/).length - 1;
    assert.ok(frames >= 3, `expected several redraws, got ${frames}`);
  });

  void test('monitor on a plain stream prints one line per sample and stops after --duration', async () => {
    const stdout = stream(false);
    const stderr = stream(false);
    const code = await createCli({ stdout, stderr, env: {} }).run(['monitor', '--interval', '0.05', '--duration', '0.5']);
    assert.equal(code, 0, stderr.text);
    const sampleLines = stdout.text.split('\n').filter((l) => /^\d{4}-\d\d-\d\dT/.test(l));
    assert.ok(sampleLines.length >= 4, `lines: ${stdout.text}`);
    assert.match(sampleLines[0]!, /process\.memory\.usage=\d/);
    assert.doesNotMatch(stdout.text, /\x1b\[/, 'no escape codes when not a terminal');
  });

  void test('createCli validates its options', () => {
    assert.throws(() => createCli({ name: '' }), { name: 'TypeError', message: /name option/ });
    assert.throws(() => createCli({ stdout: {} as never }), { name: 'TypeError', message: /stdout option/ });
    assert.throws(() => createCli({ cwd: '' }), { name: 'TypeError', message: /cwd option/ });
  });

  void test('a host gets exit codes and one-line errors on its own streams', async () => {
    const stdout = stream(false);
    const stderr = stream(false);
    const cli = createCli({ name: 'rune benchmark', stdout, stderr, env: {} });
    assert.equal(await cli.run(['list', '--format', 'json']), 0);
    assert.ok(Array.isArray(JSON.parse(stdout.text)));
    assert.equal(await cli.run(['run', '--suite']), 2);
    assert.equal(stderr.text, 'rune benchmark: error: --suite needs a value: --suite NAME (see rune benchmark run --help)\n');
  });
});
