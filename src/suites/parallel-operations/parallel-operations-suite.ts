// The `parallel_operations` suite: SHA-1 plus deflate over the repository's objects on 1..N worker threads.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { BenchmarkSuite } from '../../bench/benchmark-suite.js';
import type { KeyFigure, SuiteResult } from '../../core/results.js';
import type { SuiteRunOptions, SuiteScale } from '../../core/suite.js';
import { PARALLEL_OPERATIONS_ID } from './parallel-operations-definition.js';
import { ProgressReporter, followBenchmark } from '../common/progress.js';
import { PeakMemory } from '../common/result.js';
import { SuiteResultBuilder } from '../../bench/result-builder.js';
import { byScale, param, resolveScale, throwIfAborted } from '../common/scale.js';
import { prepareRepositoryForRun, type RepositoryFixture } from '../large-repository/repository-fixture.js';
import { loadWorkingSet } from '../../workloads/repository/working-set.js';
import type { HashDeflateResult, HashDeflateTask } from './hash-deflate-worker.js';
import { WorkerPool } from '../../workloads/worker-pool.js';

const ID = PARALLEL_OPERATIONS_ID;

/** "1 worker", "2 workers". */
const workers = (n: number): string => `${String(n)} worker${n === 1 ? '' : 's'}`;
const MIB = 1024 * 1024;
const BATCH_BYTES = 512 * 1024;

interface Plan {
  /** Bytes hashed and deflated per pass (one sample). */
  readonly passBytes: number;
  /** Fewest passes per worker count. */
  readonly repeats: number;
  /** Sampling budget per worker count, ms: more passes when they are short. */
  readonly time: number;
  readonly timeout: number;
}

const PLANS: Readonly<Record<SuiteScale, Plan>> = {
  quick: { passBytes: 4 * MIB, repeats: 8, time: 2500, timeout: 120_000 },
  standard: { passBytes: 16 * MIB, repeats: 8, time: 8000, timeout: 300_000 },
  linux: { passBytes: 64 * MIB, repeats: 8, time: 20_000, timeout: 900_000 },
};

/**
 * The worker module: the `.ts` source under tsx (tests, examples from source), the emitted `.js` otherwise.
 *
 * @internal
 */
export function hashDeflateWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './hash-deflate-worker.ts' : './hash-deflate-worker.js', import.meta.url);
}

/**
 * Splits files into batches of about `batchBytes`, each at least one file.
 *
 * @internal
 */
