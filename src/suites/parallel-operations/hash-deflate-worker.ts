// Worker module of the parallel_operations suite: reads files, hashes them as git blobs and deflates them.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { gitBlobId } from '../../workloads/repository/object-hash.js';
import { serveWorkerTasks } from './serve-worker-tasks.js';

/**
 * A batch of files for the hash-and-deflate worker.
 *
 * @internal
 */
export interface HashDeflateTask {
  /** Absolute file paths. */
  readonly paths: readonly string[];
  /** Deflate level. */
  readonly level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Return the object ids (tests check them); otherwise only counts come back. */
  readonly ids?: boolean;
}

/**
 * What the worker returns for a batch.
 *
 * @internal
 */
export interface HashDeflateResult {
  /** Bytes read. */
  readonly bytes: number;
  /** Compressed bytes. */
  readonly compressed: number;
  /** Object ids in task order, when asked for. */
  readonly ids?: readonly string[];
}

serveWorkerTasks((task: HashDeflateTask): HashDeflateResult => {
  let bytes = 0;
  let compressed = 0;
  const ids: string[] = [];
  for (const path of task.paths) {
    const content = readFileSync(path);
    const id = gitBlobId(content);
    if (task.ids === true) ids.push(id);
    compressed += deflateSync(content, { level: task.level }).length;
    bytes += content.length;
  }
  return task.ids === true ? { bytes, compressed, ids } : { bytes, compressed };
});
