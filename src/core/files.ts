// Atomic writes and validated reads, shared by history export, results store, baselines and reports.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { RuneBenchError } from './errors.js';
import { parseJson } from './validate.js';

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
  return gzip ? gzipSync(strToU8(text), { level: 6 }) : text;
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
 * Decodes JSON bytes that may be gzip-compressed. Errors name `path`.
 *
 * @internal
 */
export function decodeJson(bytes: Uint8Array, path: string): unknown {
  let text: string;
  if (isGzip(bytes)) {
    try {
      text = strFromU8(gunzipSync(bytes));
    } catch (cause) {
      throw new RuneBenchError('ERR_CORRUPT_FILE', `${path} is a damaged gzip file (${(cause as Error).message})`, {
        cause,
        path,
      });
    }
  } else {
    text = strFromU8(bytes);
  }
  return parseJson(text, path);
}

/**
 * Reads and parses a JSON file that may be gzip-compressed. Errors are {@link RuneBenchError}s naming the file.
 *
 * @internal
 */
export function readJsonFile(path: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    throw new RuneBenchError('ERR_FILE_IO', `could not read ${path}: ${why}`, { cause, path });
  }
  return decodeJson(bytes, path);
}
