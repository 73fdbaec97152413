// Findings read off a finished SuiteResult (no monitor history needed): host load, cache hit ratio,
// unstable measurements, and findings the result already carries.
import { Severity, type BottleneckFinding } from '../../core/findings.js';
import type { SuiteResult } from '../../core/results.js';
import { walkBenchmarks } from '../../core/walk.js';
import { bandOf, evidence } from './bottleneck-window.js';
import { CACHE_EFFICIENCY } from './rules/cache-efficiency.js';
import { NOISY_HOST } from './rules/noisy-host.js';

/** Rule id of the suite-level "unstable measurements" finding. @beta */
export const UNSTABLE_RESULTS = 'unstable-results';

const HOST_RULES: ReadonlySet<string> = new Set([NOISY_HOST, UNSTABLE_RESULTS]);

/** Relative margin of error from which a task's result counts as unstable. */
const RME_LIMIT = 0.05;

function make(result: SuiteResult, f: Omit<BottleneckFinding, 'window'>): BottleneckFinding {
  return Object.freeze({ ...f, evidence: Object.freeze(f.evidence.map((e) => Object.freeze({ ...e }))), window: Object.freeze({ start: 0, end: result.summary.duration, samples: 0 }) });
}

function collect(result: SuiteResult, process: BottleneckFinding[], host: BottleneckFinding[]): void {
  for (const f of result.findings ?? []) (HOST_RULES.has(f.ruleId) ? host : process).push(f);

  const load = result.env.loadPerCore;
  const loadSeverity = bandOf(load, { low: 1, medium: 1.5, high: 3, critical: Number.POSITIVE_INFINITY });
  if (loadSeverity !== undefined) {
    host.push(
      make(result, {
        ruleId: NOISY_HOST,
        title: 'Noisy host (load at start of run)',
        severity: loadSeverity,
        impact: (100 * Math.max(0, load - 1)) / load,
        confidence: 0.5,
        evidence: [evidence('system.cpu.load_average.1m.per_cpu (at start)', load, 1)],
        recommendation:
          'The machine was already loaded when the run started, so these results are low-confidence. ' +
          'Re-run on an idle or dedicated machine and compare only with baselines of the same environment fingerprint.',
      }),
    );
  }

  const ratio = result.summary.cacheHitRatio;
  if (ratio !== undefined && Number.isFinite(ratio)) {
    const severity = bandOf(1 - ratio, { low: 0.2, medium: 0.5, high: 0.8, critical: Number.POSITIVE_INFINITY });
    if (severity !== undefined) {
      process.push(
        make(result, {
          ruleId: CACHE_EFFICIENCY,
          title: 'Cache hit ratio low (whole run)',
          severity,
          impact: (1 - ratio) * 100,
          confidence: 0.6,
          evidence: [evidence('cache hit ratio (run summary)', ratio, 0.8)],
          recommendation:
            'The caches missed most lookups over the run. Size them to the working set (the objects one tree ' +
            'walk or diff touches), bound them by bytes with lru-cache maxSize, and order work for locality.',
        }),
      );
    }
  }

  for (const child of result.children ?? []) collect(child, process, host);
}

/** The run-wide "unstable measurements" finding, counting the tasks of the whole tree. */
function unstableFinding(result: SuiteResult, out: BottleneckFinding[]): void {
  // every task of the tree, under its key, so the count is the whole run's (not one child's)
  const measured = [...walkBenchmarks(result)]
    .filter(({ task: t }) => t.status === 'ok' && t.stats !== undefined && !t.stats.belowResolution)
    .map(({ key, task }) => ({ name: key, stats: task.stats }));
  const unstable = measured.filter((t) => (t.stats?.rme ?? 0) > RME_LIMIT);
  if (unstable.length > 0) {
    const share = unstable.length / measured.length;
    const worstRme = Math.max(...unstable.map((t) => t.stats?.rme ?? 0));
    const severity = share >= 0.5 || worstRme >= 0.2 ? Severity.Medium : Severity.Low;
    out.push(
      make(result, {
        ruleId: UNSTABLE_RESULTS,
        title: `Unstable measurements (${unstable.length} of ${measured.length} tasks)`,
        severity,
        impact: share * 100,
        confidence: Math.min(1, measured.length / 5),
        evidence: [
          evidence('tasks with relative margin of error above 5% (share)', share, 0),
          evidence('largest relative margin of error', worstRme, RME_LIMIT),
        ],
        recommendation:
          `Results of ${unstable.map((t) => t.name).slice(0, 5).join(', ')}${unstable.length > 5 ? ', ...' : ''} vary too much to ` +
          'gate on: give them more time or samples, warm them up, isolate them from background work, and ' +
          'confirm regressions with a re-run.',
      }),
    );
  }
}

/**
 * Findings read off a suite result alone, split by scope. A later finding of the same rule is merged by
 * the detector (the most severe wins). Finding windows span `0` to the run's duration with `samples: 0`.
 *
 * @internal
 */
export function suiteFindings(result: SuiteResult): { process: BottleneckFinding[]; host: BottleneckFinding[] } {
  const process: BottleneckFinding[] = [];
  const host: BottleneckFinding[] = [];
  collect(result, process, host);
  unstableFinding(result, host);
  return { process, host };
}
