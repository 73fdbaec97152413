// github-action-benchmark `customSmallerIsBetter` JSON: `[{ name, unit, value, range, extra }]`.
import { exportedBenchmarks } from './ci-export.js';
import type { FormatInput, Formatter } from './formatter.js';

/**
 * github-action-benchmark's `customSmallerIsBetter` input: one entry per benchmark key with the median in
 * seconds per operation, the half-width of its 95% interval as `range`, and the sample count as `extra`.
 *
 * @public
 */
export const githubBenchmarkFormatter: Formatter = {
  id: 'github-benchmark',
  extension: 'json',
  mediaType: 'application/json',
  description: 'github-action-benchmark customSmallerIsBetter JSON (s/op)',
  kinds: ['suite'],
  format(input: FormatInput): string {
    const out = exportedBenchmarks(input, 'github-benchmark').map(({ key, stats }) => ({
      name: key,
      unit: 's/op',
      value: stats.median,
      range: `± ${String((stats.medianCI.upper - stats.medianCI.lower) / 2)}`,
      extra: `${String(stats.samples)} samples`,
    }));
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};
