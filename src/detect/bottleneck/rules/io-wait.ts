// Rule: the process waits on the filesystem: its main thread is mostly idle while disk I/O is in flight.
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { insufficientData } from '../bottleneck-rule.js';
import { mean } from '../../../stats/summary.js';
import { bandOf, checkData, confidenceOf, evidence, finding, seriesOf, type SeverityBands } from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, numberWithin, severityBandsRule } from '../rule-options.js';

/**
 * Options of {@link ioWaitRule}.
 *
 * @beta
 */
export interface IoWaitRuleOptions {
  /**
   * Disk traffic (read + write, bytes per second) from which a sample counts as "I/O in flight".
   *
   * @defaultValue 262144 (256 KiB/s)
   */
  readonly minRate?: number;
  /**
   * Highest window mean of `nodejs.eventloop.utilization` for which the process counts as waiting.
   *
   * @defaultValue 0.5
   */
  readonly maxBusy?: number;
  /**
   * Bands for the wait score: `(1 - event loop utilization) * share of samples with I/O in flight`.
   *
   * @defaultValue `{ low: 0.3, medium: 0.45, high: 0.6, critical: Infinity }`
   */
  readonly score?: SeverityBands;
  /**
   * Fewest snapshots carrying the metrics.
   *
   * @defaultValue 3
   */
  readonly minSamples?: number;
}

/** Rule id of {@link ioWaitRule}. @beta */
export const IO_WAIT = 'io-wait';

const ELU = 'nodejs.eventloop.utilization';
const READ = 'process.disk.io.read.rate';
const WRITE = 'process.disk.io.write.rate';
const CPU = 'process.cpu.utilization';
const DISK = 'system.disk.utilization';

const RULES: OptionRules = { minRate: numberWithin(0), maxBusy: numberWithin(0, 1), score: severityBandsRule, minSamples: integerAtLeast(1) };

/**
 * I/O-wait bound: the main thread is mostly idle (low `nodejs.eventloop.utilization`) while the
 * process keeps disk I/O in flight (`process.disk.io.read.rate` + `.write.rate` at least `minRate`
 * in most samples): throughput is set by the filesystem, not by CPU. Impact: the share of wall time
 * the main thread sat idle waiting, `1 - utilization`, in percent.
 *
 * @beta
 */
export function ioWaitRule(options: IoWaitRuleOptions = {}): BottleneckRule {
  const minRate = options.minRate ?? 256 * 1024;
  const maxBusy = options.maxBusy ?? 0.5;
  const bands = options.score ?? { low: 0.3, medium: 0.45, high: 0.6, critical: Number.POSITIVE_INFINITY };
  const minSamples = options.minSamples ?? 3;
  validateOptions(options, RULES, 'ioWaitRule');

  return {
    id: IO_WAIT,
    title: 'I/O-wait bound',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const lacking = checkData(IO_WAIT, window, [ELU], minSamples);
      if (lacking !== undefined) return lacking;
      const rates: number[] = [];
      for (const s of window) {
        const r = s.get(READ);
        const w = s.get(WRITE);
        if (r === undefined && w === undefined) continue;
        rates.push((r ?? 0) + (w ?? 0));
      }
      if (rates.length < minSamples) {
        return insufficientData(IO_WAIT, window, `${rates.length} snapshot(s) carry disk I/O rates; this rule needs ${minSamples}`, [READ, WRITE]);
      }
      const busy = mean(seriesOf(window, ELU).values);
      const rate = mean(rates);
      const active = rates.filter((r) => r >= minRate).length / rates.length;
      if (busy > maxBusy || rate < minRate || active < 0.5) return undefined;
      const wait = 1 - busy;
      const severity = bandOf(wait * active, bands);
      if (severity === undefined) return undefined;
      const ev = [
        evidence(`${ELU} (window mean)`, busy, maxBusy),
        evidence('process.disk.io (read + write rate, window mean, By/s)', rate, minRate),
        evidence('samples with disk I/O in flight (share)', active, 0.5),
      ];
      const cpu = seriesOf(window, CPU).values;
      if (cpu.length > 0) ev.push(evidence(`${CPU} (window mean)`, mean(cpu)));
      const disk = seriesOf(window, DISK).values;
      if (disk.length > 0) ev.push(evidence(`${DISK} (window mean)`, mean(disk)));
      return finding(IO_WAIT, window, {
        severity,
        title: 'I/O-wait bound',
        impact: wait * 100,
        confidence: confidenceOf(rates.length, 10, wait * active, bands.low),
        evidence: ev,
        recommendation:
          'The main thread is idle while it waits for the filesystem. Batch durability work: write all new ' +
          'objects, then fsync once and rename (git core.fsyncMethod=batch), write many objects into one pack ' +
          'instead of loose files, and keep several fs operations in flight (bounded concurrency with ' +
          'fs.promises; raise UV_THREADPOOL_SIZE above 4 for many small stat/open calls). Cache stat data ' +
          '(the index) so unchanged files are not re-read.',
      });
    },
  };
}
