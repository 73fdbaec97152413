// Human units: data stays in base units (seconds, bytes, ratios); only formatters and the CLI humanise.
import type { MetricUnit } from '../core/metric.js';
import type { PerOperationUnit, TaskStatistics } from '../core/results.js';
import { relativeHalfWidth } from '../stats/describe.js';

/** Three significant digits, no exponent, trailing zeros kept for alignment ("1.20", "12.0", "120"). */
function sig3(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100 || abs === 0) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function notFinite(value: number): string | undefined {
  if (Number.isNaN(value)) return 'n/a';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '-∞';
  return undefined;
}

/**
 * A duration in seconds for people: `ns`, `µs`, `ms`, `s`, then `m s` and `h m` beyond a minute.
 *
 * @example `formatDuration(0.000_001_5)` is `"1.50 µs"`; `formatDuration(95)` is `"1m 35s"`.
 * @public
 */
export function formatDuration(seconds: number): string {
  const bad = notFinite(seconds);
  if (bad !== undefined) return bad;
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  if (s === 0) return '0 s';
  if (s < 1e-6) return `${sign}${sig3(s * 1e9)} ns`;
  if (s < 1e-3) return `${sign}${sig3(s * 1e6)} µs`;
  if (s < 1) return `${sign}${sig3(s * 1e3)} ms`;
  if (s < 60) return `${sign}${sig3(s)} s`;
  if (s < 3600) {
    const whole = Math.round(s);
    return `${sign}${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  }
  const minutes = Math.round(s / 60);
  return `${sign}${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * A byte count for people in powers of 1024: `B`, `KB`, `MB`, `GB`, `TB`.
 *
 * @example `formatBytes(1536)` is `"1.50 KB"`.
 * @public
 */
export function formatBytes(bytes: number): string {
  const bad = notFinite(bytes);
  if (bad !== undefined) return bad;
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  if (value < 1024) return `${sign}${Math.round(value)} B`;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // 1023.9 KB rounds to "1024 KB": move up one unit instead.
  if (Number(sig3(value)) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${sign}${sig3(value)} ${BYTE_UNITS[unit] ?? 'B'}`;
}

/**
 * A plain number with a metric suffix (`k`, `M`, `G`, `T`): `formatCount(12_345)` is `"12.3k"`.
 * Integers below 1000 are shown whole, other values with three significant digits.
 *
 * @public
 */
export function formatCount(value: number): string {
  const bad = notFinite(value);
  if (bad !== undefined) return bad;
  const abs = Math.abs(value);
  if (abs < 1000) return Number.isInteger(value) ? String(value) : sig3(value);
  const suffixes = ['k', 'M', 'G', 'T', 'P'] as const;
  let scaled = abs;
  let i = -1;
  while (scaled >= 1000 && i < suffixes.length - 1) {
    scaled /= 1000;
    i += 1;
  }
  if (Number(sig3(scaled)) >= 1000 && i < suffixes.length - 1) {
    scaled /= 1000;
    i += 1;
  }
  return `${value < 0 ? '-' : ''}${sig3(scaled)}${suffixes[i] ?? ''}`;
}

/**
 * A ratio as a percentage: `formatPercent(0.1234)` is `"12.3%"`.
 *
 * @param ratio - 0-1 (values above 1 are shown as they are, e.g. `"180%"` of one core)
 * @param digits - decimals; by default three significant digits
 * @public
 */
export function formatPercent(ratio: number, digits?: number): string {
  const bad = notFinite(ratio);
  if (bad !== undefined) return bad;
  const pct = ratio * 100;
  return `${digits === undefined ? sig3(pct) : pct.toFixed(digits)}%`;
}

/**
 * Where a fresh run's median should fall, relative to this run's: `"±4.10%"`, or `"—"` without a
 * prediction interval.
 *
 * @internal
 */
export function formatPredicted(stats: TaskStatistics): string {
  const p = stats.predictionInterval;
  return p === undefined ? '—' : formatRme(relativeHalfWidth(p, stats.median));
}

/**
 * A relative margin of error: `formatRme(0.0123)` is `"±1.23%"`.
 *
 * @public
 */
export function formatRme(rme: number): string {
  const bad = notFinite(rme);
  return bad ?? `±${sig3(rme * 100)}%`;
}

/**
 * A rate of bytes per second: `formatByteRate(5_242_880)` is `"5.00 MB/s"`.
 *
 * @public
 */
export function formatByteRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/**
 * Operations per second: `formatOps(1_234_567)` is `"1.23M ops/s"`.
 *
 * @public
 */
export function formatOps(opsPerSecond: number): string {
  return `${formatCount(opsPerSecond)} ops/s`;
}

/**
 * A signed relative change: `formatChange(0.052)` is `"+5.20%"`, `formatChange(-0.5)` is `"-50.0%"`.
 *
 * @public
 */
export function formatChange(ratio: number): string {
  const bad = notFinite(ratio);
  if (bad !== undefined) return bad;
  return `${ratio > 0 ? '+' : ratio < 0 ? '-' : '±'}${sig3(Math.abs(ratio) * 100)}%`;
}

/**
 * Any value in a {@link MetricUnit}, humanised: seconds as durations, bytes in KB/MB, ratios as
 * percentages (or as a multiple such as `4.18×` above 1.5), counts with suffixes, and per-second rates of each.
 *
 * @public
 */
export function formatValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 's':
      return formatDuration(value);
    case 'By':
      return formatBytes(value);
    case '1':
      // Ratios of 0-1 read best as percentages; a dimensionless figure well above 1 (compression ratio,
      // speedup, "times faster") reads best as a multiple.
      return Math.abs(value) > 1.5 && Number.isFinite(value) ? `${sig3(value)}×` : formatPercent(value);
    case 's/s':
      return formatPercent(value);
    case '{count}':
      return formatCount(value);
    case 'By/s':
      return formatByteRate(value);
    case '{count}/s':
      return `${formatCount(value)}/s`;
  }
}

/**
 * A task's per-operation figure in its unit: a duration for `seconds` (or no unit), a whole count with
 * `instr` for `instructions`, `cycles (est.)` for estimated cycles.
 *
 * @example `formatPerOp(34750.2, 'instructions')` is `"34,750 instr"`.
 * @public
 */
export function formatPerOp(value: number, unit: PerOperationUnit | undefined): string {
  if (unit === undefined || unit === 'seconds') return formatDuration(value);
  const bad = notFinite(value);
  if (bad !== undefined) return bad;
  const n = Math.round(value).toLocaleString('en-US');
  return unit === 'instructions' ? `${n} instr` : `${n} cycles (est.)`;
}
