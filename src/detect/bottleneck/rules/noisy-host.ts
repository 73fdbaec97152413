// Rule: the host is busy with other work (load, steal time): measurements taken now are low-confidence.
import { availableParallelism } from 'node:os';
import type { MetricName } from '../../../core/metric-names.js';
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { insufficientData } from '../bottleneck-rule.js';
import { median } from '../../../stats/quantile.js';
import { mean } from '../../../stats/summary.js';
import { bandOf, confidenceOf, evidence, seriesOf, watchedChildCpu, worst, finding, type SeverityBands } from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, severityBandsRule } from '../rule-options.js';

/**
 * Options of {@link noisyHostRule}.
 *
 * @beta
 */
export interface NoisyHostRuleOptions {
  /**
   * Bands for the window median of `system.cpu.load_average.1m.per_cpu`.
   *
   * @defaultValue `{ low: 1, medium: 1.5, high: 3, critical: Infinity }`
   */
  readonly load?: SeverityBands;
  /**
   * Bands for the window mean of `system.cpu.steal` (ratio 0-1).
   *
   * @defaultValue `{ low: 0.02, medium: 0.05, high: 0.15, critical: Infinity }`
   */
  readonly steal?: SeverityBands;
  /**
   * Bands for the CPU share used by other processes: `system.cpu.utilization` minus this process,
   * its reaped children and the processes it watches by label (`process.child.<label>.cpu.utilization`)
   * (ratio of all cores, 0-1).
   *
   * @defaultValue `{ low: 0.25, medium: 0.5, high: 0.8, critical: Infinity }`
   */
  readonly others?: SeverityBands;
  /**
   * Logical cores, to turn the children's share of one core into a share of all cores.
   *
   * @defaultValue `os.availableParallelism()` of the analysing process
   */
  readonly cores?: number;
}

/** Rule id of {@link noisyHostRule}. @beta */
export const NOISY_HOST = 'noisy-host';

const LOAD = 'system.cpu.load_average.1m.per_cpu';
const STEAL = 'system.cpu.steal';
const SYS = 'system.cpu.utilization';
const PROC = 'process.cpu.utilization.all_cores';
const CHILDREN = 'process.children.cpu.utilization';

const RULES: OptionRules = { load: severityBandsRule, steal: severityBandsRule, others: severityBandsRule, cores: integerAtLeast(1) };

/**
 * Noisy host (scope `host`): other processes or the hypervisor take CPU time. Signals: load average
 * per CPU, steal time, and the CPU share used by other processes. Impact: the share of the machine's
 * CPU taken by others or stolen, in percent (from load when neither is measured: the share of
 * runnable time spent waiting, `(load - 1) / load`). Benchmark results measured meanwhile are
 * low-confidence.
 *
 * @beta
 */
export function noisyHostRule(options: NoisyHostRuleOptions = {}): BottleneckRule {
  const loadBands = options.load ?? { low: 1, medium: 1.5, high: 3, critical: Number.POSITIVE_INFINITY };
  const stealBands = options.steal ?? { low: 0.02, medium: 0.05, high: 0.15, critical: Number.POSITIVE_INFINITY };
  const otherBands = options.others ?? { low: 0.25, medium: 0.5, high: 0.8, critical: Number.POSITIVE_INFINITY };
  validateOptions(options, RULES, 'noisyHostRule');
  const cores = options.cores;

  return {
    id: NOISY_HOST,
    title: 'Noisy host',
    scope: 'host',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const loads = seriesOf(window, LOAD).values;
      const steals = seriesOf(window, STEAL).values;
      const others: number[] = [];
      const cpuCount = cores ?? defaultCores();
      // processes the host watches by label (`monitor --pid`, the commands `exec` runs) are its own work, not noise
      const children: readonly MetricName[] = [CHILDREN, ...watchedChildCpu(window)];
      for (const s of window) {
        const sys = s.get(SYS);
        const proc = s.get(PROC);
        if (sys === undefined || proc === undefined) continue;
        const kids = children.reduce((sum, name) => sum + (s.get(name) ?? 0), 0) / cpuCount;
        others.push(Math.max(0, sys - proc - kids));
      }
      if (loads.length < 2 && steals.length < 2 && others.length < 2) {
        return insufficientData(NOISY_HOST, window, 'fewer than 2 snapshots carry load, steal or system CPU', [LOAD, STEAL, SYS]);
      }
      const load = loads.length > 0 ? median(loads) : Number.NaN;
      const steal = steals.length > 0 ? mean(steals) : Number.NaN;
      const other = others.length > 0 ? mean(others) : Number.NaN;
      const severity = worst(worst(bandOf(load, loadBands), bandOf(steal, stealBands)), bandOf(other, otherBands));
      if (severity === undefined) return undefined;
      const ev = [];
      if (Number.isFinite(load)) ev.push(evidence(`${LOAD} (window median)`, load, loadBands.low));
      if (Number.isFinite(steal)) ev.push(evidence(`${STEAL} (window mean)`, steal, stealBands.low));
      if (Number.isFinite(other)) ev.push(evidence('system.cpu.utilization (other processes, window mean)', other, otherBands.low));
      const taken = Math.max(Number.isFinite(steal) ? steal : 0, Number.isFinite(other) ? other : 0);
      const impact = taken > 0 || !Number.isFinite(load) ? taken * 100 : (100 * Math.max(0, load - 1)) / load;
      const n = Math.max(loads.length, steals.length, others.length);
      return finding(NOISY_HOST, window, {
        severity,
        title: Number.isFinite(steal) && bandOf(steal, stealBands) !== undefined ? 'Noisy host (CPU steal)' : 'Noisy host',
        impact,
        confidence: confidenceOf(n, 10, 1, 1),
        evidence: ev,
        recommendation:
          'Other processes (or the hypervisor) are taking CPU time, so benchmark results from this window ' +
          'are low-confidence. Re-run on an idle or dedicated machine, stop background indexers, builds and ' +
          'CI jobs, pin the benchmark with taskset, compare only with baselines of the same environment ' +
          'fingerprint, and confirm any regression with a re-run before acting on it.',
      });
    },
  };
}

let cachedCores: number | undefined;
function defaultCores(): number {
  cachedCores ??= Math.max(1, availableParallelism());
  return cachedCores;
}
