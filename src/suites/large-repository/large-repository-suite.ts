// The `large_repository` suite: a Linux-kernel-shaped tree (generated or the user's), walked, hashed,
// compressed, delta-compressed, cached and packed, with git on the same tree beside it.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync as zlibDeflateSync } from 'node:zlib';
import { deflateSync } from 'fflate';
import { BenchmarkSuite } from '../../bench/benchmark-suite.js';
import type { TaskTimingOptions } from '../../bench/types.js';
import { yieldToEventLoop } from '../../bench/timer.js';
import { RuneBenchError } from '../../core/errors.js';
import type { KeyFigure, SuiteResult, TaskResult } from '../../core/results.js';
import type { SuiteRunOptions, SuiteScale } from '../../core/suite.js';
import { LARGE_REPOSITORY_ID } from './large-repository-definition.js';
import { ProgressReporter, followBenchmark } from '../common/progress.js';
import { ProcessTreeMemory } from '../common/process-tree-memory.js';
import { SuiteResultBuilder } from '../../bench/result-builder.js';
import { byScale, param, resolveScale, throwIfAborted } from '../common/scale.js';
import { decodeDelta, encodeDelta } from '../../workloads/repository/delta.js';
import { contentSourceFor } from '../../workloads/repository/generator.js';
import { findGit } from './git-peer.js';
import { addGitTasks } from './git-tasks.js';
import { ObjectCacheWorkload } from '../../workloads/repository/object-cache.js';
import { gitBlobId } from '../../workloads/repository/object-hash.js';
import { writePack } from '../../workloads/repository/pack-writer.js';
import { prepareRepositoryForRun, type RepositoryFixture } from './repository-fixture.js';
import { describeTreeShape, walkTree } from '../../workloads/repository/tree-walk.js';
import { loadWorkingSet, type WorkingSet } from '../../workloads/repository/working-set.js';
import { drawRatioSample, estimateRatios, type RatioEstimate } from '../../workloads/repository/ratio-sample.js';

const ID = LARGE_REPOSITORY_ID;
const MIB = 1024 * 1024;
/** Files larger than this add one chunk of this size to the ratio sample. */
const RATIO_CHUNK = 32 * 1024;

interface Plan {
  /** Samples of each whole-tree operation that cannot be batched (pack write, git add + commit). */
  readonly repeats: number;
  /** In-memory working set the timed hashing, compression and delta tasks run on, bytes. */
  readonly sampleBytes: number;
  /** Units of the stratified sample the compression and delta ratios come from. */
  readonly ratioUnits: number;
  /** Sampling budget of each repeatable task, ms. */
  readonly taskTime: number;
  /** Cache reads per sample. */
  readonly cacheReads: number;
  /** Per-operation timeout, ms. */
  readonly timeout: number;
}

const PLANS: Readonly<Record<SuiteScale, Plan>> = {
  quick: { repeats: 3, sampleBytes: 1 * MIB, ratioUnits: 600, taskTime: 1000, cacheReads: 8_000, timeout: 120_000 },
  standard: { repeats: 3, sampleBytes: 4 * MIB, ratioUnits: 1500, taskTime: 3000, cacheReads: 20_000, timeout: 300_000 },
  linux: { repeats: 1, sampleBytes: 4 * MIB, ratioUnits: 3000, taskTime: 5000, cacheReads: 50_000, timeout: 900_000 },
};

function median(task: TaskResult | undefined): number | undefined {
  return task?.status === 'ok' ? task.stats?.median : undefined;
}

function shapeFigures(fixture: RepositoryFixture): KeyFigure[] {
  const shape = describeTreeShape(fixture.files, fixture.directories);
  return [
    { name: 'tree.files', value: shape.files, unit: '{count}' },
    { name: 'tree.directories', value: shape.directories, unit: '{count}' },
    { name: 'tree.bytes', value: shape.bytes, unit: 'By' },
    { name: 'tree.size.p50', value: shape.sizeP50, unit: 'By' },
    { name: 'tree.size.p90', value: shape.sizeP90, unit: 'By' },
    { name: 'tree.size.p99', value: shape.sizeP99, unit: 'By' },
    { name: 'tree.size.max', value: shape.sizeMax, unit: 'By' },
    { name: 'tree.files_over_1mib', value: shape.filesOver1MiB, unit: '{count}' },
    { name: 'tree.share_over_1mib', value: shape.shareOver1MiB, unit: '1' },
    { name: 'tree.depth.p50', value: shape.depthP50, unit: '{count}' },
    { name: 'tree.depth.max', value: shape.depthMax, unit: '{count}' },
    { name: 'tree.files_per_dir.p50', value: shape.filesPerDirP50, unit: '{count}' },
    { name: 'tree.files_per_dir.p90', value: shape.filesPerDirP90, unit: '{count}' },
    { name: 'tree.files_per_dir.max', value: shape.filesPerDirMax, unit: '{count}' },
  ];
}

