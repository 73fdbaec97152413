// Unicode sparklines for the monitor dashboard.

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * Draws the last `width` values as a sparkline scaled between their min and max (`floor` lowers the
 * scale's bottom, e.g. 0 for utilisation). Missing values (NaN) are spaces; a flat series is a low line.
 *
 * @internal
 */
export function sparkline(values: readonly number[], width: number, floor?: number): string {
  const tail = values.slice(Math.max(0, values.length - width));
  const finite = tail.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return ' '.repeat(tail.length);
  let min = Math.min(...finite);
  const max = Math.max(...finite);
  if (floor !== undefined) min = Math.min(min, floor);
  const span = max - min;
  return tail
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      if (span <= 0) return BARS[0];
      const index = Math.min(BARS.length - 1, Math.floor(((v - min) / span) * BARS.length));
      return BARS[index];
    })
    .join('');
}
