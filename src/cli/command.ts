// The shape of one CLI command.
import type { CommandSpec, Flags } from './args.js';
import type { CommandContext } from './context.js';

/**
 * What a command does: runs with parsed flags and resolves to the exit code.
 *
 * @internal
 */
export type CommandRun = (ctx: CommandContext, flags: Flags) => Promise<number>;

/**
 * A command of the tree: its spec (flags, help) and, loaded on demand, what it does, so `--help`,
 * `--version` and flag errors never load the suites, the monitor or the detectors.
 *
 * @internal
 */
export interface Command {
  /** Name, flags and help. */
  readonly spec: CommandSpec;
  /** Imports the command's implementation. */
  load(): Promise<CommandRun>;
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
  /** `compare --strict`: the verdict was inconclusive. */
  Inconclusive: 4,
  /** Interrupted (Ctrl-C / SIGINT). */
  Interrupted: 130,
} as const;
