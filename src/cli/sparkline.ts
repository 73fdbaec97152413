// Unicode sparklines for the monitor dashboard.
import { rangeLevels } from '../stats/range-levels.js';

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * Draws the last `width` values as a sparkline scaled between their min and max (`floor` lowers the
 * scale's bottom, e.g. 0 for utilisation). Missing values (NaN) are spaces; a flat series is a low line.
 *
 * @internal
 */
export function sparkline(values: readonly number[], width: number, floor?: number): string {
  const tail = values.slice(Math.max(0, values.length - width));
  return rangeLevels(tail, BARS.length, floor === undefined ? {} : { floor })
    .map((level) => (level === undefined ? ' ' : BARS[level]))
    .join('');
}
