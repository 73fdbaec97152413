// parallel-safe: asserts each example's exit code and that it prints something, never its figures
// Every example a user might copy is type-checked by `npm run typecheck` and run here, so none rots.
// Examples named *.test.ts are run by the test runner itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();

function run(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(examplesDir, file)], {
      cwd: examplesDir,
      env: { ...process.env, RUNE_BENCH_EXAMPLE_QUICK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

void test('there are examples to run', () => {
  assert.ok(examples.length > 0, `no examples in ${examplesDir}`);
});

for (const file of examples) {
  void test(`example ${file} runs to completion`, async () => {
    const { code, stdout, stderr } = await run(file);
    assert.equal(code, 0, `exit ${String(code)}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
    assert.ok(stdout.trim().length > 0, 'an example shows the user something');
  });
}
