// Rule: open file descriptors keep rising (handles not closed).
import { Severity } from '../../../core/findings.js';
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { linearFit } from '../../../stats/linear-fit.js';
import { checkData, evidence, finding, seriesOf } from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, numberWithin, timeToLimitRule } from '../rule-options.js';

/**
 * Options of {@link fdLeakRule}.
 *
 * @beta
 */
export interface FdLeakRuleOptions {
  /**
   * Smallest slope, descriptors per second, worth reporting.
   *
   * @defaultValue 0.5
   */
  readonly minSlope?: number;
  /**
   * Smallest growth across the window, descriptors.
   *
   * @defaultValue 16
   */
  readonly minGrowth?: number;
  /**
   * Smallest coefficient of determination of the fitted line.
   *
   * @defaultValue 0.7
   */
  readonly minRSquared?: number;
  /**
   * The descriptor limit to project against, when the window has no `process.open_fds.limit`.
   *
   * @defaultValue 1024 (the usual soft `ulimit -n`)
   */
  readonly limit?: number;
  /**
   * Severity by projected seconds until the limit: at most `critical` seconds is critical, and so on; else low.
   *
   * @defaultValue `{ critical: 60, high: 600, medium: 3600 }`
   */
  readonly timeToLimit?: { readonly critical: number; readonly high: number; readonly medium: number };
  /**
   * Fewest snapshots carrying `process.open_fds`.
   *
   * @defaultValue 5
   */
  readonly minSamples?: number;
}

/** Rule id of {@link fdLeakRule}. @beta */
export const FD_LEAK = 'fd-leak';

const FDS = 'process.open_fds';
const LIMIT = 'process.open_fds.limit';

const RULES: OptionRules = { minSlope: numberWithin(0), minGrowth: numberWithin(0), minRSquared: numberWithin(0, 1), limit: numberWithin(1), timeToLimit: timeToLimitRule, minSamples: integerAtLeast(3) };

/**
 * Handle / file-descriptor leak: a least-squares line through `process.open_fds` rising at `minSlope`
 * or more with r² at least `minRSquared` and at least `minGrowth` descriptors across the window.
 * Severity by the projected time until the descriptor limit (`process.open_fds.limit` when reported,
 * else the `limit` option). Impact: the share of the limit the leak would take in the next 10 minutes
 * at this slope, in percent (capped at 100).
 *
 * @beta
 */
export function fdLeakRule(options: FdLeakRuleOptions = {}): BottleneckRule {
  const minSlope = options.minSlope ?? 0.5;
  const minGrowth = options.minGrowth ?? 16;
  const minRSquared = options.minRSquared ?? 0.7;
  const defaultLimit = options.limit ?? 1024;
  const ttl = options.timeToLimit ?? { critical: 60, high: 600, medium: 3600 };
  const minSamples = options.minSamples ?? 5;
  validateOptions(options, RULES, 'fdLeakRule');

  return {
    id: FD_LEAK,
    title: 'File-descriptor leak',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const lacking = checkData(FD_LEAK, window, [FDS], minSamples);
      if (lacking !== undefined) return lacking;
      const { times, values } = seriesOf(window, FDS);
      const fit = linearFit(times, values, { minPoints: 3 });
      if (fit === undefined) return undefined;
      const growth = fit.slope * ((times.at(-1) as number) - (times[0] as number));
      if (fit.slope < minSlope || fit.rSquared < minRSquared || growth < minGrowth) return undefined;
      const current = values.at(-1) as number;
      const limit = seriesOf(window, LIMIT).values.at(-1) ?? defaultLimit;
      const seconds = Math.max(0, limit - current) / fit.slope;
      const severity = seconds <= ttl.critical ? Severity.Critical : seconds <= ttl.high ? Severity.High : seconds <= ttl.medium ? Severity.Medium : Severity.Low;
      return finding(FD_LEAK, window, {
        severity,
        title: 'File-descriptor leak',
        impact: (100 * fit.slope * 600) / limit,
        confidence: fit.rSquared * Math.min(1, values.length / 10),
        evidence: [
          evidence(`${FDS} (slope, per second)`, fit.slope, minSlope),
          evidence(`${FDS} (fit r²)`, fit.rSquared, minRSquared),
          evidence(FDS, current),
          evidence('descriptor limit', limit),
          evidence('time until descriptor limit (s)', seconds, ttl.high),
        ],
        recommendation:
          'Open descriptors keep rising: handles are not closed. Close every fs.promises FileHandle in a ' +
          'finally block, destroy or drain the stdio pipes of spawned git processes (an unread stdout keeps ' +
          'both the pipe and the child alive), and keep opened pack and index files in a bounded cache of ' +
          'open handles (as git does with core.packedGitLimit) instead of opening them per object read.',
      });
    },
  };
}
