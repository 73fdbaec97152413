// Atomic writes and validated reads, shared by history export, results store, baselines and reports.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Fflate from 'fflate';
import { randomHex } from './builtins.js';
import { RuneBenchError } from './errors.js';
import { validateOptions, type OptionRules } from './options.js';
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
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomHex(4)}.tmp`);
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
 * Default bound on how much a gzip input may expand (200:1, inflated bytes per compressed byte read so far),
 * checked once the output passes 16 MiB. Deflate expands at most about 1032:1, so a decompression bomb is
 * refused after some 16 MiB instead of at the size cap. The environment variable `RUNE_BENCH_MAX_INPUT_RATIO`
 * overrides it for the CLI and every reader that takes no explicit bound (`Infinity` turns the check off).
 *
 * @remarks
 * Files written by rune-bench compress far less (measured with fflate level 6, as written): a monitor history
 * 8.7:1, a result with 4,000 kept timing samples 5.1:1, a built-in suite's result 2.4:1, a folder-store
 * record of 50 benchmarks 25:1. Only artificial periodic data comes near the bound (100,000 identical kept
 * samples: 469:1; timings cycling over 101 values: 141:1), and such files stay far below 16 MiB.
 * @public
 */
export const DEFAULT_MAX_INPUT_RATIO = 200;

/** Output size below which the expansion ratio is not checked: a small file may compress as well as it likes. */
const RATIO_CHECK_FLOOR = 16 * 1024 * 1024;

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
  /**
   * Largest expansion of a gzip input (inflated bytes per compressed byte read so far), checked once the
   * output passes 16 MiB; reading stops with `ERR_INPUT_TOO_LARGE` as soon as it is passed. At least 1;
   * `Infinity` turns the check off.
   * @defaultValue {@link DEFAULT_MAX_INPUT_RATIO}, or `RUNE_BENCH_MAX_INPUT_RATIO` when set
   */
  readonly maxRatio?: number;
}

/** The limits in force, every field resolved. @internal */
export type InputLimits = Required<ReadLimits>;

const READ_LIMIT_RULES: OptionRules = {
  maxBytes: { kind: 'number', min: 0, exclusiveMin: true },
  maxRatio: { kind: 'number', min: 1, allowInfinity: true },
};

/** The limits in force: the explicit ones, else the environment's, else the defaults. @internal */
export function inputLimits(limits: ReadLimits = {}): InputLimits {
  validateOptions(limits, READ_LIMIT_RULES, 'ReadLimits');
  const mib = envNumber('RUNE_BENCH_MAX_INPUT_MB');
  const ratio = envNumber('RUNE_BENCH_MAX_INPUT_RATIO');
  return {
    maxBytes: limits.maxBytes ?? (mib > 0 && Number.isFinite(mib) ? mib * 1024 * 1024 : DEFAULT_MAX_INPUT_BYTES),
    maxRatio: limits.maxRatio ?? (ratio >= 1 ? ratio : DEFAULT_MAX_INPUT_RATIO),
  };
}

// An unset, empty or non-numeric variable reads as NaN and leaves the default in force.
function envNumber(name: string): number {
  const raw = process.env[name];
  return raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
}

function mebibytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 3 : 0);
}

function tooLarge(path: string, cap: number, what: string): RuneBenchError {
  return new RuneBenchError(
    'ERR_INPUT_TOO_LARGE',
    `${path} ${what} more than ${mebibytes(cap)} MiB: refusing to read it (raise the cap with RUNE_BENCH_MAX_INPUT_MB or the maxBytes option if the file is genuine)`,
    { path },
  );
}

function expandsTooMuch(path: string, inflated: number, read: number, bound: number): RuneBenchError {
  return new RuneBenchError(
    'ERR_INPUT_TOO_LARGE',
    `${path} expands ${Math.round(inflated / read)}:1 (${mebibytes(inflated)} MiB from its first ${(read / 1024).toFixed(0)} KiB), beyond the ${bound}:1 bound for gzip inputs: refusing it as a likely decompression bomb (raise the bound with RUNE_BENCH_MAX_INPUT_RATIO or the maxRatio option, Infinity to turn the check off, if the file is genuine)`,
    { path },
  );
}

// Input is fed to the inflater in slices and the limits are checked on each slice's output, so a bomb is
// stopped after at most one slice's worth of output (deflate expands at most about 1032:1: 16.1 MiB) past a
// limit. Smaller slices cost a genuine file time: 4 KiB ones took some 20% more CPU to inflate 150 MiB.
const INFLATE_SLICE = 16 * 1024;

/**
 * Told, after each slice of input, how many bytes {@link gunzipCapped} has inflated from how many it has read.
 *
 * @internal
 */
export type InflateObserver = (inflated: number, read: number) => void;

/**
 * Inflates gzip bytes as a stream into one buffer, stopping with `ERR_INPUT_TOO_LARGE` as soon as the output
 * passes `limits.maxBytes` or, past 16 MiB, expands more than `limits.maxRatio` times the input read so far,
 * so a decompression bomb costs neither the time nor the memory of inflating it whole. The text is decoded
 * once at the end: decoding each chunk as it comes (a streaming TextDecoder) made two-byte strings, twice
 * the output's size, and joining them held it again.
 *
 * @internal
 */
export function gunzipCapped(bytes: Uint8Array, path: string, limits: InputLimits, observe?: InflateObserver): string {
  const { maxBytes, maxRatio } = limits;
  // The trailer's size (mod 2^32) sizes the buffer, trusted past 16 MiB only once the ratio check has passed
  // there; a trailer that understates it (a multi-member file) only costs doubling the buffer.
  const declared = trailerSize(bytes);
  let out: Uint8Array = new Uint8Array(Math.min(Math.max(declared, 0), RATIO_CHECK_FLOOR, maxBytes));
  // Mutated by the inflater's callback: an object, so the compiler does not narrow the fields.
  const state: { inflated: number; read: number; refused: 'cap' | 'ratio' | undefined } = { inflated: 0, read: 0, refused: undefined };
  const inflater = new (fflate().Gunzip)((chunk) => {
    if (state.refused !== undefined) return;
    const total = state.inflated + chunk.length;
    if (total > maxBytes) state.refused = 'cap';
    else if (total > RATIO_CHECK_FLOOR && total > maxRatio * state.read) state.refused = 'ratio';
    if (state.refused === undefined) {
      if (total > out.length) out = grow(out, state.inflated, total, declared, maxBytes);
      out.set(chunk, state.inflated);
    }
    state.inflated = total;
  });
  try {
    while (state.read < bytes.length && state.refused === undefined) {
      const from = state.read;
      state.read = Math.min(bytes.length, from + INFLATE_SLICE);
      inflater.push(bytes.subarray(from, state.read), state.read === bytes.length);
      observe?.(state.inflated, state.read);
    }
  } catch (cause) {
    throw new RuneBenchError('ERR_CORRUPT_FILE', `${path} is a damaged gzip file (${(cause as Error).message})`, { cause, path });
  }
  if (state.refused === 'cap') throw tooLarge(path, maxBytes, 'inflates to');
  if (state.refused === 'ratio') throw expandsTooMuch(path, state.inflated, state.read, maxRatio);
  // The streaming inflater accepts a truncated file silently: the trailer's size (mod 2^32) must match.
  if (declared !== state.inflated % 2 ** 32) {
    throw new RuneBenchError('ERR_CORRUPT_FILE', `${path} is a damaged gzip file (truncated: ${state.inflated} bytes inflated, the trailer says ${declared})`, { path });
  }
  return new TextDecoder().decode(out.subarray(0, state.inflated));
}

/** The uncompressed size (mod 2^32) a gzip trailer declares, or -1 for a file too short to hold one. */
function trailerSize(bytes: Uint8Array): number {
  const at = bytes.length - 4;
  return bytes.length < 18 ? -1 : ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16)) + (bytes[at + 3] as number) * 2 ** 24;
}

// A buffer holding `needed` bytes: the declared size when it is enough, else twice the old one, never over the cap.
function grow(out: Uint8Array, used: number, needed: number, declared: number, cap: number): Uint8Array {
  const next = new Uint8Array(Math.min(cap, declared >= needed ? declared : Math.max(needed, out.length * 2, 64 * 1024)));
  next.set(out.subarray(0, used));
  return next;
}

/**
 * Decodes JSON bytes that may be gzip-compressed, refusing content over the limits ({@link ReadLimits}). Errors name `path`.
 *
 * @internal
 */
export function decodeJson(bytes: Uint8Array, path: string, limits: ReadLimits = {}): unknown {
  const resolved = inputLimits(limits);
  if (isGzip(bytes)) return parseJson(gunzipCapped(bytes, path, resolved), path);
  if (bytes.length > resolved.maxBytes) throw tooLarge(path, resolved.maxBytes, 'holds');
  return parseJson(new TextDecoder().decode(bytes), path);
}

/**
 * Reads and parses a JSON file that may be gzip-compressed. Errors are {@link RuneBenchError}s naming the
 * file; a file (or its decompressed content) over the limits ({@link ReadLimits}) is refused before it is read whole.
 *
 * @internal
 */
export function readJsonFile(path: string, limits: ReadLimits = {}): unknown {
  const resolved = inputLimits(limits);
  const cap = resolved.maxBytes;
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
  return decodeJson(bytes, path, resolved);
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
