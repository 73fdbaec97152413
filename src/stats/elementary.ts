// The elementary statistics rune-bench took from simple-statistics 7.12 (mean, sample standard deviation,
// median, median absolute deviation, quantile of sorted values, error function, least-squares line, r²), ported
// with the same algorithms and the same order of floating-point operations, so every result is bit-identical
// (tests/stats/elementary.test.ts checks them against simple-statistics itself). Why a port: simple-statistics
// is one 167 KB module, and parsing it was a large share of what `import('rune-bench')` cost (a pre-commit hook
// pays that import on every commit) for these eight functions.
//
// simple-statistics: ISC License, Copyright (c) 2014, Tom MacWright.
// Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby
// granted, provided that the above copyright notice and this permission notice appear in all copies.
// THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING
// ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL,
// DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR
// PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN
// CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.

/** Sum with Kahan-Babuska compensation; `NaN` if an element is not a number. @internal */
export function sum(x: readonly number[]): number {
  if (x.length === 0) return 0;
  let total = x[0] as number;
  let correction = 0;
  if (typeof total !== 'number') return Number.NaN;
  for (let i = 1; i < x.length; i++) {
    const xi = x[i] as number;
    if (typeof xi !== 'number') return Number.NaN;
    const transition = total + xi;
    if (Math.abs(total) >= Math.abs(xi)) correction += total - transition + xi;
    else correction += xi - transition + total;
    total = transition;
  }
  return total + correction;
}

/** Arithmetic mean of the compensated sum. @throws Error for an empty list @internal */
export function mean(x: readonly number[]): number {
  if (x.length === 0) throw new Error('mean requires at least one data point');
  return sum(x) / x.length;
}

/** Sample standard deviation (Bessel's correction). @throws Error for fewer than two values @internal */
export function sampleStandardDeviation(x: readonly number[]): number {
  if (x.length < 2) throw new Error('sampleVariance requires at least two data points');
  const meanValue = mean(x);
  let squares = 0;
  for (const xi of x) {
    const d = xi - meanValue;
    squares += d * d;
  }
  return Math.sqrt(squares / (x.length - 1));
}

/**
 * Quantile `p` of ascending `x`, interpolating linearly between order statistics.
 *
 * @throws Error for an empty list or `p` outside 0..1
 * @internal
 */
export function quantileSorted(x: readonly number[], p: number): number {
  const idx = (x.length - 1) * p;
  if (x.length === 0) throw new Error('quantile requires at least one data point.');
  if (p < 0 || p > 1) throw new Error('quantiles must be between 0 and 1');
  if (p === 1) return x[x.length - 1] as number;
  if (p === 0) return x[0] as number;
  if (idx % 1 !== 0) {
    const lower = Math.floor(idx);
    const upper = Math.ceil(idx);
    const fraction = idx - lower;
    return (x[lower] as number) + fraction * ((x[upper] as number) - (x[lower] as number));
  }
  return x[idx] as number;
}

function swap(arr: number[], i: number, j: number): void {
  const tmp = arr[i] as number;
  arr[i] = arr[j] as number;
  arr[j] = tmp;
}

/** Floyd-Rivest selection: rearranges `arr` so that `arr[k]` is its k-th smallest element. */
function quickselect(arr: number[], k: number, leftIn: number, rightIn: number): void {
  let left = leftIn || 0;
  let right = rightIn || arr.length - 1;
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      let sd = 0.5 * Math.sqrt((z * s * (n - s)) / n);
      if (m - n / 2 < 0) sd *= -1;
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      quickselect(arr, k, newLeft, newRight);
    }
    const t = arr[k] as number;
    let i = left;
    let j = right;
    swap(arr, left, k);
    if ((arr[right] as number) > t) swap(arr, left, right);
    while (i < j) {
      swap(arr, i, j);
      i++;
      j--;
      while ((arr[i] as number) < t) i++;
      while ((arr[j] as number) > t) j--;
    }
    if (arr[left] === t) swap(arr, left, j);
    else {
      j++;
      swap(arr, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** Median by selection on a copy (the input is left as it is). @throws Error for an empty list @internal */
export function median(x: readonly number[]): number {
  const copy = x.slice();
  const p = 0.5;
  const idx = (copy.length - 1) * p;
  if (idx % 1 === 0) quickselect(copy, idx, 0, copy.length - 1);
  else {
    const k = Math.floor(idx);
    quickselect(copy, k, 0, copy.length - 1);
    quickselect(copy, k + 1, k + 1, copy.length - 1);
  }
  return quantileSorted(copy, p);
}

/** Median absolute deviation from the median (unscaled). @throws Error for an empty list @internal */
export function medianAbsoluteDeviation(x: readonly number[]): number {
  const medianValue = median(x);
  const deviations: number[] = [];
  for (const xi of x) deviations.push(Math.abs(xi - medianValue));
  return median(deviations);
}

/** The error function erf(x), Numerical Recipes' Chebyshev approximation (fractional error below 1.2e-7). @internal */
export function errorFunction(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const tau =
    t *
    Math.exp(
      -x * x +
        ((((((((0.17087277 * t - 0.82215223) * t + 1.48851587) * t - 1.13520398) * t + 0.27886807) * t - 0.18628806) * t + 0.09678418) * t +
          0.37409196) *
          t +
          1.00002368) *
          t -
        1.26551223,
    );
  return x >= 0 ? 1 - tau : tau - 1;
}

/** Ordinary least-squares line `y = m x + b` through `[x, y]` points (one point: a flat line through it). @internal */
export function linearRegression(data: readonly (readonly [number, number])[]): { m: number; b: number } {
  const n = data.length;
  if (n === 1) return { m: 0, b: (data[0] as readonly [number, number])[1] };
  let sumX = 0;
  let sumY = 0;
  for (const [x, y] of data) {
    sumX += x;
    sumY += y;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sumXY = 0;
  let sumXX = 0;
  for (const [x, y] of data) {
    const deviationX = x - meanX;
    sumXY += deviationX * (y - meanY);
    sumXX += deviationX * deviationX;
  }
  const m = sumXY / sumXX;
  return { m, b: meanY - m * meanX };
}

/** Coefficient of determination of `func` on `[x, y]` points (1 with fewer than two points). @internal */
export function rSquared(data: readonly (readonly [number, number])[], func: (x: number) => number): number {
  if (data.length < 2) return 1;
  let total = 0;
  for (const [, y] of data) total += y;
  const average = total / data.length;
  let sumOfSquares = 0;
  for (const [, y] of data) sumOfSquares += Math.pow(average - y, 2);
  let err = 0;
  for (const [x, y] of data) err += Math.pow(y - func(x), 2);
  return 1 - err / sumOfSquares;
}
