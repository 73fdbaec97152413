// The pairwise regression gate for `run --baseline`: every task of both result trees through the RegressionDetector.
import type { SuiteResult, TaskResult } from '../../core/results.js';
import { RegressionDetector } from '../../detect/regression/regression-detector.js';
import type { BenchmarkComparison } from '../../detect/regression/regression-types.js';
import { formatChange } from '../../format/units.js';

/**
 * What the gate found, ready to print.
 *
 * @internal
 */
export interface GateOutcome {
  /** Number of tasks whose verdict is `regressed`. */
  readonly regressed: number;
  /** One line: counts per verdict. */
  readonly summary: string;
  /** One line per regressed or improved task, then skipped tasks and notices. */
  readonly lines: readonly string[];
  /** Every comparison. */
  readonly comparisons: readonly BenchmarkComparison[];
}

/**
 * The tasks of a result keyed by name. A suite that runs others and lifts their tasks into its own list
 * (`comprehensive`: `disk_io / seq-read`) is read once; only a result with no tasks of its own has its
 * children's tasks read instead (keyed `child/task`).
 */
function tasksOf(result: SuiteResult, prefix = ''): Map<string, TaskResult> {
  const out = new Map<string, TaskResult>();
  for (const task of result.tasks) out.set(`${prefix}${task.name}`, task);
  if (result.tasks.length === 0) {
    for (const child of result.children ?? []) {
      for (const [key, task] of tasksOf(child, `${prefix}${child.name}/`)) out.set(key, task);
    }
  }
  return out;
}

function usable(task: TaskResult | undefined): readonly number[] | undefined {
  if (task?.status !== 'ok' || task.samples === undefined) return undefined;
  const positive = task.samples.filter((s) => s > 0 && Number.isFinite(s));
  return positive.length > 0 ? positive : undefined;
}

/**
 * Compares `result` with `baseline` task by task in one Benjamini-Hochberg family.
 *
 * @internal
 */
export function gateAgainstBaseline(result: SuiteResult, baseline: SuiteResult, options: { threshold: number; seed: number }): GateOutcome {
  const detector = new RegressionDetector({ threshold: options.threshold, seed: options.seed });
  const current = tasksOf(result);
  const base = tasksOf(baseline);
  const sets: { name: string; baseline: readonly number[]; current: readonly number[] }[] = [];
  const skipped: string[] = [];
  for (const [key, task] of current) {
    const baseTask = base.get(key);
    const a = usable(baseTask);
    const b = usable(task);
    if (baseTask === undefined) skipped.push(`${key}: not in the baseline`);
    else if (a === undefined || b === undefined) skipped.push(`${key}: no samples to compare (status ${baseTask.status} -> ${task.status})`);
    else sets.push({ name: `${result.name}/${key}`, baseline: a, current: b });
  }
  for (const key of base.keys()) if (!current.has(key)) skipped.push(`${key}: not in this run`);
  const comparisons = sets.length === 0 ? [] : detector.compareSamples(sets);
  const count = (verdict: BenchmarkComparison['verdict']): number => comparisons.filter((c) => c.verdict === verdict).length;
  const regressed = count('regressed');
  const parts = [`${regressed} regressed`, `${count('improved')} improved`, `${count('within-noise')} within noise`, `${count('no-change')} unchanged`];
  if (skipped.length > 0) parts.push(`${skipped.length} not compared`);
  const lines: string[] = [];
  for (const c of comparisons) {
    if (c.verdict !== 'regressed' && c.verdict !== 'improved') continue;
    lines.push(
      `${c.verdict}: ${c.name} ${formatChange(c.ratio - 1)} (95% CI ${formatChange(c.ci.lower - 1)} to ${formatChange(c.ci.upper - 1)}, q=${c.qValue.toPrecision(2)})`,
    );
  }
  for (const s of skipped) lines.push(`not compared: ${s}`);
  if (baseline.env.id !== result.env.id) {
    lines.push(`note: the baseline was measured on another machine (${baseline.env.id}); differences may come from the machines`);
  }
  return { regressed, summary: parts.join(', '), lines, comparisons };
}
