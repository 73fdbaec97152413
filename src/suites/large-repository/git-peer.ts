// The real peer: git on the PATH, run on the same tree, isolated from the user's git configuration.
import { spawn } from 'node:child_process';
import { abortError, RuneBenchError } from '../../core/errors.js';

/**
 * Options for {@link runGit}.
 *
 * @internal
 */
export interface RunGitOptions {
  /** Working directory. */
  readonly cwd: string;
  /** Written to stdin, then stdin is closed. */
  readonly input?: string;
  /** Kills git and rejects with `ERR_ABORTED`. */
  readonly signal?: AbortSignal;
}

const ISOLATED_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'rune-bench',
  GIT_AUTHOR_EMAIL: 'rune-bench@example.invalid',
  GIT_COMMITTER_NAME: 'rune-bench',
  GIT_COMMITTER_EMAIL: 'rune-bench@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  LC_ALL: 'C',
};

/**
 * Runs `git <args>` and resolves with its stdout. Rejects with `ERR_CHILD_FAILED` on a non-zero exit or
 * when git cannot be started, `ERR_ABORTED` when aborted (git is killed).
 *
 * @internal
 */
export function runGit(args: readonly string[], options: RunGitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted === true) {
      reject(abortError(options.signal, `git ${args[0] ?? ''}`));
      return;
    }
    const child = spawn('git', ['-c', 'gc.auto=0', '-c', 'core.autocrlf=false', '-c', 'commit.gpgSign=false', ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...ISOLATED_ENV },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let errBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (errBytes < 64 * 1024) err.push(chunk);
      errBytes += chunk.length;
    });
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    child.on('error', (cause) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(new RuneBenchError('ERR_CHILD_FAILED', `git could not be started: ${cause.message}`, { cause }));
    });
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (options.signal?.aborted === true) {
        reject(abortError(options.signal, `git ${args[0] ?? ''}`));
      } else if (code === 0) {
        resolve(Buffer.concat(out).toString('utf8'));
      } else {
        const stderr = Buffer.concat(err).toString('utf8').trim().slice(0, 500);
        reject(new RuneBenchError('ERR_CHILD_FAILED', `git ${args.join(' ')} exited with ${String(code ?? signal)}: ${stderr}`));
      }
    });
  });
}

/**
 * The version line of git on the PATH (`git version 2.x`), or `undefined` when git is not there.
 *
 * @internal
 */
export async function findGit(cwd: string = process.cwd()): Promise<string | undefined> {
  try {
    return (await runGit(['--version'], { cwd })).trim();
  } catch {
    return undefined;
  }
}
