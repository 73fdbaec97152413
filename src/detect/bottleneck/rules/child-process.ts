// Rule: child processes (git, ssh, hooks) take most of the CPU: spawn-per-operation patterns.
import { Severity } from '../../../core/findings.js';
import type { MetricSnapshot } from '../../../core/snapshot.js';
import type { BottleneckRule, BottleneckRuleResult } from '../bottleneck-rule.js';
import { insufficientData } from '../bottleneck-rule.js';
import { mean } from '../../../stats/summary.js';
import {
  bandOf,
  confidenceOf,
  evidence,
  finding,
  spawnSignals,
  seriesOf,
  worst,
  type SeverityBands,
} from '../bottleneck-window.js';
import { validateOptions, type OptionRules } from '../../../core/options.js';
import { integerAtLeast, numberWithin, severityBandsRule } from '../rule-options.js';

/**
 * Options of {@link childProcessRule}.
 *
 * @beta
 */
export interface ChildProcessRuleOptions {
  /**
   * Bands for the children's share of the CPU used by the process and its children together (0-1).
   *
   * @defaultValue `{ low: 0.25, medium: 0.4, high: 0.55, critical: Infinity }`
   */
  readonly share?: SeverityBands;
  /**
   * Children CPU (share of one core) below which the rule stays quiet whatever the share.
   *
   * @defaultValue 0.05
   */
  readonly minChildCpu?: number;
  /**
   * Bands for the spawn rate (`process.children.spawn.rate`, processes per second), when a source reports it.
   *
   * @defaultValue `{ low: 5, medium: 20, high: 100, critical: Infinity }`
   */
  readonly spawnRate?: SeverityBands;
  /**
   * Share of the process's own CPU spent in the kernel (`process.cpu.time.system` over user + system)
   * from which spawning counts as heavy: fork, exec and pipes are kernel time in the parent. A heavy
   * spawner is rated one band higher (up to high).
   *
   * @defaultValue 0.3
   */
  readonly spawnSystemShare?: number;
  /**
   * Fewest snapshots carrying a children metric.
   *
   * @defaultValue 3
   */
  readonly minSamples?: number;
}

/** Rule id of {@link childProcessRule}. @beta */
export const CHILD_PROCESS = 'child-process';

const REAPED = 'process.children.cpu.utilization';
const OWN = 'process.cpu.utilization';
const SPAWN = 'process.children.spawn.rate';

const RULES: OptionRules = { share: severityBandsRule, spawnRate: severityBandsRule, minChildCpu: numberWithin(0), spawnSystemShare: numberWithin(0, 1), minSamples: integerAtLeast(1) };

/**
 * Child-process dominated: the CPU of child processes (`process.children.cpu.utilization` for reaped
 * children, plus each watched `process.child.<label>.cpu.utilization`) outweighs the process's own
 * (`process.cpu.utilization`), and, when a source reports it, many children are spawned per second
 * (`process.children.spawn.rate`). When most of the process's own CPU is kernel time (fork, exec, pipes:
 * `spawnSystemShare`), spawning is heavy and the severity is one band higher. Impact: the children's share of the CPU used by the process and its
 * children together, in percent.
 *
 * @beta
 */
export function childProcessRule(options: ChildProcessRuleOptions = {}): BottleneckRule {
  const bands = options.share ?? { low: 0.25, medium: 0.4, high: 0.55, critical: Number.POSITIVE_INFINITY };
  const spawnBands = options.spawnRate ?? { low: 5, medium: 20, high: 100, critical: Number.POSITIVE_INFINITY };
  const minChildCpu = options.minChildCpu ?? 0.05;
  const spawnSystemShare = options.spawnSystemShare ?? 0.3;
  const minSamples = options.minSamples ?? 3;
  validateOptions(options, RULES, 'childProcessRule');

  return {
    id: CHILD_PROCESS,
    title: 'Child-process dominated',
    scope: 'process',
    evaluate(window: readonly MetricSnapshot[]): BottleneckRuleResult {
      const signals = spawnSignals(window);
      if (signals.samples < minSamples) {
        return insufficientData(CHILD_PROCESS, window, `${signals.samples} snapshot(s) carry children and process CPU; this rule needs ${minSamples}`, [REAPED, OWN]);
      }
      const childCpu = signals.childCpu;
      const ownCpu = signals.ownCpu;
      if (childCpu < minChildCpu) return undefined;
      const share = childCpu / (childCpu + ownCpu);
      const spawns = seriesOf(window, SPAWN).values;
      const spawnRate = spawns.length > 0 ? mean(spawns) : Number.NaN;
      const base = bandOf(share, bands);
      if (base === undefined) return undefined;
      const sysShare = signals.systemShare;
      const heavy = sysShare >= spawnSystemShare;
      const bumped = heavy ? worst(base, base === Severity.Low ? Severity.Medium : Severity.High) : base;
      const severity = worst(bumped, bandOf(spawnRate, spawnBands));
      if (severity === undefined) return undefined;
      const ev = [
        evidence('children CPU (share of one core, window mean)', childCpu, minChildCpu),
        evidence(`${OWN} (window mean)`, ownCpu),
        evidence('children share of process + children CPU', share, bands.low),
      ];
      if (Number.isFinite(sysShare)) ev.push(evidence('process.cpu.time.system (share of own CPU)', sysShare, spawnSystemShare));
      if (Number.isFinite(spawnRate)) ev.push(evidence(`${SPAWN} (window mean)`, spawnRate, spawnBands.low));
      return finding(CHILD_PROCESS, window, {
        severity,
        title: heavy ? 'Child-process dominated (spawn per operation)' : 'Child-process dominated',
        impact: share * 100,
        confidence: confidenceOf(signals.samples, 10, share, bands.low),
        evidence: ev,
        recommendation:
          'Most CPU goes to child processes: each spawn pays for fork/exec, process start-up and repository ' +
          'discovery again. Batch object reads through one long-lived `git cat-file --batch` (or ' +
          '`--batch-check`) process instead of one spawn per object, use `git rev-list --stdin` / ' +
          '`git update-index --stdin` style plumbing that takes many inputs, read refs and objects directly ' +
          'from the repository where possible, and cap concurrent spawns at the core count.',
      });
    },
  };
}
