// The disk_io suite, its job model and the fio peer.
export { diskIoSuite } from './disk-io-definition.js';
export { fioArguments, parseFioOutput, runFioJob } from '../../workloads/disk/fio-peer.js';
export type { DiskJobResult, DiskJobSpec, LatencyPercentiles } from '../../workloads/disk/disk-job.js';
