// Ratios that describe a tree rather than one draw from it: a sample stratified by file-size class, units
// drawn with probability proportional to their bytes, large files cut to one chunk at a random offset; the
// compression and delta ratios are stratified means of per-unit output/input, weighted by each class's
// share of the tree's bytes, with a 95% interval.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { stratifiedMean, type Stratum } from '../../stats/stratified-mean.js';
import { seededRandom, type SeededRandom } from '../../suites/common/rng.js';
import { throwIfAborted } from '../../suites/common/scale.js';
import { yieldToEventLoop } from '../../bench/timer.js';
import { encodeDelta } from './delta.js';
import type { ContentSource } from './content.js';

/** Upper bounds of the file-size classes, bytes (the last class is open). */
export const SIZE_CLASSES: readonly number[] = [4 * 1024, 32 * 1024, 256 * 1024, Number.POSITIVE_INFINITY];

/**
 * A stratified sample of a tree's bytes.
 *
 * @internal
 */
export interface RatioSample {
  /** Per class: share of the tree's bytes (0-1) and the sampled units (whole files or one chunk of a large file). */
  readonly classes: readonly { readonly upTo: number; readonly weight: number; readonly units: readonly Buffer[] }[];
  /** Bytes held by all units. */
  readonly bytes: number;
  /** Units over all classes. */
  readonly count: number;
}

/**
 * Options of {@link drawRatioSample}.
 *
 * @internal
 */
export interface RatioSampleOptions {
  /** Units to draw over all classes (split by the classes' byte shares, at least 8 per non-empty class). */
  readonly units: number;
  /** A file larger than this contributes one chunk of this size at a random offset, bytes. */
  readonly chunkBytes: number;
  readonly seed: number;
}

/** The whole file, or one `chunkBytes` chunk at a random offset when the file is larger (only that chunk is read). */
function readUnit(path: string, size: number, chunkBytes: number, rng: SeededRandom): Buffer {
  if (size <= chunkBytes) return readFileSync(path);
  const offset = rng.int(size - chunkBytes + 1);
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(chunkBytes);
    const read = readSync(fd, chunk, 0, chunkBytes, offset);
    return chunk.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function classOf(size: number): number {
  const i = SIZE_CLASSES.findIndex((upTo) => size < upTo);
  return i < 0 ? SIZE_CLASSES.length - 1 : i;
}

/**
 * Draws the sample: files grouped by size class, each class given units in proportion to its bytes, and
 * within a class files drawn with replacement with probability proportional to their size, so every byte
 * of the tree has the same chance of being sampled. Unreadable files are skipped. Yields to the event loop
 * every ~20 ms.
 *
 * @internal
 */
export async function drawRatioSample(
  root: string,
  files: readonly { readonly path: string; readonly size: number }[],
  options: RatioSampleOptions,
  signal?: AbortSignal,
): Promise<RatioSample> {
  const rng = seededRandom(options.seed ^ 0x51ed270b);
  const groups = SIZE_CLASSES.map(() => ({ files: [] as { path: string; size: number }[], bytes: 0 }));
  let total = 0;
  for (const f of files) {
    if (f.size <= 0) continue;
    const g = groups[classOf(f.size)];
    if (g === undefined) continue;
    g.files.push(f);
    g.bytes += f.size;
    total += f.size;
  }
  const classes: { upTo: number; weight: number; units: Buffer[] }[] = [];
  let slice = performance.now();
  let bytes = 0;
  let count = 0;
  for (const [index, g] of groups.entries()) {
    if (g.files.length === 0 || total === 0) continue;
    const weight = g.bytes / total;
    const want = Math.max(8, Math.round(options.units * weight));
    // Cumulative sizes for drawing proportional to size.
    const cumulative = new Float64Array(g.files.length);
    let sum = 0;
    for (const [i, f] of g.files.entries()) cumulative[i] = sum += f.size;
    const units: Buffer[] = [];
    for (let attempt = 0; units.length < want && attempt < want * 3; attempt++) {
      const at = rng.next() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > at) hi = mid;
        else lo = mid + 1;
      }
      const file = g.files[lo];
      if (file === undefined) continue;
      let content: Buffer;
      try {
        content = readUnit(join(root, file.path), file.size, options.chunkBytes, rng);
      } catch {
        continue;
      }
      if (performance.now() - slice > 20) {
        await yieldToEventLoop();
        throwIfAborted(signal, 'ratio sample');
        slice = performance.now();
      }
      if (content.length === 0) continue;
      units.push(content);
      bytes += content.length;
    }
    count += units.length;
    classes.push({ upTo: SIZE_CLASSES[index] ?? Number.POSITIVE_INFINITY, weight, units });
  }
  return { classes, bytes, count };
}

/**
 * A ratio (input bytes / output bytes) estimated from a {@link RatioSample}, with its 95% interval.
 *
 * @internal
 */
export interface RatioEstimate {
  readonly ratio: number;
  readonly low: number;
  readonly high: number;
  /** Half the interval's width over the ratio. */
  readonly relativeHalfWidth: number;
}

function toRatio(strata: readonly Stratum[]): RatioEstimate {
  // The stratified mean is of output/input (bytes-weighted compressed share); its inverse is the ratio.
  const m = stratifiedMean(strata);
  const ratio = 1 / m.mean;
  const low = m.high > 0 ? 1 / m.high : 0;
  const high = m.low > 0 ? 1 / m.low : Number.POSITIVE_INFINITY;
  return { ratio, low, high, relativeHalfWidth: (high - low) / 2 / ratio };
}

/**
 * The ratios of a sample: deflate (node:zlib) at levels 1 and 6, and delta against a previous revision
 * (`content.revise` of the unit, the suite's delta workload). Yields to the event loop every ~20 ms.
 *
 * @internal
 */
export async function estimateRatios(
  sample: RatioSample,
  content: ContentSource,
  seed: number,
  signal?: AbortSignal,
): Promise<{ readonly level1: RatioEstimate; readonly level6: RatioEstimate; readonly delta: RatioEstimate }> {
  const l1: Stratum[] = [];
  const l6: Stratum[] = [];
  const delta: Stratum[] = [];
  let last = performance.now();
  let n = 0;
  for (const c of sample.classes) {
    const a: number[] = [];
    const b: number[] = [];
    const d: number[] = [];
    for (const unit of c.units) {
      a.push(deflateSync(unit, { level: 1 }).length / unit.length);
      b.push(deflateSync(unit, { level: 6 }).length / unit.length);
      const next = content.revise(unit, seed + n++);
      d.push(encodeDelta(unit, next).length / next.length);
      if (performance.now() - last > 20) {
        await yieldToEventLoop();
        throwIfAborted(signal, 'ratio sample');
        last = performance.now();
      }
    }
    l1.push({ weight: c.weight, values: a });
    l6.push({ weight: c.weight, values: b });
    delta.push({ weight: c.weight, values: d });
  }
  return { level1: toRatio(l1), level6: toRatio(l6), delta: toRatio(delta) };
}
