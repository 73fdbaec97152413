// The `large_repository` suite as listed (id, description, parameters); its implementation loads on first run.
import type { SuiteDefinition } from '../../core/suite.js';
import { lazySuite } from '../lazy-suite.js';

/** Id of the `large_repository` suite. @internal */
export const LARGE_REPOSITORY_ID = 'large_repository';

/**
 * The `large_repository` suite: a seeded tree shaped like a Linux 6.1 checkout (or the directory named by
 * the `dir` parameter), walked with lstat, hashed as git blobs, deflated with fflate and node:zlib at
 * levels 1 and 6, delta-compressed against a previous revision, read through an lru-cache with Zipf keys,
 * and streamed into a pack; with git's add/commit, status and hash-object on the same tree when git is on
 * the PATH.
 *
 * @public
 */
export const largeRepositorySuite: SuiteDefinition = lazySuite(
  {
    id: LARGE_REPOSITORY_ID,
    description: 'Linux-kernel-shaped tree (or your own): walk, SHA-1, deflate (fflate vs zlib), delta, object cache, pack; git beside it',
    parameters: Object.freeze([
      { name: 'dir', type: 'string', description: 'measure this existing directory instead of a generated tree (read-only)' },
      { name: 'files', type: 'number', description: 'file count of the generated tree (overrides the scale)' },
      { name: 'git', type: 'boolean', description: 'run the git peer when git is on the PATH', default: true },
      { name: 'sampleMb', type: 'number', description: 'MiB of files held in memory for the timed hashing, compression and delta tasks (quick 1, standard 4, linux 4)' },
      { name: 'repeats', type: 'number', description: 'samples of the whole-tree pack write, which cannot be batched (quick 3, standard 3, linux 1)' },
    ] as const),
  },
  async () => (await import('./large-repository-suite.js')).runLargeRepository,
);
