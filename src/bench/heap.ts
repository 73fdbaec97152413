// Approximate heap bytes allocated per operation: used heap before and after a batch small enough not to trigger GC.
import { getHeapSpaceStatistics } from 'node:v8';
import { getGc } from './gc.js';
import type { BatchRunner } from './timer.js';
import type { BenchmarkFn } from './types.js';

const BUDGET = 512 * 1024;

// Object spaces only: code compiled during the batch (JIT) is not an allocation of the task.
function usedObjectBytes(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (!space.space_name.startsWith('code') && space.space_name !== 'read_only_space') used += space.space_used_size;
  }
  return used;
} // bytes allocated per measuring batch: well under a young-generation collection

/**
 * Median over a few GC-separated batches of (heap used after - before) / operations. `undefined` when `gc`
 * cannot be obtained. Approximate: a collection during the batch makes a measurement low, so the median is used.
 *
 * @internal
 */
export function measureHeapPerOp(batch: BatchRunner, fn: BenchmarkFn, maxOps: number): number | undefined {
  const gc = getGc();
  if (gc === undefined) return undefined;
  const measure = (n: number): number => {
    gc();
    const before = usedObjectBytes();
    batch(fn, n);
    const after = usedObjectBytes();
    return Math.max(0, after - before) / n;
  };
  measure(Math.min(16, maxOps)); // warm the measuring path
  const probe = measure(Math.min(16, maxOps));
  const n = Math.max(1, Math.min(maxOps, 100_000, Math.floor(BUDGET / Math.max(probe, 8))));
  const values: number[] = [];
  for (let i = 0; i < 7; i++) values.push(measure(n));
  values.sort((a, b) => a - b);
  return values[3] ?? 0;
}
