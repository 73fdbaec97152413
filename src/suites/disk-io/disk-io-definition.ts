// The `disk_io` suite as listed (id, description, parameters); its implementation loads on first run.
import type { SuiteDefinition } from '../../core/suite.js';
import { lazySuite } from '../lazy-suite.js';

/** The quick scale's sizes, which are the parameters' defaults. @internal */
export const DISK_IO_DEFAULTS = Object.freeze({ sizeMb: 32, looseObjects: 600 });

/**
 * The built-in `disk_io` suite: sequential writes in 1 MiB blocks (no fsync, fsync at the end, fsync
 * every 8 blocks), sequential read, 4 KiB random reads, 4 KiB random writes with fsync, and a
 * loose-objects job writing small files git-style with a Linux checkout's size distribution. Reports
 * MB/s, IOPS and latency p50/p99/p99.9; where fio is on the PATH each job runs beside the equivalent fio
 * job. Parameters: `dir` (where the temporary directory goes), `fio`, `fioPath`, `files`, `sizeMb`.
 *
 * @public
 */
export const diskIoSuite: SuiteDefinition = lazySuite(
  {
    id: 'disk_io',
    description: 'fio-like disk jobs (sequential and random, with and without fsync, loose objects) beside the equivalent fio job.',
    parameters: Object.freeze([
      { name: 'dir', type: 'string', description: 'directory to create the temporary work directory in (always removed)', default: 'os.tmpdir()' },
      { name: 'fio', type: 'boolean', description: 'run the equivalent fio job beside each job when fio is on the PATH', default: true },
      { name: 'fioPath', type: 'string', description: 'fio executable', default: 'fio' },
      { name: 'files', type: 'number', description: 'loose objects to write', default: DISK_IO_DEFAULTS.looseObjects },
      { name: 'sizeMb', type: 'number', description: 'file size of the sequential and random jobs, MiB', default: DISK_IO_DEFAULTS.sizeMb },
    ] as const),
  },
  async () => (await import('./disk-io-suite.js')).runDiskIo,
);
