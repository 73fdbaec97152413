// The post-GC floor of a sawtooth series: the lowest point of each rise between two sudden drops.
import { madSigma } from '../../stats/robust-spread.js';

/** Points of a series, oldest first: times in seconds and values. @beta */
export interface SeriesPoints {
  /** Sample times, seconds, ascending. */
  readonly times: readonly number[];
  /** Values at those times, in the metric's unit. */
  readonly values: readonly number[];
}

/**
 * The lower envelope of a sawtooth (GC: heap use climbs, then a collection drops it): a drop is a fall
 * between two neighbours larger than `dropSigmas` robust standard deviations of the first differences; each
 * run after a drop contributes its lowest point (the level the collection left behind). The run before the
 * first drop is skipped (its start is not a post-GC level).
 *
 * @param series - the series, oldest first
 * @param minDrops - fewest drops for the series to count as a sawtooth
 * @param dropSigmas - how many robust standard deviations of the differences make a drop
 * @returns the floor points, or `undefined` when the series has fewer than `minDrops` drops
 * @internal
 */
export function postGcFloor(series: SeriesPoints, minDrops = 3, dropSigmas = 4): SeriesPoints | undefined {
  const { times, values } = series;
  const n = Math.min(times.length, values.length);
  if (n < 3) return undefined;
  const diffs: number[] = [];
  for (let i = 1; i < n; i++) diffs.push((values[i] as number) - (values[i - 1] as number));
  const sigma = madSigma(diffs);
  const threshold = Number.isFinite(sigma) ? dropSigmas * sigma : 0;
  const floorTimes: number[] = [];
  const floorValues: number[] = [];
  let drops = 0;
  let runMin = Number.NaN;
  let runMinTime = Number.NaN;
  for (let i = 1; i < n; i++) {
    const d = diffs[i - 1] as number;
    const v = values[i] as number;
    if (d < 0 && -d > threshold) {
      if (drops > 0) {
        floorTimes.push(runMinTime);
        floorValues.push(runMin);
      }
      drops += 1;
      runMin = v;
      runMinTime = times[i] as number;
    } else if (drops > 0 && v < runMin) {
      runMin = v;
      runMinTime = times[i] as number;
    }
  }
  if (drops < minDrops) return undefined;
  floorTimes.push(runMinTime);
  floorValues.push(runMin);
  return { times: floorTimes, values: floorValues };
}
