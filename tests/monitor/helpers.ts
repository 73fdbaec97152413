// Shared helpers for monitor tests (not a test file itself).
import { MetricSnapshot } from '../../src/core/snapshot.js';
import type { MetricDescriptor } from '../../src/core/metric.js';

// The metric `snap` describes, declared as a user declares their own (MetricRegistry).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    x: '1';
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const DESCRIPTORS: Readonly<Record<string, MetricDescriptor>> = Object.freeze({
  x: Object.freeze({ name: 'x', unit: '1', kind: 'gauge', description: 'test metric' }),
});

/** A snapshot at monotonic `t` seconds with the given values. */
export function snap(t: number, values: Record<string, number>): MetricSnapshot {
  return new MetricSnapshot({ timestamp: 1_700_000_000_000 + t * 1000, monotonic: t, values, descriptors: DESCRIPTORS });
}

/** Burns CPU on the main thread for `ms` milliseconds. */
export function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
}
