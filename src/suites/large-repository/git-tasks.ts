// The git peer tasks of the large_repository suite: the same tree through git, timed the same way.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchmarkSuite } from '../../bench/benchmark-suite.js';
import type { TaskOptions, TaskTimingOptions } from '../../bench/types.js';
import type { KeyFigure } from '../../core/results.js';
import { seededRandom } from '../common/rng.js';
import { contentSourceFor } from '../../workloads/repository/generator.js';
import { runGit } from './git-peer.js';
import type { RepositoryFixture } from './repository-fixture.js';

/** Bytes of git's object store (loose objects and packs), from `git count-objects -v`. */
function gitDirBytes(fixture: RepositoryFixture): Promise<number> {
  return runGit(['count-objects', '-v'], { cwd: fixture.root }).then((out) => {
    let kib = 0;
    for (const line of out.split('\n')) {
      const [key, value] = line.split(': ');
      if (key === 'size' || key === 'size-pack') kib += Number(value ?? 0);
    }
    return kib * 1024;
  });
}

/** Counts NUL-separated entries of git's output. */
function countEntries(out: string): number {
  return out.split('\0').filter((p) => p !== '').length;
}

/**
 * What git sees of a user's repository: tracked files and files its ignore rules hide (a tree shipped with
 * a `.gitignore` ending in `/*` hides everything). Figures `git.tracked_files` and `git.ignored_files`, and a
 * notice when ignore rules hide any file the suite measures.
 *
 * @internal
 */
export async function reportIgnored(
  git: (args: readonly string[]) => Promise<string>,
  measured: number,
  figures: KeyFigure[],
  notices: string[],
): Promise<void> {
  const tracked = countEntries(await git(['ls-files', '-z', '--cached']));
  const ignored = countEntries(await git(['ls-files', '-z', '--others', '--ignored', '--exclude-standard']));
  figures.push(
    { name: 'git.tracked_files', value: tracked, unit: '{count}', description: 'files in the index of the user\'s repository' },
    { name: 'git.ignored_files', value: ignored, unit: '{count}', description: 'untracked files hidden by ignore rules (.gitignore, info/exclude)' },
  );
  if (ignored > 0) {
    notices.push(
      `git's ignore rules hide ${String(ignored)} of the ${String(measured)} files measured (${String(tracked)} tracked): ` +
        'git status covers only the files git sees; git hash-object is given every path. Commit or force-add (git add -f) them to compare like with like',
    );
  }
}

/**
 * Setup and teardown of a dirty-status task: the setup rewrites one fixed, seeded set of distinct files
 * (`share` of the tree) with a revision, and the teardown restores them with `git checkout`. Git cannot
 * record "modified" in the index, so every status re-reads and hashes exactly that set: each sample times
 * the same work. (Re-dirtying a fresh set before every sample let the modified files pile up, so the tenth
 * sample saw most of the tree modified, not 10%.)
 *
 * @internal
 */
export function dirtyFileHooks(
  fixture: Pick<RepositoryFixture, 'root' | 'files'>,
  options: { readonly share: number; readonly salt: number; readonly seed: number; readonly git: (args: readonly string[]) => Promise<string> },
): Required<Pick<TaskOptions, 'setup' | 'teardown'>> {
  const { share, salt, seed, git } = options;
  return {
    setup: async () => {
      const content = contentSourceFor(seed);
      const rng = seededRandom(seed ^ salt);
      const order = fixture.files.map((_, i) => i);
      const count = Math.min(order.length, Math.max(1, Math.round(fixture.files.length * share)));
      for (let i = 0; i < count; i++) {
        const pick = i + rng.int(order.length - i);
        const chosen = order[pick] as number;
        order[pick] = order[i] as number;
        const file = fixture.files[chosen];
        if (file === undefined) continue;
        const path = join(fixture.root, file.path);
        writeFileSync(path, content.revise(readFileSync(path), salt + i, 0.2));
      }
      await settleIndex(git);
    },
    // no settling here: the files restored now are settled by the next dirty task's setup, and no other git
    // task follows the dirty ones (a second wait would add a second of idle time per task)
    teardown: async () => {
      await git(['checkout', '-q', '--', '.']);
    },
  };
}

