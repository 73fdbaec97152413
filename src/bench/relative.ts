// Relative figures between the tasks of one run: each against a baseline task (named, or the fastest), with
// the ratio's bootstrap interval. Used by `exec` (figures on the commands) and by the report model.
import type { ConfidenceInterval, KeyFigure } from '../core/results.js';
import { bootstrapRatioCI } from '../stats/bootstrap.js';
import { describeSamples } from '../stats/describe.js';

/**
 * A task's times, as the relative comparison needs them.
 *
 * @internal
 */
export interface RelativeInput {
  readonly name: string;
  /** Times of the measured samples or runs, seconds; empty for a task that did not complete. */
  readonly samples: readonly number[];
}

/**
 * One task compared with the baseline task of its run.
 *
 * @beta
 */
export interface RelativeRow {
  /** The task compared. */
  readonly task: string;
  /** Ratio of medians, the task's over the baseline's: below 1 the task is faster. */
  readonly ratio: number;
  /** 95% percentile-bootstrap interval of that ratio. */
  readonly interval: ConfidenceInterval;
  /** The comparison in words, e.g. `sha1 streaming is 1.84x faster than sha1 readFileSync [1.79, 1.90]`. */
  readonly sentence: string;
}

/**
 * The tasks of one run compared with one of them.
 *
 * @beta
 */
export interface RelativeComparison {
  /** The task the others are compared with. */
  readonly baseline: string;
  /** Whether the user named it (task option `baseline`); otherwise it is the fastest task. */
  readonly named: boolean;
  /** The other completed tasks, in their order. */
  readonly rows: readonly RelativeRow[];
}

/**
 * Relative figures per task (by name) and one sentence per non-baseline task.
 *
 * @internal
 */
export interface RelativeSummary {
  readonly figures: ReadonlyMap<string, readonly KeyFigure[]>;
  readonly sentences: readonly string[];
}

function ratioText(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/**
 * Compares every completed task with the baseline: the task named `baseline` when it completed, else the
 * fastest (smallest median). Each row holds the ratio of medians and its 95% interval
 * ({@link bootstrapRatioCI}, the detector's ratio interval). The sentence reads from the faster side: with the
 * fastest as baseline `A is 1.84x faster than B [1.79, 1.90]` (A the fastest), with a named baseline
 * `B is 1.84x faster than A [...]` or `B is 1.20x slower than A [...]`. `undefined` when fewer than two tasks
 * completed or the baseline's median is 0.
 *
 * @internal
 */
export function compareWithBaseline(tasks: readonly RelativeInput[], options: { readonly seed: number; readonly baseline?: string | undefined }): RelativeComparison | undefined {
  const done = tasks
    .filter((t) => t.samples.length > 0)
    .map((t) => ({ ...t, median: describeSamples(t.samples, { batchSize: 1, resolution: 0, seed: options.seed, resamples: 1 }).median }));
  if (done.length < 2) return undefined;
  const named = done.find((t) => t.name === options.baseline);
  let base = named ?? done[0];
  if (base === undefined) return undefined;
  if (named === undefined) for (const t of done) if (t.median < base.median) base = t;
  if (!(base.median > 0)) return undefined;
  const rows: RelativeRow[] = [];
  for (const t of done) {
    if (t === base) continue;
    const ratio = t.median / base.median;
    const interval = bootstrapRatioCI(base.samples, t.samples, { seed: options.seed });
    const bounds = `[${ratioText(interval.lower)}, ${ratioText(interval.upper)}]`;
    const inverse = `[${ratioText(1 / interval.upper)}, ${ratioText(1 / interval.lower)}]`;
    const sentence =
      named === undefined
        ? `${base.name} is ${ratioText(ratio)}x faster than ${t.name} ${bounds}`
        : ratio < 1
          ? `${t.name} is ${ratioText(1 / ratio)}x faster than ${base.name} ${inverse}`
          : `${t.name} is ${ratioText(ratio)}x slower than ${base.name} ${bounds}`;
    rows.push({ task: t.name, ratio, interval, sentence });
  }
  return { baseline: base.name, named: named !== undefined, rows };
}

/**
 * Compares every completed task with the fastest (smallest median wall time), as `exec` reports it:
 * `relative` is the ratio of medians (1 for the fastest), `relative.ci_lower`/`relative.ci_upper` its 95%
 * percentile-bootstrap interval, and a sentence such as `rune status is 1.84x faster than git status [1.79, 1.90]
 * (ratio of medians, 95% bootstrap interval)`. Nothing when fewer than two tasks completed; only a sentence
 * saying why when the fastest median is 0.
 *
 * @internal
 */
export function relativeSummary(tasks: readonly RelativeInput[], seed: number): RelativeSummary {
  const figures = new Map<string, KeyFigure[]>();
  const sentences: string[] = [];
  const comparison = compareWithBaseline(tasks, { seed });
  if (comparison === undefined) {
    const done = tasks.filter((t) => t.samples.length > 0);
    if (done.length >= 2) {
      const fastest = done.reduce((a, b) => (median(b) < median(a) ? b : a));
      sentences.push(`no relative figures: the median of ${fastest.name} is 0 (below the shell start-up that was subtracted)`);
    }
    return { figures, sentences };
  }
  figures.set(comparison.baseline, [{ name: 'relative', value: 1, unit: '1', description: 'fastest of the commands' }]);
  for (const row of comparison.rows) {
    const interval = `[${ratioText(row.interval.lower)}, ${ratioText(row.interval.upper)}]`;
    figures.set(row.task, [
      { name: 'relative', value: row.ratio, unit: '1', description: `${ratioText(row.ratio)}x the median time of ${comparison.baseline} ${interval}` },
      { name: 'relative.ci_lower', value: row.interval.lower, unit: '1', description: '95% bootstrap interval of the ratio of medians, lower bound' },
      { name: 'relative.ci_upper', value: row.interval.upper, unit: '1', description: '95% bootstrap interval of the ratio of medians, upper bound' },
    ]);
    sentences.push(`${row.sentence} (ratio of medians, 95% bootstrap interval)`);
  }
  return { figures, sentences };
}

function median(t: RelativeInput): number {
  return describeSamples(t.samples, { batchSize: 1, resolution: 0, seed: 1, resamples: 1 }).median;
}
