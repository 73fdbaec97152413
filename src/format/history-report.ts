// The report model of a monitor window: one row of figures per metric, computed once for every formatter.
import type { MetricUnit } from '../core/metric.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { linearFit } from '../stats/linear-fit.js';
import { quantileSorted } from '../stats/quantile.js';

/**
 * One metric of a monitor window, as reports show it. Figures are in the metric's unit (from its descriptor).
 *
 * @beta
 */
export interface HistoryRow {
  /** Metric name. */
  readonly metric: string;
  /** Unit, from the metric's descriptor (`1` when no snapshot describes it). */
  readonly unit: MetricUnit;
  /** Value in the newest snapshot, when it has one. */
  readonly latest?: number;
  /** Finite values seen. */
  readonly count: number;
  /** Smallest value (NaN when none). */
  readonly min: number;
  /** Mean (NaN when none). */
  readonly mean: number;
  /** 95th percentile (NaN when none). */
  readonly p95: number;
  /** Largest value (NaN when none). */
  readonly max: number;
  /** Direction of the least-squares line over the window: `flat` when it moves less than a fifth of the range. */
  readonly trend: 'rising' | 'falling' | 'flat';
}

/**
 * Figures per metric over a window of snapshots (oldest first), sorted by metric name.
 *
 * @beta
 */
export function historyRows(snapshots: readonly MetricSnapshot[]): HistoryRow[] {
  const last = snapshots.at(-1);
  const names = [...new Set(snapshots.flatMap((s) => s.metrics()))].sort();
  return names.map((metric) => {
    const unit = last?.descriptors[metric]?.unit ?? snapshots.find((s) => s.descriptors[metric] !== undefined)?.descriptors[metric]?.unit ?? '1';
    const points = snapshots.filter((s) => Number.isFinite(s.getUnchecked(metric)));
    const values = points.map((s) => s.getUnchecked(metric) ?? 0);
    const sorted = [...values].sort((a, b) => a - b);
    const fit = linearFit(points.map((s) => s.monotonic), values);
    const range = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
    const span = Math.max(1e-9, range);
    const duration = (points.at(-1)?.monotonic ?? 0) - (points[0]?.monotonic ?? 0);
    const rel = fit === undefined ? 0 : (fit.slope * duration) / span;
    const trend = fit === undefined || Math.abs(rel) < 0.2 || span === 1e-9 ? 'flat' : rel > 0 ? 'rising' : 'falling';
    const latest = last?.getUnchecked(metric);
    const none = values.length === 0;
    return {
      metric,
      unit,
      ...(latest === undefined ? {} : { latest }),
      count: values.length,
      min: none ? Number.NaN : (sorted[0] ?? Number.NaN),
      mean: none ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length,
      p95: quantileSorted(sorted, 0.95),
      max: none ? Number.NaN : (sorted.at(-1) ?? Number.NaN),
      trend,
    };
  });
}
