// Builds MetricSnapshot windows for rule unit tests: one snapshot per `interval` seconds.
import { MetricSnapshot } from '../../../src/core/snapshot.js';

/** Values of one snapshot, or a function of its index and monotonic time. */
export type Row = Readonly<Record<string, number>>;

/** `count` snapshots `interval` s apart starting at `start`, values from `row(i, t)`. */
export function series(count: number, row: (i: number, t: number) => Row, interval = 0.1, start = 100): MetricSnapshot[] {
  const out: MetricSnapshot[] = [];
  for (let i = 0; i < count; i++) {
    const t = start + i * interval;
    out.push(new MetricSnapshot({ timestamp: 1_700_000_000_000 + t * 1000, monotonic: t, values: row(i, t), descriptors: {} }));
  }
  return out;
}

/** A deterministic pseudo-random stream in [0, 1) (LCG), for jitter. */
export function jitter(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
