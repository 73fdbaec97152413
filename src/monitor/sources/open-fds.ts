import { readdirSync } from 'node:fs';
import type { MetricDescriptor, MetricValues } from '../../core/metric.js';
import type { MetricSource, SourceAvailability } from '../../core/source.js';
import { frozenList } from './proc.js';

const PATH = '/proc/self/fd';

const DESCRIPTORS = frozenList<MetricDescriptor>([
  { name: 'process.open_fds', unit: '{count}', kind: 'gauge', description: 'File descriptors open in the process' },
]);

/**
 * Open file descriptors of this process, counted in `/proc/self/fd`. Linux only.
 * Source id `process.open_fds`.
 *
 * @public
 */
export class OpenFdsSource implements MetricSource {
  /** Source id. */
  readonly id = 'process.open_fds';

  /** {@inheritDoc MetricSource.describe} */
  describe(): readonly MetricDescriptor[] {
    return DESCRIPTORS;
  }

  /** Needs a readable `/proc/self/fd`. */
  availability(): SourceAvailability {
    if (process.platform !== 'linux') return { available: false, reason: `/proc is not available on ${process.platform}` };
    try {
      readdirSync(PATH);
      return { available: true };
    } catch (cause) {
      return { available: false, reason: `${PATH} is not readable (${(cause as Error).message})` };
    }
  }

  /** {@inheritDoc MetricSource.collect} */
  collect(): MetricValues {
    // The listing itself holds one descriptor open on the directory: do not count it.
    return { 'process.open_fds': Math.max(0, readdirSync(PATH).length - 1) };
  }
}
