// Whether two runs can be compared at all (settings, task set), and whether the host's conditions explain a change.
import type { RunSettings, SuiteResult } from '../../core/results.js';
import { walkBenchmarks } from '../../core/walk.js';
import { explainByConditions, type ConditionsExplanation } from '../../bench/host-conditions.js';
import type { BenchmarkComparison } from './regression-types.js';

function percent(ratio: number): string {
  const v = (ratio - 1) * 100;
  return `${v >= 0 ? '+' : ''}${v.toFixed(0)}%`;
}

function show(value: string | number | boolean | undefined): string {
  return value === undefined ? 'unset' : JSON.stringify(value);
}

/**
 * How two runs' settings differ, one phrase per difference: "parameter kib 64 in the baseline, 96 now".
 *
 * @param words - how the two sides are named @defaultValue `{ baseline: 'in the baseline', current: 'now' }`
 * @internal
 */
export function settingsDiffer(
  base: RunSettings,
  cur: RunSettings,
  words: { readonly baseline: string; readonly current: string } = { baseline: 'in the baseline', current: 'now' },
): string[] {
  const out: string[] = [];
  if (base.scale !== cur.scale) out.push(`scale ${show(base.scale)} ${words.baseline}, ${show(cur.scale)} ${words.current}`);
  const bp = base.params ?? {};
  const cp = cur.params ?? {};
  for (const name of [...new Set([...Object.keys(bp), ...Object.keys(cp)])].sort()) {
    if (bp[name] !== cp[name]) out.push(`parameter ${name} ${show(bp[name])} ${words.baseline}, ${show(cp[name])} ${words.current}`);
  }
  return out;
}

function relativeKeys(result: SuiteResult): string[] {
  return [...walkBenchmarks(result)].map((e) => [...e.path.slice(1), e.task.name].join('/'));
}

function listed(keys: readonly string[]): string {
  return keys.length <= 3 ? keys.join(', ') : `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more`;
}

/** How the task sets of two runs differ, in words, and whether they share any task. */
function taskSetsDiffer(baseline: SuiteResult, current: SuiteResult): { readonly text?: string; readonly shared: number } {
  const base = relativeKeys(baseline);
  const cur = relativeKeys(current);
  const baseSet = new Set(base);
  const curSet = new Set(cur);
  const onlyBase = base.filter((k) => !curSet.has(k));
  const onlyCur = cur.filter((k) => !baseSet.has(k));
  const parts: string[] = [];
  if (onlyBase.length > 0) parts.push(`task${onlyBase.length === 1 ? '' : 's'} only in the baseline: ${listed(onlyBase)}`);
  if (onlyCur.length > 0) parts.push(`task${onlyCur.length === 1 ? '' : 's'} only in the current run: ${listed(onlyCur)}`);
  return { ...(parts.length === 0 ? {} : { text: parts.join('; ') }), shared: cur.filter((k) => baseSet.has(k)).length };
}

/**
 * What makes two runs measure different things, in words, or `undefined` when they are comparable: other
 * settings (scale, parameters; compared only when both runs recorded them), or task sets with no task in
 * common. Task sets that merely differ (a benchmark added or removed) leave the shared tasks comparable; the
 * others are listed as not compared.
 *
 * @internal
 */
export function whatDiffersBetweenRuns(baseline: SuiteResult, current: SuiteResult): string | undefined {
  const problems = baseline.settings !== undefined && current.settings !== undefined ? settingsDiffer(baseline.settings, current.settings) : [];
  const tasks = taskSetsDiffer(baseline, current);
  if (tasks.shared === 0 && tasks.text !== undefined) problems.push(`no task in common (${tasks.text})`);
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
 * The changes the conditions could cause, in words: "a change of -20.0% to +50.0%", "a slowdown of up to +50.0%", "a slowdown
 * of any size (an oversubscribed CPU now)".
 */
function conditionsBand(c: ConditionsExplanation): string {
  const slower = Number.isFinite(c.slowdown) ? `a slowdown of up to ${percent(c.slowdown)}` : 'a slowdown of any size (an oversubscribed CPU now)';
  const faster = Number.isFinite(c.speedup) ? `a speed-up of up to ${percent(1 / c.speedup)}` : 'a speed-up of any size (an oversubscribed CPU during the baseline)';
  if (c.slowdown > 1 && c.speedup > 1) {
    if (Number.isFinite(c.slowdown) && Number.isFinite(c.speedup)) return `a change of ${percent(1 / c.speedup)} to ${percent(c.slowdown)}`;
    return `${slower} or ${faster}`;
  }
  return c.speedup > 1 ? faster : slower;
}

/**
 * Applies the run-level checks to the per-benchmark verdicts: runs that measure different things make every
 * verdict `incomparable`; host conditions that differ enough to explain a change make every verdict whose interval
 * reaches into the band the conditions could cause (`ConditionsExplanation.slowdown` and `.speedup`) `inconclusive` (a changed
 * load hides a change as easily as it fakes one), each with the reason in words. A change beyond the band keeps
 * its verdict. `unaffected` comparisons (instruction counts) meet only the first check.
 *
 * @internal
 */
export function qualifyComparisons(
  baseline: SuiteResult,
  current: SuiteResult,
  comparisons: readonly BenchmarkComparison[],
  unaffected: readonly BenchmarkComparison[] = [],
): QualifiedComparisons {
  const incomparable = whatDiffersBetweenRuns(baseline, current);
  if (incomparable !== undefined) {
    return {
      comparisons: [...comparisons, ...unaffected].map((c) => ({ ...c, verdict: 'incomparable', reason: `the runs measure different things: ${incomparable}` })),
      incomparable,
      notices: [`not comparable: ${incomparable}`],
    };
  }
  if (baseline.host === undefined || current.host === undefined) return { comparisons: [...comparisons, ...unaffected], notices: [] };
  const conditions = explainByConditions(baseline.host, current.host);
  if (!conditions.explains) return { comparisons: [...comparisons, ...unaffected], conditions, notices: [] };
  const band = conditionsBand(conditions);
  let explained = 0;
  const out = comparisons.map((c): BenchmarkComparison => {
    // a change (or its absence) within what the conditions could cause says nothing about the code; the band
    // leans the way the conditions push: a busier host now explains a slowdown, not a speed-up
    const withinReach = c.interval.lower <= conditions.slowdown && c.interval.upper >= 1 / conditions.speedup;
    if (!withinReach) return { ...c, reason: `${c.reason}; beyond what the host's changed conditions could cause (${band})` };
    explained += 1;
    if (c.verdict === 'inconclusive') return { ...c, reason: `${c.reason}; the host's conditions differed too (${conditions.reason})` };
    return { ...c, verdict: 'inconclusive', reason: `${c.reason}, but the host's conditions differ enough to explain ${band}: ${conditions.reason}` };
  });
  const what = explained === 0 ? 'every change found is beyond what they could cause' : `${explained} verdict${explained === 1 ? ' is' : 's are'} inconclusive`;
  return {
    comparisons: [...out, ...unaffected],
    conditions,
    notices: [`the host's conditions differed between the runs (${conditions.reason}): ${what}; re-run both on a like host or use \`compare --base\``],
  };
}