/**
 * Lets the index's timestamp move past the files just written, then lets git refresh it. Until then git
 * treats every file written in the same second as the index as "racily clean" and re-hashes it on every
 * status: measured here, ~20 statuses after a checkout took 2-4x as long, which a task would time as noise.
 */
async function settleIndex(git: (args: readonly string[]) => Promise<string>): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 1100));
  await git(['status', '--porcelain']);
}

/**
 * Adds the git peer tasks. On a generated tree: `git add -A && git commit`, warm `git status`, status after
 * dirtying 1% and 10% of the files, `git hash-object --stdin-paths`. On a user's directory only the
 * read-only ones: warm status (when it is a repository) and hash-object.
 *
 * @internal
 */
export async function addGitTasks(
  bench: BenchmarkSuite,
  fixture: RepositoryFixture,
  options: {
    readonly seed: number;
    /** Timing of the repeatable tasks (status, hash-object): many samples within a budget. */
    readonly sampled: TaskTimingOptions;
    readonly timeout: number;
    readonly signal?: AbortSignal | undefined;
  },
  figures: KeyFigure[],
  notices: string[],
): Promise<void> {
  const { seed, sampled, timeout, signal } = options;
  const cwd = fixture.root;
  const once = { minSamples: 1, maxSamples: 1, warmup: false, timeMs: 1, timeoutMs: timeout } as const;
  const git = (args: readonly string[], input?: string): Promise<string> =>
    runGit(args, { cwd, ...(input !== undefined ? { input } : {}), ...(signal !== undefined ? { signal } : {}) });
  const tags = ['git', 'peer'];
  let isRepository = fixture.generated;
  if (fixture.generated) {
    bench.add('git add -A && git commit', async () => {
      await git(['add', '-A']);
      await git(['commit', '-q', '--no-verify', '-m', 'rune-bench tree']);
    }, {
      ...once, bytes: fixture.bytes, items: fixture.files.length, tags,
      setup: () => git(['init', '-q']),
      figures: async () => {
        const bytes = await gitDirBytes(fixture);
        figures.push({ name: 'git.objects.bytes_written', value: bytes, unit: 'By', description: 'object store size after git add + commit' });
        return [{ name: 'bytes_written', value: bytes, unit: 'By' }];
      },
    });
  } else {
    try {
      await git(['rev-parse', '--git-dir']);
      isRepository = true;
    } catch {
      notices.push(`${cwd} is not a git repository: git status skipped`);
    }
    if (isRepository) await reportIgnored(git, fixture.files.length, figures, notices);
    notices.push('user directory: git add/commit and the dirty-status runs are skipped (they would modify it)');
  }
  if (isRepository) {
    bench.add('git status (warm)', () => git(['status', '--porcelain']), {
      ...sampled, items: fixture.files.length, tags, setup: () => git(['status', '--porcelain']),
    });
  }
  const input = fixture.files.map((f) => f.path).join('\n') + '\n';
  bench.add('git hash-object --stdin-paths', () => git(['hash-object', '--stdin-paths'], input), {
    ...sampled, minSamples: 5, bytes: fixture.bytes, items: fixture.files.length, tags,
  });
  if (fixture.generated) {
    // the setup waits ~1 s for the index to settle: room for it beside the sampling
    const hooksTime = { maxTimeMs: (sampled.maxTimeMs ?? Infinity) + 2000 };
    bench.add('git status (1% dirty)', () => git(['status', '--porcelain']), {
      ...sampled, ...hooksTime, minSamples: 10, maxSamples: 40, items: fixture.files.length, tags, ...dirtyFileHooks(fixture, { share: 0.01, salt: 0x101, seed, git }),
    });
    bench.add('git status (10% dirty)', () => git(['status', '--porcelain']), {
      ...sampled, ...hooksTime, minSamples: 10, maxSamples: 40, items: fixture.files.length, tags, ...dirtyFileHooks(fixture, { share: 0.1, salt: 0x202, seed, git }),
    });
    notices.push('git add -A && git commit runs once: it commits the whole tree, and a second commit of the same tree would time a different (no-op) operation');
  }
}
