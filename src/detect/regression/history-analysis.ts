// History analysis for the RegressionDetector: one benchmark's stored runs (one machine, or a pool of machines
// analysed together) to change points with the commits around them.
import { detectChangePoints, type ChangePointOptions } from '../../stats/change-points.js';
import type { HistoryPoint, HistorySeries, ResultsStore, StoredRun } from '../../store/results-store.js';
import type { HistoryAnalysis, HistoryChange } from './regression-types.js';

/**
 * Change points of one history: a series from a results store or bare per-run samples (oldest first), with the
 * commit of each change's first run and of the run before it when the series names them.
 *
 * @param history - the runs
 * @param options - change-point options (with `machines` when the runs come from a pool of machines)
 * @throws RangeError when a run has no positive sample or `machines` does not match the runs
 * @internal
 */
export function analyzeHistory(history: HistorySeries | readonly (readonly number[])[], options: ChangePointOptions): HistoryAnalysis {
  const series = Array.isArray(history) ? undefined : (history as HistorySeries);
  const runs = series !== undefined ? series.points.map((p) => p.samples) : (history as readonly (readonly number[])[]);
  const result = detectChangePoints(runs, options);
  const changes: HistoryChange[] = result.changes.map((c) => {
    const commit = series?.points[c.position]?.commit;
    const previousCommit = series?.points[c.position - 1]?.commit;
    return {
      ...c,
      ...(commit === undefined ? {} : { commit }),
      ...(previousCommit === undefined ? {} : { previousCommit }),
    };
  });
  const key = series?.key;
  return { ...(key === undefined ? {} : { key }), runs: runs.length, changes, anomalies: result.anomalies, noise: result.noise };
}

/**
 * One benchmark's runs on a pool of machines, merged in time order, with the machine fingerprint of each run.
 * The series is named after the pool (`a+b`).
 *
 * @internal
 */
export function poolSeries(
  store: ResultsStore,
  key: string,
  machines: readonly string[],
  records: readonly StoredRun[],
): { series: HistorySeries; machines: string[] } {
  const points: { point: HistoryPoint; machine: string; order: number }[] = [];
  for (const machine of machines) {
    for (const point of store.series(key, { records, machine }).points) points.push({ point, machine, order: points.length });
  }
  // time order; runs started at the same instant keep the order the store gave them
  points.sort((a, b) => Date.parse(a.point.startedAt) - Date.parse(b.point.startedAt) || a.order - b.order);
  return {
    series: { key, machine: machines.join('+'), points: points.map((p) => p.point) },
    machines: points.map((p) => p.machine),
  };
}
