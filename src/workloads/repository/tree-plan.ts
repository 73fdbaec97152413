// Plans a repository tree (directories, file paths and sizes) matching the Linux 6.1 shape at any scale.
import { seededRandom, type SeededRandom } from '../../suites/common/rng.js';
import {
  LINUX_6_1_SHAPE,
  filesPerDirectory,
  largeFileSizes,
  ordinaryFileSize,
} from './distribution.js';

/**
 * One planned file.
 *
 * @public
 */
export interface PlannedFile {
  /** Path relative to the tree root, `/`-separated. */
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  /** Number of directories above the file (0 at the root). */
  readonly depth: number;
  /** Seed of the file's content. */
  readonly seed: number;
}

/**
 * A planned repository tree: what {@link generateRepository} writes.
 *
 * @public
 */
export interface RepositoryPlan {
  /** Seed the plan was made with. */
  readonly seed: number;
  /** Directories relative to the root, parents before children (the root itself is not listed). */
  readonly directories: readonly string[];
  /** Files, grouped by directory. */
  readonly files: readonly PlannedFile[];
  /** Sum of file sizes, bytes. */
  readonly totalBytes: number;
}

/**
 * Options for {@link planRepository}.
 *
 * @public
 */
export interface RepositoryPlanOptions {
  /** Number of files. @defaultValue `78579` (Linux 6.1) */
  readonly files?: number;
  /** Seed. @defaultValue `1` */
  readonly seed?: number;
}

// Directories per depth in Debian's linux-source-6.1 (depth 1 = top-level directories; `find -type d`),
// normalised below.
const DIRS_PER_DEPTH = [24, 608, 1505, 1383, 835, 287, 233, 164, 56];
const EXTENSIONS: readonly (readonly [string, number])[] = [
  ['.c', 0.42], ['.h', 0.3], ['.dts', 0.03], ['.dtsi', 0.04], ['.yaml', 0.05], ['.rst', 0.04], ['.S', 0.02],
  ['.sh', 0.02], ['.py', 0.01], ['.txt', 0.02], ['.json', 0.01], ['', 0.04],
];
// Computed on first use, not at import: the sum runs over some 75,000 file sizes (tens of ms).
let linuxLarge: readonly number[] | undefined;
const linuxLargeSizes = (): readonly number[] => (linuxLarge ??= (() => {
  let ordinary = 0;
  const n = LINUX_6_1_SHAPE.files - LINUX_6_1_SHAPE.filesOver1MiB;
  for (let i = 0; i < n; i++) ordinary += ordinaryFileSize((i + 0.5) / n);
  const share = LINUX_6_1_SHAPE.shareOver1MiB;
  return largeFileSizes(LINUX_6_1_SHAPE.filesOver1MiB, LINUX_6_1_SHAPE.sizeMax, (ordinary * share) / (1 - share));
})());

/** Fisher-Yates shuffle in place. */
function shuffle<T>(items: T[], rng: SeededRandom): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}

