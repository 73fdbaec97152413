// Live level of the RegressionDetector: one watcher per metric, a baseline, then departures with hysteresis.
import { validateOptions } from '../../core/options.js';
import type { MetricName } from '../../core/metric-names.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import { linearFit } from '../../stats/linear-fit.js';
import { median } from '../../stats/quantile.js';
import { madSigma } from '../../stats/robust-spread.js';
import type { LiveDeparture, LiveMetricSpec } from './regression-types.js';

interface Settings {
  metric: MetricName;
  statistic: 'level' | 'slope';
  worse: 'increase' | 'decrease';
  baselineSamples: number;
  recentSamples: number;
  sensitivity: number;
  minChange: number;
  minDelta: number;
}

const SPEC_RULES = {
  metric: { kind: 'string', nonEmpty: true },
  statistic: { kind: 'oneOf', values: ['level', 'slope'] },
  worse: { kind: 'oneOf', values: ['increase', 'decrease'] },
  baselineSamples: { kind: 'number', integer: true, min: 3 },
  recentSamples: { kind: 'number', integer: true, min: 1 },
  sensitivity: { kind: 'number', min: 0, exclusiveMin: true },
  minChange: { kind: 'number', min: 0 },
  minDelta: { kind: 'number', min: 0 },
} as const;

/** Validates a spec and fills defaults. @internal */
export function resolveLiveSpec(spec: LiveMetricSpec): Settings {
  if (typeof spec === 'object' && 'window' in spec) {
    throw new TypeError('window is not a known watch option: the recent samples compared with the baseline are now recentSamples');
  }
  validateOptions(spec, SPEC_RULES, 'watch');
  if (typeof spec.metric !== 'string') throw new TypeError('metric option must be a non-empty string');
  const { statistic = 'level', worse = 'increase', baselineSamples = 20, recentSamples = 5, sensitivity = 4, minChange = 0.1, minDelta = 0 } = spec;
  if (statistic === 'slope' && recentSamples < 3) throw new RangeError(`recentSamples option must be >= 3 for the slope statistic, got ${recentSamples}`);
  return { metric: spec.metric, statistic, worse, baselineSamples, recentSamples, sensitivity, minChange, minDelta };
}

/**
 * Watches one metric: collects a baseline of the statistic, then reports when the recent statistic departs
 * from it by more than `sensitivity` robust standard deviations and more than `minChange` of the baseline
 * level; reports recovery once it is back within half of that (hysteresis).
 *
 * @internal
 */
export class LiveWatcher {
  readonly #s: Settings;
  readonly #times: number[] = [];
  readonly #values: number[] = [];
  readonly #baseline: number[] = [];
  #center = 0;
  #scale = 0;
  #ready = false;
  #departed = false;

  constructor(spec: LiveMetricSpec) {
    this.#s = resolveLiveSpec(spec);
  }

  get metric(): string {
    return this.#s.metric;
  }

  /** Feeds a snapshot; returns a departure, `'recovered'`, or nothing. */
  push(snapshot: MetricSnapshot): LiveDeparture | 'recovered' | undefined {
    const value = snapshot.get(this.#s.metric);
    if (value === undefined || !Number.isFinite(value)) return undefined;
    const s = this.#s;
    this.#times.push(snapshot.monotonic);
    this.#values.push(value);
    const keep = Math.max(s.recentSamples, 3);
    if (this.#values.length > keep) {
      this.#values.shift();
      this.#times.shift();
    }
    const stat = s.statistic === 'slope' ? (this.#values.length >= 3 ? (linearFit(this.#times, this.#values)?.slope ?? 0) : undefined) : value;
    if (stat === undefined) return undefined;
    if (!this.#ready) {
      this.#baseline.push(stat);
      if (this.#baseline.length >= s.baselineSamples) {
        this.#center = median(this.#baseline);
        this.#scale = madSigma(this.#baseline);
        this.#ready = true;
      }
      return undefined;
    }
    const current = s.statistic === 'slope' ? stat : median(this.#values.slice(-s.recentSamples));
    const sign = s.worse === 'increase' ? 1 : -1;
    const departure = sign * (current - this.#center);
    const relative = s.statistic === 'level' ? s.minChange * Math.abs(this.#center) : 0;
    const threshold = Math.max(s.sensitivity * this.#scale, relative, s.minDelta, Number.MIN_VALUE);
    if (!this.#departed && departure > threshold) {
      this.#departed = true;
      return {
        metric: s.metric,
        statistic: s.statistic,
        baseline: this.#center,
        current,
        score: this.#scale > 0 ? departure / this.#scale : Infinity,
        threshold,
        snapshot,
      };
    }
    if (this.#departed && departure < threshold / 2) {
      this.#departed = false;
      return 'recovered';
    }
    return undefined;
  }
}
