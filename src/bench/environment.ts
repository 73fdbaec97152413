// Where a result was measured: machine, runtime, load and (inside a repository) the git commit.
import { nodeChildProcess, nodeCrypto } from '../core/builtins.js';
import { cpus, loadavg, release, totalmem } from 'node:os';
import type { EnvironmentFingerprint } from '../core/results.js';

function git(args: readonly string[], cwd: string): string | undefined {
  try {
    return nodeChildProcess().execFileSync('git', args, { cwd, encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Options of {@link environmentFingerprint}.
 *
 * @public
 */
export interface EnvironmentOptions {
  /** Directory whose git repository (if any) gives the commit and branch. @defaultValue `process.cwd()` */
  readonly cwd?: string;
  /** Look up git commit, branch and dirty state. @defaultValue `true` */
  readonly git?: boolean;
}

/**
 * Describes this machine and runtime: Node and V8 versions, OS, CPU model, cores, memory, load per core at
 * this moment and, when run inside a git repository, the commit, branch and whether the tree is dirty.
 * `id` hashes the machine-level fields only, so runs on one machine share it.
 *
 * @public
 */
export function environmentFingerprint(options: EnvironmentOptions = {}): EnvironmentFingerprint {
  const cpuList = cpus();
  const cores = cpuList.length;
  const cpuModel = cpuList[0]?.model.trim() ?? 'unknown';
  const nodeMajor = process.versions.node.split('.')[0] ?? '';
  const memory = totalmem();
  const id = nodeCrypto()
    .createHash('sha256')
    .update([cpuModel, cores, memory, process.platform, process.arch, nodeMajor].join('|'))
    .digest('hex')
    .slice(0, 16);
  const base: EnvironmentFingerprint = {
    id,
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    osRelease: release(),
    cpuModel,
    cores,
    totalMemory: memory,
    loadPerCore: cores > 0 ? (loadavg()[0] ?? 0) / cores : 0,
  };
  if (options.git === false) return base;
  const cwd = options.cwd ?? process.cwd();
  const commit = git(['rev-parse', 'HEAD'], cwd);
  if (commit === undefined) return base;
  const branch = git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd);
  const status = git(['status', '--porcelain', '--untracked-files=no'], cwd);
  return {
    ...base,
    gitCommit: commit,
    ...(branch === undefined ? {} : { gitBranch: branch }),
    ...(status === undefined ? {} : { gitDirty: status.length > 0 }),
  };
}
