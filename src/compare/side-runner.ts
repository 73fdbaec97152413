// Runs one side of one round in a fresh child process, with the host's conditions recorded around it.
import { fork } from 'node:child_process';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Clock } from '../core/clock.js';
import { RuneBenchError } from '../core/errors.js';
import type { SuiteParameter, SuiteScale } from '../core/suite.js';
import { hostConditionsBetween, readHostReading, type HostReading } from '../bench/host-conditions.js';
import type { RevisionSide, SideRun, SideTaskMeasurement } from './types.js';

/** Message from the parent to a side's process. @internal */
export interface SideChildRequest {
  readonly module: string;
  readonly suite: string;
  readonly scale: SuiteScale;
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly seed: number;
  readonly timeMs: number;
  /** Present only for the instructions instrument (time is the suite's default). */
  readonly instrument?: { readonly kind: 'instructions'; readonly cacheSim: boolean };
}

/** Message from a side's process to the parent. @internal */
export type SideChildReply =
  | {
      readonly ok: true;
      readonly parameters: readonly SuiteParameter[];
      readonly tasks: readonly SideTaskMeasurement[];
      readonly suiteRuns: number;
      readonly notices: readonly string[];
      readonly cpuSeconds: number;
    }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string } };

/** What one side's process measured, with what its suite declared. @internal */
export interface SideOutcome {
  readonly run: SideRun;
  readonly parameters: readonly SuiteParameter[];
  readonly notices: readonly string[];
}

function childCommand(modulePath: string): { readonly script: string; readonly execArgv: readonly string[] } {
  const here = fileURLToPath(import.meta.url);
  const script = join(dirname(here), `compare-child${extname(here)}`);
  // from our sources (tests run through tsx) the child needs tsx, resolved from here; a TypeScript suite module
  // needs it too, resolved from the tree (the child's cwd), so it is the project's own tsx
  if (extname(here) === '.ts') return { script, execArgv: ['--import', import.meta.resolve('tsx')] };
  return { script, execArgv: /\.[mc]?tsx?$/.test(modulePath) ? ['--import', 'tsx'] : [] };
}

/** Seconds between host readings while a side runs (load during the window). */
const READING_INTERVAL_MS = 1000;

/**
 * Runs the suite of `module` in a fresh process with `cwd` = `tree`, and records the host's conditions around
 * it. Rejects with `ERR_CHILD_FAILED` when the process fails, `ERR_ABORTED` when `signal` fires (the process
 * is killed first).
 *
 * @internal
 */
export function runSide(
  side: RevisionSide,
  label: string,
  tree: string,
  modulePath: string,
  request: Omit<SideChildRequest, 'module'>,
  clock: Clock,
  signal: AbortSignal | undefined,
): Promise<SideOutcome> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new RuneBenchError('ERR_ABORTED', 'the comparison was aborted'));
      return;
    }
    const { script, execArgv } = childCommand(modulePath);
    const ownStart = process.cpuUsage();
    const start = readHostReading(clock);
    const readings: HostReading[] = [];
    let timer = clock.setTimeout(tick, READING_INTERVAL_MS);
    function tick(): void {
      readings.push(readHostReading(clock));
      timer = clock.setTimeout(tick, READING_INTERVAL_MS);
      timer.unref?.();
    }
    timer.unref?.();
    const child = fork(script, [], {
      cwd: tree,
      execArgv: [...execArgv],
      env: { ...process.env, RUNE_BENCH_COMPARE_SIDE: side },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let reply: SideChildReply | undefined;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('message', (message: SideChildReply) => {
      reply = message;
    });
    child.on('error', (error) => {
      reply ??= { ok: false, error: { name: error.name, message: error.message } };
    });
    child.on('exit', (code, sig) => {
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted === true) {
        reject(new RuneBenchError('ERR_ABORTED', 'the comparison was aborted'));
        return;
      }
      if (reply === undefined || !reply.ok) {
        const why = reply?.ok === false ? reply.error.message : `exited (${sig ?? `code ${String(code)}`}) without a result${stderr.trim() === '' ? '' : `: ${stderr.trim().slice(-500)}`}`;
        reject(new RuneBenchError('ERR_CHILD_FAILED', `${label}: ${why}`));
        return;
      }
      const end = readHostReading(clock);
      const own = process.cpuUsage(ownStart);
      const ownSeconds = (own.user + own.system) / 1e6 + reply.cpuSeconds;
      const conditions = hostConditionsBetween(start, [...readings, end], ownSeconds);
      resolve({
        run: { side, suiteRuns: reply.suiteRuns, seconds: conditions.seconds, conditions, tasks: reply.tasks },
        parameters: reply.parameters,
        notices: reply.notices,
      });
    });
    child.send({ ...request, module: pathToFileURL(modulePath).href } satisfies SideChildRequest);
  });
}
