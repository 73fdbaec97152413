// One isolated child process: started, watched (a heartbeat, so a child whose event loop stays blocked past
// the timeout is killed) and killed when the parent exits, so no child outlives its parent.
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock, ClockTimer } from '../core/clock.js';
import type { TaskResult } from '../core/results.js';

/** Environment variable set in isolated child processes. @internal */
export const CHILD_ENV = 'RUNE_BENCH_ISOLATED_CHILD';

/** Message from the parent to an isolated child. @internal */
export interface ChildRequest {
  readonly module: string;
  readonly exportName: string;
  readonly task: string;
  /** How often the child reports that its event loop is alive, ms. */
  readonly heartbeatMs: number;
  /** Run the task exactly this many times and nothing else (the instructions instrument's counting child). */
  readonly iterations?: number;
}

/** What an isolated child reports about its task. @internal */
export type ChildReply =
  | { readonly ok: true; readonly result: TaskResult; readonly cpuSeconds: number }
  | { readonly ok: false; readonly timedOut?: boolean; readonly error: { name: string; message: string; stack?: string } };

/** Message from an isolated child to the parent: a heartbeat or the reply. @internal */
export type ChildMessage = { readonly type: 'alive' } | { readonly type: 'reply'; readonly reply: ChildReply };

/** How long a child may take to start (importing its module and profiling the timer) before its first heartbeat, ms. */
const STARTUP_MS = 30_000;

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

// Children are killed when the parent exits normally; when it is killed outright, each child sees its parent
// gone (a closed IPC channel, or a watchdog thread that notices the new parent pid) and exits.
function killLiveChildren(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

function childScript(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), `isolation-child${extname(here)}`);
}

/**
 * Options of {@link runChild}.
 *
 * @internal
 */
export interface RunChildOptions {
  readonly execArgv: readonly string[];
  readonly signal: AbortSignal | undefined;
  readonly clock: Clock;
  /** A child silent for this long (its event loop blocked) is killed and the reply says `timedOut`, ms. */
  readonly timeoutMs: number;
  /** Run the child through another program (valgrind, which then runs node: `execArgv` starts with its own arguments). */
  readonly execPath?: string;
  /** Environment variables of the child over the parent's (the counting child's `UV_THREADPOOL_SIZE`). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs one task in a fresh child process and resolves with its reply; never rejects.
 *
 * @internal
 */
export function runChild(request: Omit<ChildRequest, 'heartbeatMs'>, options: RunChildOptions): Promise<ChildReply> {
  if (!exitHookInstalled) {
    process.once('exit', killLiveChildren);
    exitHookInstalled = true;
  }
  const { clock, signal, timeoutMs } = options;
  const heartbeatMs = Math.max(5, Math.min(1000, timeoutMs / 4));
  return new Promise((resolve) => {
    const child = fork(childScript(), [], {
      ...(options.execPath === undefined ? {} : { execPath: options.execPath }),
      execArgv: [...options.execArgv],
      env: { ...process.env, ...options.env, [CHILD_ENV]: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    live.add(child);
    let stderr = '';
    let reply: ChildReply | undefined;
    let silentFor: number | undefined;
    let timer: ClockTimer | undefined;
    const arm = (ms: number): void => {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = clock.setTimeout(() => {
        timer = undefined;
        silentFor = ms;
        child.kill('SIGKILL');
      }, ms);
      timer.unref?.();
    };
    arm(Math.max(timeoutMs, STARTUP_MS));
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'alive') {
        if (reply === undefined && silentFor === undefined) arm(timeoutMs);
        return;
      }
      reply = message.reply;
    });
    child.on('error', (error) => {
      reply ??= { ok: false, error: { name: error.name, message: error.message } };
    });
    child.on('exit', (code, sig) => {
      live.delete(child);
      if (timer !== undefined) clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (reply === undefined && silentFor !== undefined) {
        reply = {
          ok: false,
          timedOut: true,
          error: {
            name: 'TaskStop',
            message: `the isolated child did not respond within ${Math.round(silentFor)} ms (an operation that never returns?) and was killed`,
          },
        };
      }
      resolve(
        reply ?? {
          ok: false,
          error: { name: 'ChildProcessError', message: `child exited (${sig ?? `code ${String(code)}`}) without a result${stderr === '' ? '' : `: ${stderr.trim().slice(-1000)}`}` },
        },
      );
    });
    child.send({ ...request, heartbeatMs } satisfies ChildRequest);
  });
}
