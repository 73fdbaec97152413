// Deterministic file contents for a planned tree: slices of a seeded C-like corpus behind a per-file header.
import { seededRandom, type SeededRandom } from '../../suites/common/rng.js';
import { generateCorpus, generateCorpusAsync } from './corpus.js';
import type { PlannedFile } from './tree-plan.js';

const NEWLINE = 0x0a;
const DEFAULT_CORPUS_BYTES = 8 * 1024 * 1024;

/**
 * Makes the contents of planned files and their later revisions. Content depends only on the seed the
 * source was made with and the file's own seed and path, so the same plan always yields the same bytes.
 *
 * @internal
 */
export class ContentSource {
  readonly #corpus: Buffer;

  /**
   * @param seed - corpus seed
   * @param corpusBytes - corpus size; files are assembled from slices of it
   * @param corpus - the corpus for `seed` and `corpusBytes` when already built (see {@link ContentSource.create})
   */
  constructor(seed: number, corpusBytes = DEFAULT_CORPUS_BYTES, corpus?: Buffer) {
    this.#corpus = corpus ?? generateCorpus(corpusBytes, seed);
  }

  /**
   * The same source as `new ContentSource(seed, corpusBytes)`, built without holding the event loop.
   *
   * @param seed - corpus seed
   * @param corpusBytes - corpus size
   */
  static async create(seed: number, corpusBytes = DEFAULT_CORPUS_BYTES): Promise<ContentSource> {
    return new ContentSource(seed, corpusBytes, await generateCorpusAsync(corpusBytes, seed));
  }

  /** The corpus the files are cut from. */
  get corpus(): Buffer {
    return this.#corpus;
  }

  /** Copies a slice of about `length` bytes starting at a line boundary into `out` at `offset`. */
  #fill(out: Buffer, offset: number, length: number, rng: SeededRandom): number {
    const corpus = this.#corpus;
    const max = corpus.length - length - 1;
    let start = rng.int(Math.max(1, max));
    const newline = corpus.indexOf(NEWLINE, start);
    if (newline >= 0 && newline + 1 + length <= corpus.length) start = newline + 1;
    return corpus.copy(out, offset, start, Math.min(corpus.length, start + length));
  }

  /** The content of `file`: exactly `file.size` bytes. */
  content(file: PlannedFile): Buffer {
    const rng = seededRandom(file.seed);
    const out = Buffer.allocUnsafe(file.size);
    const header = Buffer.from(`// SPDX-License-Identifier: GPL-2.0\n/*\n * ${file.path}\n */\n\n`, 'latin1');
    let offset = header.copy(out, 0, 0, Math.min(header.length, file.size));
    while (offset < file.size) {
      const want = Math.min(file.size - offset, 2048 + rng.int(30 * 1024));
      offset += this.#fill(out, offset, want, rng);
    }
    if (file.size > 0) out[file.size - 1] = NEWLINE;
    return out;
  }

  /**
   * A later revision of `content`: about one edit (replace, insert or delete a few lines) per 4 KiB times
   * `editRate`, at least one.
   *
   * @param content - the previous revision
   * @param seed - seed of the edits
   * @param editRate - edits per 4 KiB @defaultValue `0.5`
   */
  revise(content: Uint8Array, seed: number, editRate = 0.5): Buffer {
    const rng = seededRandom(seed ^ 0x5bd1e995);
    const source = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const edits = Math.max(1, Math.round((source.length / 4096) * editRate));
    const points: number[] = [];
    for (let i = 0; i < edits; i++) points.push(rng.int(source.length + 1));
    points.sort((a, b) => a - b);
    const parts: Buffer[] = [];
    let cursor = 0;
    for (const point of points) {
      if (point < cursor) continue;
      let at = source.indexOf(NEWLINE, point);
      at = at < 0 ? source.length : at + 1;
      parts.push(source.subarray(cursor, at));
      const kind = rng.next();
      const length = 20 + rng.int(300);
      if (kind < 0.7) {
        const inserted = Buffer.allocUnsafe(length);
        this.#fill(inserted, 0, length, rng);
        parts.push(inserted);
      }
      // replace (kind < 0.7) and delete (kind >= 0.85) drop the next lines; insert keeps them
      if (kind < 0.7 || kind >= 0.85) {
        const end = source.indexOf(NEWLINE, Math.min(source.length, at + length));
        cursor = end < 0 ? source.length : end + 1;
      } else {
        cursor = at;
      }
    }
    parts.push(source.subarray(cursor));
    return Buffer.concat(parts);
  }
}
