// `report --trends --budget KEY=VALUE`: a budget per benchmark, an absolute time or a ratio to a named baseline.
import { walkBenchmarks } from '../../core/walk.js';
import type { BenchmarkBudget } from '../../detect/forecast/budget-forecast.js';
import type { ResultsStore } from '../../store/results-store.js';
import { parseDuration, type Duration } from '../../testing/duration.js';
import { UsageError } from '../usage-error.js';

const RATIO = /^\s*(\d+(?:\.\d+)?)\s*x\s*@\s*([A-Za-z0-9][\w.-]*)\s*$/;

/**
 * Parses the budgets of `report --trends`, from `--budget` flags and the config file's `budgets` (a flag wins
 * for its key): `KEY=DURATION` (`large_repository/walk + lstat=40ms`) or `KEY=RATIOx@BASELINE`
 * (`1.2x@main`: 1.2 times the benchmark's median in the named baseline of the store).
 *
 * @internal
 */
export function parseBudgets(flags: readonly string[], fromConfig: Readonly<Record<string, string>>, store: ResultsStore, command: string): BenchmarkBudget[] {
  const given = flags.map((value) => {
    const at = value.lastIndexOf('=');
    const key = at <= 0 ? '' : value.slice(0, at).trim();
    const spec = at <= 0 ? '' : value.slice(at + 1).trim();
    if (key === '' || spec === '') throw new UsageError(`--budget needs KEY=DURATION or KEY=RATIOx@BASELINE (e.g. 'disk_io/seq read=40ms'), got ${JSON.stringify(value)}`, command);
    return [key, spec] as const;
  });
  const flagged = new Set<string>();
  for (const [key] of given) {
    if (flagged.has(key)) throw new UsageError(`--budget gives ${key} twice`, command);
    flagged.add(key);
  }
  // a --budget flag wins over the config file's budget for the same key
  const entries = [...Object.entries(fromConfig).filter(([key]) => !flagged.has(key)), ...given];
  const out: BenchmarkBudget[] = [];
  for (const [key, spec] of entries) {
    const ratio = RATIO.exec(spec);
    if (ratio !== null) {
      const factor = Number(ratio[1]);
      const name = ratio[2] as string;
      if (!(factor > 0)) throw new UsageError(`--budget ${key}: the ratio must be positive, got ${ratio[1] ?? ''}`, command);
      const baseline = store.readBaseline(name);
      if (baseline === undefined) throw new UsageError(`--budget ${key}: no baseline named ${name} in ${store.location} (save one with run --save-baseline ${name})`, command);
      const entry = [...walkBenchmarks(baseline)].find((e) => e.key === key);
      const median = entry?.task.stats?.median;
      if (median === undefined || !(median > 0)) throw new UsageError(`--budget ${key}: baseline ${name} has no measured benchmark ${key}`, command);
      out.push({ key, seconds: factor * median, source: `${String(factor)}x of baseline ${name}` });
      continue;
    }
    let seconds: number;
    try {
      // any text: parseDuration checks it and names the flag when it is not a duration
      seconds = parseDuration(spec as Duration, `--budget ${key}`);
    } catch (error) {
      throw new UsageError(`${error instanceof Error ? error.message : String(error)}, or a ratio such as '1.2x@main'`, command);
    }
    out.push({ key, seconds, source: spec });
  }
  return out;
}
