// Delta compression between two revisions: fflate deflate with the previous revision as the dictionary.
import { deflateSync, inflateSync } from 'fflate';
import { RuneBenchError } from '../../core/errors.js';

/**
 * Options for {@link encodeDelta}.
 *
 * @public
 */
export interface DeltaOptions {
  /** Deflate level 0-9. @defaultValue `6` */
  readonly level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

// Deflate sees at most 32 KiB back, so a dictionary is at most 32 KiB. Each 16 KiB chunk of the new
// revision gets the previous revision's bytes from 8 KiB before to 24 KiB after the same offset: edits
// may shift content by up to 8 KiB backwards and 24 KiB forwards and still be found.
const CHUNK = 16 * 1024;
const BEFORE = 8 * 1024;
const DICTIONARY = 32 * 1024;

function dictionaryFor(previous: Uint8Array, offset: number): Uint8Array {
  const start = Math.max(0, Math.min(offset - BEFORE, previous.length - DICTIONARY));
  return previous.subarray(start, Math.min(previous.length, start + DICTIONARY));
}

function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function readVarint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = bytes[at.pos++];
    if (byte === undefined) throw new RuneBenchError('ERR_INVALID_FORMAT', 'delta is truncated');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
  }
}

/**
 * Encodes `next` against `previous`: the new revision in 16 KiB chunks, each deflated (fflate) with the
 * previous revision's bytes around the same offset as a preset dictionary. Decode with {@link decodeDelta}.
 *
 * @param previous - the revision the reader already has
 * @param next - the new revision
 * @param options - deflate level
 * @public
 */
export function encodeDelta(previous: Uint8Array, next: Uint8Array, options: DeltaOptions = {}): Uint8Array {
  const level = options.level ?? 6;
  const header: number[] = [];
  writeVarint(header, next.length);
  const parts: Uint8Array[] = [];
  let total = header.length;
  for (let offset = 0; offset < next.length; offset += CHUNK) {
    const chunk = next.subarray(offset, Math.min(next.length, offset + CHUNK));
    const dictionary = dictionaryFor(previous, offset);
    const body = dictionary.length > 0 ? deflateSync(chunk, { level, dictionary }) : deflateSync(chunk, { level });
    const length: number[] = [];
    writeVarint(length, body.length);
    parts.push(Uint8Array.from(length), body);
    total += length.length + body.length;
  }
  const out = new Uint8Array(total);
  out.set(header, 0);
  let pos = header.length;
  for (const part of parts) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}

/**
 * Rebuilds the new revision from `previous` and a delta made by {@link encodeDelta}.
 *
 * @param previous - the same previous revision the delta was made against
 * @param delta - the delta
 * @throws RuneBenchError `ERR_INVALID_FORMAT` when the delta is truncated or does not match `previous`
 * @public
 */
export function decodeDelta(previous: Uint8Array, delta: Uint8Array): Uint8Array {
  const at = { pos: 0 };
  const length = readVarint(delta, at);
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += CHUNK) {
    const size = readVarint(delta, at);
    const body = delta.subarray(at.pos, at.pos + size);
    if (body.length !== size) throw new RuneBenchError('ERR_INVALID_FORMAT', 'delta is truncated');
    at.pos += size;
    const dictionary = dictionaryFor(previous, offset);
    let chunk: Uint8Array;
    try {
      chunk = dictionary.length > 0 ? inflateSync(body, { dictionary }) : inflateSync(body);
    } catch (cause) {
      throw new RuneBenchError('ERR_INVALID_FORMAT', 'delta does not decode against this previous revision', { cause });
    }
    const expected = Math.min(CHUNK, length - offset);
    if (chunk.length !== expected) {
      throw new RuneBenchError('ERR_INVALID_FORMAT', 'delta does not decode against this previous revision');
    }
    out.set(chunk, offset);
  }
  return out;
}
