/**
 * Stable error codes carried by {@link RuneBenchError}. Callers branch on `code`, never on message text.
 *
 * @public
 */
export type RuneBenchErrorCode =
  /** JSON text could not be parsed. */
  | 'ERR_INVALID_JSON'
  /** A document parsed but does not have the expected shape. */
  | 'ERR_INVALID_FORMAT'
  /** A document's schema version is not one this release reads. */
  | 'ERR_SCHEMA_VERSION'
  /** A compressed file could not be decompressed (truncated or not gzip). */
  | 'ERR_CORRUPT_FILE'
  /** A file could not be read or written. */
  | 'ERR_FILE_IO'
  /** A metric source failed while collecting. */
  | 'ERR_SOURCE_FAILED'
  /** A metric source did not answer within its timeout. */
  | 'ERR_SOURCE_TIMEOUT'
  /** A metric source cannot run on this platform (for example no `/proc`). */
  | 'ERR_SOURCE_UNAVAILABLE'
  /** An operation was aborted through its `AbortSignal`. */
  | 'ERR_ABORTED'
  /** A benchmark task did not settle within its timeout. */
  | 'ERR_TASK_TIMEOUT'
  /** A benchmark task threw or rejected. */
  | 'ERR_TASK_FAILED'
  /** Two results cannot be compared (different benchmarks or incompatible environments). */
  | 'ERR_MISMATCH'
  /** A name (suite, formatter, source, rule) is not registered. */
  | 'ERR_NOT_FOUND'
  /** A name is registered twice. */
  | 'ERR_DUPLICATE'
  /** A child process or worker failed. */
  | 'ERR_CHILD_FAILED'
  /** Not enough data for the requested analysis. */
  | 'ERR_INSUFFICIENT_DATA'
  /** A plug-in (formatter...) was given an input it does not support. */
  | 'ERR_UNSUPPORTED'
  /** An object is busy with an operation that cannot run twice at once (for example `BenchmarkSuite.run`). */
  | 'ERR_BUSY'
  /** A bottleneck rule threw while evaluating a window. */
  | 'ERR_RULE_FAILED'
  /** An input file (or its decompressed content) is larger than the configured cap. */
  | 'ERR_INPUT_TOO_LARGE'

  /** An external program the operation needs is not installed (the message names the Debian package). */
  | 'ERR_TOOL_MISSING';

/**
 * Options for {@link RuneBenchError}.
 *
 * @public
 */
export interface RuneBenchErrorOptions {
  /** The underlying error, if any. */
  readonly cause?: unknown;
  /** The file the error is about, if any. */
  readonly path?: string;
}

/**
 * The one error class thrown by rune-bench for anything other than invalid options
 * (those throw `TypeError` or `RangeError` naming the option).
 *
 * @public
 */
export class RuneBenchError extends Error {
  /** Stable, machine-readable code. */
  readonly code: RuneBenchErrorCode;
  /** The file the error is about, when there is one. */
  readonly path: string | undefined;

  /**
   * @param code - stable error code
   * @param message - a sentence that says what went wrong and, where possible, what to do
   * @param options - cause and file path
   */
  constructor(code: RuneBenchErrorCode, message: string, options: RuneBenchErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RuneBenchError';
    this.code = code;
    this.path = options.path;
  }
}

/**
 * Whether `value` is a {@link RuneBenchError}, optionally with the given code.
 *
 * @public
 */
export function isRuneBenchError(value: unknown, code?: RuneBenchErrorCode): value is RuneBenchError {
  return value instanceof RuneBenchError && (code === undefined || value.code === code);
}

/**
 * The error to throw or reject with when an `AbortSignal` fires.
 *
 * @internal
 */
export function abortError(signal: AbortSignal | undefined, what: string): RuneBenchError {
  return new RuneBenchError('ERR_ABORTED', `${what} was aborted`, { cause: signal?.reason });
}
