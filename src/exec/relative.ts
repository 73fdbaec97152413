// Relative figures between the benchmarked commands: each against the fastest, with the ratio's interval.
import type { KeyFigure } from '../core/results.js';
import { bootstrapRatioCI } from '../stats/bootstrap.js';
import { describeSamples } from '../stats/describe.js';

/**
 * A task's wall times, as the relative comparison needs them.
 *
 * @internal
 */
export interface RelativeInput {
  readonly name: string;
  /** Wall times of the measured runs, seconds; empty for a task that did not complete. */
  readonly samples: readonly number[];
}

/**
 * Relative figures per task (by name) and one sentence per non-fastest task.
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
 * Compares every completed task with the fastest (smallest median wall time): `relative` is the ratio of
 * medians (1 for the fastest), `relative.ci_lower`/`relative.ci_upper` its 95% percentile-bootstrap interval
 * ({@link bootstrapRatioCI}), and a sentence such as `rune status is 1.84x faster than git status [1.79, 1.90]`.
 * Nothing when fewer than two tasks completed; only a sentence saying why when the fastest median is 0.
 *
 * @internal
 */
export function relativeSummary(tasks: readonly RelativeInput[], seed: number): RelativeSummary {
  const done = tasks.filter((t) => t.samples.length > 0).map((t) => ({ ...t, median: describeSamples(t.samples, { batchSize: 1, resolution: 0, seed, resamples: 1 }).median }));
  const figures = new Map<string, KeyFigure[]>();
  const sentences: string[] = [];
  if (done.length < 2) return { figures, sentences };
  let fastest = done[0] as (typeof done)[number];
  for (const t of done) if (t.median < fastest.median) fastest = t;
  if (!(fastest.median > 0)) {
    sentences.push(`no relative figures: the median of ${fastest.name} is 0 (below the shell start-up that was subtracted)`);
    return { figures, sentences };
  }
  for (const t of done) {
    if (t === fastest) {
      figures.set(t.name, [{ name: 'relative', value: 1, unit: '1', description: 'fastest of the commands' }]);
      continue;
    }
    const ratio = t.median / fastest.median;
    const ci = bootstrapRatioCI(fastest.samples, t.samples, { seed });
    const interval = `[${ratioText(ci.lower)}, ${ratioText(ci.upper)}]`;
    figures.set(t.name, [
      { name: 'relative', value: ratio, unit: '1', description: `${ratioText(ratio)}x the median time of ${fastest.name} ${interval}` },
      { name: 'relative.ci_lower', value: ci.lower, unit: '1', description: '95% bootstrap interval of the ratio of medians, lower bound' },
      { name: 'relative.ci_upper', value: ci.upper, unit: '1', description: '95% bootstrap interval of the ratio of medians, upper bound' },
    ]);
    sentences.push(`${fastest.name} is ${ratioText(ratio)}x faster than ${t.name} ${interval} (ratio of medians, 95% bootstrap interval)`);
  }
  return { figures, sentences };
}
