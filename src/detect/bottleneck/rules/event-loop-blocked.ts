// Rule: the event loop is blocked (clinic doctor's thresholds: delay p50 >= 10 ms or max >= 100 ms).
import type { Severity } from '../../../core/findings.js';
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { median } from '../../../stats/quantile.js';
import { max as maxOf, mean } from '../../../stats/summary.js';
import {
  bandOf,
  checkData,
  confidenceOf,
  evidence,
  finding,
  intervalSum,
  seriesOf,
  spawnSignals,
  worst,
  type SeverityBands,
} from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, severityBandsRule } from '../rule-options.js';

/**
 * Options of {@link eventLoopBlockedRule}.
 *
 * @beta
 */
export interface EventLoopBlockedRuleOptions {
  /**
   * Bands, in seconds, for the median over the window of each sample's delay p50.
   * Reaching `medium` is clinic doctor's "blocked" threshold.
   *
   * @defaultValue `{ low: 0.01, medium: 0.01, high: 0.05, critical: 0.25 }`
   */
  readonly p50?: SeverityBands;
  /**
   * Bands, in seconds, for the largest delay seen in the window. Reaching `low` is clinic doctor's
   * "blocked" threshold; a single long stall alone is not rated above `medium` by default.
   *
   * @defaultValue `{ low: 0.1, medium: 1, high: Infinity, critical: Infinity }`
   */
  readonly max?: SeverityBands;
  /**
   * Fewest snapshots carrying the delay metrics.
   *
   * @defaultValue 3
   */
  readonly minSamples?: number;
}

/** Rule id of {@link eventLoopBlockedRule}. @beta */
export const EVENT_LOOP_BLOCKED = 'event-loop-blocked';

const LOWER: Readonly<Record<Severity, Severity>> = { critical: 'high', high: 'medium', medium: 'low', low: 'low' };

const P50 = 'nodejs.eventloop.delay.p50';
const P99 = 'nodejs.eventloop.delay.p99';
const MAX = 'nodejs.eventloop.delay.max';
const ELU = 'nodejs.eventloop.utilization';
const GC = 'v8js.gc.duration';

const RULES: OptionRules = { p50: severityBandsRule, max: severityBandsRule, minSamples: integerAtLeast(1) };

/**
 * Event loop blocked: timers fire late because JavaScript (hashing, zlib, parsing, `*Sync` calls) holds
 * the main thread. Signal: the median over the window of each sample's `nodejs.eventloop.delay.p50`,
 * and the largest `nodejs.eventloop.delay.max`. Impact: the share of wall time the main thread was
 * busy with something other than garbage collection (`nodejs.eventloop.utilization` minus the GC time
 * share), in percent. When child processes take most of the CPU and the process's own CPU is mostly
 * kernel time (spawning: fork/exec run on the main thread), the finding steps down one band, since the
 * child-process rule names the cause.
 *
 * @beta
 */
export function eventLoopBlockedRule(options: EventLoopBlockedRuleOptions = {}): BottleneckRule {
  const p50Bands = options.p50 ?? { low: 0.01, medium: 0.01, high: 0.05, critical: 0.25 };
  const maxBands = options.max ?? { low: 0.1, medium: 1, high: Number.POSITIVE_INFINITY, critical: Number.POSITIVE_INFINITY };
  const minSamples = options.minSamples ?? 3;
  validateOptions(options, RULES, 'eventLoopBlockedRule');

  return {
    id: EVENT_LOOP_BLOCKED,
    title: 'Event loop blocked',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const lacking = checkData(EVENT_LOOP_BLOCKED, window, [P50, MAX], minSamples);
      if (lacking !== undefined) return lacking;
      const p50s = seriesOf(window, P50).values;
      const p50 = median(p50s);
      const max = maxOf(seriesOf(window, MAX).values);
      let severity = worst(bandOf(p50, p50Bands), bandOf(max, maxBands));
      if (severity === undefined) return undefined;
      // Synchronous fork/exec blocks the loop too: when children take most of the CPU and the process's
      // own CPU is largely kernel time, spawning explains the blocking and the child-process rule is the
      // one to act on, so this finding steps down one band.
      const spawn = spawnSignals(window);
      const bySpawning = spawn.childCpu >= 0.05 && spawn.childCpu >= 0.5 * spawn.ownCpu && spawn.systemShare >= 0.3;
      if (bySpawning) severity = LOWER[severity];

      const eluValues = seriesOf(window, ELU).values;
      const gc = intervalSum(window, GC);
      const gcShare = gc.seconds > 0 ? gc.sum / gc.seconds : 0;
      const busy = eluValues.length > 0 ? mean(eluValues) : Number.NaN;
      const impact = Number.isFinite(busy) ? 100 * Math.max(0, busy - gcShare) : 0;
      const p99s = seriesOf(window, P99).values;
      const byP50 = bandOf(p50, p50Bands) !== undefined;
      const ev = [evidence(`${P50} (window median)`, p50, p50Bands.medium), evidence(`${MAX} (window max)`, max, maxBands.low)];
      if (p99s.length > 0) ev.push(evidence(`${P99} (window median)`, median(p99s)));
      if (Number.isFinite(busy)) ev.push(evidence(`${ELU} (window mean)`, busy));
      return finding(EVENT_LOOP_BLOCKED, window, {
        severity,
        title: (byP50 ? 'Event loop blocked' : 'Event loop stalls') + (bySpawning ? ' while spawning child processes' : ''),
        impact,
        confidence: byP50 ? confidenceOf(p50s.length, 10, p50, p50Bands.medium) : confidenceOf(p50s.length, 10, max, maxBands.low) * 0.8,
        evidence: ev,
        recommendation:
          (bySpawning
            ? 'Much of the blocking is spawning child processes (fork/exec runs on the main thread): batch ' +
              'requests through one long-lived `git cat-file --batch` process instead of one spawn per object. '
            : '') +
          'Synchronous work holds the main thread, so I/O callbacks and timers wait. In VCS code the usual ' +
          'causes are hashing objects (SHA-1/SHA-256), zlib inflate/deflate of loose objects and packs, and ' +
          'parsing large index or pack-index files with *Sync calls. Move hashing and zlib off the main ' +
          'thread to a worker pool (worker_threads), use the async/streaming crypto and zlib APIs, replace ' +
          'fs.*Sync with fs.promises, and split long tree or history walks into chunks that yield ' +
          '(setImmediate) between batches.',
      });
    },
  };
}
