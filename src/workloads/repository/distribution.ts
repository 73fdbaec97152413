// The shape of a Linux 6.1 checkout, and deterministic quantile functions that reproduce it at any scale.
import type { SuiteScale } from '../../core/suite.js';

/**
 * Measured shape of a Linux 6.1 checkout that the generator reproduces at `linux` scale.
 * Sizes in bytes; depth counts the directories above a file (a file at the root has depth 0), as
 * `describeTreeShape` measures every tree, generated or the user's; directories are those below the root.
 * Measured on Debian's linux-source-6.1 with `walkTree` + `describeTreeShape` (the depths were once
 * recorded counting the file name too, one more: 4 / 10).
 *
 * @public
 */
export const LINUX_6_1_SHAPE = Object.freeze({
  files: 78_579,
  directories: 5_095,
  bytes: 1_300_000_000,
  sizeP50: 3_900,
  sizeP90: 28_800,
  sizeP99: 125_000,
  sizeMax: 24_000_000,
  filesOver1MiB: 84,
  shareOver1MiB: 0.27,
  depthP50: 3,
  depthMax: 9,
  filesPerDirP50: 6,
  filesPerDirP90: 32,
  filesPerDirMax: 2_541,
  deflateRatioLevel1: 4.2,
  deflateRatioLevel6: 4.9,
});

/**
 * File count per scale. Directories, large files and the biggest directory scale with the file count.
 *
 * @public
 */
export const REPOSITORY_SCALE_FILES: Readonly<Record<SuiteScale, number>> = Object.freeze({
  quick: 2_000,
  standard: 16_000,
  linux: LINUX_6_1_SHAPE.files,
});

const MIB = 1024 * 1024;

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9).
 *
 * @internal
 */
export function inverseNormal(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const at = (arr: readonly number[], i: number): number => arr[i] ?? 0;
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((at(c, 0) * q + at(c, 1)) * q + at(c, 2)) * q + at(c, 3)) * q + at(c, 4)) * q + at(c, 5)) /
      ((((at(d, 0) * q + at(d, 1)) * q + at(d, 2)) * q + at(d, 3)) * q + 1);
  }
  if (p > 1 - low) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((at(a, 0) * r + at(a, 1)) * r + at(a, 2)) * r + at(a, 3)) * r + at(a, 4)) * r + at(a, 5)) * q) /
    (((((at(b, 0) * r + at(b, 1)) * r + at(b, 2)) * r + at(b, 3)) * r + at(b, 4)) * r + 1);
}

/** Piecewise-linear interpolation of ln(value) over z = inverseNormal(u), through knots (z, value). */
function logInterpolate(knots: readonly (readonly [number, number])[], z: number): number {
  const first = knots[0];
  const last = knots[knots.length - 1];
  if (first === undefined || last === undefined) return 0;
  const extrapolate = (k0: readonly [number, number], k1: readonly [number, number]): number =>
    Math.exp(Math.log(k0[1]) + ((Math.log(k1[1]) - Math.log(k0[1])) * (z - k0[0])) / (k1[0] - k0[0]));
  for (let i = 1; i < knots.length; i++) {
    const k0 = knots[i - 1];
    const k1 = knots[i];
    if (k0 !== undefined && k1 !== undefined && (z <= k1[0] || i === knots.length - 1)) return extrapolate(k0, k1);
  }
  return last[1];
}

const Z90 = inverseNormal(0.9);
const Z99 = inverseNormal(0.99);
// Quantile q over all files sits at a slightly lower quantile of the ordinary files, since the large
// files all lie above it.
const LARGE_SHARE = LINUX_6_1_SHAPE.filesOver1MiB / LINUX_6_1_SHAPE.files;
const ordinaryZ = (q: number): number => inverseNormal(1 - (1 - q - LARGE_SHARE) / (1 - LARGE_SHARE));
const ORDINARY_Z50 = ordinaryZ(0.5);
const ORDINARY_Z90 = ordinaryZ(0.9);
const ORDINARY_Z99 = ordinaryZ(0.99);
const ORDINARY_Z999 = inverseNormal(0.999);

/**
 * Size of an ordinary (at most 1 MiB) file at quantile `u` of the ordinary files: log-normal through the
 * measured p50/p90/p99, continued past p99 with the p90-p99 slope and capped below 1 MiB.
 *
 * @internal
 */
export function ordinaryFileSize(u: number): number {
  const z = inverseNormal(Math.min(Math.max(u, 1e-9), 1 - 1e-9));
  const knots: readonly (readonly [number, number])[] = [
    [ORDINARY_Z50, LINUX_6_1_SHAPE.sizeP50],
    [ORDINARY_Z90, LINUX_6_1_SHAPE.sizeP90],
    [ORDINARY_Z99, LINUX_6_1_SHAPE.sizeP99],
    [ORDINARY_Z999, 430_000],
  ];
  const size = logInterpolate(knots, z);
  return Math.max(1, Math.min(MIB - 4096, Math.round(size)));
}

/**
 * Sizes of the large (over 1 MiB) files: from just over 1 MiB up to `max`, shaped so they sum to `total`.
 * Returned largest first.
 *
 * @internal
 */
export function largeFileSizes(count: number, max: number, total: number): number[] {
  if (count <= 0) return [];
  const min = 1.05 * MIB;
  if (count === 1) return [Math.round(Math.min(max, Math.max(min, total)))];
  const sizesFor = (beta: number): number[] => {
    const out: number[] = [];
    for (let k = 0; k < count; k++) {
      const t = k / (count - 1);
      out.push(Math.round(Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * Math.pow(1 - t, beta))));
    }
    return out;
  };
  const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
  // Larger beta puts more files near the minimum; bisect on log(beta) for the wanted total.
  let lo = Math.log(0.05);
  let hi = Math.log(200);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (sum(sizesFor(Math.exp(mid))) > total) lo = mid;
    else hi = mid;
  }
  return sizesFor(Math.exp((lo + hi) / 2));
}

/**
 * Files in a directory at quantile `u` of the directories: 1 at the bottom, the measured p50 and p90,
 * a heavy tail up to `max`.
 *
 * @internal
 */
export function filesPerDirectory(u: number, max: number): number {
  const z = inverseNormal(Math.min(Math.max(u, 1e-9), 1 - 1e-9));
  const knots: readonly (readonly [number, number])[] = [
    [inverseNormal(0.05), 1],
    [0, LINUX_6_1_SHAPE.filesPerDirP50],
    [Z90, LINUX_6_1_SHAPE.filesPerDirP90],
    [Z99, 140],
  ];
  return Math.max(1, Math.min(max, Math.round(logInterpolate(knots, z))));
}