function addCompressionTasks(bench: BenchmarkSuite, set: WorkingSet, repeated: TaskTimingOptions): void {
  for (const level of [1, 6] as const) {
    bench.add(`deflate fflate level ${String(level)}`, () => {
      let out = 0;
      for (const content of set.contents) out += deflateSync(content, { level }).length;
      return out;
    }, { ...repeated, bytes: set.bytes, items: set.contents.length, tags: ['compression', 'fflate'] });
    bench.add(`deflate node:zlib level ${String(level)}`, () => {
      let out = 0;
      for (const content of set.contents) out += zlibDeflateSync(content, { level }).length;
      return out;
    }, { ...repeated, bytes: set.bytes, items: set.contents.length, tags: ['compression', 'zlib', 'reference'] });
  }
}

function addDeltaTask(bench: BenchmarkSuite, set: WorkingSet, seed: number, repeated: TaskTimingOptions): void {
  const content = contentSourceFor(seed);
  const previous = set.contents;
  const next = previous.map((c, i) => content.revise(c, seed + i));
  const bytes = next.reduce((s, c) => s + c.length, 0);
  bench.add('delta fflate (previous revision as dictionary)', () => {
    let out = 0;
    for (let i = 0; i < next.length; i++) out += encodeDelta(previous[i] ?? new Uint8Array(0), next[i] ?? new Uint8Array(0)).length;
    return out;
  }, {
    ...repeated, bytes, items: next.length, tags: ['compression', 'delta'],
    setup: () => {
      // Every delta must decode back to the new revision before it is timed.
      for (let i = 0; i < next.length; i++) {
        const a = previous[i] ?? new Uint8Array(0);
        const b = next[i] ?? new Uint8Array(0);
        if (Buffer.compare(Buffer.from(decodeDelta(a, encodeDelta(a, b))), b) !== 0) {
          throw new RuneBenchError('ERR_TASK_FAILED', `delta round trip failed for ${set.paths[i] ?? '?'}`);
        }
      }
    },
  });
}

/** Compression and delta ratios of the stratified sample, each with its 95% interval. */
async function ratioFigures(root: string, fixture: RepositoryFixture, units: number, seed: number, signal: AbortSignal | undefined): Promise<KeyFigure[]> {
  const sample = await drawRatioSample(root, fixture.files, { units, chunkBytes: RATIO_CHUNK, seed }, signal);
  const ratios = await estimateRatios(sample, contentSourceFor(seed), seed, signal);
  const what = `${String(sample.count)} units (${(sample.bytes / MIB).toFixed(1)} MiB) drawn by bytes from ${String(sample.classes.length)} file-size classes, files over ${String(RATIO_CHUNK / 1024)} KiB as one chunk, classes weighted by their share of the tree's bytes`;
  const out: KeyFigure[] = [];
  const add = (name: string, estimate: RatioEstimate, meaning: string): void => {
    const interval = `95% interval ${estimate.low.toFixed(2)}-${estimate.high.toFixed(2)}`;
    out.push(
      { name, value: estimate.ratio, unit: '1', description: `${meaning}; ${interval}; ${what}` },
      { name: `${name}.rme`, value: estimate.relativeHalfWidth, unit: '1', description: `half-width of the 95% interval of ${name} over the ratio` },
    );
  };
  add('compress.l1.ratio', ratios.level1, 'input/output bytes, node:zlib deflate level 1 per unit');
  add('compress.l6.ratio', ratios.level6, 'input/output bytes, node:zlib deflate level 6 per unit');
  add('delta.ratio', ratios.delta, 'new revision bytes / delta bytes (fflate, previous revision as dictionary)');
  out.push({ name: 'ratio_sample.bytes', value: sample.bytes, unit: 'By', description: what });
  return out;
}

