// The completed benchmarks of a result tree, as the CI export formatters (Bencher, github-action-benchmark, CSV) list them.
import { RuneBenchError } from '../core/errors.js';
import type { TaskStatistics } from '../core/results.js';
import { walkBenchmarks } from '../core/walk.js';
import type { FormatInput } from './formatter.js';

/** One completed benchmark: its key and statistics. @internal */
export interface ExportedBenchmark {
  readonly key: string;
  readonly stats: TaskStatistics;
}

/** The benchmarks with status `ok` and statistics, in tree order; other input kinds are refused. @internal */
export function exportedBenchmarks(input: FormatInput, formatter: string): ExportedBenchmark[] {
  if (input.kind !== 'suite') throw new RuneBenchError('ERR_UNSUPPORTED', `the ${formatter} formatter exports suite results, not ${input.kind}`);
  const out: ExportedBenchmark[] = [];
  for (const { key, task } of walkBenchmarks(input.result)) {
    if (task.status === 'ok' && task.stats !== undefined && Number.isFinite(task.stats.median)) out.push({ key, stats: task.stats });
  }
  return out;
}
