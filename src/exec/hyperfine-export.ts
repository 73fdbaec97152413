// hyperfine's export files (--export-json, --export-csv, --export-markdown) from a command benchmark, so
// scripts written for hyperfine read ours unchanged.
import type { TaskResult } from '../core/results.js';
import { safeText } from '../format/common.js';
import { describeSamples } from '../stats/describe.js';
import type { CommandBenchmark, CommandMeasurements } from './types.js';

interface Row {
  readonly command: CommandMeasurements;
  readonly task: TaskResult | undefined;
  readonly mean: number;
  readonly stddev: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly user: number;
  readonly system: number;
}

function rows(bench: CommandBenchmark): Row[] {
  const out: Row[] = [];
  for (const command of bench.commands) {
    const task = bench.result.tasks.find((t) => t.name === command.name);
    if (command.runs.length === 0 || task?.status !== 'ok') continue;
    const describe = (values: readonly number[]): ReturnType<typeof describeSamples> => describeSamples(values, { batchSize: 1, resolution: 0, resamples: 1 });
    const wall = describe(command.runs.map((r) => r.wall));
    out.push({
      command,
      task,
      mean: wall.mean,
      stddev: wall.sd,
      median: wall.median,
      min: wall.min,
      max: wall.max,
      user: describe(command.runs.map((r) => r.user)).mean,
      system: describe(command.runs.map((r) => r.system)).mean,
    });
  }
  return out;
}

/**
 * hyperfine's `--export-json` document: an object whose `results` array holds, per command, `command`, `mean`,
 * `stddev`, `median`, `user`, `system`, `min`, `max`, `times`, `memory_usage_byte`, `exit_codes` and (with
 * parameters) `parameters`; times in seconds. Commands whose task did not complete are left out.
 *
 * @beta
 */
export function hyperfineJson(bench: CommandBenchmark): string {
  const results = rows(bench).map((r) => ({
    command: r.command.command,
    mean: r.mean,
    stddev: r.stddev,
    median: r.median,
    user: r.user,
    system: r.system,
    min: r.min,
    max: r.max,
    times: r.command.runs.map((run) => run.wall),
    memory_usage_byte: r.command.runs.map((run) => run.maxRss),
    exit_codes: r.command.runs.map((run) => run.exitCode),
    ...(Object.keys(r.command.parameters).length === 0 ? {} : { parameters: r.command.parameters }),
  }));
  return `${JSON.stringify({ results }, null, 2)}\n`;
}

function csvField(text: string): string {
  const safe = safeText(text);
  return /[",]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * hyperfine's `--export-csv` table: `command,mean,stddev,median,user,system,min,max` and one
 * `parameter_NAME` column per parameter, times in seconds.
 *
 * @beta
 */
export function hyperfineCsv(bench: CommandBenchmark): string {
  const all = rows(bench);
  const names = [...new Set(all.flatMap((r) => Object.keys(r.command.parameters)))];
  const lines = [['command', 'mean', 'stddev', 'median', 'user', 'system', 'min', 'max', ...names.map((n) => `parameter_${n}`)].join(',')];
  for (const r of all) {
    const figures = [r.mean, r.stddev, r.median, r.user, r.system, r.min, r.max].map(String);
    lines.push([csvField(r.command.command), ...figures, ...names.map((n) => csvField(r.command.parameters[n] ?? ''))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function markdownCode(text: string): string {
  return `\`${safeText(text).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/**
 * hyperfine's `--export-markdown` table: command, mean ± standard deviation, min, max (in ms, or s when every
 * mean is a second or more) and the relative time against the fastest command. The relative column is the
 * result's `relative` figure (ratio of medians) with its 95% bootstrap interval, where hyperfine shows a ratio
 * of means ± propagated error.
 *
 * @beta
 */
export function hyperfineMarkdown(bench: CommandBenchmark): string {
  const all = rows(bench);
  const seconds = all.length > 0 && all.every((r) => r.mean >= 1);
  const unit = seconds ? 's' : 'ms';
  const scale = seconds ? 1 : 1000;
  const n = (v: number): string => (v * scale).toFixed(1);
  const lines = [`| Command | Mean [${unit}] | Min [${unit}] | Max [${unit}] | Relative |`, '|:---|---:|---:|---:|---:|'];
  for (const r of all) {
    const fig = (name: string): number | undefined => r.task?.figures?.find((f) => f.name === name)?.value;
    const ratio = fig('relative');
    const lower = fig('relative.ci_lower');
    const upper = fig('relative.ci_upper');
    const relative =
      ratio === undefined ? '' : lower === undefined || upper === undefined ? ratio.toFixed(2) : `${ratio.toFixed(2)} [${lower.toFixed(2)}, ${upper.toFixed(2)}]`;
    lines.push(`| ${markdownCode(r.command.command)} | ${n(r.mean)} ± ${n(r.stddev)} | ${n(r.min)} | ${n(r.max)} | ${relative} |`);
  }
  return `${lines.join('\n')}\n`;
}
