// The tree a suite works on: a generated one in a temporary directory, or a directory the user named.
import { accessSync, constants, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isRuneBenchError, RuneBenchError } from '../../core/errors.js';
import type { SuiteResult } from '../../core/results.js';
import type { SuiteScale } from '../../core/suite.js';
import type { ProgressReporter } from '../common/progress.js';
import type { SuiteResultBuilder } from '../../bench/result-builder.js';
import { createTempDir, type TempDir } from '../common/temp-dir.js';
import { generateRepository } from '../../workloads/repository/generator.js';
import { walkTree, type TreeEntry } from '../../workloads/repository/tree-walk.js';

/**
 * A tree ready for a suite's operations.
 *
 * @internal
 */
export interface RepositoryFixture {
  /** Root of the tree. */
  readonly root: string;
  /** Scratch directory for outputs (packs), removed by {@link RepositoryFixture.dispose}. */
  readonly scratch: string;
  /** Regular files of the tree (`.git` excluded). */
  readonly files: readonly TreeEntry[];
  /** Directories of the tree. */
  readonly directories: readonly string[];
  /** Sum of file sizes. */
  readonly bytes: number;
  /** Entries of a user's directory left out because they cannot be read. */
  readonly skipped: number;
  /** True when the tree was generated (and may be modified); false for a user's directory. */
  readonly generated: boolean;
  /** Generation wall time, seconds (0 for a user's directory). */
  readonly generateDuration: number;
  /** Bytes written by generation. */
  readonly bytesWritten: number;
  /** Removes everything this fixture created (never the user's directory). */
  dispose(): Promise<void>;
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Options for {@link prepareRepository}.
 *
 * @internal
 */
export interface PrepareRepositoryOptions {
  readonly suite: string;
  readonly scale: SuiteScale;
  readonly seed: number;
  readonly files?: number | undefined;
  readonly dir?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly progress: ProgressReporter;
}

/**
 * Generates the tree (or opens the user's directory) and walks it.
 *
 * @internal
 */
export async function prepareRepository(options: PrepareRepositoryOptions): Promise<RepositoryFixture> {
  const { suite, scale, seed, signal, progress } = options;
  const temp: TempDir = await createTempDir(suite, signal === undefined ? {} : { signal });
  try {
    let root: string;
    let generateDuration = 0;
    let bytesWritten = 0;
    if (options.dir !== undefined) {
      root = resolve(options.dir);
      let isDir = false;
      try {
        isDir = statSync(root).isDirectory();
      } catch {
        isDir = false;
      }
      if (!isDir) throw new RuneBenchError('ERR_NOT_FOUND', `dir parameter: ${root} is not a directory`, { path: root });
      progress.update('walk', 0.5, `walking ${root}`);
    } else {
      root = join(temp.path, 'tree');
      const generated = await generateRepository(root, {
        scale,
        seed,
        ...(options.files !== undefined ? { files: options.files } : {}),
        ...(signal !== undefined ? { signal } : {}),
        onProgress: (written, total) => {
          progress.update('generate', total > 0 ? written / total : 1, `generating ${scale} tree`);
        },
      });
      generateDuration = generated.duration;
      bytesWritten = generated.bytesWritten;
    }
    const walked = await walkTree(root, signal === undefined ? {} : { signal });
    // In a user's directory, leave out files this process cannot read (every operation reads them).
    const files = options.dir === undefined ? walked.files : walked.files.filter((f) => readable(join(root, f.path)));
    const skipped = walked.skipped + walked.files.length - files.length;
    if (files.length === 0) {
      throw new RuneBenchError('ERR_INSUFFICIENT_DATA', `dir parameter: ${root} has no readable files to measure`, { path: root });
    }
    progress.update('walk', 1);
    let bytes = 0;
    for (const file of files) bytes += file.size;
    return {
      root,
      scratch: temp.path,
      files,
      directories: walked.directories,
      bytes,
      skipped,
      generated: options.dir === undefined,
      generateDuration,
      bytesWritten,
      dispose: () => temp.remove(),
    };
  } catch (error) {
    await temp.remove();
    throw error;
  }
}

/**
 * {@link prepareRepository} for a suite's `run`: an abort while the tree is generated becomes the suite's
 * `aborted` result (nothing measured yet) instead of an error. Other errors are thrown.
 *
 * @param builder - the suite's result builder, which gives the aborted result
 * @internal
 */
export async function prepareRepositoryForRun(options: PrepareRepositoryOptions, builder: SuiteResultBuilder): Promise<RepositoryFixture | SuiteResult> {
  try {
    return await prepareRepository(options);
  } catch (error) {
    if (!isRuneBenchError(error, 'ERR_ABORTED')) throw error;
    return builder.status('aborted').notice('aborted while generating the tree').build();
  }
}
