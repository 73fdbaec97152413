// Running git for the git-notes store: synchronous, captured, failures as typed errors.
import { nodeChildProcess } from '../core/builtins.js';
import { RuneBenchError } from '../core/errors.js';

/** What one git call gave back. @internal */
export interface GitOutput {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** The identity git needs to write notes commits when the user configured none. @internal */
const FALLBACK_IDENTITY = { name: 'rune-bench', email: 'rune-bench@localhost' };

const identityByDir = new Map<string, NodeJS.ProcessEnv>();

/** The environment for git in `cwd`: the user's identity when configured, else a neutral one (notes commits need one). */
function gitEnv(cwd: string): NodeJS.ProcessEnv {
  let env = identityByDir.get(cwd);
  if (env === undefined) {
    env = { ...process.env };
    const configured = nodeChildProcess().spawnSync('git', ['config', 'user.email'], { cwd, env }).status === 0;
    if (!configured) {
      for (const role of ['AUTHOR', 'COMMITTER'] as const) {
        env[`GIT_${role}_NAME`] ??= FALLBACK_IDENTITY.name;
        env[`GIT_${role}_EMAIL`] ??= FALLBACK_IDENTITY.email;
      }
    }
    identityByDir.set(cwd, env);
  }
  return env;
}

/**
 * Runs `git args` in `cwd`, capturing its output.
 *
 * @internal
 */
export function git(cwd: string, args: readonly string[], input?: string | Uint8Array): GitOutput {
  const result = nodeChildProcess().spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024, env: gitEnv(cwd) });
  if (result.error !== undefined) {
    throw new RuneBenchError('ERR_FILE_IO', `could not run git ${args[0] ?? ''}: ${result.error.message}`, { cause: result.error, path: cwd });
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** Runs git and returns its trimmed standard output; a non-zero exit is an `ERR_FILE_IO` naming the command. @internal */
export function gitText(cwd: string, args: readonly string[], input?: string | Uint8Array): string {
  const out = git(cwd, args, input);
  if (out.status !== 0) {
    throw new RuneBenchError('ERR_FILE_IO', `git ${args.join(' ')} failed: ${out.stderr.trim().split('\n')[0] ?? ''}`, { path: cwd });
  }
  return out.stdout.toString('utf8').trim();
}