function hashSeed(seed: number, index: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

/** Median depth of files when directory `i` (at `depths[i]`) holds `counts[i]` files. */
function fileDepthMedian(counts: readonly number[], depths: readonly number[]): number {
  const perDepth: number[] = [];
  let total = 0;
  counts.forEach((c, i) => {
    const d = depths[i] ?? 0;
    perDepth[d] = (perDepth[d] ?? 0) + c;
    total += c;
  });
  let seen = 0;
  for (let d = 0; d < perDepth.length; d++) {
    seen += perDepth[d] ?? 0;
    if (seen >= total / 2) return d;
  }
  return perDepth.length - 1;
}

/**
 * With few directories, where the big ones land decides the median depth. Swap the biggest count on
 * the wrong side of `target` with the smallest on the other side until the median depth is `target`.
 */
function balanceDepth(counts: number[], depths: readonly number[], target: number): void {
  for (let iteration = 0; iteration < counts.length; iteration++) {
    const median = fileDepthMedian(counts, depths);
    if (median === target) return;
    const tooDeep = median > target;
    let from = -1;
    let to = -1;
    counts.forEach((c, i) => {
      const d = depths[i] ?? 0;
      const wrong = tooDeep ? d > target : d < target;
      const right = tooDeep ? d <= target : d >= target;
      if (wrong && (from < 0 || c > (counts[from] ?? 0))) from = i;
      if (right && (to < 0 || c < (counts[to] ?? 0))) to = i;
    });
    if (from < 0 || to < 0 || (counts[from] ?? 0) <= (counts[to] ?? 0)) return;
    const a = counts[from] ?? 0;
    counts[from] = counts[to] ?? 0;
    counts[to] = a;
  }
}

function makeName(rng: SeededRandom, taken: Set<string>, extension: string): string {
  const SYL = ['ac', 'al', 'ar', 'ba', 'bl', 'ca', 'co', 'cp', 'da', 'de', 'dr', 'fs', 'gp', 'hi', 'io', 'ir', 'ke', 'la', 'mm', 'mi', 'ne', 'nf', 'pc', 'ph', 'pm', 'qc', 'ra', 're', 'sc', 'se', 'sk', 'so', 'sp', 'ti', 'tt', 'us', 'vi', 'wl', 'xe', 'zr'];
  for (let attempt = 0; ; attempt++) {
    const parts = 1 + rng.int(3);
    let base = '';
    for (let i = 0; i < parts; i++) base += SYL[rng.int(SYL.length)] ?? 'x';
    if (rng.next() < 0.3) base += `_${SYL[rng.int(SYL.length)] ?? 'x'}${String(rng.int(100))}`;
    if (attempt > 8) base += `_${String(attempt)}`;
    const name = base + extension;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function pickExtension(rng: SeededRandom): string {
  let u = rng.next();
  for (const [extension, weight] of EXTENSIONS) {
    u -= weight;
    if (u < 0) return extension;
  }
  return '.c';
}

/**
 * Plans a tree of `files` files with the shape of a Linux 6.1 checkout scaled to that count: the file size
 * distribution is the kernel's (quantiles exact by stratified sampling), directories and large files scale
 * with the count. Deterministic: the same options give the same plan.
 *
 * @public
 */
export function planRepository(options: RepositoryPlanOptions = {}): RepositoryPlan {
  const fileCount = options.files ?? LINUX_6_1_SHAPE.files;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(fileCount) || fileCount < 10 || fileCount > 2_000_000) {
    throw new RangeError('files option must be an integer between 10 and 2,000,000');
  }
  if (!Number.isFinite(seed)) throw new TypeError('seed option must be a finite number');
  const rng = seededRandom(seed);
  const f = fileCount / LINUX_6_1_SHAPE.files;

  // Directories: counts per depth, at least one per depth so the deepest path reaches depth 9.
  const dirCount = Math.max(DIRS_PER_DEPTH.length, Math.round(LINUX_6_1_SHAPE.directories * f)) + 1;
  const template = DIRS_PER_DEPTH.reduce((s, x) => s + x, 0);
  const perDepth = DIRS_PER_DEPTH.map((x) => Math.max(1, Math.round((x * (dirCount - 1)) / template)));
  perDepth[3] = Math.max(1, (perDepth[3] ?? 1) + (dirCount - 1 - perDepth.reduce((s, x) => s + x, 0)));

  const paths: string[] = [''];
  const depths: number[] = [0];
  const children = new Map<number, Set<string>>([[0, new Set()]]);
  let previous: number[] = [0];
  for (let d = 0; d < perDepth.length; d++) {
    const level: number[] = [];
    for (let i = 0; i < (perDepth[d] ?? 0); i++) {
      const u = rng.next();
      const parent = previous[Math.floor(previous.length * u * u)] ?? 0;
      const taken = children.get(parent) ?? new Set<string>();
      children.set(parent, taken);
      const name = makeName(rng, taken, '');
      const index = paths.length;
      const parentPath = paths[parent] ?? '';
      paths.push(parentPath === '' ? name : `${parentPath}/${name}`);
      depths.push(d + 1);
      children.set(index, new Set());
      level.push(index);
    }
    previous = level;
  }

  // Files per directory: stratified quantiles, the biggest directory scaled, total fixed to fileCount.
  const maxPerDir = Math.max(Math.min(150, Math.round(fileCount / 10)), Math.round(LINUX_6_1_SHAPE.filesPerDirMax * f));
  const counts: number[] = [];
  for (let i = 0; i < paths.length; i++) counts.push(filesPerDirectory((i + 0.5) / paths.length, maxPerDir));
  counts[counts.length - 1] = maxPerDir;
  let excess = counts.reduce((s, x) => s + x, 0) - fileCount;
  // Spread the difference over the upper tail (not the biggest directory), never below one file.
  for (let step = 0; excess !== 0; step++) {
    const tail = Math.max(1, Math.floor(paths.length * 0.05));
    const index = counts.length - 2 - (step % tail);
    const at = Math.max(0, index);
    const value = counts[at] ?? 1;
    if (excess > 0 && value > 1) {
      counts[at] = value - 1;
      excess--;
    } else if (excess < 0) {
      counts[at] = value + 1;
      excess++;
    } else if (step > fileCount * 4) {
      break;
    }
  }
  shuffle(counts, rng);
  balanceDepth(counts, depths, LINUX_6_1_SHAPE.depthP50);

  // Sizes: ordinary files at stratified quantiles, large files from the kernel's list, shuffled.
  const largeCount = Math.round(LINUX_6_1_SHAPE.filesOver1MiB * f);
  const ordinaryCount = fileCount - largeCount;
  const sizes: number[] = [];
  for (let i = 0; i < ordinaryCount; i++) sizes.push(ordinaryFileSize((i + 0.5) / ordinaryCount));
  for (let j = 0; j < largeCount; j++) {
    const large = linuxLargeSizes();
    sizes.push(large[Math.floor(((j + 0.5) * large.length) / largeCount)] ?? large[0] ?? 0);
  }
  shuffle(sizes, rng);

  const files: PlannedFile[] = [];
  let totalBytes = 0;
  for (let dir = 0; dir < paths.length; dir++) {
    const dirPath = paths[dir] ?? '';
    const taken = children.get(dir) ?? new Set<string>();
    const n = counts[dir] ?? 0;
    for (let k = 0; k < n; k++) {
      let name: string;
      if (k === 0 && n > 2 && !taken.has('Makefile')) name = 'Makefile';
      else if (k === 1 && n > 4 && !taken.has('Kconfig')) name = 'Kconfig';
      else name = makeName(rng, taken, pickExtension(rng));
      taken.add(name);
      const size = sizes[files.length] ?? 0;
      totalBytes += size;
      files.push({
        path: dirPath === '' ? name : `${dirPath}/${name}`,
        size,
        depth: depths[dir] ?? 0,
        seed: hashSeed(seed, files.length),
      });
    }
  }
  return { seed, directories: paths.slice(1), files, totalBytes };
}
