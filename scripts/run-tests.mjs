#!/usr/bin/env node
// Runs every *.test.ts under tests/ and examples/ with node's test runner (through tsx).
// Node 20 has no glob support in `node --test`, so the files are listed here.
// Extra arguments are passed on, e.g. `node scripts/run-tests.mjs tests/monitor` to run one area.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

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
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-timeout=300000', ...files],
  { stdio: 'inherit', env: { ...process.env, RUNE_BENCH_TEST: '1' } },
);
process.exit(result.status ?? 1);
