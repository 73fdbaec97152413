// Runs external commands and measures each run: wall time, user and system CPU of the command and all its
// descendants, peak RSS and the exit status.
//
// Node cannot read a child's rusage (there is no wait4 and no RUSAGE_CHILDREN in its API), and timing a
// `child_process.spawn` from JavaScript adds the fork of a large process and an event-loop round trip to
// every run. So one small helper process (python3, started once per benchmark) does what hyperfine does in
// Rust: `posix_spawnp` the command, `wait4` it, and time exactly that with a monotonic clock. The rusage
// that `wait4` returns for the reaped child includes every descendant it waited for (user, system, and the
// largest RSS of any process in the tree). The helper's start-up and the request/reply round trip are
// outside the timed region, so there is no helper overhead to subtract.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { abortError, RuneBenchError } from '../core/errors.js';

const HELPER = String.raw`
import json, os, resource, signal, sys, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
child = 0
def on_term(signum, frame):
    if child:
        try:
            os.killpg(child, signal.SIGKILL)
        except OSError:
            pass
    os._exit(143)
signal.signal(signal.SIGTERM, on_term)
null = os.open(os.devnull, os.O_RDWR)
actions = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
out = sys.stdout
try:
    _, _, ru = os.wait4(os.posix_spawnp('true', ['true'], os.environ, file_actions=actions), 0)
    floor = ru.ru_maxrss * 1024
except OSError:
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
out.write(json.dumps({'ready': True, 'maxrss': floor}) + '\n')
out.flush()
def spawn(argv):
    global child
    child = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions, setpgroup=0)
    return child
for line in sys.stdin:
    req = json.loads(line)
    argv = req['argv']
    prepare = req.get('prepare')
    runs = []
    reply = {'runs': runs}
    current = argv
    try:
        os.chdir(req['cwd'])
        for _ in range(req['count']):
            if prepare:
                current = prepare
                _, status, _ = os.wait4(spawn(prepare), 0)
                child = 0
                code = os.waitstatus_to_exitcode(status)
                if code != 0:
                    reply['prepare'] = code
                    break
                current = argv
            t0 = time.perf_counter_ns()
            _, status, ru = os.wait4(spawn(argv), 0)
            t1 = time.perf_counter_ns()
            child = 0
            code = os.waitstatus_to_exitcode(status)
            runs.append([(t1 - t0) / 1e9, ru.ru_utime, ru.ru_stime, ru.ru_maxrss * 1024, code])
            if code != 0 and req['stop']:
                break
    except OSError as e:
        child = 0
        reply['error'] = '%s: %s' % (current[0], e.strerror or str(e))
    out.write(json.dumps(reply) + '\n')
    out.flush()
`;

/**
 * One measured run of a command.
 *
 * @beta
 */
export interface CommandRunMeasurement {
  /** Wall time from spawn to reaping, seconds. */
  readonly wall: number;
  /** User CPU of the command and every descendant it waited for, seconds. */
  readonly user: number;
  /** System CPU of the command and every descendant it waited for, seconds. */
  readonly system: number;
  /** Largest resident set size of any process in the command's tree, bytes. */
  readonly maxRss: number;
  /** Exit code; for a command killed by a signal, 128 + the signal number (as shells report it). */
  readonly exitCode: number;
}

interface HelperReply {
  readonly ready?: boolean;
  readonly maxrss?: number;
  /** Per run: wall, user, system, maxrss, exit status (negative: killed by that signal). */
  readonly runs?: readonly (readonly [number, number, number, number, number])[];
  readonly prepare?: number;
  readonly error?: string;
}

/**
 * Runs of one command in one request to the helper (fewer round trips: the helper loops).
 *
 * @internal
 */
export interface RunBatchRequest {
  /** The command. */
  readonly argv: readonly string[];
  /** Working directory. */
  readonly cwd: string;
  /** Runs to do. */
  readonly count: number;
  /** Run before every run, not timed; a non-zero exit ends the batch. */
  readonly prepare?: readonly string[] | undefined;
  /** End the batch at the first run that exits non-zero. */
  readonly stopOnFailure: boolean;
}

/**
 * What a batch measured.
 *
 * @internal
 */
export interface RunBatch {
  /** The runs, in order. */
  readonly runs: readonly CommandRunMeasurement[];
  /** Exit code of the prepare command that ended the batch, when one failed. */
  readonly prepareExitCode?: number;
}

function exitCode(status: number): number {
  return status < 0 ? 128 - status : status;
}

