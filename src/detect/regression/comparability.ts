// Whether two runs can be compared at all (settings, task set), and whether the host's conditions explain a change.
import type { RunSettings, SuiteResult } from '../../core/results.js';
import { walkBenchmarks } from '../../core/walk.js';
import { explainByConditions, type ConditionsExplanation } from '../../bench/host-conditions.js';
import type { BenchmarkComparison } from './regression-types.js';

function show(value: string | number | boolean | undefined): string {
  return value === undefined ? 'unset' : JSON.stringify(value);
}

function settingsDiffer(base: RunSettings, cur: RunSettings): string[] {
  const out: string[] = [];
  if (base.scale !== cur.scale) out.push(`scale ${show(base.scale)} in the baseline, ${show(cur.scale)} now`);
  const bp = base.params ?? {};
  const cp = cur.params ?? {};
  for (const name of [...new Set([...Object.keys(bp), ...Object.keys(cp)])].sort()) {
    if (bp[name] !== cp[name]) out.push(`parameter ${name} ${show(bp[name])} in the baseline, ${show(cp[name])} now`);
  }
  return out;
}

function relativeKeys(result: SuiteResult): string[] {
  return [...walkBenchmarks(result)].map((e) => [...e.path.slice(1), e.task.name].join('/'));
}

function listed(keys: readonly string[]): string {
  return keys.length <= 3 ? keys.join(', ') : `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more`;
}

/**
 * What makes two runs measure different things, in words (settings first, then the task set), or `undefined`
 * when they are comparable. Settings are compared only when both runs recorded them.
 *
 * @internal
 */
export function whatDiffersBetweenRuns(baseline: SuiteResult, current: SuiteResult): string | undefined {
  const problems = baseline.settings !== undefined && current.settings !== undefined ? settingsDiffer(baseline.settings, current.settings) : [];
  const base = relativeKeys(baseline);
  const cur = relativeKeys(current);
  const baseSet = new Set(base);
  const curSet = new Set(cur);
  const onlyBase = base.filter((k) => !curSet.has(k));
  const onlyCur = cur.filter((k) => !baseSet.has(k));
  if (onlyBase.length > 0) problems.push(`task${onlyBase.length === 1 ? '' : 's'} only in the baseline: ${listed(onlyBase)}`);
  if (onlyCur.length > 0) problems.push(`task${onlyCur.length === 1 ? '' : 's'} only in the current run: ${listed(onlyCur)}`);
  return problems.length === 0 ? undefined : problems.join('; ');
}

/** Comparisons after the run-level checks, and what those checks found. @internal */
export interface QualifiedComparisons {
  readonly comparisons: readonly BenchmarkComparison[];
  /** What differs, when the runs are not comparable. */
  readonly incomparable?: string;
  /** How the host's conditions differed, when both runs recorded them. */
  readonly conditions?: ConditionsExplanation;
  readonly notices: readonly string[];
}

/**
 * Applies the run-level checks to the per-benchmark verdicts: runs that measure different things make every
 * verdict `incomparable`; host conditions that differ enough to explain a change make every verdict
 * `inconclusive` (a changed load hides a change as easily as it fakes one), each with the reason in words.
 *
 * @internal
 */
export function qualifyComparisons(baseline: SuiteResult, current: SuiteResult, comparisons: readonly BenchmarkComparison[]): QualifiedComparisons {
  const incomparable = whatDiffersBetweenRuns(baseline, current);
  if (incomparable !== undefined) {
    return {
      comparisons: comparisons.map((c) => ({ ...c, verdict: 'incomparable', reason: `the runs measure different things: ${incomparable}` })),
      incomparable,
      notices: [`not comparable: ${incomparable}`],
    };
  }
  if (baseline.host === undefined || current.host === undefined) return { comparisons, notices: [] };
  const conditions = explainByConditions(baseline.host, current.host);
  if (!conditions.explains) return { comparisons, conditions, notices: [] };
  return {
    comparisons: comparisons.map((c) =>
      c.verdict === 'inconclusive' ? c : { ...c, verdict: 'inconclusive', reason: `${c.reason}, but the host's conditions differ enough to explain it: ${conditions.reason}` },
    ),
    conditions,
    notices: [`the host's conditions differed between the runs (${conditions.reason}): verdicts are inconclusive, re-run both on a like host or use \`compare --base\``],
  };
}
