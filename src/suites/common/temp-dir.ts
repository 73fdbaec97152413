// Temporary directories for suites: removed when the work ends, when it is aborted, on SIGINT/SIGTERM and at exit.
import { mkdtemp, rm } from 'node:fs/promises';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abortError } from '../../core/errors.js';
import { processAlive } from '../../core/files.js';

/**
 * A temporary directory owned by a suite run. Remove it with {@link TempDir.remove} (or `await using`);
 * if the process exits first, or is interrupted (SIGINT, SIGTERM) with no other handler for the signal,
 * it is removed synchronously. (With another handler, for example a CLI that aborts its run on SIGINT,
 * that handler decides: an aborted run removes its directories itself.)
 *
 * @public
 */
export interface TempDir {
  /** Absolute path of the directory. */
  readonly path: string;
  /** Removes the directory and everything in it. Safe to call more than once. */
  remove(): Promise<void>;
  /** Same as {@link TempDir.remove}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Options for {@link createTempDir}.
 *
 * @public
 */
export interface TempDirOptions {
  /** Directory to create the temporary directory in. @defaultValue `os.tmpdir()` */
  readonly parent?: string;
  /** Fails with `ERR_ABORTED` when already aborted; the directory is not created. */
  readonly signal?: AbortSignal;
}

const live = new Set<string>();
const swept = new Set<string>();
const STALE_DIR = /^rune-bench-.+-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Removes `rune-bench-*` temporary directories in `parent` whose owner process is gone (it was killed
 * with SIGKILL and could not clean up). Runs once per parent per process, best effort; returns the count.
 *
 * @internal
 */
export function removeStaleTempDirs(parent: string = tmpdir()): number {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const match = STALE_DIR.exec(entry);
    if (match === null) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || processAlive(pid)) continue;
    try {
      rmSync(join(parent, entry), { recursive: true, force: true, maxRetries: 2 });
      removed += 1;
    } catch {
      // not ours to remove, or gone already
    }
  }
  return removed;
}
let hooked = false;

function removeAllSync(): void {
  for (const path of live) {
    try {
      rmSync(path, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // best effort while the process is going away
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else handles the signal (a CLI aborting its run): the run removes its directories as it
  // unwinds, and the 'exit' hook catches whatever is left if the handler exits.
  if (process.listenerCount(signal) > 1) return;
  // Nobody else: the default would terminate the process. Remove the directories, then terminate the
  // default way by raising the signal again without our listener.
  removeAllSync();
  unhook();
  process.kill(process.pid, signal);
}

const onSigint = (): void => {
  onSignal('SIGINT');
};
const onSigterm = (): void => {
  onSignal('SIGTERM');
};

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('exit', removeAllSync);
}

function unhook(): void {
  if (!hooked) return;
  hooked = false;
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
  process.off('exit', removeAllSync);
}

/**
 * Creates a temporary directory `<parent>/rune-bench-<prefix>-XXXXXX` that is removed even when the run
 * is interrupted.
 *
 * @param prefix - a short name for the directory, e.g. the suite id
 * @param options - parent directory and abort signal
 * @public
 */
export async function createTempDir(prefix: string, options: TempDirOptions = {}): Promise<TempDir> {
  if (typeof prefix !== 'string' || !/^[\w.-]{1,64}$/.test(prefix)) {
    throw new TypeError('prefix must be 1-64 characters of letters, digits, "_", "." or "-"');
  }
  if (options.signal?.aborted === true) throw abortError(options.signal, 'createTempDir');
  const parent = options.parent ?? tmpdir();
  if (!swept.has(parent)) {
    swept.add(parent);
    removeStaleTempDirs(parent);
  }
  // The owner's pid is part of the name, so a later run can tell a directory whose process was killed.
  const path = await mkdtemp(join(parent, `rune-bench-${prefix}-${process.pid}-`));
  live.add(path);
  hook();
  let removed = false;
  const remove = async (): Promise<void> => {
    if (removed) return;
    removed = true;
    try {
      await rm(path, { recursive: true, force: true, maxRetries: 3 });
    } finally {
      live.delete(path);
      if (live.size === 0) unhook();
    }
  };
  return { path, remove, [Symbol.asyncDispose]: remove };
}

/**
 * Runs `fn` with a fresh temporary directory and removes it afterwards, whether `fn` resolves, throws or
 * is aborted.
 *
 * @param prefix - a short name for the directory, e.g. the suite id
 * @param fn - the work; receives the directory path
 * @param options - parent directory and abort signal
 * @public
 */
export async function withTempDir<T>(
  prefix: string,
  fn: (path: string) => Promise<T>,
  options: TempDirOptions = {},
): Promise<T> {
  const dir = await createTempDir(prefix, options);
  try {
    return await fn(dir.path);
  } finally {
    await dir.remove();
  }
}

/**
 * Paths of temporary directories created by {@link createTempDir} and not removed yet.
 *
 * @internal
 */
export function liveTempDirs(): readonly string[] {
  return [...live];
}
