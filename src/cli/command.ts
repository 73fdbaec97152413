// The shape of one CLI command.
import type { CommandSpec, Flags } from './args.js';
import type { CommandContext } from './context.js';

/**
 * A command of the tree: its spec (flags, help) and what it does. Returns the exit code.
 *
 * @internal
 */
export interface Command {
  /** Name, flags and help. */
  readonly spec: CommandSpec;
  /** Runs the command with parsed flags; resolves to the exit code. */
  run(ctx: CommandContext, flags: Flags): Promise<number>;
}

/** Exit codes. @internal */
export const ExitCode = {
  /** Success. */
  Ok: 0,
  /** A regression was found and `--fail-on-regression` was given. */
  Regression: 1,
  /** Bad usage or bad input (flags, files). */
  Usage: 2,
  /** The run failed (no task completed) or an unexpected error. */
  Failure: 3,
  /** Interrupted (Ctrl-C / SIGINT). */
  Interrupted: 130,
} as const;
