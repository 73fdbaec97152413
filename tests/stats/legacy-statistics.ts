// The private statistics that src/stats replaced, kept verbatim as the reference the kernel is checked against
// (tests/stats/kernel-vs-legacy.test.ts). Not used by the library.
import { linearRegression, quantileSorted as ssQuantileSorted, rSquared } from 'simple-statistics';

/** detect/bottleneck/bottleneck-window.ts `mean`. */
export function bottleneckMean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** detect/bottleneck/bottleneck-window.ts `quantile`. */
export function bottleneckQuantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** detect/bottleneck/bottleneck-window.ts `maxOf`. */
export function bottleneckMaxOf(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/** detect/bottleneck/bottleneck-window.ts `fitLine`. */
export function bottleneckFitLine(
  times: readonly number[],
  values: readonly number[],
): { slope: number; intercept: number; rSquared: number } | undefined {
  if (times.length < 3 || times.length !== values.length) return undefined;
  const t0 = times[0] as number;
  const points = times.map((t, i): [number, number] => [t - t0, values[i] as number]);
  const span = (times.at(-1) as number) - t0;
  if (!(span > 0)) return undefined;
  const { m, b } = linearRegression(points);
  const line = (x: number): number => m * x + b;
  const allSame = values.every((v) => v === values[0]);
  const r2 = allSame ? 1 : rSquared(points, line);
  return { slope: m, intercept: b - m * t0, rSquared: Number.isFinite(r2) ? Math.max(0, Math.min(1, r2)) : 0 };
}

/** monitor/series-stats.ts `summarizeValues`. */
export function seriesSummarizeValues(values: readonly number[]):
  | { count: number; min: number; max: number; mean: number; p50: number; p95: number; p99: number }
  | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: sum / sorted.length,
    p50: ssQuantileSorted(sorted, 0.5),
    p95: ssQuantileSorted(sorted, 0.95),
    p99: ssQuantileSorted(sorted, 0.99),
  };
}

/** The fit inside monitor/series-stats.ts `trendOfSeries` (slope, r², samples; `undefined` as it was). */
export function seriesTrendFit(times: readonly number[], values: readonly number[]): { slope: number; rSquared: number; samples: number } | undefined {
  const n = Math.min(times.length, values.length);
  if (n < 2) return undefined;
  const t0 = times[0] as number;
  const span = (times[n - 1] as number) - t0;
  if (!(span > 0)) return undefined;
  const points: number[][] = [];
  for (let i = 0; i < n; i++) points.push([(times[i] as number) - t0, values[i] as number]);
  const { m, b } = linearRegression(points);
  const slope = Number.isFinite(m) ? m : 0;
  const allEqual = values.every((v) => v === values[0]);
  const r2 = allEqual ? 1 : rSquared(points, (x) => slope * x + b);
  return { slope, rSquared: Number.isFinite(r2) ? Math.max(0, Math.min(1, r2)) : 0, samples: n };
}

/** detect/regression/regression-live.ts and regression-gate.ts `median` (the gate's on sorted input). */
export function regressionMedian(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >>> 1;
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

/** detect/regression/regression-live.ts `slopeOf`. */
export function liveSlopeOf(times: readonly number[], values: readonly number[]): number {
  const n = times.length;
  let mt = 0;
  let mv = 0;
  for (let i = 0; i < n; i++) {
    mt += times[i] as number;
    mv += values[i] as number;
  }
  mt /= n;
  mv /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dt = (times[i] as number) - mt;
    sxy += dt * ((values[i] as number) - mv);
    sxx += dt * dt;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

/** format/common.ts `quantileSorted`. */
export function formatQuantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

/** format/common.ts `linearFit`. */
export function formatLinearFit(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] ?? 0;
    sy += ys[i] ?? 0;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    sxy += dx * ((ys[i] ?? 0) - my);
    sxx += dx * dx;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** cli/sparkline.ts `sparkline`. */
export function cliSparkline(values: readonly number[], width: number, floor?: number): string {
  const tail = values.slice(Math.max(0, values.length - width));
  const finite = tail.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return ' '.repeat(tail.length);
  let min = Math.min(...finite);
  const max = Math.max(...finite);
  if (floor !== undefined) min = Math.min(min, floor);
  const span = max - min;
  return tail
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      if (span <= 0) return BARS[0];
      const index = Math.min(BARS.length - 1, Math.floor(((v - min) / span) * BARS.length));
      return BARS[index];
    })
    .join('');
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** format/table-formatter.ts `sparkline`. */
export function tableSparkline(values: readonly number[], width = 24): string {
  const v = values.filter(Number.isFinite).slice(-width);
  if (v.length === 0) return '';
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return v.map((x) => BLOCKS[hi === lo ? 3 : Math.min(7, Math.floor(((x - lo) / (hi - lo)) * 8))] ?? '').join('');
}
