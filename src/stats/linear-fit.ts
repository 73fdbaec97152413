// Least-squares line through points.

/**
 * A fitted line `y = slope * x + intercept`.
 *
 * @public
 */
export interface LinearFit {
  /** Change of y per unit of x. */
  readonly slope: number;
  /** y at x = 0. */
  readonly intercept: number;
}

/**
 * Least-squares line through (xs[i], ys[i]); undefined with fewer than two points or when every x is equal.
 *
 * @public
 */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] ?? 0;
    sy += ys[i] ?? 0;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    sxy += dx * ((ys[i] ?? 0) - my);
    sxx += dx * dx;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
