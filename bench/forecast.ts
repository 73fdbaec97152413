// Time-to-limit forecasts on seeded series with a known answer, beside a predict_linear-style least-squares peer.
// Run: npm run bench:forecast                 (the seeded series, about 10 s)
//      npm run bench:forecast -- --child 4     (and then 4 real leaking children, about 15 s each: how many
//                                              late forecasts hold the moment each one runs out of heap)
import { cpus, loadavg } from 'node:os';
import { forecastTimeToLimit } from '../src/detect/forecast/forecast.js';
import { linearFit } from '../src/stats/linear-fit.js';
import { median, quantile } from '../src/stats/quantile.js';
import { createRng } from '../src/stats/rng.js';

const SERIES_PER_KIND = 200;
const ROUNDS = 3;
const WINDOW_S = 120;
const LIMIT = 1000;
const HORIZON_S = 3600;

type Kind = 'linear leak' | 'leak under GC sawtooth' | 'leak stopped halfway' | 'flat noisy';
interface Scenario {
  readonly kind: Kind;
  readonly times: number[];
  readonly values: number[];
  /** Seconds from the last point to the limit; undefined when the series never reaches it. */
  readonly truth: number | undefined;
}

function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

function scenario(kind: Kind, seed: number): Scenario {
  const rng = createRng(seed);
  const truthAhead = 60 + rng() * 1140;
  const start = 200 + rng() * 300;
  const rate = (LIMIT - start) / (WINDOW_S + truthAhead);
  const noise = 2 + rng() * 8;
  const times: number[] = [];
  const values: number[] = [];
  let cycleEnd = 8 + rng() * 8;
  let cycleStart = 0;
  const amplitude = 60 + rng() * 60;
  for (let t = 0; t <= WINDOW_S; t++) {
    let v: number;
    if (kind === 'linear leak') v = start + rate * t;
    else if (kind === 'leak stopped halfway') v = start + rate * Math.min(t, WINDOW_S / 2);
    else if (kind === 'flat noisy') v = start;
    else {
      if (t >= cycleEnd) {
        cycleStart = t;
        cycleEnd = t + 8 + rng() * 8;
      }
      v = start + rate * t + (amplitude * (t - cycleStart)) / (cycleEnd - cycleStart);
    }
    times.push(1000 + t);
    values.push(v + noise * gaussian(rng));
  }
  const truth = kind === 'linear leak' || kind === 'leak under GC sawtooth' ? truthAhead : undefined;
  return { kind, times, values, truth };
}

interface Forecast {
  readonly seconds: number;
  readonly low?: number;
  readonly high?: number;
}

function ours(s: Scenario): Forecast | undefined {
  const f = forecastTimeToLimit(s, LIMIT);
  return f === undefined || f.seconds > HORIZON_S ? undefined : f;
}

/** Prometheus predict_linear: least squares over the window, value at the newest point, no interval. */
function peer(s: Scenario): Forecast | undefined {
  const fit = linearFit(s.times, s.values);
  if (fit === undefined || !(fit.slope > 0)) return undefined;
  const at = s.times.at(-1) as number;
  const seconds = (LIMIT - (fit.intercept + fit.slope * at)) / fit.slope;
  return seconds > HORIZON_S ? undefined : { seconds: Math.max(0, seconds) };
}

interface Score {
  coverage: number;
  relError: number;
  raisedOnLeaks: number;
  falseAlarms: number;
  millis: number;
}

function score(all: readonly Scenario[], method: (s: Scenario) => Forecast | undefined): Score {
  let covered = 0;
  let leaks = 0;
  let raisedLeaks = 0;
  let quiet = 0;
  let alarms = 0;
  const errors: number[] = [];
  const t0 = performance.now();
  for (const s of all) {
    const f = method(s);
    if (s.truth === undefined) {
      quiet += 1;
      if (f !== undefined) alarms += 1;
      continue;
    }
    leaks += 1;
    if (f === undefined) continue;
    raisedLeaks += 1;
    errors.push(Math.abs(f.seconds - s.truth) / s.truth);
    if (f.low !== undefined && f.high !== undefined && f.low <= s.truth && s.truth <= f.high) covered += 1;
  }
  return {
    coverage: covered / leaks,
    relError: errors.length > 0 ? median(errors) : Number.NaN,
    raisedOnLeaks: raisedLeaks / leaks,
    falseAlarms: alarms / quiet,
    millis: performance.now() - t0,
  };
}

