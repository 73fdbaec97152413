// fio as a peer: the equivalent fio job for each disk job, run with --output-format=json and parsed.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { RuneBenchError, abortError } from '../../core/errors.js';
import { invalid, isObject } from '../../core/validate.js';
import { reapOnExit } from '../../suites/memory-pressure/child-reaper.js';
import type { DiskJobResult, DiskJobSpec, LatencyPercentiles } from './disk-job.js';
import { layOutFile } from './node-disk-jobs.js';

/**
 * The fio command line (after `fio`) equivalent to a job, writing in `dir`. Loose objects become
 * `nrfiles` files of uniformly drawn sizes with the same mean (fio has no log-normal file sizes).
 *
 * @param spec - the job
 * @param dir - the directory fio works in
 * @param seed - fio's `randseed`
 * @param meanFileSize - mean loose-object size, bytes (loose objects only)
 * @public
 */
export function fioArguments(spec: DiskJobSpec, dir: string, seed: number, meanFileSize = 13_000): string[] {
  const args = [
    `--name=${spec.name}`,
    `--directory=${dir}`,
    '--ioengine=psync',
    '--direct=0',
    // keep the page cache, as rune-bench's own jobs cannot drop it: both read warm files
    '--invalidate=0',
    '--thread=0',
    '--output-format=json',
    '--percentile_list=50:99:99.9',
    `--randseed=${Math.max(1, Math.trunc(seed))}`,
    `--bs=${spec.blockSize}`,
  ];
  switch (spec.kind) {
    case 'seq-write':
      args.push('--rw=write', `--size=${spec.size}`);
      if (spec.fsync === 'end') args.push('--end_fsync=1');
      else if (typeof spec.fsync === 'number') args.push(`--fsync=${spec.fsync}`);
      break;
    case 'seq-read':
      args.push('--rw=read', `--size=${spec.size}`);
      break;
    case 'rand-read':
      args.push('--rw=randread', `--size=${spec.size}`, `--number_ios=${spec.ops ?? 1000}`);
      break;
    case 'rand-write':
      args.push('--rw=randwrite', `--size=${spec.size}`, `--number_ios=${spec.ops ?? 1000}`);
      if (spec.fsync === 1) args.push('--fsync=1');
      break;
    case 'loose-objects': {
      const files = spec.files ?? 1000;
      const low = 512;
      const high = Math.max(low + 4096, Math.round(2 * meanFileSize - low));
      args.push('--rw=write', `--nrfiles=${files}`, `--filesize=${low}-${high}`, `--size=${Math.round(files * meanFileSize * 1.05)}`, '--openfiles=1', '--file_service_type=sequential', '--create_on_open=1');
      break;
    }
  }
  return args;
}

/** Reads the flag afresh (a plain `signal?.aborted` check is narrowed by an earlier one). */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}

function percentilesFrom(lat: unknown): LatencyPercentiles {
  const p = isObject(lat) && isObject(lat.percentile) ? lat.percentile : {};
  return { p50: num(p['50.000000']) / 1e9, p99: num(p['99.000000']) / 1e9, p999: num(p['99.900000']) / 1e9 };
}

/**
 * Parses fio's `--output-format=json` for the first job into a {@link DiskJobResult}. Throws
 * `RuneBenchError` `ERR_INVALID_FORMAT` when the JSON does not have fio's shape.
 *
 * @param text - fio's standard output
 * @param spec - the job it ran
 * @public
 */
export function parseFioOutput(text: string, spec: DiskJobSpec): DiskJobResult {
  // fio may print notes before the JSON document
  const start = text.indexOf('{');
  let doc: unknown;
  try {
    doc = JSON.parse(start >= 0 ? text.slice(start) : text);
  } catch (cause) {
    throw new RuneBenchError('ERR_INVALID_JSON', `fio output for ${spec.name} is not JSON: ${(cause as Error).message}`, { cause });
  }
  const jobs = isObject(doc) ? doc.jobs : undefined;
  const job: unknown = Array.isArray(jobs) ? jobs[0] : undefined;
  if (!isObject(job)) throw invalid('fio output', 'has no jobs[0]');
  const side = spec.kind === 'seq-read' || spec.kind === 'rand-read' ? job.read : job.write;
  if (!isObject(side)) throw invalid('fio output', `jobs[0] has no ${spec.kind.includes('read') ? 'read' : 'write'} section`);
  const bytes = num(side.io_bytes);
  const ios = num(side.total_ios);
  const runtimeMs = num(side.runtime);
  if (!(bytes >= 0) || !(ios >= 0)) throw invalid('fio output', 'jobs[0] lacks io_bytes or total_ios');
  const sync = job.sync;
  const syncLat = isObject(sync) ? sync.lat_ns : undefined;
  const synced = isObject(sync) && num(sync.total_ios) > 0;
  const errorCode = num(job.error);
  if (errorCode > 0) throw new RuneBenchError('ERR_CHILD_FAILED', `fio reported error ${errorCode} for ${spec.name}`);
  const seconds = runtimeMs / 1000;
  const result: DiskJobResult = {
    name: spec.name,
    engine: 'fio',
    bytes,
    ops: spec.kind === 'loose-objects' ? (spec.files ?? ios) : ios,
    seconds,
    bandwidth: num(side.bw_bytes),
    iops: spec.kind === 'loose-objects' ? (spec.files ?? ios) / Math.max(seconds, 1e-6) : num(side.iops),
    latency: percentilesFrom(side.clat_ns),
    ...(synced ? { fsyncLatency: percentilesFrom(syncLat) } : {}),
  };
  return result;
}

/**
 * Runs the fio job equivalent to `spec` in a fresh sub-directory of `dir` (removed afterwards) and parses
 * its JSON. Rejects with `ERR_NOT_FOUND` when fio is not on the PATH, `ERR_CHILD_FAILED` when it fails,
 * `ERR_ABORTED` (after killing fio) when aborted.
 *
 * @public
 */
export async function runFioJob(spec: DiskJobSpec, dir: string, options: { readonly seed?: number; readonly meanFileSize?: number; readonly signal?: AbortSignal; readonly fio?: string } = {}): Promise<DiskJobResult> {
  const signal = options.signal;
  if (signal?.aborted === true) throw abortError(signal, `fio ${spec.name}`);
  const work = join(dir, `fio-${spec.name}`);
  mkdirSync(work, { recursive: true });
  try {
    // read and random-write jobs get the same warm, fully written file rune-bench's own jobs get
    if (spec.kind === 'seq-read' || spec.kind === 'rand-read' || spec.kind === 'rand-write') {
      layOutFile(join(work, `${spec.name}.0.0`), spec.size, Math.max(spec.blockSize, 1 << 20));
    }
    const child = spawn(options.fio ?? 'fio', fioArguments(spec, work, options.seed ?? 1, options.meanFileSize), { stdio: ['ignore', 'pipe', 'pipe'], cwd: work });
    reapOnExit(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr = (stderr + t).slice(-4096)));
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        child.once('error', reject);
        child.once('close', resolve);
      });
      if (isAborted(signal)) throw abortError(signal, `fio ${spec.name}`);
      if (code !== 0) throw new RuneBenchError('ERR_CHILD_FAILED', `fio ${spec.name} exited with ${String(code)}: ${stderr.trim().slice(-400)}`);
      return parseFioOutput(stdout, spec);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new RuneBenchError('ERR_NOT_FOUND', 'fio is not on the PATH', { cause: error });
      }
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
