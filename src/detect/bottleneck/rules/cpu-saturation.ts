// Rule: the process uses (nearly) every core of the machine.
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { mean } from '../../../stats/summary.js';
import { bandOf, checkData, confidenceOf, evidence, finding, seriesOf, type SeverityBands } from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, severityBandsRule } from '../rule-options.js';

/**
 * Options of {@link cpuSaturationRule}.
 *
 * @beta
 */
export interface CpuSaturationRuleOptions {
  /**
   * Bands for the window mean of `process.cpu.utilization.all_cores` (ratio of all cores, 0-1).
   *
   * @defaultValue `{ low: 0.8, medium: 0.9, high: 0.97, critical: Infinity }`
   */
  readonly utilization?: SeverityBands;
  /**
   * Fewest snapshots carrying the metric.
   *
   * @defaultValue 3
   */
  readonly minSamples?: number;
}

/** Rule id of {@link cpuSaturationRule}. @beta */
export const CPU_SATURATION = 'cpu-saturation';

const ALL = 'process.cpu.utilization.all_cores';
const ONE = 'process.cpu.utilization';

const RULES: OptionRules = { utilization: severityBandsRule, minSamples: integerAtLeast(1) };

/**
 * CPU saturation: the process (main thread, workers and libuv threads together) keeps the machine's
 * cores busy, so more parallelism cannot help. Signal: the window mean of
 * `process.cpu.utilization.all_cores`. A single-threaded process on a multi-core machine does not
 * reach it: that case is the event-loop rule's. Impact: that mean in percent (the share of the
 * machine's CPU capacity the process used).
 *
 * @beta
 */
export function cpuSaturationRule(options: CpuSaturationRuleOptions = {}): BottleneckRule {
  const bands = options.utilization ?? { low: 0.8, medium: 0.9, high: 0.97, critical: Number.POSITIVE_INFINITY };
  const minSamples = options.minSamples ?? 3;
  validateOptions(options, RULES, 'cpuSaturationRule');

  return {
    id: CPU_SATURATION,
    title: 'CPU saturation',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const lacking = checkData(CPU_SATURATION, window, [ALL], minSamples);
      if (lacking !== undefined) return lacking;
      const values = seriesOf(window, ALL).values;
      const utilization = mean(values);
      const severity = bandOf(utilization, bands);
      if (severity === undefined) return undefined;
      const ev = [evidence(`${ALL} (window mean)`, utilization, bands.low)];
      const one = seriesOf(window, ONE).values;
      if (one.length > 0) ev.push(evidence(`${ONE} (window mean)`, mean(one)));
      return finding(CPU_SATURATION, window, {
        severity,
        title: 'CPU saturation',
        impact: utilization * 100,
        confidence: confidenceOf(values.length, 10, utilization, bands.low),
        evidence: ev,
        recommendation:
          'The process keeps every core busy, so adding workers will not make it faster: do less work. ' +
          'Trust the index stat data instead of re-hashing unchanged files, use a commit-graph or ' +
          'reachability bitmaps instead of walking history, cap rename detection (diff.renameLimit), lower ' +
          'the zlib level for temporary packs, and size worker pools to cores - 1 so the main thread stays ' +
          'responsive.',
      });
    },
  };
}
