// Walks a directory tree and stats every file, as `git status` does, and summarises a tree's shape.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { abortError } from '../../core/errors.js';
import { nearestRankQuantileSorted as quantileSorted } from '../../stats/quantile.js';

/**
 * One regular file found by {@link walkTree}.
 *
 * @public
 */
export interface TreeEntry {
  /** Path relative to the root, `/`-separated. */
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  /** Modification time, ms since the epoch. */
  readonly mtimeMs: number;
  /** Directories above the file (0 at the root). */
  readonly depth: number;
}

/**
 * Options for {@link walkTree}.
 *
 * @public
 */
export interface WalkTreeOptions {
  /** Directory names skipped wherever they occur. @defaultValue `['.git']` */
  readonly skip?: readonly string[];
  /** Stops the walk with `ERR_ABORTED`. */
  readonly signal?: AbortSignal;
}

/**
 * A tree walked by {@link walkTree}.
 *
 * @public
 */
export interface WalkedTree {
  /** Regular files, in walk order. */
  readonly files: readonly TreeEntry[];
  /** Directories below the root. */
  readonly directories: readonly string[];
  /** Entries skipped because they could not be read (permission denied, or removed during the walk). */
  readonly skipped: number;
}

const SKIPPABLE = new Set(['EACCES', 'EPERM', 'ENOENT']);

function skippable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SKIPPABLE.has(code);
}

/**
 * Walks `root` depth first, `lstat`ing every regular file (symbolic links are not followed).
 * Yields to the event loop every 64 directories so an abort is seen promptly. Entries that cannot be read
 * (permission denied, removed meanwhile) are counted in `skipped`; the root itself must be readable.
 *
 * @param root - directory to walk
 * @param options - names to skip and abort signal
 * @public
 */
export async function walkTree(root: string, options: WalkTreeOptions = {}): Promise<WalkedTree> {
  const skip = new Set(options.skip ?? ['.git']);
  const files: TreeEntry[] = [];
  const directories: string[] = [];
  const stack: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
  let visited = 0;
  let skipped = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (options.signal?.aborted === true) throw abortError(options.signal, 'walkTree');
    if (++visited % 64 === 0) await yieldToLoop();
    const abs = next.rel === '' ? root : join(root, next.rel);
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (error) {
      if (next.rel === '' || !skippable(error)) throw error;
      skipped++;
      continue;
    }
    for (const entry of entries) {
      const rel = next.rel === '' ? entry.name : `${next.rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (skip.has(entry.name)) continue;
        directories.push(rel);
        stack.push({ rel, depth: next.depth + 1 });
      } else if (entry.isFile()) {
        try {
          const stat = lstatSync(join(abs, entry.name));
          files.push({ path: rel, size: stat.size, mtimeMs: stat.mtimeMs, depth: next.depth });
        } catch (error) {
          if (!skippable(error)) throw error;
          skipped++;
        }
      }
    }
  }
  return { files, directories, skipped };
}

/**
 * The shape of a tree: the figures {@link LINUX_6_1_SHAPE} lists, measured.
 *
 * @public
 */
export interface TreeShape {
  /** Regular files. */
  readonly files: number;
  /** Directories below the root. */
  readonly directories: number;
  /** Sum of file sizes, bytes. */
  readonly bytes: number;
  /** Median file size, bytes. */
  readonly sizeP50: number;
  /** 90th percentile file size, bytes. */
  readonly sizeP90: number;
  /** 99th percentile file size, bytes. */
  readonly sizeP99: number;
  /** Largest file, bytes. */
  readonly sizeMax: number;
  /** Files over 1 MiB. */
  readonly filesOver1MiB: number;
  /** Share of all bytes held by files over 1 MiB, 0-1. */
  readonly shareOver1MiB: number;
  /** Median depth of files. */
  readonly depthP50: number;
  /** Deepest file. */
  readonly depthMax: number;
  /** Median files per directory (the root included). */
  readonly filesPerDirP50: number;
  /** 90th percentile files per directory. */
  readonly filesPerDirP90: number;
  /** Most files in one directory. */
  readonly filesPerDirMax: number;
}

/**
 * Measures the shape of a set of files (from {@link walkTree} or a plan).
 *
 * @param files - files with path, size and depth
 * @param directories - directories below the root
 * @public
 */
export function describeTreeShape(
  files: readonly { readonly path: string; readonly size: number; readonly depth: number }[],
  directories: readonly string[],
): TreeShape {
  const sizes = Float64Array.from(files, (f) => f.size).sort();
  const depths = Float64Array.from(files, (f) => f.depth).sort();
  const perDir = new Map<string, number>([['', 0]]);
  for (const dir of directories) perDir.set(dir, 0);
  let bytes = 0;
  let largeBytes = 0;
  let large = 0;
  for (const file of files) {
    bytes += file.size;
    if (file.size > 1024 * 1024) {
      large++;
      largeBytes += file.size;
    }
    const slash = file.path.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.path.slice(0, slash);
    perDir.set(dir, (perDir.get(dir) ?? 0) + 1);
  }
  const counts = Float64Array.from(perDir.values()).sort();
  return {
    files: files.length,
    directories: directories.length,
    bytes,
    sizeP50: quantileSorted(sizes, 0.5),
    sizeP90: quantileSorted(sizes, 0.9),
    sizeP99: quantileSorted(sizes, 0.99),
    sizeMax: sizes[sizes.length - 1] ?? 0,
    filesOver1MiB: large,
    shareOver1MiB: bytes > 0 ? largeBytes / bytes : 0,
    depthP50: quantileSorted(depths, 0.5),
    depthMax: depths[depths.length - 1] ?? 0,
    filesPerDirP50: quantileSorted(counts, 0.5),
    filesPerDirP90: quantileSorted(counts, 0.9),
    filesPerDirMax: counts[counts.length - 1] ?? 0,
  };
}
