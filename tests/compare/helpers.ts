// Temporary git repositories holding a tiny suite module (a deterministic busy loop) for the comparison tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureBuilt } from '../cli/helpers.js';
import type { CompareRevisionsOptions } from '../../src/entry/compare.js';

export { ROOT, ensureBuilt };

/** Source of `work.js`: how many times the busy loop runs per operation. */
export function workModule(factor: number): string {
  return `export const WORK = ${factor};\n`;
}

/**
 * The suite module: suite `tiny` with one task `loop` (or `tasks` tasks) doing `WORK` x `n` iterations of a
 * deterministic loop; `extra` is appended to the parameter list; `prelude` runs at load (e.g. a throw).
 */
export function suiteModule(options: { readonly tasks?: readonly string[]; readonly parameterDefault?: number; readonly prelude?: string } = {}): string {
  const tasks = options.tasks ?? ['loop'];
  return `${options.prelude ?? ''}
import { BenchmarkSuite } from 'rune-bench';
import { WORK } from './work.js';
function busy(n) { let x = 0; for (let i = 0; i < n; i++) x = (x * 31 + i) | 0; return x; }
export const suite = {
  id: 'tiny',
  description: 'a deterministic busy loop',
  parameters: [{ name: 'n', type: 'number', description: 'iterations per operation', default: ${options.parameterDefault ?? 20000} }],
  run(options = {}) {
    const n = Number(options.params?.n ?? ${options.parameterDefault ?? 20000});
    const s = new BenchmarkSuite('tiny', { timeMs: 100, warmupMs: 10, minSamples: 8 });
    for (const name of ${JSON.stringify(tasks)}) s.add(name, () => busy(n * WORK));
    return s.run();
  },
};
`;
}

/** A test repository; `cleanup()` removes it and the private TMPDIR the comparison uses. */
export interface TestRepo {
  readonly dir: string;
  /** A private temporary directory: set TMPDIR to it so the worktrees the comparison makes can be counted. */
  readonly tmp: string;
  /** Commits `files` (path -> content) on top of the current commit. */
  commit(files: Readonly<Record<string, string>>, message: string): void;
  /** Writes `files` without committing (the working tree differs from HEAD). */
  write(files: Readonly<Record<string, string>>): void;
  /** Worktrees git knows of (1 = only the main one). */
  worktrees(): number;
  /** Entries left in `tmp`. */
  leftovers(): string[];
  cleanup(): void;
}

/** A fresh repository with `node_modules/rune-bench` linked to this package (ignored by git) and a first commit. */
export function createRepo(files: Readonly<Record<string, string>>): TestRepo {
  ensureBuilt();
  const root = mkdtempSync(join(tmpdir(), 'rune-bench-compare-test-'));
  const dir = join(root, 'repo');
  const tmp = join(root, 'tmp');
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  mkdirSync(tmp);
  symlinkSync(ROOT, join(dir, 'node_modules', 'rune-bench'), 'dir');
  const run = (args: readonly string[]): string => execFileSync('git', [...args], { cwd: dir, encoding: 'utf8' });
  run(['init', '-q']);
  run(['config', 'user.email', 'test@example.com']);
  run(['config', 'user.name', 'test']);
  run(['config', 'commit.gpgsign', 'false']);
  const write = (more: Readonly<Record<string, string>>): void => {
    for (const [path, content] of Object.entries(more)) writeFileSync(join(dir, path), content);
  };
  const commit = (more: Readonly<Record<string, string>>, message: string): void => {
    write(more);
    run(['add', '-A']);
    run(['commit', '-q', '-m', message]);
  };
  commit({ '.gitignore': 'node_modules\n', 'package.json': '{ "name": "tiny", "private": true, "type": "module" }\n', ...files }, 'base');
  return {
    dir,
    tmp,
    commit,
    write,
    worktrees: () => run(['worktree', 'list', '--porcelain']).split('\n').filter((l) => l.startsWith('worktree ')).length,
    leftovers: () => readdirSync(tmp).filter((name) => name.startsWith('rune-bench-')),
    cleanup: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` with TMPDIR set to the repository's temporary folder (where the comparison makes its worktrees). */
export async function withTmp<T>(repo: TestRepo, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = repo.tmp;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/** compareRevisions options for the tiny suite of `repo`: HEAD as the base, 4 rounds, `more` on top. */
export function compareOptions(repo: TestRepo, more: Partial<CompareRevisionsOptions> = {}): CompareRevisionsOptions {
  return { base: 'HEAD', repository: repo.dir, suiteModule: 'suite.js', suite: 'tiny', rounds: 4, ...more };
}