/** The python interpreter the runner uses: the system one when there is one, else the one on the PATH. */
function pythonPath(env: Readonly<Record<string, string | undefined>>): string {
  const chosen = env.RUNE_BENCH_PYTHON;
  if (chosen !== undefined && chosen !== '') return chosen;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/**
 * Options for {@link ProcessRunner.start}.
 *
 * @internal
 */
export interface ProcessRunnerOptions {
  /** Environment of every command. @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Kills the running command and the helper. */
  readonly signal?: AbortSignal;
}

/**
 * A helper process that runs commands one at a time and measures them.
 *
 * @internal
 */
export class ProcessRunner {
  readonly #child: ChildProcessByStdio<Writable, Readable, Readable>;
  readonly #lines: Interface;
  readonly #pending: ((reply: HelperReply | Error) => void)[] = [];
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort: () => void;
  #stderr = '';
  #closed = false;
  #rssFloor = 0;

  private constructor(options: ProcessRunnerOptions) {
    const env = options.env ?? process.env;
    this.#signal = options.signal;
    this.#child = spawn(pythonPath(env), ['-c', HELPER], {
      env: { ...env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#child.stderr.setEncoding('utf8');
    this.#child.stderr.on('data', (chunk: string) => {
      if (this.#stderr.length < 4096) this.#stderr += chunk;
    });
    this.#child.stdin.on('error', () => undefined);
    this.#lines = createInterface({ input: this.#child.stdout });
    this.#lines.on('line', (line) => {
      const next = this.#pending.shift();
      if (next === undefined) return;
      try {
        next(JSON.parse(line) as HelperReply);
      } catch (cause) {
        next(new RuneBenchError('ERR_CHILD_FAILED', `the process runner sent an unreadable reply: ${line.slice(0, 200)}`, { cause }));
      }
    });
    const fail = (error: Error): void => {
      this.#closed = true;
      for (const next of this.#pending.splice(0)) next(error);
    };
    this.#child.on('error', (cause) => {
      fail(new RuneBenchError('ERR_UNSUPPORTED', `exec needs python3 to run and measure commands: ${cause.message}`, { cause }));
    });
    this.#child.on('close', (code) => {
      const detail = this.#stderr.trim().split('\n').at(-1) ?? '';
      fail(
        this.#signal?.aborted === true
          ? abortError(this.#signal, 'exec')
          : new RuneBenchError('ERR_CHILD_FAILED', `the process runner exited with ${String(code)}${detail === '' ? '' : `: ${detail}`}`),
      );
    });
    this.#onAbort = () => {
      this.#child.kill('SIGTERM');
    };
    this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /**
   * Starts the helper and waits until it is ready.
   *
   * @throws RuneBenchError `ERR_UNSUPPORTED` when python3 cannot be started, `ERR_ABORTED` when aborted
   */
  static async start(options: ProcessRunnerOptions = {}): Promise<ProcessRunner> {
    if (options.signal?.aborted === true) throw abortError(options.signal, 'exec');
    const runner = new ProcessRunner(options);
    try {
      const reply = await runner.#next();
      if (reply.ready !== true) throw new RuneBenchError('ERR_CHILD_FAILED', 'the process runner did not start');
      runner.#rssFloor = reply.maxrss ?? 0;
    } catch (error) {
      runner.close();
      throw error;
    }
    return runner;
  }

  #next(): Promise<HelperReply> {
    return new Promise((resolve, reject) => {
      if (this.#closed) {
        reject(this.#signal?.aborted === true ? abortError(this.#signal, 'exec') : new RuneBenchError('ERR_CHILD_FAILED', 'the process runner has exited'));
        return;
      }
      this.#pending.push((reply) => {
        if (reply instanceof Error) reject(reply);
        else resolve(reply);
      });
    });
  }

  /**
   * Runs `argv` in `cwd` `count` times (stdin, stdout and stderr on /dev/null), `prepare` before each run,
   * and measures each run.
   *
   * @throws RuneBenchError `ERR_CHILD_FAILED` when the command or the prepare command cannot be started (not
   *   found, not executable), `ERR_ABORTED` when aborted
   */
  async runBatch(request: RunBatchRequest): Promise<RunBatch> {
    const reply = this.#next();
    const { argv, cwd, count, prepare, stopOnFailure } = request;
    this.#child.stdin.write(`${JSON.stringify({ argv, cwd, count, prepare: prepare ?? null, stop: stopOnFailure })}\n`);
    const r = await reply;
    if (r.error !== undefined) throw new RuneBenchError('ERR_CHILD_FAILED', `cannot run ${r.error}`);
    const runs = (r.runs ?? []).map(([wall, user, system, maxRss, status]) => ({ wall, user, system, maxRss, exitCode: exitCode(status) }));
    return r.prepare === undefined ? { runs } : { runs, prepareExitCode: exitCode(r.prepare) };
  }

  /**
   * One run of `argv` in `cwd`: {@link ProcessRunner.runBatch} with a count of 1.
   *
   * @throws RuneBenchError as {@link ProcessRunner.runBatch}
   */
  async run(argv: readonly string[], cwd: string): Promise<CommandRunMeasurement> {
    const batch = await this.runBatch({ argv, cwd, count: 1, stopOnFailure: true });
    const run = batch.runs[0];
    if (run === undefined) throw new RuneBenchError('ERR_CHILD_FAILED', 'the process runner returned no run');
    return run;
  }

  /**
   * The lowest `maxRss` a run can report, bytes (measured on `true` at start-up). Linux records the memory of
   * the spawning process (the helper) when the child first calls exec, so a command smaller than the helper
   * reports about this.
   */
  get rssFloor(): number {
    return this.#rssFloor;
  }

  /** Process id of the helper that spawns and reaps the commands (their CPU accrues to it). */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Stops the helper. Safe to call more than once. */
  close(): void {
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#lines.close();
    if (!this.#closed) {
      this.#closed = true;
      this.#child.stdin.end();
    }
  }
}
