// Least-squares line through points: slope, intercept and the coefficient of determination.
import { linearRegression, rSquared as rSquaredOf } from 'simple-statistics';

/**
 * A least-squares line `y = slope * x + intercept`.
 *
 * @internal
 */
export interface LinearFit {
  /** Change of y per unit of x (per second when x is a time in seconds). */
  readonly slope: number;
  /** Value of the line at x = 0, in the caller's x coordinates. */
  readonly intercept: number;
  /** Coefficient of determination, 0-1: 1 when the points lie on the line (and when every y is the same). */
  readonly rSquared: number;
  /** Number of points fitted. */
  readonly points: number;
}

/**
 * Options of {@link linearFit}.
 *
 * @internal
 */
export interface LinearFitOptions {
  /** Fewest points for a fit. @defaultValue 2 */
  readonly minPoints?: number;
}

/**
 * Ordinary least-squares line through the points `(xs[i], ys[i])` (simple-statistics underneath). The x values
 * are shifted to start at `xs[0]` before fitting, so large offsets (monotonic times) cost no precision; the
 * intercept is given back in the caller's coordinates. Pairs beyond the shorter array are ignored.
 *
 * @param xs - x of each point (for example monotonic times in seconds)
 * @param ys - y of each point
 * @param options - `minPoints`
 * @returns the fit, or `undefined` with fewer than `minPoints` points or when every x is the same; `rSquared`
 *   is never `NaN` (0 when the fit is undefined numerically, for example with an infinite y)
 * @throws RangeError when `minPoints` is not an integer of at least 2
 * @internal
 */
export function linearFit(xs: readonly number[], ys: readonly number[], options: LinearFitOptions = {}): LinearFit | undefined {
  const minPoints = options.minPoints ?? 2;
  if (!Number.isInteger(minPoints) || minPoints < 2) throw new RangeError(`minPoints option must be an integer >= 2, got ${minPoints}`);
  const n = Math.min(xs.length, ys.length);
  if (n < minPoints) return undefined;
  const x0 = xs[0] as number;
  const points: [number, number][] = [];
  let spread = false;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    if (x !== x0) spread = true;
    points.push([x - x0, ys[i] as number]);
  }
  if (!spread) return undefined;
  const { m, b } = linearRegression(points);
  const y0 = ys[0] as number;
  let allSame = true;
  for (let i = 1; i < n; i++) if (ys[i] !== y0) allSame = false;
  const r2 = allSame ? 1 : rSquaredOf(points, (x) => m * x + b);
  return { slope: m, intercept: b - m * x0, rSquared: Number.isFinite(r2) ? Math.max(0, Math.min(1, r2)) : 0, points: n };
}
