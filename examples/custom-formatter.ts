// Writing your own formatter: a per-task CSV formatter for spreadsheets, registered beside the built-ins
// (which include a hyperfine-style `csv`) so `getFormatter('tasks-csv')` (and the CLI's
// `--format tasks-csv`, once registered in a suite module) finds it.
// It formats a real benchmark run, then the same run with the built-in table and HTML formatters.
//
//   npm run build && npx tsx examples/custom-formatter.ts
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchmarkSuite, RuneBenchError, getFormatter, registerFormatter } from 'rune-bench';
import { shouldUseColor } from 'rune-bench/format';
import type { FormatInput, FormatOptions, Formatter, SuiteResult } from 'rune-bench';

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';

/** RFC 4180 quoting: every field quoted, quotes doubled. */
function csvField(value: string | number | undefined): string {
  return `"${String(value ?? '').replaceAll('"', '""')}"`;
}

/** One row per task, nested suites included; numbers stay in base units (seconds, bytes/s). */
function rows(result: SuiteResult, path: readonly string[] = []): string[] {
  const here = [...path, result.name].join('/');
  const own = result.tasks.map((t) =>
    [here, t.name, t.status, t.stats?.median, t.stats?.p99, t.stats?.rme, t.stats?.opsPerSecond, t.stats?.bytesPerSecond].map(csvField).join(','),
  );
  return [...own, ...(result.children ?? []).flatMap((child) => rows(child, [...path, result.name]))];
}

const csvFormatter: Formatter = {
  id: 'tasks-csv',
  extension: 'csv',
  mediaType: 'text/csv; charset=utf-8',
  description: 'one row per task, base units',
  kinds: ['suite'],
  format(input: FormatInput, options: FormatOptions = {}): string {
    if (input.kind !== 'suite') {
      throw new RuneBenchError('ERR_UNSUPPORTED', `the csv formatter cannot format "${input.kind}" input`);
    }
    const header = ['suite', 'task', 'status', 'median_seconds', 'p99_seconds', 'rme_ratio', 'ops_per_second', 'bytes_per_second'];
    const title = options.title === undefined ? [] : [csvField(options.title)];
    return `${[...title, header.map(csvField).join(','), ...rows(input.result)].join('\r\n')}\r\n`;
  },
};

registerFormatter(csvFormatter);

const data = Buffer.alloc(16 * 1024, 1);
const suite = new BenchmarkSuite('hashing', { timeMs: quick ? 50 : 500, keepSamples: true });
suite.add('sha1 16KiB', () => createHash('sha1').update(data).digest(), { bytes: data.length });
suite.add('sha256 16KiB', () => createHash('sha256').update(data).digest(), { bytes: data.length });
const result = await suite.run();

const input: FormatInput = { kind: 'suite', result };
console.log(getFormatter('tasks-csv').format(input));
console.log(getFormatter('table').format(input, { color: shouldUseColor({ stream: process.stdout }) }));

const dir = mkdtempSync(join(tmpdir(), 'rune-bench-report-'));
const html = getFormatter('html');
const file = join(dir, `report.${html.extension}`);
writeFileSync(file, html.format(input));
console.log(`HTML report (${html.mediaType}, ${statSync(file).size} bytes): ${file}`);
if (quick) rmSync(dir, { recursive: true, force: true }); // the test run leaves nothing behind
