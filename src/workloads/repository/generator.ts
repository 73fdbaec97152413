// Writes a planned repository tree to disk: seeded, deterministic, abortable, with progress.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { throwIfAborted } from '../../suites/common/scale.js';
import type { SuiteScale } from '../../core/suite.js';
import { ContentSource } from './content.js';
import { REPOSITORY_SCALE_FILES } from './distribution.js';
import { planRepository, type RepositoryPlan } from './tree-plan.js';

/**
 * Options for {@link generateRepository}.
 *
 * @public
 */
export interface GenerateRepositoryOptions {
  /** Scale; sets the file count unless `files` is given. @defaultValue `'quick'` */
  readonly scale?: SuiteScale;
  /** Number of files, overriding `scale`. */
  readonly files?: number;
  /** Seed of the tree and its contents. @defaultValue `1` */
  readonly seed?: number;
  /** Files written at once. @defaultValue `16` */
  readonly concurrency?: number;
  /** Stops writing; the partly written tree is left for the caller to remove. */
  readonly signal?: AbortSignal;
  /** Called now and then with bytes written so far and the total. */
  readonly onProgress?: (written: number, total: number) => void;
}

/**
 * A tree written by {@link generateRepository}.
 *
 * @public
 */
export interface GeneratedRepository {
  /** Root directory. */
  readonly root: string;
  /** The plan that was written. */
  readonly plan: RepositoryPlan;
  /** Bytes written. */
  readonly bytesWritten: number;
  /** Wall time of the generation, seconds. */
  readonly duration: number;
}

const contentSources = new Map<number, ContentSource>();

/**
 * The content source for a seed, kept for reuse (one at a time, the corpus is 8 MiB).
 *
 * @internal
 */
export function contentSourceFor(seed: number): ContentSource {
  let source = contentSources.get(seed);
  if (source === undefined) {
    contentSources.clear();
    source = new ContentSource(seed);
    contentSources.set(seed, source);
  }
  return source;
}

/**
 * {@link contentSourceFor} without holding the event loop while the corpus is built.
 *
 * @internal
 */
export async function loadContentSource(seed: number): Promise<ContentSource> {
  const cached = contentSources.get(seed);
  if (cached !== undefined) return cached;
  const source = await ContentSource.create(seed);
  contentSources.clear();
  contentSources.set(seed, source);
  return source;
}

/**
 * Writes a deterministic repository tree shaped like a Linux 6.1 checkout (see {@link planRepository})
 * under `root`, which must exist and should be empty. The same seed and size always give the same bytes.
 *
 * @param root - directory to write into
 * @param options - scale or file count, seed, concurrency, abort signal, progress
 * @public
 */
export async function generateRepository(root: string, options: GenerateRepositoryOptions = {}): Promise<GeneratedRepository> {
  const { scale = 'quick', seed = 1, concurrency = 16, signal, onProgress } = options;
  const files = options.files ?? REPOSITORY_SCALE_FILES[scale];
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new RangeError('concurrency option must be an integer between 1 and 256');
  }
  throwIfAborted(signal, 'generateRepository');
  const started = performance.now();
  const plan = planRepository({ files, seed });
  const content = await loadContentSource(seed);
  await mkdir(root, { recursive: true });
  for (const dir of plan.directories) {
    throwIfAborted(signal, 'generateRepository');
    await mkdir(join(root, dir), { recursive: true });
  }
  let next = 0;
  let written = 0;
  let lastReport = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      throwIfAborted(signal, 'generateRepository');
      const file = plan.files[next++];
      if (file === undefined) return;
      await writeFile(join(root, file.path), content.content(file));
      written += file.size;
      if (onProgress !== undefined && written - lastReport >= plan.totalBytes / 100) {
        lastReport = written;
        onProgress(written, plan.totalBytes);
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < concurrency; i++) workers.push(worker());
  const settled = await Promise.allSettled(workers);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
  onProgress?.(written, plan.totalBytes);
  return { root, plan, bytesWritten: written, duration: (performance.now() - started) / 1000 };
}
