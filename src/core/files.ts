// Atomic writes and validated reads, shared by history export, results store, baselines and reports.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Fflate from 'fflate';
import { RuneBenchError } from './errors.js';
import { parseJson } from './validate.js';

// fflate loads on the first gzip read or write: a cold import of it costs some 35 ms, which every process that
// imports rune-bench (a pre-commit hook) would otherwise pay without ever touching a .gz file.
let fflateModule: typeof Fflate | undefined;
function fflate(): typeof Fflate {
  return (fflateModule ??= createRequire(import.meta.url)('fflate') as typeof Fflate);
}

/**
 * Writes `data` to `path` atomically: a temporary file beside it, flushed, then renamed over the target,
 * so a crash never leaves a truncated file and readers see the old or the new content, never a mix.
 *
 * @internal
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleTempFiles(dir, basename(path));
    writeFileSync(temp, data);
    const fd = openSync(temp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (cause) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temporary file could not even be created (e.g. ENOTDIR): nothing to clean up.
    }
    throw new RuneBenchError('ERR_FILE_IO', `could not write ${path}: ${(cause as Error).message}`, { cause, path });
  }
}

/** Whether bytes start with the gzip magic number. @internal */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Serialises `value` as JSON, gzip-compressed (fflate) when `gzip` is set.
 *
 * @internal
 */
export function encodeJson(value: unknown, gzip: boolean): string | Uint8Array {
  const text = JSON.stringify(value);
  return gzip ? fflate().gzipSync(fflate().strToU8(text), { level: 6 }) : text;
}

/**
 * Writes `value` as JSON to `path` atomically; gzip when `gzip` is true (or, when omitted, when the path ends in `.gz`).
 *
 * @internal
 */
export function writeJsonAtomic(path: string, value: unknown, gzip: boolean = path.endsWith('.gz')): void {
  writeFileAtomic(path, encodeJson(value, gzip));
}

/**
 * Default cap on the bytes an input file may hold once decompressed (256 MiB): far above any real
 * baseline, results record or history export, far below what would exhaust memory. The environment
 * variable `RUNE_BENCH_MAX_INPUT_MB` overrides it for the CLI and every reader that takes no explicit cap.
 *
 * @public
 */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Limits for reading an input file.
 *
 * @public
 */
export interface ReadLimits {
  /**
   * Largest number of bytes accepted, after decompression; reading stops with `ERR_INPUT_TOO_LARGE` as
   * soon as it is passed.
   * @defaultValue {@link DEFAULT_MAX_INPUT_BYTES}, or `RUNE_BENCH_MAX_INPUT_MB` mebibytes when set
   */
  readonly maxBytes?: number;
}

/** The cap in force: the explicit one, else the environment's, else the default. @internal */
export function maxInputBytes(limits: ReadLimits = {}): number {
  if (limits.maxBytes !== undefined) {
    if (!(limits.maxBytes > 0) || !Number.isFinite(limits.maxBytes)) throw new RangeError(`maxBytes option must be a positive finite number, got ${limits.maxBytes}`);
    return limits.maxBytes;
  }
  const fromEnv = Number(process.env.RUNE_BENCH_MAX_INPUT_MB);
  return fromEnv > 0 && Number.isFinite(fromEnv) ? fromEnv * 1024 * 1024 : DEFAULT_MAX_INPUT_BYTES;
}

function tooLarge(path: string, cap: number, what: string): RuneBenchError {
  const mib = (cap / 1024 / 1024).toFixed(cap < 1024 * 1024 ? 3 : 0);
  return new RuneBenchError(
    'ERR_INPUT_TOO_LARGE',
    `${path} ${what} more than ${mib} MiB: refusing to read it (raise the cap with RUNE_BENCH_MAX_INPUT_MB or the maxBytes option if the file is genuine)`,
    { path },
  );
}

// Input is fed to the inflater in slices, so a bomb is stopped after at most one slice's worth of output
// past the cap (deflate expands at most about 1032:1).
const INFLATE_SLICE = 16 * 1024;

/**
 * Inflates gzip bytes as a stream, stopping with `ERR_INPUT_TOO_LARGE` as soon as the output passes
 * `cap`, so a decompression bomb costs neither the time nor the memory of inflating it whole.
 *
 * @internal
 */
export function gunzipCapped(bytes: Uint8Array, path: string, cap: number): string {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  // Mutated by the inflater's callback: an object, so the compiler does not narrow the flag to false.
  const state = { total: 0, over: false };
  const inflater = new (fflate().Gunzip)((chunk) => {
    state.total += chunk.length;
    if (state.total > cap) {
      state.over = true;
      return;
    }
    parts.push(decoder.decode(chunk, { stream: true }));
  });
  try {
    for (let offset = 0; offset < bytes.length && !state.over; offset += INFLATE_SLICE) {
      const end = Math.min(bytes.length, offset + INFLATE_SLICE);
      inflater.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (cause) {
    throw new RuneBenchError('ERR_CORRUPT_FILE', `${path} is a damaged gzip file (${(cause as Error).message})`, { cause, path });
  }
  if (state.over) throw tooLarge(path, cap, 'inflates to');
  // The streaming inflater accepts a truncated file silently: the trailer's size (mod 2^32) must match.
  const at = bytes.length - 4;
  const declared = bytes.length < 18 ? -1 : ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) + (bytes[at + 3] as number) * 2 ** 24;
  if (declared !== state.total % 2 ** 32) {
    throw new RuneBenchError('ERR_CORRUPT_FILE', `${path} is a damaged gzip file (truncated: ${state.total} bytes inflated, the trailer says ${declared})`, { path });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * Decodes JSON bytes that may be gzip-compressed, refusing content over the cap. Errors name `path`.
 *
 * @internal
 */
export function decodeJson(bytes: Uint8Array, path: string, limits: ReadLimits = {}): unknown {
  const cap = maxInputBytes(limits);
  if (isGzip(bytes)) return parseJson(gunzipCapped(bytes, path, cap), path);
  if (bytes.length > cap) throw tooLarge(path, cap, 'holds');
  return parseJson(new TextDecoder().decode(bytes), path);
}

/**
 * Reads and parses a JSON file that may be gzip-compressed. Errors are {@link RuneBenchError}s naming the
 * file; a file (or its decompressed content) over the cap is refused before it is read whole.
 *
 * @internal
 */
export function readJsonFile(path: string, limits: ReadLimits = {}): unknown {
  const cap = maxInputBytes(limits);
  let bytes: Uint8Array;
  try {
    // A plain file larger than the cap is refused unread; a gzip file is at most the cap's size compressed.
    if (statSync(path).size > cap) throw tooLarge(path, cap, 'holds');
    bytes = readFileSync(path);
  } catch (cause) {
    if (cause instanceof RuneBenchError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    throw new RuneBenchError('ERR_FILE_IO', `could not read ${path}: ${why}`, { cause, path });
  }
  return decodeJson(bytes, path, { maxBytes: cap });
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes temporary files that an atomic write of `name` in `dir` left behind when its process was killed
 * (SIGKILL gives no chance to clean up): those whose owner process is gone. Best effort, never throws.
 *
 * @internal
 */
export function removeStaleTempFiles(dir: string, name?: string): number {
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const match = TEMP_NAME.exec(entry);
    if (match === null || (name !== undefined && match[1] !== name)) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || processAlive(pid)) continue;
    try {
      rmSync(join(dir, entry), { force: true });
      removed += 1;
    } catch {
      // another process removed it first, or it is not ours to remove
    }
  }
  return removed;
}

/** Whether a process with this pid exists (EPERM means it exists but is someone else's). @internal */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
