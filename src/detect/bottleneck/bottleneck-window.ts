// Window arithmetic shared by the built-in bottleneck rules: series, rates, severity bands (statistics: src/stats).
import { Severity, compareSeverity, type BottleneckFinding, type FindingEvidence } from '../../core/findings.js';
import type { MetricName } from '../../core/metric-names.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import { mean } from '../../stats/summary.js';
import { insufficientData, type InsufficientData } from './bottleneck-rule.js';

/** @internal */
export interface Series {
  readonly times: number[];
  readonly values: number[];
}

/** Values of `metric` over the window, skipping snapshots that lack it or hold a non-finite value. @internal */
export function seriesOf(window: readonly MetricSnapshot[], metric: MetricName): Series {
  const times: number[] = [];
  const values: number[] = [];
  for (const s of window) {
    const v = s.get(metric);
    if (v !== undefined && Number.isFinite(v)) {
      times.push(s.monotonic);
      values.push(v);
    }
  }
  return { times, values };
}

/**
 * The variable parts of the metric names in the window that `pattern` matches (its first group, such as a cache's
 * name in `cache.<name>.hits`), each once, sorted: a rule rebuilds the names from them, typed by their family.
 *
 * @internal
 */
export function namePartsOf(window: readonly MetricSnapshot[], pattern: RegExp): string[] {
  const parts = new Set<string>();
  for (const s of window) {
    for (const name of s.metrics()) {
      const part = pattern.exec(name)?.[1];
      if (part !== undefined) parts.add(part);
    }
  }
  return [...parts].sort();
}

/** Seconds covered by the window (newest minus oldest monotonic time). @internal */
export function spanOf(window: readonly MetricSnapshot[]): number {
  const first = window[0];
  const last = window.at(-1);
  return first === undefined || last === undefined ? 0 : last.monotonic - first.monotonic;
}

/**
 * Sum of a per-interval metric (a value that covers the interval since the previous sample, such as
 * `v8js.gc.duration`) over the window, and the seconds those intervals cover. The oldest snapshot's
 * value covers time before the window and is left out.
 *
 * @internal
 */
export function intervalSum(window: readonly MetricSnapshot[], metric: MetricName): { sum: number; seconds: number; count: number } {
  let sum = 0;
  let seconds = 0;
  let count = 0;
  for (let i = 1; i < window.length; i++) {
    const cur = window[i] as MetricSnapshot;
    const prev = window[i - 1] as MetricSnapshot;
    const v = cur.get(metric);
    if (v === undefined || !Number.isFinite(v)) continue;
    sum += v;
    seconds += cur.monotonic - prev.monotonic;
    count++;
  }
  return { sum, seconds, count };
}

/**
 * Increase of a counter over the window per second (resets, where the counter drops, restart the sum).
 *
 * @internal
 */
export function counterDelta(window: readonly MetricSnapshot[], metric: MetricName): { delta: number; seconds: number } | undefined {
  const { times, values } = seriesOf(window, metric);
  if (values.length < 2) return undefined;
  let delta = 0;
  for (let i = 1; i < values.length; i++) {
    const d = (values[i] as number) - (values[i - 1] as number);
    delta += d >= 0 ? d : (values[i] as number);
  }
  return { delta, seconds: (times.at(-1) as number) - (times[0] as number) };
}

/**
 * Severity bands of a rule for a value where higher is worse: the value is rated at the highest band
 * whose lower bound it reaches, and gives no finding below `low`. Bounds must be ascending; set a bound
 * to `Infinity` to cap the severity below it.
 *
 * @beta
 */
export interface SeverityBands {
  /** Lower bound of `low`. */
  readonly low: number;
  /** Lower bound of `medium`. */
  readonly medium: number;
  /** Lower bound of `high`. */
  readonly high: number;
  /** Lower bound of `critical`. */
  readonly critical: number;
}

/** @internal */
export function bandOf(value: number, bands: SeverityBands): Severity | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (value >= bands.critical) return Severity.Critical;
  if (value >= bands.high) return Severity.High;
  if (value >= bands.medium) return Severity.Medium;
  if (value >= bands.low) return Severity.Low;
  return undefined;
}

/** The more severe of two severities (undefined counts as none). @internal */
export function worst(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareSeverity(a, b) >= 0 ? a : b;
}

/**
 * The usual data checks: at least `minSamples` snapshots carrying each required metric.
 *
 * @internal
 */