/** Runs the suite (loaded on its first run by its lazy definition). @internal */
export async function runLargeRepository(options: SuiteRunOptions = {}): Promise<SuiteResult> {
  const builder = new SuiteResultBuilder(ID);
  const scale = resolveScale(options);
  const plan = byScale(scale, PLANS);
  const seed = options.seed ?? 1;
  const signal = options.signal;
  const dir = param(options, 'dir', 'string');
  const files = param(options, 'files', 'number');
  const useGit = param(options, 'git', 'boolean') ?? true;
  const sampleMb = param(options, 'sampleMb', 'number');
  if (files !== undefined && !(Number.isInteger(files) && files >= 10)) throw new RangeError('files parameter must be an integer >= 10');
  if (sampleMb !== undefined && !(sampleMb > 0)) throw new RangeError('sampleMb parameter must be a positive number of MiB');
  const repeats = param(options, 'repeats', 'number') ?? plan.repeats;
  if (!(Number.isInteger(repeats) && repeats >= 1 && repeats <= 100)) throw new RangeError('repeats parameter must be an integer in [1, 100]');
  throwIfAborted(signal, `${ID} suite`);
  const progress = new ProgressReporter(ID, options.onProgress);
  const peak = new ProcessTreeMemory();
  const notices: string[] = [];
  const figures: KeyFigure[] = [];

  const prepared = await prepareRepositoryForRun({ suite: ID, scale, seed, files, dir, signal, progress: progress.span(0, 0.2) }, builder);
  if ('schemaVersion' in prepared) return prepared; // aborted while generating
  const fixture: RepositoryFixture = prepared;
  peak.start();
  try {
    peak.sample();
    const { root } = fixture;
    figures.push(...shapeFigures(fixture));
    if (fixture.skipped > 0) notices.push(`${String(fixture.skipped)} unreadable files or directories in ${root} were left out`);
    if (fixture.generated) {
      figures.push(
        { name: 'generate.duration', value: fixture.generateDuration, unit: 's', description: 'time to write the tree' },
        { name: 'generate.bytes_per_second', value: fixture.generateDuration > 0 ? fixture.bytesWritten / fixture.generateDuration : 0, unit: 'By/s' },
      );
    }
    const set = loadWorkingSet(root, fixture.files, (sampleMb ?? plan.sampleBytes / MIB) * MIB, seed);
    peak.sample();
    figures.push({ name: 'working_set.bytes', value: set.bytes, unit: 'By', description: 'bytes of files held in memory for the timed hashing, compression and delta tasks' });
    progress.update('ratios', 0.2, 'compression and delta ratios of a stratified sample');
    figures.push(...await ratioFigures(root, fixture, plan.ratioUnits, seed, signal));
    peak.sample();
    // Repeatable tasks: many short samples within the budget; whole-tree one-shots: `repeats` samples.
    // sampled to ±5% where the task's spread allows, within three budgets; a task that cannot says so in a notice
    const sampled = { minSamples: 10, warmup: true, timeMs: plan.taskTime, targetRme: 0.05, maxTimeMs: 3 * plan.taskTime, timeoutMs: plan.timeout } as const;
    const repeated = { minSamples: repeats, maxSamples: repeats, warmup: false, timeMs: 1, timeoutMs: plan.timeout } as const;
    const bench = new BenchmarkSuite(ID, { seed, gc: true, ...(signal !== undefined ? { signal } : {}) });
    const items = fixture.files.length;

    bench.add('walk + lstat', () => walkTree(root, signal === undefined ? {} : { signal }), {
      ...sampled, items, tags: ['walk'],
    });
    // A whole-tree pass: it yields to the event loop every ~20 ms so progress, abort and the monitor keep working.
    bench.add('sha1 git blob ids (read + hash every file)', async () => {
      let last = '';
      let slice = performance.now();
      for (const file of fixture.files) {
        last = gitBlobId(readFileSync(join(root, file.path)));
        if (performance.now() - slice > 20) {
          await yieldToEventLoop();
          slice = performance.now();
        }
      }
      return last;
    }, { ...sampled, minSamples: 5, bytes: fixture.bytes, items, tags: ['hash'] });
    bench.add('sha1 git blob ids (in memory)', () => {
      let last = '';
      for (const content of set.contents) last = gitBlobId(content);
      return last;
    }, { ...sampled, bytes: set.bytes, items: set.contents.length, tags: ['hash'] });
    addCompressionTasks(bench, set, sampled);
    addDeltaTask(bench, set, seed, sampled);

    const cache = new ObjectCacheWorkload({
      objects: fixture.files.length,
      load: (i) => readFileSync(join(root, fixture.files[i]?.path ?? '')),
      maxBytes: Math.max(MIB, Math.round(fixture.bytes / 10)),
      seed,
    });
    bench.add('object cache (lru-cache, Zipf keys)', () => cache.read(plan.cacheReads), {
      ...sampled, items: plan.cacheReads, tags: ['cache'],
      figures: () => {
        figures.push({ name: 'cache.hit_ratio', value: cache.hitRatio, unit: '1', description: 'object cache hit ratio (capacity 10% of the tree)' });
        return [{ name: 'hit_ratio', value: cache.hitRatio, unit: '1' }];
      },
    });

    notices.push(`pack write streams the whole tree per sample: ${String(repeats)} samples, so its interval is wide on a loaded host`);
    let packNumber = 0;
    let packBytes = 0;
    bench.add('pack write (streaming, fflate level 1)', async () => {
      const path = join(fixture.scratch, `objects-${String(packNumber++)}.pack`);
      const generator = function* (): Generator<Buffer> {
        for (const file of fixture.files) yield readFileSync(join(root, file.path));
      };
      try {
        const info = await writePack(path, fixture.files.length, generator(), { level: 1, ...(signal !== undefined ? { signal } : {}) });
        packBytes = info.bytesWritten;
        return info.checksum;
      } finally {
        rmSync(path, { force: true });
      }
    }, {
      ...repeated, bytes: fixture.bytes, items, tags: ['pack'],
      figures: () => {
        figures.push({ name: 'pack.bytes_written', value: packBytes, unit: 'By', description: 'size of one pack of the whole tree' });
        return [{ name: 'bytes_written', value: packBytes, unit: 'By' }];
      },
    });

    if (!useGit) {
      notices.push('git peer disabled by the git parameter');
    } else if ((await findGit()) === undefined) {
      notices.push('git not found on the PATH: git peer skipped');
    } else {
      await addGitTasks(bench, fixture, { seed, sampled, timeout: plan.timeout, signal }, figures, notices);
    }

    followBenchmark(bench, progress.span(0.2, 1), () => {
      peak.sample();
    });
    const result = await bench.run();
    peak.sample();
    figures.push(...sideBySide(result));
    const written = fixture.bytesWritten + packBytes * packNumber + (figures.find((f) => f.name === 'git.objects.bytes_written')?.value ?? 0);
    figures.push(
      { name: 'bytes_written', value: written, unit: 'By', description: 'tree, packs and git objects written' },
      { name: 'memory.peak_rss', value: Math.max(peak.peak, result.summary.peakMemory), unit: 'By', description: 'peak resident set size of the process and the git processes it ran, generation included' },
    );
    progress.update('done', 1);
    return builder.adopt(result).figure(...figures).notice(...notices).peaks({ memory: peak.peak }).build();
  } finally {
    peak.stop();
    await fixture.dispose();
  }
}

