// A reusable worker_threads pool: a fixed number of workers, a FIFO queue, crash isolation, abort.
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';
import { TypedEventEmitter } from '../core/typed-events.js';
import { abortError, RuneBenchError } from '../core/errors.js';

/**
 * Options for {@link WorkerPool}.
 *
 * @public
 */
export interface WorkerPoolOptions {
  /**
   * The worker module: a `file:` URL or path. Its code calls {@link serveWorkerTasks}. A `.ts` module is
   * loaded through tsx's register API (tsx must be installed), so sources run under tsx as built `.js`
   * files run under plain node. (`execArgv: ['--import', 'tsx']` does not reach worker threads on Node 20.)
   */
  readonly script: URL | string;
  /** Number of workers. @defaultValue `os.availableParallelism()` */
  readonly size?: number;
  /** Passed to every worker as `workerData`. */
  readonly workerData?: unknown;
  /** Extra node arguments for the workers. @defaultValue `[]` */
  readonly execArgv?: readonly string[];
  /** Per-worker V8 heap limit, MiB. @defaultValue node's default */
  readonly maxOldGenerationSizeMb?: number;
}

/**
 * Events of {@link WorkerPool}.
 *
 * @public
 */
export interface WorkerPoolEvents {
  /** A worker died (uncaught error or exit); its task was rejected and the worker replaced. */
  'worker:exit': (info: { readonly threadId: number; readonly error: RuneBenchError }) => void;
}