export function batchPaths(paths: readonly string[], sizes: readonly number[], batchBytes: number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  paths.forEach((path, i) => {
    current.push(path);
    bytes += sizes[i] ?? 0;
    if (bytes >= batchBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Runs the suite (loaded on its first run by its lazy definition). @internal */
export async function runParallelOperations(options: SuiteRunOptions = {}): Promise<SuiteResult> {
  const builder = new SuiteResultBuilder(ID);
  const scale = resolveScale(options);
  const plan = byScale(scale, PLANS);
  const seed = options.seed ?? 1;
  const signal = options.signal;
  const dir = param(options, 'dir', 'string');
  const files = param(options, 'files', 'number');
  const maxWorkers = param(options, 'maxWorkers', 'number') ?? availableParallelism();
  const level = param(options, 'level', 'number') ?? 1;
  const passMb = param(options, 'passMb', 'number');
  if (!(Number.isInteger(maxWorkers) && maxWorkers >= 1 && maxWorkers <= 256)) throw new RangeError('maxWorkers parameter must be an integer in [1, 256]');
  if (!(Number.isInteger(level) && level >= 0 && level <= 9)) throw new RangeError('level parameter must be an integer in [0, 9]');
  if (passMb !== undefined && !(passMb > 0)) throw new RangeError('passMb parameter must be a positive number of MiB');
  if (files !== undefined && !(Number.isInteger(files) && files >= 10)) throw new RangeError('files parameter must be an integer >= 10');
  throwIfAborted(signal, `${ID} suite`);
  const progress = new ProgressReporter(ID, options.onProgress);
  const peak = new PeakMemory();

  const prepared = await prepareRepositoryForRun({ suite: ID, scale, seed, files, dir, signal, progress: progress.span(0, 0.2) }, builder);
  if ('schemaVersion' in prepared) return prepared; // aborted while generating
  const fixture: RepositoryFixture = prepared;
  try {
    // The objects of one pass: a seeded sample of the tree up to the pass budget (paths only; workers read).
    const sample = loadWorkingSet(fixture.root, fixture.files, (passMb ?? plan.passBytes / MIB) * MIB, seed);
    const batches = batchPaths(
      sample.paths.map((p) => join(fixture.root, p)),
      sample.contents.map((c) => c.length),
      BATCH_BYTES,
    );
    const passBytes = sample.bytes;
    peak.sample();
    const bench = new BenchmarkSuite(ID, { seed, ...(signal !== undefined ? { signal } : {}) });
    const counts: number[] = [];
    for (let n = 1; n <= maxWorkers; n++) counts.push(n);
    const compressed = new Map<number, number>();
    // CPU seconds (all threads of the process) and wall seconds spent in the timed passes, per worker count.
    const usage = new Map<number, { cpu: number; wall: number }>();
    for (const n of counts) {
      let pool: WorkerPool<HashDeflateTask, HashDeflateResult> | undefined;
      bench.add(
        `sha1 + deflate, ${String(n)} worker${n === 1 ? '' : 's'}`,
        async () => {
          const active = pool;
          if (active === undefined) throw new Error('worker pool missing');
          const cpu0 = process.cpuUsage();
          const wall0 = performance.now();
          const results = await Promise.all(
            batches.map((paths) => active.run({ paths, level: level as HashDeflateTask['level'] }, signal === undefined ? {} : { signal })),
          );
          const cpu = process.cpuUsage(cpu0);
          const used = usage.get(n) ?? { cpu: 0, wall: 0 };
          usage.set(n, { cpu: used.cpu + (cpu.user + cpu.system) / 1e6, wall: used.wall + (performance.now() - wall0) / 1000 });
          compressed.set(n, results.reduce((s, r) => s + r.compressed, 0));
          return results.length;
        },
        {
          minSamples: plan.repeats,
          maxSamples: 100,
          timeMs: plan.time,
          warmup: false,
          timeoutMs: plan.timeout,
          bytes: passBytes,
          items: sample.paths.length,
          tags: ['parallel', `workers:${String(n)}`],
          setup: async () => {
            const created = new WorkerPool<HashDeflateTask, HashDeflateResult>({ script: hashDeflateWorkerUrl(), size: n });
            pool = created;
            // Start every worker (module load, JIT) before timing: one small batch each.
            const first = batches[0] ?? [];
            await Promise.all(Array.from({ length: n }, () => created.run({ paths: first.slice(0, 1), level: 1 })));
          },
          teardown: async () => {
            await pool?.close();
            pool = undefined;
          },
        },
      );
    }
    followBenchmark(bench, progress.span(0.2, 1), () => {
      peak.sample();
    });
    const result = await bench.run();
    const figures: KeyFigure[] = [
      { name: 'pass.bytes', value: passBytes, unit: 'By', description: 'bytes hashed and deflated per pass' },
      { name: 'pass.objects', value: sample.paths.length, unit: '{count}' },
      { name: 'workers.max', value: maxWorkers, unit: '{count}', description: 'os.availableParallelism() unless set' },
    ];
    const base = result.tasks[0]?.status === 'ok' ? result.tasks[0].stats?.median : undefined;
    result.tasks.forEach((task, i) => {
      const n = counts[i] ?? 1;
      const median = task.status === 'ok' ? task.stats?.median : undefined;
      if (median === undefined || median <= 0) return;
      figures.push({ name: `workers.${String(n)}.throughput`, value: passBytes / median, unit: 'By/s', description: `${workers(n)}: bytes hashed and deflated per second` });
      const used = usage.get(n);
      if (used !== undefined && used.wall > 0) {
        figures.push({
          name: `workers.${String(n)}.cpu_per_wall`,
          value: used.cpu / used.wall,
          unit: 's/s',
          description: `CPU seconds per wall second during the passes (${String(n)} is the most ${workers(n)} can get; far less means the host's other load starved them)`,
        });
      }
      if (base !== undefined) {
        const speedup = base / median;
        figures.push(
          { name: `workers.${String(n)}.speedup`, value: speedup, unit: '1', description: `time with 1 worker / time with ${String(n)}` },
          { name: `workers.${String(n)}.efficiency`, value: speedup / n, unit: '1', description: 'speedup / workers' },
        );
      }
    });
    figures.push({ name: 'memory.peak_rss', value: Math.max(peak.peak, result.summary.peakMemory), unit: 'By', description: 'peak resident set size of the process (workers included)' });
    const out = compressed.get(1);
    if (out !== undefined && out > 0) figures.push({ name: 'deflate.ratio', value: passBytes / out, unit: '1' });
    const notices: string[] = [];
    const top = usage.get(maxWorkers);
    if (maxWorkers > 1 && top !== undefined && top.wall > 0 && top.cpu / top.wall < 0.6 * maxWorkers) {
      notices.push(
        `with ${workers(maxWorkers)} the process got ${(top.cpu / top.wall).toFixed(2)} CPU seconds per second: ` +
          'other load on the host starved the workers, so speedup and efficiency understate the pool',
      );
    }
    progress.update('done', 1);
    return builder.adopt(result).figure(...figures).notice(...notices).peaks({ memory: peak.peak }).build();
  } finally {
    await fixture.dispose();
  }
}