/** rune-bench's operations next to git's on the same tree: durations and the ratio git/rune-bench. */
function sideBySide(result: SuiteResult): KeyFigure[] {
  const find = (name: string): TaskResult | undefined => result.tasks.find((t) => t.name === name);
  const pairs: readonly (readonly [string, string, string])[] = [
    ['hash', 'sha1 git blob ids (read + hash every file)', 'git hash-object --stdin-paths'],
    ['walk_vs_status', 'walk + lstat', 'git status (warm)'],
    ['pack_vs_commit', 'pack write (streaming, fflate level 1)', 'git add -A && git commit'],
  ];
  const out: KeyFigure[] = [];
  for (const [key, ours, theirs] of pairs) {
    const a = median(find(ours));
    const b = median(find(theirs));
    if (a === undefined || b === undefined) continue;
    out.push(
      { name: `peer.${key}.rune_bench`, value: a, unit: 's', description: ours },
      { name: `peer.${key}.git`, value: b, unit: 's', description: theirs },
    );
  }
  const fflate1 = find('deflate fflate level 1')?.stats?.bytesPerSecond;
  const zlib1 = find('deflate node:zlib level 1')?.stats?.bytesPerSecond;
  if (fflate1 !== undefined && zlib1 !== undefined && fflate1 > 0) {
    out.push({ name: 'compress.zlib_over_fflate.l1', value: zlib1 / fflate1, unit: '1', description: 'how many times faster node:zlib is than fflate at level 1' });
  }
  const fflate6 = find('deflate fflate level 6')?.stats?.bytesPerSecond;
  const zlib6 = find('deflate node:zlib level 6')?.stats?.bytesPerSecond;
  if (fflate6 !== undefined && zlib6 !== undefined && fflate6 > 0) {
    out.push({ name: 'compress.zlib_over_fflate.l6', value: zlib6 / fflate6, unit: '1', description: 'how many times faster node:zlib is than fflate at level 6' });
  }
  return out;
}

