// Bencher Metric Format (BMF) JSON: `{ "<benchmark>": { "latency": { value, lower_value, upper_value } } }`, in ns.
import { exportedBenchmarks } from './ci-export.js';
import type { FormatInput, Formatter } from './formatter.js';

const NS = 1e9;

/**
 * Bencher Metric Format JSON for `bencher run --adapter json`: per benchmark key, the `latency` measure in
 * nanoseconds per operation (Bencher's unit for it): the median, with the 95% interval of the median as the
 * lower and upper values.
 *
 * @public
 */
export const bencherFormatter: Formatter = {
  id: 'bencher',
  extension: 'json',
  mediaType: 'application/json',
  description: 'Bencher Metric Format JSON (latency in ns/op)',
  kinds: ['suite'],
  format(input: FormatInput): string {
    const out: Record<string, { latency: { value: number; lower_value: number; upper_value: number } }> = {};
    for (const { key, stats } of exportedBenchmarks(input, 'bencher')) {
      out[key] = { latency: { value: stats.median * NS, lower_value: stats.medianCI.lower * NS, upper_value: stats.medianCI.upper * NS } };
    }
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};
