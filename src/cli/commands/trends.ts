// Builds the `trends` report input from stored runs: one series per benchmark, change points from the detector.
import { BUDGET_FIGURE, type RunSettings, type SuiteResult } from '../../core/results.js';
import { walkBenchmarks } from '../../core/walk.js';
import type { StoredRun } from '../../store/results-store.js';
import { RegressionDetector } from '../../detect/regression/regression-detector.js';
import type { TrendChangePoint, TrendPoint, TrendSeries } from '../../format/formatter.js';
import { formatChange } from '../../format/units.js';
import { settingsDiffer } from '../../detect/regression/comparability.js';
import { budgetLine, type BenchmarkBudget } from '../../detect/forecast/budget-forecast.js';

/**
 * Options of {@link trendSeries}.
 *
 * @internal
 */
export interface TrendOptions {
  /** Seed for the change-point detector. */
  readonly seed: number;
  /** Budgets by benchmark key. */
  readonly budgets?: readonly BenchmarkBudget[];
}

interface Collected {
  readonly points: TrendPoint[];
  readonly samples: (readonly number[])[];
  /** The budget the newest run's task declared (`budgetMs`), seconds; undefined when it declared none. */
  declared: number | undefined;
}

/**
 * One series per benchmark key (`suite/child/task`, the key the results store uses) over the
 * runs recorded on the machine of the newest run, oldest first; runs from other machines are counted in
 * `skippedMachines` and left out.
 *
 * @internal
 */
export function trendSeries(runs: readonly StoredRun[], options: TrendOptions): { series: TrendSeries[]; skippedMachines: number } {
  const machine = runs.at(-1)?.machine;
  const byKey = new Map<string, Collected>();
  let skippedMachines = 0;
  const usual = usualSettings(runs.filter((r) => r.machine === machine).map((r) => r.result));
  for (const run of runs) {
    if (run.machine !== machine) {
      skippedMachines += 1;
      continue;
    }
    const timestamp = Date.parse(run.startedAt);
    const settings = run.result.settings;
    const differs = usual === undefined || settings === undefined ? [] : settingsDiffer(usual, settings, { baseline: 'in most runs', current: 'in this one' });
    const mark = differs.length === 0 ? {} : { otherSettings: differs.join('; ') };
    for (const { key, median, samples, declared } of benchmarks(run.result)) {
      let collected = byKey.get(key);
      if (collected === undefined) {
        collected = { points: [], samples: [], declared: undefined };
        byKey.set(key, collected);
      }
      collected.declared = declared;
      collected.points.push({ timestamp, value: median, ...(run.commit === 'unknown' ? {} : { commit: run.commit }), ...mark });
      // a run that measured something else is marked, not analysed: it is no change in the code
      if (differs.length === 0) collected.samples.push(samples);
    }
  }
  const detector = new RegressionDetector({ seed: options.seed });
  const series: TrendSeries[] = [];
  for (const [key, collected] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // change points are found among the runs with the usual settings; map their indices back to all points
    const usualIndex = collected.points.flatMap((p, i) => (p.otherSettings === undefined ? [i] : []));
    const changePoints = detectChanges(detector, collected.samples).map((cp) => ({ ...cp, index: usualIndex[cp.index] ?? cp.index }));
    // a budget is judged on the runs with the usual settings, like the change points
    const declared = collected.declared === undefined ? undefined : { key, seconds: collected.declared, source: 'declared on the task' };
    const budget = options.budgets?.find((b) => b.key === key) ?? declared;
    const line = budget === undefined ? undefined : budgetLine(collected.points.filter((p) => p.otherSettings === undefined), budget);
    series.push({ key, unit: 's', points: collected.points, ...(changePoints.length > 0 ? { changePoints } : {}), ...(line === undefined ? {} : { budget: line }) });
  }
  return { series, skippedMachines };
}

/** The settings most runs recorded (the first of the most frequent), or `undefined` when none recorded any. */
function usualSettings(results: readonly SuiteResult[]): RunSettings | undefined {
  const counts = new Map<string, { settings: RunSettings; n: number }>();
  for (const r of results) {
    if (r.settings === undefined) continue;
    const key = JSON.stringify([r.settings.scale, Object.entries(r.settings.params ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))]);
    const entry = counts.get(key) ?? { settings: r.settings, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  let best: { settings: RunSettings; n: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.n > best.n) best = entry;
  return best?.settings;
}

/** The benchmarks of a run with a median, under the walker's key (the key the results store uses). */
function* benchmarks(result: SuiteResult): Generator<{ key: string; median: number; samples: readonly number[]; declared: number | undefined }> {
  for (const { key, task } of walkBenchmarks(result)) {
    if (task.status !== 'ok' || task.stats === undefined || !Number.isFinite(task.stats.median)) continue;
    const samples = task.samples !== undefined && task.samples.length > 0 ? task.samples : [task.stats.median];
    const budget = task.figures?.find((f) => f.name === BUDGET_FIGURE && f.unit === 's')?.value;
    yield { key, median: task.stats.median, samples, declared: budget !== undefined && budget > 0 ? budget : undefined };
  }
}

/** Change points of one series, from the regression detector's history analysis. */
function detectChanges(detector: RegressionDetector, samples: readonly (readonly number[])[]): TrendChangePoint[] {
  const runs = samples.map((run) => run.filter((s) => s > 0 && Number.isFinite(s)));
  if (runs.length < 2 || runs.some((run) => run.length === 0)) return [];
  return detector.analyze(runs).changes.map((change) => ({
    index: change.position,
    label: changeLabel(change.ratio, change.direction, change.status === 'suspected'),
    direction: change.direction,
  }));
}

/**
 * A change point's label: the size of the step without a sign, and its direction in words
 * (`8.26% faster`, never `-8.26% faster`).
 *
 * @internal
 */
export function changeLabel(ratio: number, direction: 'regression' | 'improvement' | undefined, suspected: boolean): string {
  const size = formatChange(Math.abs(ratio - 1)).replace(/^[+±]/, '');
  return `${size}${direction === 'regression' ? ' slower' : ' faster'}${suspected ? ' (suspected)' : ''}`;
}
