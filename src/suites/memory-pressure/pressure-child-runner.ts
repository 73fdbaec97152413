// Spawns one memory_pressure child with a small heap limit and turns whatever happens into a result.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuneBenchError, abortError } from '../../core/errors.js';
import { reapOnExit } from './child-reaper.js';
import type { PressureChildConfig, PressureChildReport, PressureMeasurement } from './pressure-protocol.js';

/**
 * Options for {@link runPressureChild}.
 *
 * @public
 */
export interface PressureChildOptions {
  /** Ballast on the JS heap as a share of the heap limit, 0-1 (the suite uses 0.25, 0.5, 0.75, 0.9). */
  readonly load: number;
  /** The child's `--max-old-space-size`, bytes (whole MiB). @defaultValue `64 MiB` */
  readonly heapLimit?: number;
  /** Off-heap Buffer bytes the child holds beside the heap. @defaultValue `heapLimit / 4` */
  readonly offHeapBytes?: number;
  /** lru-cache capacity, objects. @defaultValue `10000` */
  readonly cacheSize?: number;
  /** Keys are drawn from `cacheSize x keySpaceFactor` distinct keys. @defaultValue `4` */
  readonly keySpaceFactor?: number;
  /** Zipf exponent of the keys. @defaultValue `1` */
  readonly zipfExponent?: number;
  /** Seconds of cache reads. @defaultValue `0.5` */
  readonly duration?: number;
  /** Most cache reads recorded. @defaultValue `1000000` */
  readonly maxOps?: number;
  /** Seed of the key stream. @defaultValue `1` */
  readonly seed?: number;
  /** Kills the child when aborted. */
  readonly signal?: AbortSignal;
  /** Kills a child that has not finished after this many milliseconds (a heap thrashing near its limit). @defaultValue `60000` */
  readonly timeout?: number;
}

/**
 * What became of a pressure child. `out-of-memory` is a result, not an error: the child hit its heap limit.
 *
 * @public
 */
export interface PressureChildResult {
  /** `ok` when the child reported its measurement; `out-of-memory` when V8 gave up; `timeout` when it was killed while thrashing. */
  readonly outcome: 'ok' | 'out-of-memory' | 'timeout';
  /** The measurement, when the outcome is `ok`. */
  readonly measurement?: PressureMeasurement;
  /** JS heap used once the ballast was in, bytes, when the child got that far. */
  readonly heapUsedAfterFill?: number;
  /** The old-space limit given to the child, bytes. */
  readonly heapLimit: number;
  /** Wall time of the child, seconds. */
  readonly duration: number;
  /** V8's last words, for out-of-memory and timeout outcomes. */
  readonly message?: string;
}

const MIB = 1024 * 1024;

