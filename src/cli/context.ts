// What every command receives: output streams, environment, working directory, abort signal.
import { shouldUseColor } from '../format/color.js';

/**
 * A text stream the CLI writes to: `process.stdout`, `process.stderr`, or any object with `write`.
 * `isTTY` turns on the progress bar, the live dashboard and (unless NO_COLOR) colour; `columns` sets
 * the width used for the dashboard and progress bar.
 *
 * @public
 */
export interface CliStream {
  /** Writes text. */
  write(chunk: string): unknown;
  /** Whether the stream is a terminal. @defaultValue `false` */
  readonly isTTY?: boolean;
  /** Terminal width in columns, when known. */
  readonly columns?: number;
  /** Terminal height in rows, when known (the dashboard is cut to fit). */
  readonly rows?: number;
}

/**
 * What a command is given when it runs.
 *
 * @internal
 */
export interface CommandContext {
  /** Program name as the user typed it, e.g. `rune-bench` or `rune benchmark`. */
  readonly program: string;
  /** Report output (tables, JSON, HTML...). */
  readonly stdout: CliStream;
  /** Progress, notices and errors. */
  readonly stderr: CliStream;
  /** Environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory that relative paths resolve against. */
  readonly cwd: string;
  /** Fires on Ctrl-C (the bin wires SIGINT to it) or when the host cancels. */
  readonly signal: AbortSignal;
  /** Print stack traces and extra detail. */
  readonly verbose: boolean;
}

/** Writes one line to stderr, prefixed with the program name. @internal */
export function note(ctx: CommandContext, line: string): void {
  ctx.stderr.write(`${ctx.program}: ${line}\n`);
}

/** Whether colour should be used on `stream` (NO_COLOR, FORCE_COLOR, TTY). @internal */
export function wantsColor(stream: CliStream, env: Readonly<Record<string, string | undefined>>): boolean {
  return shouldUseColor({ stream, env });
}
