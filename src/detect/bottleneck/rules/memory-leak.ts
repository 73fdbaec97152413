// Rule: the heap's floor after garbage collection keeps rising (a leak), rated by time until the heap limit.
import { Severity, compareSeverity } from '../../../core/findings.js';
import type { MetricSnapshot } from '../../../core/snapshot.js';
import { insufficientData, type BottleneckRule, type BottleneckRuleResult } from '../bottleneck-rule.js';
import { linearFit } from '../../../stats/linear-fit.js';
import { checkData, evidence, finding, seriesOf } from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, numberWithin, timeToLimitRule } from '../rule-options.js';

/**
 * Options of {@link memoryLeakRule}.
 *
 * @beta
 */
export interface MemoryLeakRuleOptions {
  /**
   * Smallest coefficient of determination of the line fitted through the post-GC heap floor.
   *
   * @defaultValue 0.7
   */
  readonly minRSquared?: number;
  /**
   * Smallest slope, bytes per second, worth reporting.
   *
   * @defaultValue 32768 (32 KiB/s, about 115 MiB an hour)
   */
  readonly minSlope?: number;
  /**
   * Smallest growth of the floor across the window, as a share of the floor at its start.
   *
   * @defaultValue 0.05
   */
  readonly minGrowth?: number;
  /**
   * Severity by projected seconds until `v8js.heap.used` reaches `v8js.heap.limit`: at most
   * `critical` seconds is critical, at most `high` high, at most `medium` medium, else low.
   *
   * @defaultValue `{ critical: 600, high: 3600, medium: 21600 }`
   */
  readonly timeToLimit?: { readonly critical: number; readonly high: number; readonly medium: number };
  /**
   * Fewest snapshots carrying `v8js.heap.used`.
   *
   * @defaultValue 8
   */
  readonly minSamples?: number;
}

/** Rule id of {@link memoryLeakRule}. @beta */
export const MEMORY_LEAK = 'memory-leak';

const USED = 'v8js.heap.used';
const LIMIT = 'v8js.heap.limit';
const GC_COUNT = 'v8js.gc.count';
const GC_MAJOR = 'v8js.gc.duration.major';

/** The heap's floor without GC metrics: the lowest `v8js.heap.used` in each of up to 8 equal time buckets. */
function envelope(times: readonly number[], values: readonly number[]): { times: number[]; values: number[] } {
  const first = times[0] as number;
  const span = (times.at(-1) as number) - first;
  const buckets = Math.max(3, Math.min(8, Math.floor(times.length / 2)));
  const out = { times: [] as number[], values: [] as number[] };
  let bucket = -1;
  for (let i = 0; i < times.length; i++) {
    const b = Math.min(buckets - 1, Math.floor(((times[i] as number) - first) / (span / buckets)));
    const v = values[i] as number;
    if (b !== bucket) {
      bucket = b;
      out.times.push(times[i] as number);
      out.values.push(v);
    } else if (v < (out.values.at(-1) as number)) {
      out.times[out.times.length - 1] = times[i] as number;
      out.values[out.values.length - 1] = v;
    }
  }
  return out;
}

interface MajorGc {
  /** Index into the post-GC points. */
  readonly point: number;
  readonly time: number;
  /** Heap after it. */
  readonly value: number;
}

/** Heap after collections: `v8js.heap.used` at each sample whose interval had a GC, and the major GCs among them. */
function postGc(window: readonly MetricSnapshot[]): { times: number[]; values: number[]; majors: MajorGc[] } {
  const out = { times: [] as number[], values: [] as number[], majors: [] as MajorGc[] };
  for (let i = 1; i < window.length; i++) {
    const s = window[i] as MetricSnapshot;
    const used = s.get(USED);
    if (used === undefined || !((s.get(GC_COUNT) ?? 0) > 0)) continue;
    out.times.push(s.monotonic);
    out.values.push(used);
    if ((s.get(GC_MAJOR) ?? 0) > 0) {
      out.majors.push({ point: out.values.length - 1, time: s.monotonic, value: used });
    }
  }
  return out;
}

const RULES: OptionRules = { minRSquared: numberWithin(0, 1), minSlope: numberWithin(0), minGrowth: numberWithin(0), timeToLimit: timeToLimitRule, minSamples: integerAtLeast(4) };

/**
 * Memory leak: a least-squares line through the heap after garbage collection (`v8js.heap.used` at each
 * sample whose interval had a GC, per `v8js.gc.count`; from the first major GC on when there is one)
 * rising at `minSlope` or more, with r² at least `minRSquared` and growth of at least `minGrowth`.
 * Confirmation by full (major) collections, which alone tell live data from garbage awaiting
 * collection: with two or more, the line is fitted from the first on and the heap after the last must
 * exceed the heap after the first by at least half the fitted rise, else there is no leak; with one,
 * at least half the rise fitted up to it must have survived it. An unconfirmed leak has half the
 * confidence and is capped at medium when the heap at least doubled across the window, else at low.
 * Fewer than 3
 * post-GC samples is insufficient data; without GC metrics the lowest value of each of up to 8 time
 * buckets stands in (unconfirmed). Severity by the projected time until `v8js.heap.limit`. Impact: the
 * share of the heap limit the leak would take in the next 10 minutes at this slope, in percent
 * (capped at 100).
 *
 * @beta
 */
