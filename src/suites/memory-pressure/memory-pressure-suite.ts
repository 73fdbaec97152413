// The `memory_pressure` suite: child processes under a heap limit, loaded to 25-90%, reading an lru-cache.
import { BenchmarkSuite } from '../../bench/benchmark-suite.js';
import type { KeyFigure, SuiteResult } from '../../core/results.js';
import { SuiteResultBuilder } from '../../bench/result-builder.js';
import type { SuiteRunOptions, SuiteScale } from '../../core/suite.js';
import { MEMORY_PRESSURE_DEFAULTS } from './memory-pressure-definition.js';
import { ProgressReporter } from '../common/progress.js';
import { byScale, param, resolveScale, throwIfAborted } from '../common/scale.js';
import { runPressureChild, type PressureChildResult } from './pressure-child-runner.js';

interface PressurePlan {
  readonly heapMb: number;
  readonly duration: number;
  readonly maxOps: number;
  /** [load, cache size] pairs. */
  readonly runs: readonly (readonly [number, number])[];
}

const LOADS = [0.25, 0.5, 0.75, 0.9] as const;
const CACHES = [1_000, 10_000, 100_000] as const;
const FULL = LOADS.flatMap((load) => CACHES.map((cache) => [load, cache] as const));
const PLANS: Readonly<Record<SuiteScale, PressurePlan>> = {
  // quick: every load with the 10k cache, and the 1k and 100k caches at 50%
  quick: { heapMb: MEMORY_PRESSURE_DEFAULTS.heapMb, duration: MEMORY_PRESSURE_DEFAULTS.duration, maxOps: 1_000_000, runs: [...LOADS.map((l) => [l, 10_000] as const), [0.5, 1_000], [0.5, 100_000]] },
  standard: { heapMb: 256, duration: 1, maxOps: 4_000_000, runs: FULL },
  linux: { heapMb: 1024, duration: 3, maxOps: 10_000_000, runs: FULL },
};

const MIB = 1024 * 1024;
const label = (load: number, cache: number): string => `load ${Math.round(load * 100)}% cache ${cache >= 1000 ? `${cache / 1000}k` : String(cache)}`;
const key = (load: number, cache: number): string => `load${Math.round(load * 100)}.cache${cache >= 1000 ? `${cache / 1000}k` : String(cache)}`;

function figuresOf(result: PressureChildResult): KeyFigure[] {
  const oom: KeyFigure = { name: 'out_of_memory', value: result.outcome === 'ok' ? 0 : 1, unit: '1', description: 'the child ran out of memory (1) or not (0)' };
  const m = result.measurement;
  if (m === undefined) {
    return [oom, ...(result.heapUsedAfterFill !== undefined ? [{ name: 'heap.used', value: result.heapUsedAfterFill, unit: 'By', description: 'JS heap used after the ballast' } as const] : [])];
  }
  return [
    { name: 'ops_per_second', value: m.opsPerSecond, unit: '{count}/s', description: 'cache reads per second' },
    { name: 'latency.p99', value: m.latencyP99, unit: 's', description: '99th percentile cache read' },
    { name: 'gc.pause.p99', value: m.gcPauseP99, unit: 's', description: '99th percentile GC pause during the reads' },
    { name: 'gc.pause.total', value: m.gcPauseTotal, unit: 's', description: 'GC pause time during the reads' },
    { name: 'memory.peak_rss', value: m.peakRss, unit: 'By', description: 'peak resident set size of the child' },
    { name: 'heap.used', value: m.heapUsed, unit: 'By', description: 'largest JS heap used' },
    { name: 'cache.hit_ratio', value: m.hitRatio, unit: '1', description: 'share of reads the cache answered' },
    oom,
  ];
}

