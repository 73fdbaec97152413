// The `disk_io` suite: fio-like jobs on node:fs, each beside the equivalent fio job when fio is installed.
import { spawn } from 'node:child_process';
import { BenchmarkSuite } from '../../bench/benchmark-suite.js';
import type { KeyFigure, SuiteResult } from '../../core/results.js';
import { SuiteResultBuilder } from '../../bench/result-builder.js';
import type { SuiteRunOptions, SuiteScale } from '../../core/suite.js';
import { DISK_IO_DEFAULTS } from './disk-io-definition.js';
import { ProgressReporter } from '../common/progress.js';
import { byScale, param, resolveScale, throwIfAborted } from '../common/scale.js';
import { createTempDir } from '../common/temp-dir.js';
import type { DiskJobResult, DiskJobSpec } from '../../workloads/disk/disk-job.js';
import { runFioJob } from '../../workloads/disk/fio-peer.js';
import { looseObjectSizes, prepareNodeDiskJob, runNodeDiskJob } from '../../workloads/disk/node-disk-jobs.js';

const KIB = 1024;
const MIB = 1024 * KIB;

interface DiskPlan {
  readonly size: number;
  readonly randomReads: number;
  readonly randomWrites: number;
  readonly looseObjects: number;
}

const PLANS: Readonly<Record<SuiteScale, DiskPlan>> = {
  quick: { size: DISK_IO_DEFAULTS.sizeMb * MIB, randomReads: 20_000, randomWrites: 100, looseObjects: DISK_IO_DEFAULTS.looseObjects },
  standard: { size: 256 * MIB, randomReads: 100_000, randomWrites: 1_000, looseObjects: 10_000 },
  linux: { size: 1024 * MIB, randomReads: 500_000, randomWrites: 4_000, looseObjects: 70_000 },
};

/**
 * The jobs of the `disk_io` suite for a size plan.
 *
 * @internal
 */
export function diskJobs(plan: DiskPlan): DiskJobSpec[] {
  const { size } = plan;
  return [
    { name: 'seq-write', kind: 'seq-write', blockSize: MIB, size, fsync: 'none' },
    { name: 'seq-write-fsync-end', kind: 'seq-write', blockSize: MIB, size, fsync: 'end' },
    { name: 'seq-write-fsync-8', kind: 'seq-write', blockSize: MIB, size, fsync: 8 },
    { name: 'seq-read', kind: 'seq-read', blockSize: MIB, size },
    { name: 'rand-read-4k', kind: 'rand-read', blockSize: 4 * KIB, size, ops: plan.randomReads },
    { name: 'rand-write-4k-fsync', kind: 'rand-write', blockSize: 4 * KIB, size: Math.min(size, 64 * MIB), ops: plan.randomWrites, fsync: 1 },
    { name: 'loose-objects', kind: 'loose-objects', blockSize: 4 * KIB, size: 0, files: plan.looseObjects },
  ];
}

async function fioAvailable(fio: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(fio, ['--version'], { stdio: 'ignore' });
    child.once('error', () => {
      resolve(false);
    });
    child.once('close', (code) => {
      resolve(code === 0);
    });
  });
}

function jobFigures(r: DiskJobResult): KeyFigure[] {
  const figures: KeyFigure[] = [
    { name: 'bandwidth', value: r.bandwidth, unit: 'By/s', description: `${r.engine}: bytes per second` },
    { name: 'iops', value: r.iops, unit: '{count}/s', description: `${r.engine}: operations per second` },
    { name: 'latency.p50', value: r.latency.p50, unit: 's', description: `${r.engine}: median operation latency` },
    { name: 'latency.p99', value: r.latency.p99, unit: 's', description: `${r.engine}: 99th percentile operation latency` },
    { name: 'latency.p999', value: r.latency.p999, unit: 's', description: `${r.engine}: 99.9th percentile operation latency` },
  ];
  if (r.fsyncLatency !== undefined) {
    figures.push({ name: 'fsync.p50', value: r.fsyncLatency.p50, unit: 's', description: `${r.engine}: median fsync latency` });
    figures.push({ name: 'fsync.p99', value: r.fsyncLatency.p99, unit: 's', description: `${r.engine}: 99th percentile fsync latency` });
  }
  return figures.filter((f) => Number.isFinite(f.value));
}

