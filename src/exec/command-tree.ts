// The tree commands run in: a generated repository committed with git, or the user's directory.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RuneBenchError } from '../core/errors.js';
import { validateOptions } from '../core/options.js';
import type { SuiteScale } from '../core/suite.js';
import { createTempDir } from '../suites/common/temp-dir.js';
import { runGit } from '../suites/large-repository/git-peer.js';
import { generateRepository } from '../workloads/repository/generator.js';

/**
 * A directory for command benchmarks. Remove a generated one with {@link CommandTree.dispose}.
 *
 * @beta
 */
export interface CommandTree {
  /** Root of the tree: the working directory for the commands. */
  readonly root: string;
  /** True when the tree was generated (a temporary directory, removed by `dispose`). */
  readonly generated: boolean;
  /** Files written by generation (0 for a user's directory). */
  readonly files: number;
  /** Wall time of generating and committing the tree, seconds (0 for a user's directory). */
  readonly prepareDuration: number;
  /** Removes a generated tree; does nothing for a user's directory. Safe to call more than once. */
  dispose(): Promise<void>;
}

/**
 * Options for {@link prepareCommandTree}.
 *
 * @beta
 */
export interface CommandTreeOptions {
  /** Seed of the generated tree. @defaultValue `1` */
  readonly seed?: number;
  /** Stops generation; the partial tree is removed and the promise rejects with `ERR_ABORTED`. */
  readonly signal?: AbortSignal;
  /** Called now and then while generating, with bytes written and the total. */
  readonly onProgress?: (written: number, total: number) => void;
}

const SCALES: readonly string[] = ['quick', 'standard', 'linux'];

/**
 * Prepares the tree commands run in. A scale (`quick`, `standard`, `linux`) generates the large-repository
 * suite's tree of that size in a temporary directory, then `git init`, `git add -A` and `git commit` it (git
 * isolated from the user's configuration), so `git status` has an index and a commit to compare with. The
 * directory is removed by `dispose()`, and also if the process exits or is interrupted first. Any other
 * value is taken as the path of an existing directory and used as it is.
 *
 * @param tree - `quick`, `standard`, `linux` or a directory
 * @param options - seed, abort signal, progress
 * @throws RuneBenchError `ERR_NOT_FOUND` when the directory does not exist, `ERR_CHILD_FAILED` when git fails,
 *   `ERR_ABORTED` when aborted
 * @beta
 */
export async function prepareCommandTree(tree: string, options: CommandTreeOptions = {}): Promise<CommandTree> {
  validateOptions(options, { seed: { kind: 'number', integer: true, min: 0 }, signal: { kind: 'signal' }, onProgress: { kind: 'function' } }, 'prepareCommandTree');
  if (typeof tree !== 'string' || tree === '') throw new TypeError('tree must be quick, standard, linux or a directory');
  if (!SCALES.includes(tree)) {
    const root = resolve(tree);
    let isDir = false;
    try {
      isDir = statSync(root).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) throw new RuneBenchError('ERR_NOT_FOUND', `tree ${root} is not a directory (or use quick, standard or linux to generate one)`, { path: root });
    return { root, generated: false, files: 0, prepareDuration: 0, dispose: () => Promise.resolve() };
  }
  const { signal } = options;
  const started = performance.now();
  const temp = await createTempDir('exec', signal === undefined ? {} : { signal });
  try {
    const root = join(temp.path, 'tree');
    const generated = await generateRepository(root, {
      scale: tree as SuiteScale,
      seed: options.seed ?? 1,
      ...(signal === undefined ? {} : { signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    const git = (args: readonly string[]): Promise<string> => runGit(args, { cwd: root, ...(signal === undefined ? {} : { signal }) });
    await git(['init', '-q']);
    await git(['add', '-A']);
    await git(['commit', '-q', '--no-verify', '-m', 'rune-bench tree']);
    return {
      root,
      generated: true,
      files: generated.plan.files.length,
      prepareDuration: (performance.now() - started) / 1000,
      dispose: () => temp.remove(),
    };
  } catch (error) {
    await temp.remove();
    throw error;
  }
}
