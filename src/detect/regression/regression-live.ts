// Live level of the RegressionDetector: one watcher per metric, a baseline, then departures with hysteresis.
import type { MetricSnapshot } from '../../core/snapshot.js';
import type { LiveDeparture, LiveMetricSpec } from './regression-types.js';

interface Settings {
  metric: string;
  statistic: 'level' | 'slope';
  worse: 'increase' | 'decrease';
  baselineSamples: number;
  window: number;
  sensitivity: number;
  minChange: number;
  minDelta: number;
}

/** Validates a spec and fills defaults. @internal */
export function resolveLiveSpec(spec: LiveMetricSpec): Settings {
  if (typeof spec.metric !== 'string' || spec.metric === '') throw new TypeError('metric option must be a non-empty string');
  const {
    statistic = 'level',
    worse = 'increase',
    baselineSamples = 20,
    window = 5,
    sensitivity = 4,
    minChange = 0.1,
    minDelta = 0,
  } = spec;
  if (!['level', 'slope'].includes(statistic)) throw new TypeError("statistic option must be 'level' or 'slope'");
  if (!['increase', 'decrease'].includes(worse)) throw new TypeError("worse option must be 'increase' or 'decrease'");
  if (!Number.isInteger(baselineSamples) || baselineSamples < 3) throw new RangeError('baselineSamples option must be an integer >= 3');
  if (!Number.isInteger(window) || window < 1 || (statistic === 'slope' && window < 3)) {
    throw new RangeError('window option must be a positive integer (>= 3 for slope)');
  }
  if (!(sensitivity > 0)) throw new RangeError('sensitivity option must be positive');
  if (!(minChange >= 0)) throw new RangeError('minChange option must be >= 0');
  if (!(minDelta >= 0)) throw new RangeError('minDelta option must be >= 0');
  return { metric: spec.metric, statistic, worse, baselineSamples, window, sensitivity, minChange, minDelta };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >>> 1;
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

function slopeOf(times: readonly number[], values: readonly number[]): number {
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
    const keep = Math.max(s.window, 3);
    if (this.#values.length > keep) {
      this.#values.shift();
      this.#times.shift();
    }
    const stat = s.statistic === 'slope' ? (this.#values.length >= 3 ? slopeOf(this.#times, this.#values) : undefined) : value;
    if (stat === undefined) return undefined;
    if (!this.#ready) {
      this.#baseline.push(stat);
      if (this.#baseline.length >= s.baselineSamples) {
        this.#center = median(this.#baseline);
        this.#scale = 1.4826 * median(this.#baseline.map((v) => Math.abs(v - this.#center)));
        this.#ready = true;
      }
      return undefined;
    }
    const current = s.statistic === 'slope' ? stat : median(this.#values.slice(-s.window));
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
