// parallel-safe: checks output, files and exit codes, not timings
// Declaring your own metric names, as a user does against the installed package: `declare module 'rune-bench'`
// adds names (and families) to MetricRegistry, `snapshot.get` then accepts them typed with their unit, from the
// main entry and from a subpath, and a typo still does not compile. Compiled with tsc, library types included.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ROOT, ensureBuilt, tempDir } from '../cli/helpers.js';

before(() => {
  ensureBuilt();
  assert.ok(existsSync(join(ROOT, 'dist/core/metric-names.d.ts')), 'dist is older than MetricRegistry: run npm run build');
});

// One file declares names and reads them (the @ts-expect-error lines fail the compile if the typo or the
// unit mix-up compiled); another declares more and reads both, through a snapshot from a subpath.
const INDEX_TS = `import type { MetricSnapshot, MetricValue } from 'rune-bench';

declare module 'rune-bench' {
  interface MetricRegistry {
    'vcs.index.entries': '{count}';
    [name: \`vcs.pack.\${string}.bytes\`]: 'By';
  }
}

export function readIndex(s: MetricSnapshot): void {
  const entries: MetricValue<'{count}'> | undefined = s.get('vcs.index.entries');
  const pack: MetricValue<'By'> | undefined = s.get('vcs.pack.main.bytes');
  const cpu: MetricValue<'1'> | undefined = s.get('process.cpu.utilization');
  // @ts-expect-error a typo of a declared name
  s.get('vcs.index.entry');
  // @ts-expect-error a typo of a built-in name
  s.get('proces.cpu.utilization');
  // @ts-expect-error a count is not bytes
  const wrong: MetricValue<'By'> | undefined = s.get('vcs.index.entries');
  void [entries, pack, cpu, wrong];
}
`;

const WORKTREE_TS = `import type { MetricSnapshot } from 'rune-bench/sources';
import type { MetricValue } from 'rune-bench';

declare module 'rune-bench' {
  interface MetricRegistry {
    'vcs.worktree.files': '{count}';
  }
}

export function readWorktree(s: MetricSnapshot): number {
  const files: MetricValue<'{count}'> | undefined = s.get('vcs.worktree.files');
  return (files ?? 0) + (s.get('vcs.index.entries') ?? 0);
}
`;

void test("names declared with declare module 'rune-bench' compile against the built package; typos do not", () => {
  const project = tempDir('rune-bench-registry-');
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules/rune-bench'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
      },
      include: ['*.ts'],
    }),
  );
  writeFileSync(join(project, 'index-metrics.ts'), INDEX_TS);
  writeFileSync(join(project, 'worktree-metrics.ts'), WORKTREE_TS);
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
});
