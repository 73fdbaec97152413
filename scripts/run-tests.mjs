#!/usr/bin/env node
// Runs every *.test.ts under tests/ and examples/ with node's test runner (through tsx).
// Node 20 has no glob support in `node --test`, so the files are listed here.
// Extra arguments are passed on, e.g. `node scripts/run-tests.mjs tests/monitor` to run one area.
//
// Two files run at a time, but only files marked `// parallel-safe: <why>` run beside each other: the rest
// measure the machine and run alone (scripts/test-slot.mjs holds the lock). The parallel-safe files go first,
// so the run is a parallel phase followed by a serial one. `node --test FILE...` sorts the files by name, which
// would interleave the two kinds (and leave a core idle each time a file that runs alone waits for a parallel-safe
// one to end); so this script starts itself again as a driver under tsx and the lock, and the driver hands the
// files in this order to node:test's run(), which keeps it. Its children inherit the driver's `--import` flags.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isParallelSafe } from './test-slot.mjs';

const DRIVER = '--driver';

if (process.argv[2] === DRIVER) {
  const { run } = await import('node:test');
  const { spec, tap } = await import('node:test/reporters');
  const stream = run({ files: process.argv.slice(3), concurrency: 2, timeout: 300_000 });
  // as `node --test` does: a failed test (not a todo) fails the run
  stream.on('test:fail', (data) => {
    if (data.todo === undefined || data.todo === false) process.exitCode = 1;
  });
  stream.compose(process.stdout.isTTY ? new spec() : tap).pipe(process.stdout);
} else {
  const collect = (dir, out) => {
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
  };

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
    result = spawnSync(process.execPath, ['--import', 'tsx', '--import', slotModule, fileURLToPath(import.meta.url), DRIVER, ...parallelSafe, ...alone], {
      stdio: 'inherit',
      env: { ...process.env, RUNE_BENCH_TEST: '1', RUNE_BENCH_TEST_SLOTS: slots },
    });
  } finally {
    rmSync(slots, { recursive: true, force: true });
  }
  process.exit(result?.status ?? 1);
}
