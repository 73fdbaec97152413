// Rule: garbage collection takes a large share of wall time.
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { bandOf, checkData, confidenceOf, evidence, finding, intervalSum, type SeverityBands } from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, severityBandsRule } from '../rule-options.js';

/**
 * Options of {@link gcPressureRule}.
 *
 * @beta
 */
export interface GcPressureRuleOptions {
  /**
   * Bands for the GC time share of the window (ratio 0-1).
   *
   * @defaultValue `{ low: 0.05, medium: 0.1, high: 0.2, critical: 0.5 }`
   */
  readonly share?: SeverityBands;
  /**
   * Fewest snapshots carrying `v8js.gc.duration` (the oldest one only opens the window).
   *
   * @defaultValue 3
   */
  readonly minSamples?: number;
}

/** Rule id of {@link gcPressureRule}. @beta */
export const GC_PRESSURE = 'gc-pressure';

const GC = 'v8js.gc.duration';

const RULES: OptionRules = { share: severityBandsRule, minSamples: integerAtLeast(2) };

/**
 * GC pressure: the share of the window's wall time spent in garbage-collection pauses, from the sum of
 * `v8js.gc.duration` over the window's intervals. Impact: that share, in percent.
 *
 * @beta
 */
export function gcPressureRule(options: GcPressureRuleOptions = {}): BottleneckRule {
  const bands = options.share ?? { low: 0.05, medium: 0.1, high: 0.2, critical: 0.5 };
  const minSamples = options.minSamples ?? 3;
  validateOptions(options, RULES, 'gcPressureRule');

  return {
    id: GC_PRESSURE,
    title: 'GC pressure',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const lacking = checkData(GC_PRESSURE, window, [GC], minSamples);
      if (lacking !== undefined) return lacking;
      const total = intervalSum(window, GC);
      if (!(total.seconds > 0)) return undefined;
      const share = total.sum / total.seconds;
      const severity = bandOf(share, bands);
      if (severity === undefined) return undefined;
      const major = intervalSum(window, 'v8js.gc.duration.major');
      const minor = intervalSum(window, 'v8js.gc.duration.minor');
      const count = intervalSum(window, 'v8js.gc.count');
      const ev = [evidence(`${GC} (share of window)`, share, bands.low), evidence(`${GC} (sum, s)`, total.sum)];
      if (count.count > 0) ev.push(evidence('v8js.gc.count (per second)', count.sum / count.seconds));
      if (major.count > 0) ev.push(evidence('v8js.gc.duration.major (share of window)', major.sum / major.seconds));
      if (minor.count > 0) ev.push(evidence('v8js.gc.duration.minor (share of window)', minor.sum / minor.seconds));
      const majorHeavy = major.count > 0 && major.sum > 0.5 * total.sum;
      return finding(GC_PRESSURE, window, {
        severity,
        title: majorHeavy ? 'GC pressure (major collections: large live heap)' : 'GC pressure (allocation churn)',
        impact: share * 100,
        confidence: confidenceOf(total.count, 10, share, bands.low),
        evidence: ev,
        recommendation:
          (majorHeavy
            ? 'Major (mark-compact) collections dominate: the live heap is large, so each collection walks it. ' +
              'Bound object and tree caches by bytes (lru-cache maxSize with sizeCalculation), stream large ' +
              'blobs and packs instead of holding them, and drop per-commit maps once a walk has passed them. '
            : 'Short-lived allocations churn the young generation. ') +
          'Reuse Buffers when reading objects (one buffer per pack window rather than one per object), keep ' +
          'object ids as 20/32-byte Buffers instead of hex strings, avoid building intermediate arrays and ' +
          'strings while parsing trees and commits, and batch object reads (git cat-file --batch) so each ' +
          'object does not allocate its own process, pipe and parser.',
      });
    },
  };
}