const kinds: readonly Kind[] = ['linear leak', 'leak under GC sawtooth', 'leak stopped halfway', 'flat noisy'];
const pct = (v: number): string => (Number.isNaN(v) ? '   n/a' : `${(v * 100).toFixed(1).padStart(5)}%`);

console.log(`forecast bench: ${SERIES_PER_KIND} series per kind, ${WINDOW_S + 1} points at 1 s, horizon ${HORIZON_S} s, ${ROUNDS} rounds (seeds differ per round)`);
console.log(`cpu: ${cpus()[0]?.model ?? 'unknown'}; load: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const perKind = new Map<string, { ours: Score[]; peer: Score[] }>();
for (let round = 0; round < ROUNDS; round++) {
  for (const kind of kinds) {
    const all = Array.from({ length: SERIES_PER_KIND }, (_, i) => scenario(kind, round * 100_000 + kinds.indexOf(kind) * 10_000 + i + 1));
    const entry = perKind.get(kind) ?? { ours: [], peer: [] };
    // Interleaved: ours then the peer on the same series, every round.
    entry.ours.push(score(all, ours));
    entry.peer.push(score(all, peer));
    perKind.set(kind, entry);
  }
}
const spread = (xs: readonly number[]): string => `${pct(median(xs))} [${pct(quantile(xs, 0))}, ${pct(quantile(xs, 1))}]`;
console.log('');
console.log('kind                     method          in interval              median rel. error        raised on leaks          raised with no trend     ms/round');
for (const [kind, entry] of perKind) {
  for (const [name, scores] of [['ours (Theil-Sen)', entry.ours], ['predict_linear', entry.peer]] as const) {
    const truthKnown = kind === 'linear leak' || kind === 'leak under GC sawtooth';
    console.log(
      [
        kind.padEnd(24),
        name.padEnd(15),
        (truthKnown ? spread(scores.map((s) => s.coverage)) : '-').padEnd(24),
        (truthKnown ? spread(scores.map((s) => s.relError)) : '-').padEnd(24),
        (truthKnown ? spread(scores.map((s) => s.raisedOnLeaks)) : '-').padEnd(24),
        (truthKnown ? '-' : spread(scores.map((s) => s.falseAlarms))).padEnd(24),
        median(scores.map((s) => s.millis)).toFixed(1),
      ].join(' '),
    );
  }
}
console.log('');
console.log('in interval: share of leak series whose forecast interval holds the true time (a silent forecast counts as a miss;');
console.log('predict_linear has no interval). Figures are median [min, max] over the rounds.');

const childArg = process.argv.indexOf('--child');
const children = childArg === -1 ? 0 : Number(process.argv[childArg + 1]);
if (children > 0) {
  const { holdsDeath, watchLeakingChild } = await import('./leaking-child.js');
  console.log('');
  console.log(`real leaking children (48 MiB old space, heap limit with its slowdown allowance), ${children} runs:`);
  let held = 0;
  let late = 0;
  let lastHeld = 0;
  for (let i = 0; i < children; i++) {
    const load = loadavg()[0] ?? 0;
    const run = await watchLeakingChild();
    const first = run.seen[0]?.madeAt ?? run.death;
    const h = run.late.filter((f) => holdsDeath(run, f)).length;
    const last = run.late.at(-1);
    const lastHolds = last !== undefined && holdsDeath(run, last);
    held += h;
    late += run.late.length;
    lastHeld += lastHolds ? 1 : 0;
    console.log(`  run ${i + 1}: load ${load.toFixed(2)}, died ${(run.death - first).toFixed(1)} s after the first forecast; late forecasts holding the moment ${h}/${run.late.length}; last one ${lastHolds ? 'holds' : 'misses'}`);
  }
  console.log(`  total: ${held}/${late} late forecasts hold the moment; the last one holds in ${lastHeld}/${children} runs`);
}
