// The Formatter plug point: one interface for the built-ins and for a user's own formatter.
import type { BottleneckFinding } from '../core/findings.js';
import type { MetricUnit } from '../core/metric.js';
import type { SuiteResult } from '../core/results.js';
import type { ComparisonReport } from '../detect/regression/regression-types.js';
import type { TrendBudget } from '../detect/forecast/budget-forecast.js';
import type { MetricSnapshot } from '../core/snapshot.js';

/**
 * A suite run to report, optionally with a baseline run of the same suite to compare against.
 *
 * @public
 */
export interface SuiteFormatInput {
  /** Discriminant. */
  readonly kind: 'suite';
  /** The run to report. */
  readonly result: SuiteResult;
  /** A previous run of the same suite; benchmarks are matched by their key below the root (`child/task`). */
  readonly baseline?: SuiteResult;
  /**
   * The regression detector's comparison of `result` with a baseline (for example from
   * `RegressionDetector.compare`), which the report shows. When absent and `baseline` is given, the
   * report compares through the detector with its defaults and `FormatOptions.threshold`.
   */
  readonly comparison?: ComparisonReport;
  /** The monitor's snapshots during the run, for time-series charts (HTML). */
  readonly history?: readonly MetricSnapshot[];
  /** Histories of the suite's benchmarks across stored runs, for trend charts (HTML, Markdown). */
  readonly trends?: readonly TrendSeries[];
}

/**
 * A window of monitor snapshots (for example `monitor.history.toArray()`), oldest first.
 *
 * @public
 */
export interface HistoryFormatInput {
  /** Discriminant. */
  readonly kind: 'history';
  /** Snapshots, oldest first. */
  readonly snapshots: readonly MetricSnapshot[];
  /** Findings a bottleneck detector produced over the same window, shown beside the charts. */
  readonly findings?: readonly BottleneckFinding[];
}

/**
 * Bottleneck findings on their own.
 *
 * @public
 */
export interface FindingsFormatInput {
  /** Discriminant. */
  readonly kind: 'findings';
  /** Findings, in any order (formatters sort by severity). */
  readonly findings: readonly BottleneckFinding[];
}

/**
 * One point of a benchmark's history across runs.
 *
 * @public
 */
export interface TrendPoint {
  /** Commit the run measured, when known. */
  readonly commit?: string;
  /** When the run started, milliseconds since the Unix epoch. */
  readonly timestamp: number;
  /** Measured value in base units (for task timings: median seconds per operation). */
  readonly value: number;
  /**
   * Set when the run measured something else than its neighbours (other scale or parameters), in words: such a
   * point is marked, not drawn as a spike, and left out of the change-point analysis.
   */
  readonly otherSettings?: string;
}

/**
 * A detected shift in a series: the point at `index` is the first one after the change.
 *
 * @public
 */
export interface TrendChangePoint {
  /** Index into {@link TrendSeries.points} of the first point after the change. */
  readonly index: number;
  /** Short label for people, e.g. `+12% slower`. */
  readonly label?: string;
  /** Whether the change is a regression, an improvement or neither. */
  readonly direction?: 'regression' | 'improvement' | 'neutral';
}

/**
 * The history of one benchmark key (for example `suite/task`) across stored runs.
 *
 * @public
 */
export interface TrendSeries {
  /** Benchmark key, e.g. `disk_io/sequential write`. */
  readonly key: string;
  /** Unit of the values. @defaultValue `'s'` (seconds per operation) */
  readonly unit?: MetricUnit;
  /** Points, oldest first. */
  readonly points: readonly TrendPoint[];
  /** Change points found in the series, when a detector ran. */
  readonly changePoints?: readonly TrendChangePoint[];
  /** The benchmark's budget and when its trend crosses it, when a budget was given. */
  readonly budget?: TrendBudget;
}

/**
 * Benchmark histories across runs (what `rune-bench report --trends` shows).
 *
 * @public
 */
export interface TrendsFormatInput {
  /** Discriminant. */
  readonly kind: 'trends';
  /** One series per benchmark key. */
  readonly series: readonly TrendSeries[];
}

/**
 * Everything a formatter can be asked to format: a tagged union on `kind`.
 *
 * @public
 */
export type FormatInput = SuiteFormatInput | HistoryFormatInput | FindingsFormatInput | TrendsFormatInput;

/**
 * The `kind` of a {@link FormatInput}.
 *
 * @public
 */
export type FormatInputKind = FormatInput['kind'];

/**
 * Options every formatter accepts; a formatter ignores those that do not apply to it.
 *
 * @public
 */
export interface FormatOptions {
  /**
   * Use ANSI colour (terminal formatters only). The formatter never looks at the terminal itself:
   * the caller decides, usually with `shouldUseColor({ stream: process.stdout })`.
   * @defaultValue `false`
   */
  readonly color?: boolean;
  /** Title of the report (HTML, Markdown). @defaultValue derived from the input */
  readonly title?: string;
  /**
   * Relative change of a median counted as a real difference when comparing with a baseline
   * (0.02 = 2%), passed to the regression detector. Ignored when the input carries a `comparison`.
   * @defaultValue `0.02`
   */
  readonly threshold?: number;
  /** Time the report is stamped with (HTML, Markdown); pass one for reproducible output. @defaultValue now */
  readonly generatedAt?: Date;
  /** Pretty-print indentation for JSON. @defaultValue `2` */
  readonly indent?: number;
}

/**
 * Turns a {@link FormatInput} into text. Built-in formatters implement exactly this interface, and a
 * user's formatter registered with `registerFormatter` is used by the CLI like a built-in.
 *
 * @public
 */
export interface Formatter {
  /** Unique id, as given to `--format` (lowercase letters, digits, `-`). */
  readonly id: string;
  /** File extension without the dot, e.g. `html`. */
  readonly extension: string;
  /** IANA media type, e.g. `text/html; charset=utf-8`. */
  readonly mediaType: string;
  /** One line for `--help` and `listFormatters()`. */
  readonly description?: string;
  /** Input kinds this formatter supports. @defaultValue all kinds */
  readonly kinds?: readonly FormatInputKind[];
  /**
   * Formats `input`.
   *
   * @throws `RuneBenchError` `ERR_UNSUPPORTED` when the input kind is not supported
   */
  format(input: FormatInput, options?: FormatOptions): string;
}