/** Runs the suite (loaded on its first run by its lazy definition). @internal */
export async function runDiskIo(options: SuiteRunOptions = {}): Promise<SuiteResult> {
  const id = 'disk_io';
  const builder = new SuiteResultBuilder(id);
  const scale = resolveScale(options);
  const base = byScale(scale, PLANS);
  const signal = options.signal;
  const seed = options.seed ?? 1;
  const dirParam = param(options, 'dir', 'string');
  const useFio = param(options, 'fio', 'boolean') ?? true;
  const fioCommand = param(options, 'fioPath', 'string') ?? 'fio';
  const files = param(options, 'files', 'number');
  if (files !== undefined && !(Number.isInteger(files) && files >= 1 && files <= 10_000_000)) throw new RangeError('files parameter must be an integer in [1, 10000000]');
  const sizeMb = param(options, 'sizeMb', 'number');
  if (sizeMb !== undefined && !(Number.isInteger(sizeMb) && sizeMb >= 1 && sizeMb <= 1_048_576)) throw new RangeError('sizeMb parameter must be an integer in [1, 1048576]');
  const plan: DiskPlan = { ...base, ...(files !== undefined ? { looseObjects: files } : {}), ...(sizeMb !== undefined ? { size: sizeMb * MIB } : {}) };
  throwIfAborted(signal, `${id} suite`);
  const progress = new ProgressReporter(id, options.onProgress);
  const notices: string[] = ['buffered I/O (no O_DIRECT): reads are served from the page cache, for rune-bench and for fio (--direct=0 --invalidate=0)'];
  const withFio = useFio && (await fioAvailable(fioCommand));
  if (useFio && !withFio) notices.push(`${fioCommand} not found on the PATH: fio peer skipped`);
  const jobs = diskJobs(plan);
  const meanLoose = (() => {
    const sizes = looseObjectSizes(plan.looseObjects, seed);
    return sizes.reduce((s, x) => s + x, 0) / Math.max(1, sizes.length);
  })();
  notices.push('each job runs once (it writes or reads its whole file set, and a repeat would find the page cache in a different state): bandwidth, IOPS and latency percentiles come from the job\'s own operations; the task\'s wall time is a single sample and has no interval');
  if (withFio) notices.push('a "(fio)" task times the whole fio process (start-up, file lay-out): compare its bandwidth, iops and latency figures, not its wall time');
  if (withFio) notices.push(`fio loose-objects peer writes ${plan.looseObjects} files of uniform sizes with the same mean (${Math.round(meanLoose)} B): fio has no log-normal file sizes`);
  const temp = await createTempDir(id, { ...(dirParam !== undefined ? { parent: dirParam } : {}), ...(signal !== undefined ? { signal } : {}) });
  try {
    progress.update('start', 0, `${jobs.length} jobs in ${temp.path}${withFio ? ', each beside fio' : ''}`);
    const bench = new BenchmarkSuite(id, { warmup: false, seed, ...(signal !== undefined ? { signal } : {}) });
    const results = new Map<string, DiskJobResult>();
    const figuresFor = (task: string): KeyFigure[] => {
      const r = results.get(task);
      return r === undefined ? [] : jobFigures(r);
    };
    jobs.forEach((spec, index) => {
      const bytes = spec.kind === 'loose-objects' ? Math.round(meanLoose * (spec.files ?? 0)) : spec.kind.startsWith('rand') ? spec.blockSize * (spec.ops ?? 0) : spec.size;
      const common = { minSamples: 1, maxSamples: 1, warmup: false, timeoutMs: 3_600_000 } as const;
      const name = spec.name;
      bench.add(
        name,
        async () => {
          results.set(name, await runNodeDiskJob(spec, temp.path, seed + index, signal));
        },
        {
          ...common,
          bytes,
          setup: () => {
            prepareNodeDiskJob(spec, temp.path);
          },
          tags: ['disk', spec.kind, 'rune-bench'],
          figures: () => figuresFor(name),
        },
      );
      if (withFio) {
        const fioName = `${name} (fio)`;
        bench.add(
          fioName,
          async () => {
            results.set(fioName, await runFioJob(spec, temp.path, { seed: seed + index, meanFileSize: meanLoose, fio: fioCommand, ...(signal !== undefined ? { signal } : {}) }));
          },
          { ...common, tags: ['disk', spec.kind, 'fio', 'peer'], figures: () => figuresFor(fioName) },
        );
      }
    });
    const total = jobs.length * (withFio ? 2 : 1);
    let started = 0;
    bench.on('task:start', (info) => {
      started = info.index;
      progress.update(info.task, info.index / total);
    });
    bench.on('task:complete', (task) => {
      progress.update(task.name, (started + 1) / total, `${task.name}: ${task.status}`);
    });
    const result = await bench.run();
    progress.update('done', 1);
    // each job's figures are its task's (bandwidth, iops, latency): not copied into suite figures
    return builder.adopt(result).notice(...notices).build();
  } finally {
    await temp.remove();
  }
}

