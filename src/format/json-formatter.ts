// The JSON formatter: the versioned SuiteResult format (schema/suite-result.schema.json), and plain
// versioned documents for histories, findings and trends.
import { SNAPSHOT_SCHEMA_VERSION } from '../core/snapshot.js';
import { thresholdOption } from './common.js';
import type { FormatInput, FormatOptions, Formatter } from './formatter.js';
import { reportOf } from './report.js';

/**
 * Schema version of the JSON documents this formatter writes for `history`, `findings` and `trends`
 * inputs (a `suite` input is written as the SuiteResult itself, versioned by `RESULT_SCHEMA_VERSION`).
 *
 * @public
 */
export const REPORT_SCHEMA_VERSION = 1;

/** JSON has no NaN or Infinity: write them as null, which readers turn back into NaN. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function indentOption(value: number | undefined): number {
  if (value === undefined) return 2;
  if (!Number.isInteger(value) || value < 0 || value > 10) throw new RangeError('indent option must be an integer from 0 to 10');
  return value;
}

function toDocument(input: FormatInput, options: FormatOptions): unknown {
  switch (input.kind) {
    case 'suite': {
      // The SuiteResult itself, so a report written with `--format json` reads back as a baseline; with the
      // regression detector's comparison at the root when the run was compared with one.
      // Each suite's relative comparison of its tasks goes at the root too (`relative`), keyed by suite path.
      const report = reportOf(input, thresholdOption(options.threshold));
      const relative = report.suites.flatMap((s) => (s.relative === undefined ? [] : [{ suite: s.path.join('/'), ...s.relative }]));
      return {
        ...input.result,
        ...(report.comparison === undefined ? {} : { comparison: report.comparison }),
        ...(relative.length === 0 ? {} : { relative }),
      };
    }
    case 'history':
      return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        kind: 'history',
        snapshotSchemaVersion: SNAPSHOT_SCHEMA_VERSION,
        snapshots: input.snapshots.map((s) => s.toJSON()),
        ...(input.findings === undefined ? {} : { findings: input.findings }),
      };
    case 'findings':
      return { schemaVersion: REPORT_SCHEMA_VERSION, kind: 'findings', findings: input.findings };
    case 'trends':
      return { schemaVersion: REPORT_SCHEMA_VERSION, kind: 'trends', series: input.series };
  }
}

/**
 * The built-in `json` formatter. A `suite` input is written as the versioned SuiteResult JSON described
 * by `schema/suite-result.schema.json`, plus, when a baseline or a comparison is given, the regression
 * detector's `comparison` at the root (the baseline itself is not included, and a reader ignores the
 * comparison, so the output can itself be used as a baseline); other inputs are written as `{ schemaVersion, kind, ... }` documents.
 * Non-finite numbers are written as `null`.
 *
 * @public
 */
export const jsonFormatter: Formatter = Object.freeze({
  id: 'json',
  extension: 'json',
  mediaType: 'application/json',
  description: 'versioned JSON (the SuiteResult format for runs)',
  format(input: FormatInput, options: FormatOptions = {}): string {
    const indent = indentOption(options.indent);
    return `${JSON.stringify(toDocument(input, options), replacer, indent)}\n`;
  },
});