function childCommand(): { readonly script: string; readonly execArgv: readonly string[] } {
  const js = new URL('./pressure-child.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { script: fileURLToPath(js), execArgv: [] };
  // running from the TypeScript sources (tests, tsx): the child needs the same loader
  const ts = new URL('./pressure-child.ts', import.meta.url);
  return { script: fileURLToPath(ts), execArgv: ['--import', import.meta.resolve('tsx')] };
}

function check(value: number | undefined, name: string, min: number, max: number): void {
  if (value !== undefined && !(typeof value === 'number' && value >= min && value <= max)) {
    throw new RangeError(`${name} option must be a number in [${min}, ${max}]`);
  }
}

/**
 * Runs one child process under a heap limit: it fills `load` of the limit with ballast, holds off-heap
 * Buffers, then reads an lru-cache of `cacheSize` objects with Zipf-distributed keys, and reports ops/s,
 * latency percentiles, GC pauses, peak RSS, heap used and hit ratio. A child that runs out of memory
 * resolves with outcome `out-of-memory`; only a child that fails for another reason rejects
 * (`ERR_CHILD_FAILED`), and an abort rejects with `ERR_ABORTED` after killing the child.
 *
 * @public
 */
export async function runPressureChild(options: PressureChildOptions): Promise<PressureChildResult> {
  if (typeof options !== 'object') throw new TypeError('options must be an object');
  check(options.load, 'load', 0, 1);
  check(options.heapLimit, 'heapLimit', 16 * MIB, 64 * 1024 * MIB);
  check(options.offHeapBytes, 'offHeapBytes', 0, 64 * 1024 * MIB);
  check(options.cacheSize, 'cacheSize', 1, 50_000_000);
  check(options.keySpaceFactor, 'keySpaceFactor', 1, 1000);
  check(options.zipfExponent, 'zipfExponent', 0, 10);
  check(options.duration, 'duration', 0.001, 3600);
  check(options.maxOps, 'maxOps', 1, 100_000_000);
  check(options.timeout, 'timeout', 1, 24 * 3600 * 1000);
  const heapMb = Math.max(16, Math.round((options.heapLimit ?? 64 * MIB) / MIB));
  const heapLimit = heapMb * MIB;
  const config: PressureChildConfig = {
    load: options.load,
    heapLimit,
    offHeapBytes: Math.round(options.offHeapBytes ?? heapLimit / 4),
    cacheSize: Math.round(options.cacheSize ?? 10_000),
    keySpaceFactor: options.keySpaceFactor ?? 4,
    zipfExponent: options.zipfExponent ?? 1,
    seed: options.seed ?? 1,
    duration: options.duration ?? 0.5,
    maxOps: Math.round(options.maxOps ?? 1_000_000),
  };
  const signal = options.signal;
  if (signal?.aborted === true) throw abortError(signal, 'memory pressure child');
  const { script, execArgv } = childCommand();
  const started = performance.now();
  const child = spawn(process.execPath, [...execArgv, `--max-old-space-size=${heapMb}`, script, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  reapOnExit(child);
  let stdout = '';
  let stderr = '';
  let filled: number | undefined;
  let measurement: PressureMeasurement | undefined;
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
    let newline: number;
    while ((newline = stdout.indexOf('\n')) >= 0) {
      const line = stdout.slice(0, newline);
      stdout = stdout.slice(newline + 1);
      try {
        const report = JSON.parse(line) as PressureChildReport;
        if (report.type === 'filled') filled = report.heapUsed;
        else {
          measurement = report;
        }
      } catch {
        // not a report line
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-8192);
  });
  let killedFor: 'abort' | 'timeout' | undefined;
  const kill = (why: 'abort' | 'timeout'): void => {
    killedFor ??= why;
    child.kill('SIGKILL');
  };
  const onAbort = (): void => {
    kill('abort');
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    kill('timeout');
  }, options.timeout ?? 60_000);
  try {
    const { code, signal: exitSignal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c, s) => {
        resolve({ code: c, signal: s });
      });
    });
    const duration = (performance.now() - started) / 1000;
    const base = { heapLimit, duration, ...(filled !== undefined ? { heapUsedAfterFill: filled } : {}) };
    if (killedFor === 'abort') throw abortError(signal, 'memory pressure child');
    if (measurement !== undefined && code === 0) return { outcome: 'ok', measurement, ...base };
    const lastWords = stderr.split('\n').filter((l) => /FATAL ERROR|heap limit|out of memory|Ineffective mark-compacts/i.test(l)).slice(-3).join('\n').trim();
    if (killedFor === 'timeout') return { outcome: 'timeout', ...base, message: lastWords || 'killed after the timeout' };
    if (/out of memory|heap limit|allocation failed/i.test(stderr) || exitSignal === 'SIGABRT' || exitSignal === 'SIGTRAP' || code === 134) {
      return { outcome: 'out-of-memory', ...base, message: lastWords || `exited with ${exitSignal ?? String(code)}` };
    }
    throw new RuneBenchError('ERR_CHILD_FAILED', `memory pressure child exited with ${exitSignal ?? String(code)}: ${stderr.slice(-500).trim()}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