/** Runs the suite (loaded on its first run by its lazy definition). @internal */
export async function runMemoryPressure(options: SuiteRunOptions = {}): Promise<SuiteResult> {
  const id = 'memory_pressure';
  const builder = new SuiteResultBuilder(id);
  const scale = resolveScale(options);
  const plan = byScale(scale, PLANS);
  const signal = options.signal;
  const seed = options.seed ?? 1;
  const heapMb = param(options, 'heapMb', 'number') ?? plan.heapMb;
  if (!(Number.isInteger(heapMb) && heapMb >= 16 && heapMb <= 65_536)) throw new RangeError('heapMb parameter must be an integer in [16, 65536]');
  const offHeapShare = param(options, 'offHeap', 'number') ?? 0.25;
  if (!(offHeapShare >= 0 && offHeapShare <= 16)) throw new RangeError('offHeap parameter must be a number in [0, 16]');
  const duration = param(options, 'duration', 'number') ?? plan.duration;
  if (!(duration > 0 && duration <= 3600)) throw new RangeError('duration parameter must be seconds in (0, 3600]');
  throwIfAborted(signal, `${id} suite`);
  const progress = new ProgressReporter(id, options.onProgress);
  progress.update('start', 0, `${plan.runs.length} children, ${heapMb} MiB heap limit each`);
  const bench = new BenchmarkSuite(id, { warmup: false, seed, ...(signal !== undefined ? { signal } : {}) });
  const results = new Map<string, PressureChildResult>();
  plan.runs.forEach(([load, cacheSize], index) => {
    const name = label(load, cacheSize);
    bench.add(
      name,
      async () => {
        const result = await runPressureChild({
          load,
          cacheSize,
          heapLimit: heapMb * MIB,
          offHeapBytes: Math.round(offHeapShare * heapMb * MIB),
          duration,
          maxOps: plan.maxOps,
          seed: seed + index,
          ...(signal !== undefined ? { signal } : {}),
          timeout: Math.round(30_000 + duration * 4000),
        });
        results.set(name, result);
      },
      {
        minSamples: 1,
        maxSamples: 1,
        warmup: false,
        timeoutMs: Math.round(60_000 + duration * 4000),
        items: 1,
        tags: ['memory', `load:${load}`, `cache:${cacheSize}`],
        figures: () => {
          const r = results.get(name);
          return r === undefined ? [] : figuresOf(r);
        },
      },
    );
  });
  let started = 0;
  bench.on('task:start', (info) => {
    started = info.index;
    progress.update(info.task, info.index / plan.runs.length, `child ${info.index + 1} of ${plan.runs.length}`);
  });
  bench.on('task:complete', (task) => {
    progress.update(task.name, (started + 1) / plan.runs.length, `${task.name}: ${results.get(task.name)?.outcome ?? task.status}`);
  });
  const result = await bench.run();
  const figures: KeyFigure[] = [];
  const notices: string[] = [];
  let ooms = 0;
  for (const [load, cacheSize] of plan.runs) {
    const r = results.get(label(load, cacheSize));
    if (r === undefined) continue;
    const prefix = key(load, cacheSize);
    if (r.outcome !== 'ok') {
      ooms++;
      notices.push(`${label(load, cacheSize)}: the child ${r.outcome === 'timeout' ? 'thrashed near its heap limit and was stopped' : 'ran out of memory'} (${heapMb} MiB limit): reported, not a failure${r.message !== undefined ? ` (${r.message.split('\n')[0] ?? ''})` : ''}`);
    }
    for (const f of figuresOf(r)) if (f.name !== 'gc.pause.total') figures.push({ ...f, name: `${prefix}.${f.name}` });
  }
  figures.push({ name: 'out_of_memory.count', value: ooms, unit: '{count}', description: 'children that ran out of memory' });
  progress.update('done', 1);
  return builder
    .adopt(result)
    .figure(...figures)
    .notice(`heap limit ${heapMb} MiB per child, off-heap Buffers ${Math.round(offHeapShare * 100)}% of it`, `each task is one child process run for ${String(duration)} s: its figures (ops/s, latency and GC-pause percentiles) come from the many operations inside that child; the task's wall time is a single sample and has no interval`, ...notices)
    .build();
}

