// Synchronous /proc helpers: a sync read of a small /proc file costs ~15 µs against ~100 µs async.
import { existsSync, readFileSync } from 'node:fs';
import type { SourceAvailability } from '../../core/source.js';

/**
 * Availability of a source that reads `path` (a /proc file): it must exist and be readable.
 *
 * @internal
 */
export function procAvailability(path: string): SourceAvailability {
  if (process.platform !== 'linux' || !existsSync('/proc/self')) {
    return { available: false, reason: `/proc is not available on ${process.platform}` };
  }
  try {
    readFileSync(path, 'latin1');
    return { available: true };
  } catch (cause) {
    return { available: false, reason: `${path} is not readable (${(cause as Error).message})` };
  }
}

/**
 * Reads a /proc file synchronously as text.
 *
 * @internal
 */
export function readProc(path: string): string {
  return readFileSync(path, 'latin1');
}

/**
 * Parses `key: value` lines (as in /proc/self/io) into numbers.
 *
 * @internal
 */
export function parseKeyValues(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const value = Number.parseInt(line.slice(colon + 1).trim(), 10);
    if (Number.isFinite(value)) out.set(line.slice(0, colon).trim(), value);
  }
  return out;
}

/**
 * Freezes a descriptor list so monitors can tell by identity that it did not change.
 *
 * @internal
 */
export function frozenList<T extends object>(items: readonly T[]): readonly T[] {
  return Object.freeze(items.map((d) => Object.freeze(d)));
}