export function memoryLeakRule(options: MemoryLeakRuleOptions = {}): BottleneckRule {
  const minRSquared = options.minRSquared ?? 0.7;
  const minSlope = options.minSlope ?? 32 * 1024;
  const minGrowth = options.minGrowth ?? 0.05;
  const ttl = options.timeToLimit ?? { critical: 600, high: 3600, medium: 21600 };
  const minSamples = options.minSamples ?? 8;
  validateOptions(options, RULES, 'memoryLeakRule');

  return {
    id: MEMORY_LEAK,
    title: 'Memory leak',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const lacking = checkData(MEMORY_LEAK, window, [USED], minSamples);
      if (lacking !== undefined) return lacking;
      const used = seriesOf(window, USED);
      const hasGc = window.some((x) => x.has(GC_COUNT));
      let points: { times: number[]; values: number[] };
      let confirmed = false;
      if (hasGc) {
        const post = postGc(window);
        if (post.values.length < 3) {
          return insufficientData(MEMORY_LEAK, window, `${post.values.length} sample(s) follow a garbage collection; the post-GC heap needs at least 3`);
        }
        points = post;
        const first = post.majors[0];
        const last = post.majors.at(-1);
        if (first !== undefined && last !== undefined) {
          if (last !== first) {
            // Two full collections: the live set must have grown between them, at half the slope or more.
            points = { times: post.times.slice(first.point), values: post.values.slice(first.point) };
            const fit = linearFit(points.times, points.values, { minPoints: 3 });
            if (fit !== undefined && fit.slope > 0) {
              if (last.value - first.value < 0.5 * fit.slope * (last.time - first.time)) return undefined;
              confirmed = true;
            }
          } else {
            // One full collection: at least half the rise before it must have survived it.
            if (first.point >= 3) {
              const before = linearFit(post.times.slice(0, first.point), post.values.slice(0, first.point), { minPoints: 3 });
              const start = post.values[0] as number;
              if (before !== undefined && before.slope > 0) {
                confirmed = first.value - start >= 0.5 * before.slope * (first.time - (post.times[0] as number));
              }
            }
            // The line itself starts clean of older garbage at the full collection, when enough follows it.
            if (post.values.length - first.point >= 3) points = { times: post.times.slice(first.point), values: post.values.slice(first.point) };
          }
        }
      } else {
        points = envelope(used.times, used.values);
      }
      const fit = linearFit(points.times, points.values, { minPoints: 3 });
      if (fit === undefined) return insufficientData(MEMORY_LEAK, window, 'too few distinct points to fit the post-GC heap');
      const start = points.values[0] as number;
      const growth = fit.slope * ((points.times.at(-1) as number) - (points.times[0] as number));
      if (fit.slope < minSlope || fit.rSquared < minRSquared || growth < minGrowth * start) return undefined;

      const current = used.values.at(-1) as number;
      const limits = seriesOf(window, LIMIT).values;
      const limit = limits.at(-1);
      const ev = [
        evidence(`${USED} (post-GC slope, By/s)`, fit.slope, minSlope),
        evidence(`${USED} (post-GC fit r²)`, fit.rSquared, minRSquared),
        evidence(`${USED} (post-GC growth over window, By)`, growth),
        evidence(USED, current),
      ];
      let severity: Severity;
      let impact: number;
      if (limit !== undefined && limit > 0) {
        const seconds = Math.max(0, limit - current) / fit.slope;
        ev.push(evidence(LIMIT, limit), evidence('time until heap limit (s)', seconds, ttl.high));
        severity = seconds <= ttl.critical ? Severity.Critical : seconds <= ttl.high ? Severity.High : seconds <= ttl.medium ? Severity.Medium : Severity.Low;
        impact = (100 * fit.slope * 600) / limit;
      } else {
        severity = Severity.Medium;
        impact = (100 * growth) / Math.max(1, current);
      }
      if (!confirmed) {
        const cap = growth >= start ? Severity.Medium : Severity.Low;
        if (compareSeverity(severity, cap) > 0) severity = cap;
      }
      ev.push(evidence('confirmed across a major GC (1 = yes)', confirmed ? 1 : 0));
      const dataFactor = Math.min(1, points.values.length / 6) * (confirmed ? 1 : 0.5);
      return finding(MEMORY_LEAK, window, {
        severity,
        title: confirmed ? 'Memory leak: heap after GC rising' : 'Possible memory leak: heap after GC rising (not confirmed by a full GC)',
        impact,
        confidence: fit.rSquared * dataFactor,
        evidence: ev,
        recommendation:
          'The heap after garbage collection keeps growing, so something retains objects. In VCS tools the ' +
          'usual culprits are unbounded object, commit or path caches (give them a max or maxSize with ' +
          'lru-cache), memo maps kept across operations, listeners added once per object or per file, and ' +
          'Buffer slices of pack windows that keep the whole window alive (copy with Buffer.from). Compare ' +
          'two heap snapshots (v8.writeHeapSnapshot) taken a minute apart to find the growing retainer.',
      });
    },
  };
}