/** Worker code that registers tsx and then imports the TypeScript module. */
function tsxBootstrap(moduleUrl: string): string {
  let api = 'tsx/esm/api';
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    // resolved from the working directory instead
  }
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); });`;
}

interface Job {
  readonly payload: unknown;
  readonly transfer: readonly Transferable[];
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

interface Reply {
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: { readonly name: string; readonly message: string; readonly code?: string };
}

/**
 * A pool of `size` worker threads running one module. {@link WorkerPool.run} queues a task, the next free
 * worker takes it, and the promise settles with the worker's result. A task that throws rejects with
 * `ERR_TASK_FAILED`; a worker that crashes rejects its task with `ERR_CHILD_FAILED` and is replaced; an
 * aborted task is dropped from the queue, or its worker terminated and replaced when it is running.
 *
 * @example
 * ```ts
 * const pool = new WorkerPool<{ n: number }, number>({ script: new URL('../suites/parallel-operations/square.js', import.meta.url), size: 2 });
 * const nine = await pool.run({ n: 3 });
 * await pool.close();
 * ```
 * @public
 */
export class WorkerPool<TTask = unknown, TResult = unknown> extends TypedEventEmitter<WorkerPoolEvents> {
  readonly #script: URL | string;
  readonly #size: number;
  readonly #workerData: unknown;
  readonly #execArgv: string[];
  readonly #bootstrap: string | undefined;
  readonly #resourceLimits: { maxOldGenerationSizeMb?: number };
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #closed = false;
  #completed = 0;
  #startFailures = 0;
  #broken: RuneBenchError | undefined;

  /** @param options - worker module, size, data and node arguments */
  constructor(options: WorkerPoolOptions) {
    super();
    const { script, size = availableParallelism(), execArgv = [], maxOldGenerationSizeMb } = options;
    if (typeof script !== 'string' && !(script instanceof URL)) throw new TypeError('script option must be a URL or a path');
    if (!Number.isInteger(size) || size < 1 || size > 1024) throw new RangeError('size option must be an integer between 1 and 1024');
    if (maxOldGenerationSizeMb !== undefined && !(Number.isFinite(maxOldGenerationSizeMb) && maxOldGenerationSizeMb > 0)) {
      throw new RangeError('maxOldGenerationSizeMb option must be a positive number');
    }
    this.#script = script;
    this.#size = size;
    this.#workerData = options.workerData;
    const path = typeof script === 'string' ? script : fileURLToPath(script);
    this.#execArgv = [...execArgv];
    this.#bootstrap = /\.[cm]?ts$/.test(path) ? tsxBootstrap(pathToFileURL(path).href) : undefined;
    this.#resourceLimits = maxOldGenerationSizeMb === undefined ? {} : { maxOldGenerationSizeMb };
    for (let i = 0; i < size; i++) this.#slots.push({ worker: this.#spawn(), job: undefined });
  }

  /** Number of workers. */
  get size(): number {
    return this.#size;
  }

  /** Tasks waiting for a worker. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Tasks completed (resolved or rejected by the worker). */
  get completed(): number {
    return this.#completed;
  }

  /** Thread ids of the current workers. */
  get threadIds(): readonly number[] {
    return this.#slots.map((s) => s.worker.threadId);
  }

  #spawn(): Worker {
    const options = { workerData: this.#workerData, execArgv: this.#execArgv, resourceLimits: this.#resourceLimits };
    const worker =
      this.#bootstrap === undefined ? new Worker(this.#script, options) : new Worker(this.#bootstrap, { ...options, eval: true });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      this.#settle(worker, reply);
    });
    worker.on('error', (error) => {
      this.#crash(worker, new RuneBenchError('ERR_CHILD_FAILED', `worker ${String(worker.threadId)} failed: ${error.message}`, { cause: error }));
    });
    worker.on('exit', (code) => {
      this.#crash(worker, new RuneBenchError('ERR_CHILD_FAILED', `worker ${String(worker.threadId)} exited with code ${String(code)}`));
    });
    return worker;
  }

  #slotOf(worker: Worker): Slot | undefined {
    return this.#slots.find((s) => s.worker === worker);
  }

  #settle(worker: Worker, reply: Reply): void {
    const slot = this.#slotOf(worker);
    const job = slot?.job;
    if (slot === undefined || job === undefined) return;
    slot.job = undefined;
    worker.unref();
    job.signal?.removeEventListener('abort', job.onAbort);
    this.#completed++;
    this.#startFailures = 0;
    if (reply.ok) {
      job.resolve(reply.result);
    } else {
      const error = reply.error;
      job.reject(new RuneBenchError('ERR_TASK_FAILED', `worker task failed: ${error?.message ?? 'unknown error'}`, { cause: error }));
    }
    this.#dispatch();
  }

  #crash(worker: Worker, error: RuneBenchError): void {
    const slot = this.#slotOf(worker);
    if (slot === undefined) return;
    const job = slot.job;
    slot.job = undefined;
    if (job !== undefined) {
      job.signal?.removeEventListener('abort', job.onAbort);
      job.reject(job.signal?.aborted === true ? abortError(job.signal, 'worker task') : error);
    }
    if (this.#closed) return;
    this.emit('worker:exit', { threadId: worker.threadId, error });
    worker.removeAllListeners();
    void worker.terminate();
    // A module that cannot even start would crash forever: after 3 crashes per worker with no task done, fail all.
    if (++this.#startFailures > 3 * this.#size) {
      this.#broken = error;
      for (const queued of this.#queue.splice(0)) {
        queued.signal?.removeEventListener('abort', queued.onAbort);
        queued.reject(error);
      }
      return;
    }
    slot.worker = this.#spawn();
    this.#dispatch();
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job !== undefined) continue;
      const job = this.#queue.shift();
      if (job === undefined) return;
      slot.job = job;
      // A busy worker keeps the process alive until its answer arrives; an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage(job.payload, job.transfer);
    }
  }

  /**
   * Runs one task on the next free worker.
   *
   * @param task - structured-cloneable payload
   * @param options - objects to transfer rather than copy, and an abort signal
   * @returns what the worker's handler returned
   */
  run(task: TTask, options: { readonly transfer?: readonly Transferable[]; readonly signal?: AbortSignal } = {}): Promise<TResult> {
    if (this.#closed) return Promise.reject(new RuneBenchError('ERR_CHILD_FAILED', 'worker pool is closed'));
    if (this.#broken !== undefined) return Promise.reject(this.#broken);
    const { signal, transfer = [] } = options;
    if (signal?.aborted === true) return Promise.reject(abortError(signal, 'worker task'));
    return new Promise<TResult>((resolve, reject) => {
      const job: Job = {
        payload: task,
        transfer,
        resolve: resolve as (value: unknown) => void,
        reject,
        signal,
        onAbort: () => {
          const queued = this.#queue.indexOf(job);
          if (queued >= 0) {
            this.#queue.splice(queued, 1);
            reject(abortError(signal, 'worker task'));
            return;
          }
          const slot = this.#slots.find((s) => s.job === job);
          // Terminating the worker makes it exit; #crash then rejects the job as aborted and replaces it.
          if (slot !== undefined) void slot.worker.terminate();
        },
      };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      this.#queue.push(job);
      this.#dispatch();
    });
  }

  /** Terminates the workers; queued tasks reject with `ERR_CHILD_FAILED`. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const error = new RuneBenchError('ERR_CHILD_FAILED', 'worker pool was closed');
    for (const job of this.#queue.splice(0)) {
      job.signal?.removeEventListener('abort', job.onAbort);
      job.reject(error);
    }
    await Promise.all(
      this.#slots.map(async (slot) => {
        const job = slot.job;
        slot.job = undefined;
        if (job !== undefined) {
          job.signal?.removeEventListener('abort', job.onAbort);
          job.reject(error);
        }
        await slot.worker.terminate();
      }),
    );
  }

  /** Same as {@link WorkerPool.close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}
