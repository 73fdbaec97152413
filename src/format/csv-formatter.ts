// CSV like hyperfine's `--export-csv`: one row per benchmark, times in seconds.
import { exportedBenchmarks } from './ci-export.js';
import type { FormatInput, Formatter } from './formatter.js';

/** A CSV field: quoted when it holds a comma, quote or line break; control characters removed; no formula start. */
function field(value: string): string {
  let clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  if (/^[=+\-@]/.test(clean)) clean = `'${clean}`;
  return /[",]/.test(clean) ? `"${clean.replaceAll('"', '""')}"` : clean;
}

/**
 * CSV shaped like hyperfine's export (`command,mean,stddev,median,min,max`, seconds per operation), with the
 * benchmark key in the first column.
 *
 * @public
 */
export const csvFormatter: Formatter = {
  id: 'csv',
  extension: 'csv',
  mediaType: 'text/csv; charset=utf-8',
  description: 'CSV like hyperfine: command,mean,stddev,median,min,max (s/op)',
  kinds: ['suite'],
  format(input: FormatInput): string {
    const rows = ['command,mean,stddev,median,min,max'];
    for (const { key, stats } of exportedBenchmarks(input, 'csv')) {
      rows.push([field(key), stats.mean, stats.sd, stats.median, stats.min, stats.max].map(String).join(','));
    }
    return `${rows.join('\n')}\n`;
  },
};
