// Temporary git worktrees for the revisions under comparison: created, given dependencies, built, and always removed.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuneBenchError } from '../core/errors.js';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock'] as const;

/** Runs git and resolves to its trimmed stdout, or rejects with a RuneBenchError quoting git's message. @internal */
export function git(cwd: string, args: readonly string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, ...(signal === undefined ? {} : { signal }) }, (error, stdout, stderr) => {
      if (error === null) {
        resolve(stdout.trim());
        return;
      }
      if (signal?.aborted === true) {
        reject(new RuneBenchError('ERR_ABORTED', 'the comparison was aborted', { cause: error }));
        return;
      }
      const detail = stderr.trim().split('\n').at(-1) ?? error.message;
      reject(new RuneBenchError('ERR_NOT_FOUND', `git ${args.join(' ')} failed in ${cwd}: ${detail}`, { cause: error }));
    });
  });
}

/**
 * A temporary worktree of one commit. `remove()` is idempotent and also runs if the process exits first.
 *
 * @internal
 */
export class TemporaryWorktree {
  readonly #repository: string;
  readonly #parent: string;
  /** The worktree's directory. */
  readonly dir: string;
  #removed = false;
  readonly #onExit = (): void => {
    this.removeSync();
  };

  private constructor(repository: string, parent: string) {
    this.#repository = repository;
    this.#parent = parent;
    this.dir = join(parent, 'tree');
    process.once('exit', this.#onExit);
  }

  /** Checks `commit` out, detached, into a new temporary directory. */
  static async create(repository: string, commit: string, label: string, signal?: AbortSignal): Promise<TemporaryWorktree> {
    const parent = mkdtempSync(join(tmpdir(), `rune-bench-compare-${label}-`));
    const tree = new TemporaryWorktree(repository, parent);
    try {
      await git(repository, ['worktree', 'add', '--detach', '--quiet', tree.dir, commit], signal);
    } catch (error) {
      tree.removeSync();
      throw error;
    }
    return tree;
  }

  /** Removes the worktree (`git worktree remove --force`, then prune) and its temporary directory. */
  removeSync(): void {
    if (this.#removed) return;
    this.#removed = true;
    process.removeListener('exit', this.#onExit);
    try {
      execFileSync('git', ['worktree', 'remove', '--force', this.dir], { cwd: this.#repository, stdio: 'ignore' });
    } catch {
      // not registered (creation failed) or already gone: the prune below and the rm cover it
    }
    rmSync(this.#parent, { recursive: true, force: true });
    try {
      execFileSync('git', ['worktree', 'prune'], { cwd: this.#repository, stdio: 'ignore' });
    } catch {
      // nothing to prune
    }
  }
}

/**
 * Gives a fresh tree the dependencies of the working tree: a symlink to its `node_modules` when the tree has
 * none. Returns notices: what was linked, and each lockfile that differs between the two trees.
 *
 * @internal
 */
export function linkDependencies(tree: string, workingTree: string, label: string): string[] {
  const notices: string[] = [];
  const source = join(workingTree, 'node_modules');
  const target = join(tree, 'node_modules');
  if (existsSync(source) && !existsSync(target)) {
    symlinkSync(realpathSync(source), target, 'dir');
    notices.push(`${label}: node_modules linked from the working tree`);
  }
  for (const name of LOCKFILES) {
    const a = readOptional(join(tree, name));
    const b = readOptional(join(workingTree, name));
    if (a === undefined && b === undefined) continue;
    if (a !== b) notices.push(`${label}: ${name} differs from the working tree's; ${label} runs with the working tree's dependencies`);
  }
  return notices;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Runs a build command through the shell in `tree`; rejects with the tail of its output when it fails.
 *
 * @internal
 */
export function runBuild(command: string, tree: string, label: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd: tree, shell: true, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-2000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const onAbort = (): void => {
      killTree(child.pid);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new RuneBenchError('ERR_CHILD_FAILED', `build command for ${label} could not start: ${error.message}`, { cause: error }));
    });
    child.on('close', (code, sig) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted === true) reject(new RuneBenchError('ERR_ABORTED', 'the comparison was aborted'));
      else if (code === 0) resolve();
      else {
        const tail = output.trim().split('\n').slice(-5).join(' | ');
        reject(new RuneBenchError('ERR_CHILD_FAILED', `build command ${JSON.stringify(command)} failed for ${label} (${sig ?? `exit ${String(code)}`})${tail === '' ? '' : `: ${tail}`}`));
      }
    });
  });
}

/** Kills a detached child's process group (the shell and what it started), or the child alone. @internal */
export function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
