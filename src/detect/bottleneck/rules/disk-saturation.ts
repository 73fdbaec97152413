// Rule: the block device is busy nearly all the time (/proc/diskstats busy time).
import { Severity } from '../../../core/findings.js';
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { mean } from '../../../stats/summary.js';
import { bandOf, checkData, confidenceOf, evidence, finding, seriesOf, type SeverityBands } from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, numberWithin, severityBandsRule } from '../rule-options.js';

/**
 * Options of {@link diskSaturationRule}.
 *
 * @beta
 */
export interface DiskSaturationRuleOptions {
  /**
   * Bands for the window mean of `system.disk.utilization` (share of time the busiest device had
   * I/O in flight, 0-1).
   *
   * @defaultValue `{ low: 0.6, medium: 0.8, high: 0.95, critical: Infinity }`
   */
  readonly utilization?: SeverityBands;
  /**
   * The process's own disk traffic (bytes per second) below which a busy disk is someone else's:
   * the finding is then capped at `low`.
   *
   * @defaultValue 65536
   */
  readonly minOwnRate?: number;
  /**
   * Fewest snapshots carrying the metric.
   *
   * @defaultValue 3
   */
  readonly minSamples?: number;
}

/** Rule id of {@link diskSaturationRule}. @beta */
export const DISK_SATURATION = 'disk-saturation';

const DISK = 'system.disk.utilization';
const READ = 'process.disk.io.read.rate';
const WRITE = 'process.disk.io.write.rate';

const RULES: OptionRules = { utilization: severityBandsRule, minOwnRate: numberWithin(0), minSamples: integerAtLeast(1) };

/**
 * Disk saturation: the busiest block device had requests in flight for most of the window
 * (`system.disk.utilization`, from `/proc/diskstats` busy time). When the process's own disk traffic
 * is below `minOwnRate` the disk is busy with others' work and the finding is capped at `low`.
 * Impact: the window mean utilization, in percent (the share of time the device was busy).
 *
 * @beta
 */
export function diskSaturationRule(options: DiskSaturationRuleOptions = {}): BottleneckRule {
  const bands = options.utilization ?? { low: 0.6, medium: 0.8, high: 0.95, critical: Number.POSITIVE_INFINITY };
  const minOwnRate = options.minOwnRate ?? 64 * 1024;
  const minSamples = options.minSamples ?? 3;
  validateOptions(options, RULES, 'diskSaturationRule');

  return {
    id: DISK_SATURATION,
    title: 'Disk saturation',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const lacking = checkData(DISK_SATURATION, window, [DISK], minSamples);
      if (lacking !== undefined) return lacking;
      const values = seriesOf(window, DISK).values;
      const utilization = mean(values);
      let severity = bandOf(utilization, bands);
      if (severity === undefined) return undefined;
      const ev = [evidence(`${DISK} (window mean)`, utilization, bands.low)];
      const own: number[] = [];
      for (const s of window) {
        const r = s.get(READ);
        const w = s.get(WRITE);
        if (r !== undefined || w !== undefined) own.push((r ?? 0) + (w ?? 0));
      }
      const ownRate = own.length > 0 ? mean(own) : Number.NaN;
      const others = Number.isFinite(ownRate) && ownRate < minOwnRate;
      if (Number.isFinite(ownRate)) ev.push(evidence('process.disk.io (read + write rate, window mean, By/s)', ownRate, minOwnRate));
      if (others) severity = Severity.Low;
      return finding(DISK_SATURATION, window, {
        severity,
        title: others ? 'Disk saturated by other processes' : 'Disk saturation',
        impact: utilization * 100,
        confidence: confidenceOf(values.length, 10, utilization, bands.low),
        evidence: ev,
        recommendation:
          'The disk has requests queued nearly all the time, so every read and write waits. Write a pack ' +
          'instead of many loose objects, move repacks and gc off the critical path, lower the parallelism ' +
          'of I/O-heavy steps (parallel checkout can swamp a slow disk), put benchmark repositories and ' +
          'temporary files on faster storage, and check for other heavy writers on the same device.',
      });
    },
  };
}
