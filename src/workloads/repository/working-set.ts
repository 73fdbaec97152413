// The in-memory working set the CPU-bound operations run on: a seeded sample of the tree's files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../suites/common/rng.js';
import type { TreeEntry } from './tree-walk.js';

/**
 * Files loaded into memory for compression, delta and hashing tasks.
 *
 * @internal
 */
export interface WorkingSet {
  /** Paths relative to the root, in sample order. */
  readonly paths: readonly string[];
  /** Contents, parallel to `paths`. */
  readonly contents: readonly Buffer[];
  /** Sum of content sizes. */
  readonly bytes: number;
}

/**
 * Loads a seeded sample of files until `maxBytes` is reached (all files when the tree is smaller).
 * Files bigger than a quarter of the budget are skipped unless nothing else fits, so one huge file does
 * not make up the whole sample.
 *
 * @internal
 */
export function loadWorkingSet(root: string, files: readonly TreeEntry[], maxBytes: number, seed: number): WorkingSet {
  const rng = seededRandom(seed ^ 0x2545f491);
  const order = files.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const a = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = a;
  }
  const paths: string[] = [];
  const contents: Buffer[] = [];
  let bytes = 0;
  for (const index of order) {
    const file = files[index];
    if (file === undefined) continue;
    if (bytes + file.size > maxBytes || file.size > maxBytes / 4) continue;
    let content: Buffer;
    try {
      content = readFileSync(join(root, file.path));
    } catch {
      continue; // unreadable (permission, removed): not part of the sample
    }
    paths.push(file.path);
    contents.push(content);
    bytes += content.length;
  }
  return { paths, contents, bytes };
}
