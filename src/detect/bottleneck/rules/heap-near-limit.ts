// Rule: the V8 heap is close to its limit (out-of-memory ahead).
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { median } from '../../../stats/quantile.js';
import { bandOf, checkData, confidenceOf, evidence, finding, type SeverityBands } from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, severityBandsRule } from '../rule-options.js';

/**
 * Options of {@link heapNearLimitRule}.
 *
 * @beta
 */
export interface HeapNearLimitRuleOptions {
  /**
   * Bands for `v8js.heap.used / v8js.heap.limit` (median of the newest `recent` snapshots).
   *
   * @defaultValue `{ low: 0.7, medium: 0.8, high: 0.9, critical: 0.95 }`
   */
  readonly ratio?: SeverityBands;
  /**
   * How many of the newest snapshots to take the median over.
   *
   * @defaultValue 3
   */
  readonly recent?: number;
}

/** Rule id of {@link heapNearLimitRule}. @beta */
export const HEAP_NEAR_LIMIT = 'heap-near-limit';

const USED = 'v8js.heap.used';
const LIMIT = 'v8js.heap.limit';

const RULES: OptionRules = { ratio: severityBandsRule, recent: integerAtLeast(1) };

/**
 * Heap near its limit: the median over the newest `recent` snapshots of `v8js.heap.used` divided by
 * `v8js.heap.limit`. Impact: that ratio in percent (the share of the heap limit in use).
 *
 * @beta
 */
export function heapNearLimitRule(options: HeapNearLimitRuleOptions = {}): BottleneckRule {
  const bands = options.ratio ?? { low: 0.7, medium: 0.8, high: 0.9, critical: 0.95 };
  const recent = options.recent ?? 3;
  validateOptions(options, RULES, 'heapNearLimitRule');

  return {
    id: HEAP_NEAR_LIMIT,
    title: 'Heap near its limit',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const lacking = checkData(HEAP_NEAR_LIMIT, window, [USED, LIMIT], 1);
      if (lacking !== undefined) return lacking;
      const ratios: number[] = [];
      for (let i = window.length - 1; i >= 0 && ratios.length < recent; i--) {
        const s = window[i] as MetricSnapshot;
        const used = s.get(USED);
        const limit = s.get(LIMIT);
        if (used !== undefined && limit !== undefined && limit > 0) ratios.push(used / limit);
      }
      if (ratios.length === 0) return undefined;
      const ratio = median(ratios);
      const severity = bandOf(ratio, bands);
      if (severity === undefined) return undefined;
      const last = window.at(-1) as MetricSnapshot;
      return finding(HEAP_NEAR_LIMIT, window, {
        severity,
        title: 'Heap near its limit',
        impact: ratio * 100,
        confidence: confidenceOf(ratios.length, recent, ratio, bands.low),
        evidence: [
          evidence(`${USED} / ${LIMIT}`, ratio, bands.low),
          evidence(USED, last.get(USED) ?? Number.NaN),
          evidence(LIMIT, last.get(LIMIT) ?? Number.NaN),
        ],
        recommendation:
          'The JavaScript heap is close to its limit: expect long GC pauses, then an out-of-memory crash. ' +
          'Stream packfiles and large blobs (git cat-file --batch output, zlib streams) instead of loading ' +
          'them whole, bound caches by bytes (lru-cache maxSize with sizeCalculation), walk history and ' +
          'large trees in pages, and only as a stopgap raise --max-old-space-size.',
      });
    },
  };
}
