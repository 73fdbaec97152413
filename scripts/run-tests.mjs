#!/usr/bin/env node
// Runs every *.test.ts under tests/ and examples/ with node's test runner (through tsx).
// Node 20 has no glob support in `node --test`, so the files are listed here.
// Extra arguments are passed on, e.g. `node scripts/run-tests.mjs tests/monitor` to run one area.
//
// Two files run at a time, but only files marked `// parallel-safe: <why>` run beside each other: the rest
// measure the machine and run alone (scripts/test-slot.mjs holds the lock). The parallel-safe files go first,
// so the run is a parallel phase followed by a serial one.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { isParallelSafe } from './test-slot.mjs';

function collect(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const entry of entries.sort()) {
    if (entry === 'node_modules' || entry === 'fixtures') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (entry.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['tests', 'examples'];
const files = roots.flatMap((root) => (root.endsWith('.ts') ? [root] : collect(root, [])));
if (files.length === 0) {
  console.error('run-tests: no test files found under ' + roots.join(', '));
  process.exit(1);
}
const parallelSafe = files.filter((file) => isParallelSafe(file));
const alone = files.filter((file) => !parallelSafe.includes(file));
const slots = mkdtempSync(join(tmpdir(), 'rune-bench-test-slots-'));
const slotModule = new URL('./test-slot.mjs', import.meta.url).href;
let result;
try {
  result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', slotModule, '--test', '--test-concurrency=2', '--test-timeout=300000', ...parallelSafe, ...alone],
    { stdio: 'inherit', env: { ...process.env, RUNE_BENCH_TEST: '1', RUNE_BENCH_TEST_SLOTS: slots } },
  );
} finally {
  rmSync(slots, { recursive: true, force: true });
}
process.exit(result?.status ?? 1);
