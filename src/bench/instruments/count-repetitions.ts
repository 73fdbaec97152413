// Which repetitions of a count make the task's figure: the first two when they agree; otherwise a third is
// counted and the two closest of the three are kept (the median and its nearer neighbour), so one disturbed
// count moves neither the figure nor the gate's interval.
import { median } from '../../stats/quantile.js';

/**
 * Default relative difference within which repeated per-operation counts agree: 0.1%. Beyond it a third
 * repetition is counted (see {@link agreeingRepetitions}).
 *
 * @internal
 */
export const DEFAULT_COUNT_TOLERANCE = 0.001;

/**
 * Whether per-operation figures agree: their range is at most `tolerance` times the absolute value of their
 * median (for two positive figures, about `max / min - 1 <= tolerance`). One figure always agrees.
 *
 * @param perOp - the figure of each repetition
 * @param tolerance - relative difference allowed, e.g. 0.001 for 0.1%
 * @internal
 */
export function countsAgree(perOp: readonly number[], tolerance: number): boolean {
  if (perOp.length < 2) return true;
  return Math.max(...perOp) - Math.min(...perOp) <= tolerance * Math.abs(median(perOp));
}

/**
 * The repetitions whose figures make the task's figure, as ascending indices into `perOp`: all of one or two;
 * of three or more, the two closest in value (for three, the median and its nearer neighbour, the lower pair
 * on a tie), leaving out a count disturbed by something outside the task.
 *
 * @param perOp - the figure of each repetition, in the order counted
 * @returns indices of the kept repetitions
 * @internal
 */
export function agreeingRepetitions(perOp: readonly number[]): number[] {
  if (perOp.length <= 2) return perOp.map((_, i) => i);
  const order = perOp.map((_, i) => i).sort((a, b) => (perOp[a] as number) - (perOp[b] as number));
  const sorted = order.map((i) => perOp[i] as number);
  const gap = (k: number): number => (sorted[k + 1] as number) - (sorted[k] as number);
  let best = 0;
  for (let k = 1; k + 1 < sorted.length; k++) if (gap(k) < gap(best)) best = k;
  return [order[best] as number, order[best + 1] as number].sort((a, b) => a - b);
}
