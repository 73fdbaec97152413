// Shared helpers for the regression tests: seeded log-normal samples and minimal suite results.
import { createRng } from '../../../src/stats/rng.js';
import { RESULT_SCHEMA_VERSION, type SuiteResult, type TaskResult } from '../../../src/core/results.js';

export function logNormal(seed: number, n: number, median: number, sigma: number): number[] {
  const rng = createRng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    out.push(median * Math.exp(sigma * z));
  }
  return out;
}

function sortedMedian(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >>> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

export function task(name: string, samples: readonly number[]): TaskResult {
  const median = sortedMedian(samples);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    name,
    status: 'ok',
    samples,
    duration: samples.reduce((a, b) => a + b, 0),
    tags: [],
    stats: {
      samples: samples.length,
      operations: samples.length,
      batchSize: 1,
      mean,
      median,
      min: Math.min(...samples),
      max: Math.max(...samples),
      p75: median,
      p90: median,
      p95: median,
      p99: median,
      sd: 0,
      mad: 0,
      sem: 0,
      rme: 0,
      medianCI: { lower: median, upper: median, level: 0.95 },
      outliers: { lowSevere: 0, lowMild: 0, highMild: 0, highSevere: 0 },
      opsPerSecond: 1 / median,
      resolution: 1e-9,
      belowResolution: false,
    },
  };
}

export function suiteResult(
  name: string,
  tasks: readonly TaskResult[],
  options: { startedAt?: string; commit?: string; machine?: string } = {},
): SuiteResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    name,
    status: 'ok',
    startedAt: options.startedAt ?? new Date().toISOString(),
    env: {
      id: options.machine ?? 'machine-a',
      node: process.version,
      v8: process.versions.v8,
      platform: process.platform,
      arch: process.arch,
      osRelease: 'test',
      cpuModel: 'test',
      cores: 2,
      totalMemory: 1,
      loadPerCore: 0,
      ...(options.commit === undefined ? {} : { gitCommit: options.commit }),
    },
    tasks,
    summary: { duration: 1, operationsPerSecond: 1, peakMemory: 1, peakCpu: 1, successRate: 1 },
  };
}
