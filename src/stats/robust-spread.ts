// Robust spread: the median absolute deviation, scaled to estimate a standard deviation.
import { medianAbsoluteDeviation } from 'simple-statistics';

/** Factor that turns a median absolute deviation into a standard deviation under normal noise (1 / Φ⁻¹(0.75)). @internal */
export const MAD_TO_SD = 1.4826;

/**
 * Robust standard deviation: {@link MAD_TO_SD} times the median absolute deviation from the median. A few
 * outliers move it little, unlike the sample standard deviation.
 *
 * @param values - the sample
 * @returns the estimate; `NaN` when `values` is empty
 * @internal
 */
export function madSigma(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : MAD_TO_SD * medianAbsoluteDeviation(values);
}
