// SIGTERM while `run --baseline` compares (a phase of synchronous work after the suite ran): nothing is
// printed and the exit code is 130, not a full report and 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT, ensureBuilt, tempDir } from '../cli/helpers.js';

void test('SIGTERM during the baseline comparison exits 130 and prints no report', async () => {
  ensureBuilt();
  const dir = tempDir('rb-signal-');
  const module = join(dir, 'sig.mjs');
  writeFileSync(
    module,
    `import { BenchmarkSuite } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/index.js')).href)};
export default { id: 'sig', description: 'eight small tasks', parameters: [], async run(o = {}) {
  const s = new BenchmarkSuite('sig', { keepSamples: true, timeMs: 40, ...(o.signal ? { signal: o.signal } : {}) });
  for (let i = 0; i < 8; i++) s.add('t' + i, () => { let x = 0; for (let j = 0; j < 100; j++) x += j; return x; });
  return s.run(); } };
`,
  );
  const base = join(dir, 'base.json');
  const saved = spawnSync(process.execPath, [BIN, 'run', '--require', module, '--suite', 'sig', '--no-store', '--save-baseline', base], { encoding: 'utf8' });
  assert.equal(saved.status, 0, saved.stderr);
  // Enough kept samples that the comparison of eight tasks takes seconds, so the signal lands inside it.
  const json = JSON.parse(readFileSync(base, 'utf8')) as { tasks: { samples: number[] }[] };
  for (const t of json.tasks) t.samples = Array.from({ length: 2000 }, (_, i) => (t.samples[i % t.samples.length] ?? 1e-6) * (1 + (i % 97) / 1e4));
  writeFileSync(base, JSON.stringify(json));

  const child = spawn(process.execPath, [BIN, 'run', '--require', module, '--suite', 'sig', '--no-store', '--baseline', base], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    // the suite finished: the comparison starts now
    if (!sent && /sig ok after/.test(stderr)) {
      sent = true;
      child.kill('SIGTERM');
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => { resolve(c); }));
  assert.ok(sent, stderr);
  assert.equal(code, 130, stderr);
  assert.equal(stdout, '', 'a report was printed after SIGTERM');
});
