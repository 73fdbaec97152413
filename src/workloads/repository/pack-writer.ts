// Streaming pack writing: objects deflated (fflate, zlib format) one by one into a git pack v2 file.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { zlibSync } from 'fflate';
import { abortError, RuneBenchError } from '../../core/errors.js';
import { throwIfAborted } from '../../suites/common/scale.js';

/**
 * Options for {@link writePack}.
 *
 * @public
 */
export interface WritePackOptions {
  /** Deflate level of the objects. @defaultValue `1` */
  readonly level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Stops writing with `ERR_ABORTED` (the partial file is left for the caller to remove). */
  readonly signal?: AbortSignal;
}

/**
 * What {@link writePack} wrote.
 *
 * @public
 */
export interface PackInfo {
  /** Objects in the pack. */
  readonly objects: number;
  /** Bytes of object content before compression. */
  readonly rawBytes: number;
  /** Bytes of the pack file. */
  readonly bytesWritten: number;
  /** SHA-1 of the pack (its trailer), hex. */
  readonly checksum: string;
}

function objectHeader(type: number, size: number): Uint8Array {
  const bytes: number[] = [];
  let rest = Math.floor(size / 16);
  let byte = (type << 4) | (size & 0x0f);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Uint8Array.from(bytes);
}

/**
 * Writes blobs as a git pack (version 2, no deltas) to `path`, streaming: each object is compressed and
 * written before the next is read, with back-pressure, so memory stays at one object. `git index-pack`
 * accepts the result.
 *
 * @param path - pack file to create
 * @param count - number of objects `objects` yields (the pack header carries it)
 * @param objects - the blob contents, sync or async iterable
 * @param options - deflate level and abort signal
 * @public
 */
export async function writePack(
  path: string,
  count: number,
  objects: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  options: WritePackOptions = {},
): Promise<PackInfo> {
  if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) throw new RangeError('count must be a 32-bit unsigned integer');
  const level = options.level ?? 1;
  if (options.signal?.aborted === true) throw abortError(options.signal, 'writePack');
  const stream = createWriteStream(path);
  const hash = createHash('sha1');
  let bytesWritten = 0;
  let rawBytes = 0;
  let written = 0;
  const write = async (chunk: Uint8Array): Promise<void> => {
    hash.update(chunk);
    bytesWritten += chunk.length;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  try {
    const header = Buffer.alloc(12);
    header.write('PACK', 0, 'latin1');
    header.writeUInt32BE(2, 4);
    header.writeUInt32BE(count, 8);
    await write(header);
    for await (const content of objects) {
      throwIfAborted(options.signal, 'writePack');
      if (written === count) throw new RuneBenchError('ERR_INVALID_FORMAT', `writePack: more objects than the declared ${String(count)}`);
      await write(objectHeader(3, content.length));
      await write(zlibSync(content, { level }));
      rawBytes += content.length;
      written++;
    }
    if (written !== count) {
      throw new RuneBenchError('ERR_INVALID_FORMAT', `writePack: ${String(written)} objects, ${String(count)} declared`);
    }
    const checksum = hash.digest();
    stream.write(checksum);
    bytesWritten += checksum.length;
    stream.end();
    await once(stream, 'finish');
    return { objects: written, rawBytes, bytesWritten, checksum: checksum.toString('hex') };
  } catch (error) {
    stream.destroy();
    await once(stream, 'close').catch(() => undefined);
    throw error;
  }
}
