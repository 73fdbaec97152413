// The one verdict vocabulary: every comparison in the library (pairwise gate, same-window A/B of two
// revisions, change points, rune-bench/testing) ends in one of these, with its reason in words.

/**
 * What a comparison of a benchmark between a baseline and a current measurement concluded.
 *
 * - `regressed`: slower (or larger) beyond the threshold, with the whole interval beyond it.
 * - `improved`: faster (or smaller) beyond the threshold, with the whole interval beyond it.
 * - `unchanged`: the interval lies within the threshold.
 * - `inconclusive`: the data cannot decide (the interval straddles the threshold, or the conditions of the
 *   two measurements differ enough to explain the change); the reason says which.
 * - `incomparable`: the two measurements are not of the same thing (parameters, scale, unit or task set
 *   differ); the reason says what differs.
 *
 * @public
 */
export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive' | 'incomparable';

/**
 * Every {@link Verdict}, in the order reports list them.
 *
 * @public
 */
export const VERDICTS: readonly Verdict[] = Object.freeze(['regressed', 'improved', 'inconclusive', 'incomparable', 'unchanged']);
