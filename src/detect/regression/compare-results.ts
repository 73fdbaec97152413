// The one comparison of two result trees: every benchmark by its walker key, one Benjamini-Hochberg family.
import type { SuiteResult, TaskResult } from '../../core/results.js';
import { walkBenchmarks, type BenchmarkEntry } from '../../core/walk.js';
import { isCounted, measureCounts } from './count-gate.js';
import { judge, measurePair, type GateSettings, type RawComparison } from './regression-gate.js';
import type { BenchmarkComparison, ComparisonReport, NotCompared } from './regression-types.js';
import { qualifyComparisons, type QualifiedComparisons } from './comparability.js';

/** Default settings of the pairwise gate (the RegressionDetector's defaults). @internal */
export const DEFAULT_GATE: GateSettings = Object.freeze({ threshold: 0.02, alpha: 0.05, level: 0.95, resamples: 2000, seed: 1 });

/** A benchmark's key below the root: trees whose roots are named differently still line up. */
function relativeKey(entry: BenchmarkEntry): string {
  return [...entry.path.slice(1), entry.task.name].join('/');
}

function positives(task: TaskResult): readonly number[] {
  return (task.samples ?? []).filter((s) => s > 0 && Number.isFinite(s));
}

/** A pair of tasks ready to measure, or why not. */
function pairOf(base: TaskResult, task: TaskResult): { readonly a: readonly number[]; readonly b: readonly number[] } | string {
  if (task.status !== 'ok' || base.status !== 'ok') return `status ${base.status} -> ${task.status}`;
  if (base.samples === undefined || base.samples.length === 0 || task.samples === undefined || task.samples.length === 0) {
    return 'samples were not kept (use keepSamples)';
  }
  const a = positives(base);
  const b = positives(task);
  if (a.length === 0 || b.length === 0) return 'no positive sample on one side';
  return { a, b };
}

/** The tree comparison before verdicts: measured pairs and the benchmarks left out. @internal */
export interface MeasuredTrees {
  readonly raw: readonly RawComparison[];
  /** Counted figures (instructions, estimated cycles), judged with the count threshold. */
  readonly counted: readonly RawComparison[];
  readonly samples: ReadonlyMap<string, { readonly baseline: readonly number[] }>;
  readonly notCompared: readonly NotCompared[];
  readonly notices: readonly string[];
}

/**
 * Measures every benchmark of `current` against the benchmark with the same key below the root in
 * `baseline` (roots may be named differently).
 *
 * @internal
 */
export function measureTrees(baseline: SuiteResult, current: SuiteResult, s: GateSettings, signal?: () => void): MeasuredTrees {
  const notCompared: NotCompared[] = [];
  const notices: string[] = [];
  if (baseline.env.id !== current.env.id) {
    notices.push(`baseline ran on machine ${baseline.env.id}, current on ${current.env.id}: differences may come from the machines`);
  }
  const byKey = new Map<string, BenchmarkEntry>();
  for (const entry of walkBenchmarks(baseline)) byKey.set(relativeKey(entry), entry);
  const seen = new Set<string>();
  const raw: RawComparison[] = [];
  const counted: RawComparison[] = [];
  const samples = new Map<string, { baseline: readonly number[] }>();
  for (const entry of walkBenchmarks(current)) {
    signal?.();
    const rel = relativeKey(entry);
    seen.add(rel);
    const base = byKey.get(rel);
    if (base === undefined) {
      notCompared.push({ key: entry.key, reason: 'not in the baseline' });
      continue;
    }
    const pair = pairOf(base.task, entry.task);
    if (typeof pair === 'string') notCompared.push({ key: entry.key, reason: pair });
    else if (isCounted(entry.task) || isCounted(base.task)) {
      const units = [base.task.stats?.unit ?? 'seconds', entry.task.stats?.unit ?? 'seconds'];
      if (units[0] !== units[1]) notCompared.push({ key: entry.key, reason: `units differ: ${String(units[0])} -> ${String(units[1])}` });
      else counted.push(measureCounts(entry.key, pair.a, pair.b));
    } else {
      raw.push(measurePair(entry.key, pair.a, pair.b, s));
      samples.set(entry.key, { baseline: pair.a });
    }
  }
  for (const [rel, entry] of byKey) if (!seen.has(rel)) notCompared.push({ key: entry.key, reason: 'not in the current run' });
  return { raw, counted, samples, notCompared, notices };
}

/**
 * The report from comparisons with their verdicts.
 *
 * @internal
 */
export function comparisonReport(
  baseline: SuiteResult,
  comparisons: readonly BenchmarkComparison[],
  measured: Pick<MeasuredTrees, 'notCompared' | 'notices'>,
  qualified?: Omit<QualifiedComparisons, 'comparisons'>,
): ComparisonReport {
  return {
    comparisons,
    regressed: comparisons.filter((c) => c.verdict === 'regressed').map((c) => c.key),
    improved: comparisons.filter((c) => c.verdict === 'improved').map((c) => c.key),
    notCompared: measured.notCompared,
    notices: [...measured.notices, ...(qualified?.notices ?? [])],
    baselineStartedAt: baseline.startedAt,
    ...(qualified?.incomparable === undefined ? {} : { incomparable: qualified.incomparable }),
    ...(qualified?.conditions === undefined ? {} : { conditions: qualified.conditions }),
  };
}

/**
 * Compares two result trees benchmark by benchmark, all benchmarks in one Benjamini-Hochberg family.
 *
 * @internal
 */
export function compareTrees(baseline: SuiteResult, current: SuiteResult, s: GateSettings = DEFAULT_GATE): ComparisonReport {
  const measured = measureTrees(baseline, current, s);
  const qualified = qualifyComparisons(baseline, current, judge(measured.raw, s));
  return comparisonReport(baseline, qualified.comparisons, measured, qualified);
}
