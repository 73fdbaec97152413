// Min-max scaling of a series into a few discrete levels (the arithmetic behind a sparkline).

/**
 * Options of {@link rangeLevels}.
 *
 * @internal
 */
export interface RangeLevelsOptions {
  /** Lowers the bottom of the scale to at most this value (0 for a utilisation, so low values look low). */
  readonly floor?: number;
  /** Level of every finite value when the range is empty (all values equal). @defaultValue 0 */
  readonly flatLevel?: number;
}

/**
 * Scales each value of `values` into one of `levels` equal bands between the smallest finite value (or
 * `floor`, when lower) and the largest: level 0 holds the minimum, `levels - 1` the maximum.
 *
 * @param values - the series
 * @param levels - number of levels, an integer of at least 1 (8 for the block characters ▁..█)
 * @param options - `floor` and `flatLevel`
 * @returns one level per value, in order; `undefined` for a non-finite value
 * @throws RangeError when `levels` is not a positive integer or `flatLevel` is not a level
 * @internal
 */
export function rangeLevels(values: readonly number[], levels: number, options: RangeLevelsOptions = {}): (number | undefined)[] {
  if (!Number.isInteger(levels) || levels < 1) throw new RangeError(`levels must be a positive integer, got ${levels}`);
  const flatLevel = options.flatLevel ?? 0;
  if (!Number.isInteger(flatLevel) || flatLevel < 0 || flatLevel >= levels) {
    throw new RangeError(`flatLevel option must be an integer level below ${levels}, got ${flatLevel}`);
  }
  let min = Number.POSITIVE_INFINITY;
  let top = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > top) top = v;
  }
  if (options.floor !== undefined) min = Math.min(min, options.floor);
  const span = top - min;
  return values.map((v) => {
    if (!Number.isFinite(v)) return undefined;
    if (!(span > 0)) return flatLevel;
    return Math.min(levels - 1, Math.floor(((v - min) / span) * levels));
  });
}
