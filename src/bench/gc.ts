// Obtains V8's `gc()` without a command-line flag, so garbage is collected between tasks.
import { setFlagsFromString } from 'node:v8';
import { nodeVm } from '../core/builtins.js';

let cached: (() => void) | null | undefined;

/**
 * The `gc` function: `globalThis.gc` when node ran with `--expose-gc`, otherwise obtained through
 * `v8.setFlagsFromString('--expose-gc')` and a fresh `vm` context. `undefined` when neither works.
 *
 * @internal
 */
export function getGc(): (() => void) | undefined {
  if (cached !== undefined) return cached ?? undefined;
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') {
    cached = existing as () => void;
    return cached;
  }
  try {
    setFlagsFromString('--expose-gc');
    const fn: unknown = nodeVm().runInNewContext('gc');
    cached = typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    cached = null;
  }
  return cached ?? undefined;
}

/**
 * Collects garbage when possible; returns whether it did.
 *
 * @internal
 */
export function collectGarbage(): boolean {
  const gc = getGc();
  if (gc === undefined) return false;
  gc();
  return true;
}