export function checkData(
  ruleId: string,
  window: readonly MetricSnapshot[],
  required: readonly MetricName[],
  minSamples: number,
): InsufficientData | undefined {
  const missing = required.filter((m) => !window.some((s) => s.has(m)));
  if (missing.length > 0) return insufficientData(ruleId, window, `the window lacks ${missing.join(', ')}`, missing);
  for (const m of required) {
    const n = seriesOf(window, m).values.length;
    if (n < minSamples) {
      return insufficientData(ruleId, window, `${n} snapshot(s) carry ${m}; this rule needs at least ${minSamples}`);
    }
  }
  if (window.length >= 2 && !(spanOf(window) > 0)) return insufficientData(ruleId, window, 'the window spans no time');
  return undefined;
}

/**
 * Confidence from data volume and margin: `n / full` samples (capped at 1) times a margin factor that
 * rises from 0.5 at the threshold to 1 at twice the threshold.
 *
 * @internal
 */
export function confidenceOf(samples: number, full: number, value: number, threshold: number): number {
  const data = Math.min(1, samples / full);
  const margin = threshold > 0 ? Math.min(1, Math.max(0.5, 0.5 * (value / threshold))) : 1;
  return data * margin;
}

/** Fields of a finding a rule fills in; the window is filled in by {@link finding}. @internal */
export interface FindingFields {
  readonly severity: Severity;
  readonly title: string;
  readonly impact: number;
  readonly confidence: number;
  readonly evidence: readonly FindingEvidence[];
  readonly recommendation: string;
}

/** Builds a frozen finding: impact clamped to 0-100 and rounded to 0.1, confidence clamped to 0-1. @internal */
export function finding(ruleId: string, window: readonly MetricSnapshot[], fields: FindingFields): BottleneckFinding {
  const first = window[0];
  const last = window.at(-1);
  const clamp = (v: number, lo: number, hi: number): number => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo);
  return Object.freeze({
    ruleId,
    title: fields.title,
    severity: fields.severity,
    impact: Math.round(clamp(fields.impact, 0, 100) * 10) / 10,
    confidence: Math.round(clamp(fields.confidence, 0, 1) * 100) / 100,
    evidence: Object.freeze(fields.evidence.map((e) => Object.freeze({ ...e }))),
    recommendation: fields.recommendation,
    window: Object.freeze({ start: first?.monotonic ?? 0, end: last?.monotonic ?? 0, samples: window.length }),
  });
}

/** Evidence entry, with the threshold only when given (exactOptionalPropertyTypes). @internal */
export function evidence(metric: string, value: number, threshold?: number): FindingEvidence {
  return threshold === undefined ? { metric, value } : { metric, value, threshold };
}

/** CPU split between the process and its children over the window. @internal */
export interface SpawnSignals {
  /** Window mean of children CPU (reaped plus watched), share of one core; NaN when not measured. */
  readonly childCpu: number;
  /** Window mean of `process.cpu.utilization`; NaN when not measured. */
  readonly ownCpu: number;
  /** Kernel share of the process's own CPU over the window; NaN when not measured. */
  readonly systemShare: number;
  /** Snapshots carrying both children and own CPU. */
  readonly samples: number;
}

/** CPU of a process the host watches by label (`process.child.<label>.cpu.utilization`). */
const CHILD_LABELLED = /^process\.child\.(.+)\.cpu\.utilization$/;

/** Names of the CPU metrics of the processes watched by label (`process.child.<label>.cpu.utilization`) in the window. @internal */
export function watchedChildCpu(window: readonly MetricSnapshot[]): `process.child.${string}.cpu.utilization`[] {
  return namePartsOf(window, CHILD_LABELLED).map((label) => `process.child.${label}.cpu.utilization` as const);
}

/** Children and own CPU over the window, and the kernel share of own CPU (fork, exec and pipes are kernel time). @internal */
export function spawnSignals(window: readonly MetricSnapshot[]): SpawnSignals {
  const labelled = watchedChildCpu(window);
  const kids: number[] = [];
  const own: number[] = [];
  for (const s of window) {
    const parts = [s.get('process.children.cpu.utilization'), ...labelled.map((m) => s.get(m))].filter(
      (v): v is number => v !== undefined && Number.isFinite(v),
    );
    const mine = s.get('process.cpu.utilization');
    if (parts.length === 0 || mine === undefined) continue;
    kids.push(parts.reduce((a, b) => a + b, 0));
    own.push(mine);
  }
  const user = counterDelta(window, 'process.cpu.time.user');
  const system = counterDelta(window, 'process.cpu.time.system');
  const systemShare = user !== undefined && system !== undefined && user.delta + system.delta > 0 ? system.delta / (user.delta + system.delta) : Number.NaN;
  return { childCpu: mean(kids), ownCpu: mean(own), systemShare, samples: kids.length };
}
