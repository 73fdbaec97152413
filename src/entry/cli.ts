/**
 * rune-bench/cli: the command tree, to mount in a host tool (`rune benchmark`).
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export { createCli } from '../cli/cli.js';
export type { Cli, CliCommandInfo, CliOptions } from '../cli/cli.js';
export type { RuneBenchConfig } from '../cli/config.js';
export type { CliStream } from '../cli/context.js';
export { isBaselineName } from '../store/results-store.js';
