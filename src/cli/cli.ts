// The command tree: `rune-bench <command>`, also mountable by a host as `rune benchmark <command>`.
import { neutralizeControls } from '../core/safe-text.js';
import { isRuneBenchError, type RuneBenchErrorCode } from '../core/errors.js';
import { parseFlags, suggest } from './args.js';
import { ExitCode, type Command } from './command.js';
import type { CliStream, CommandContext } from './context.js';
import { commandHelp, programHelp } from './help.js';
import { UsageError } from './usage-error.js';
import { packageVersion } from './package-version.js';
import { COMPARE_SPEC, LIST_SPEC, MONITOR_SPEC, REPORT_SPEC, RUN_SPEC, STORE_SPEC, BISECT_SPEC } from './commands/specs.js';
import { EXEC_SPEC } from './commands/exec-spec.js';

/**
 * Options for {@link createCli}.
 *
 * @public
 */
export interface CliOptions {
  /** Program name used in usage lines and error messages; a host passes e.g. `'rune benchmark'`. @defaultValue `'rune-bench'` */
  readonly name?: string;
  /** Where reports go. @defaultValue `process.stdout` */
  readonly stdout?: CliStream;
  /** Where progress, notices and errors go. @defaultValue `process.stderr` */
  readonly stderr?: CliStream;
  /** Environment (NO_COLOR, FORCE_COLOR, RUNE_BENCH_SUITES). @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Directory that relative paths and the default results store (`.rune-bench/`) resolve against. @defaultValue `process.cwd()` */
  readonly cwd?: string;
  /**
   * Cancels the running command (the `rune-bench` bin wires Ctrl-C to it): `monitor` stops cleanly with
   * exit 0, `run` is interrupted with exit 130.
   * @defaultValue a signal that never fires
   */
  readonly signal?: AbortSignal;
}

/**
 * A command of the tree, as a host shows it in its own help.
 *
 * @public
 */
export interface CliCommandInfo {
  /** Command name, e.g. `run`. */
  readonly name: string;
  /** One line. */
  readonly summary: string;
}

/**
 * The rune-bench command tree. `run(argv)` never throws and never exits the process: it writes to the
 * configured streams and resolves to the exit code (0 success, 1 regression with `--fail-on-regression`,
 * 2 bad usage or input (and `compare` of revisions that are not comparable), 3 the run failed, 4 an
 * inconclusive `compare --strict`, 130 interrupted).
 *
 * @public
 */
export interface Cli {
  /** Program name. */
  readonly name: string;
  /** The commands (`run`, `compare`, `exec`, `list`, `monitor`, `report`). */
  readonly commands: readonly CliCommandInfo[];
  /**
   * Runs one command line.
   *
   * @param argv - the arguments after the program name, e.g. `['run', '--suite', 'disk_io']`
   * @returns the exit code
   */
  run(argv: readonly string[]): Promise<number>;
}

const COMMANDS: readonly Command[] = [
  { spec: RUN_SPEC, load: async () => (await import('./commands/run.js')).runRun },
  { spec: COMPARE_SPEC, load: async () => (await import('./commands/compare.js')).runCompare },
  { spec: EXEC_SPEC, load: async () => (await import('./commands/exec.js')).runExec },
  { spec: LIST_SPEC, load: async () => (await import('./commands/list.js')).runList },
  { spec: MONITOR_SPEC, load: async () => (await import('./commands/monitor.js')).runMonitor },
  { spec: REPORT_SPEC, load: async () => (await import('./commands/report.js')).runReport },
  { spec: STORE_SPEC, load: async () => (await import('./commands/store.js')).runStore },
  { spec: BISECT_SPEC, load: async () => (await import('./commands/bisect.js')).runBisect },
];

const INPUT_ERRORS: ReadonlySet<RuneBenchErrorCode> = new Set<RuneBenchErrorCode>([
  'ERR_INVALID_JSON',
  'ERR_INVALID_FORMAT',
  'ERR_SCHEMA_VERSION',
  'ERR_CORRUPT_FILE',
  'ERR_INPUT_TOO_LARGE',
  'ERR_FILE_IO',
  'ERR_NOT_FOUND',
  'ERR_DUPLICATE',
  'ERR_MISMATCH',
  'ERR_INSUFFICIENT_DATA',
]);


/**
 * Builds the rune-bench command tree. The `rune-bench` bin is `createCli().run(process.argv.slice(2))`;
 * a host VCS mounts the same tree under its own name:
 *
 * ```ts
 * const code = await createCli({ name: 'rune benchmark' }).run(argv.slice(1));
 * ```
 *
 * @public
 */
export function createCli(options: CliOptions = {}): Cli {
  const name = options.name ?? 'rune-bench';
  if (typeof name !== 'string' || name.trim() === '') throw new TypeError('name option must be a non-empty string');
  for (const key of ['stdout', 'stderr'] as const) {
    const stream = options[key] as Partial<CliStream> | undefined;
    if (stream !== undefined && typeof stream.write !== 'function') throw new TypeError(`${key} option must have a write(text) method`);
  }
  if (options.cwd !== undefined && (typeof options.cwd !== 'string' || options.cwd === '')) {
    throw new TypeError('cwd option must be a non-empty path');
  }
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const signal = options.signal ?? new AbortController().signal;
  return {
    name,
    commands: COMMANDS.map((c) => ({ name: c.spec.name, summary: c.spec.summary })),
    async run(argv: readonly string[]): Promise<number> {
      const verbose = argv.includes('--verbose');
      const ctx: CommandContext = { program: name, stdout, stderr, env, cwd, signal, verbose };
      try {
        return await dispatch(ctx, argv);
      } catch (error) {
        return report(ctx, error);
      }
    },
  };
}

async function dispatch(ctx: CommandContext, argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  const specs = COMMANDS.map((c) => c.spec);
  if (first === undefined) {
    ctx.stderr.write(programHelp(ctx.program, specs, packageVersion()));
    return ExitCode.Usage;
  }
  if (first === '--help' || first === '-h') {
    ctx.stdout.write(programHelp(ctx.program, specs, packageVersion()));
    return ExitCode.Ok;
  }
  if (first === '--version' || first === '-v') {
    ctx.stdout.write(`${packageVersion()}\n`);
    return ExitCode.Ok;
  }
  if (first === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    if (topic === undefined) {
      ctx.stdout.write(programHelp(ctx.program, specs, packageVersion()));
      return ExitCode.Ok;
    }
    ctx.stdout.write(commandHelp(ctx.program, findCommand(topic, ctx.program).spec));
    return ExitCode.Ok;
  }
  if (first.startsWith('-') && first !== '--verbose') {
    throw new UsageError(`expected a command before ${first}: one of ${COMMANDS.map((c) => c.spec.name).join(', ')}`);
  }
  const args = first === '--verbose' ? rest.slice(1) : rest;
  const command = findCommand(first === '--verbose' ? (rest[0] ?? '') : first, ctx.program);
  const flags = parseFlags(command.spec, args);
  if (flags.boolean('help')) {
    ctx.stdout.write(commandHelp(ctx.program, command.spec));
    return ExitCode.Ok;
  }
  const run = await command.load();
  return run(ctx, flags);
}

function findCommand(name: string, program: string): Command {
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (command !== undefined) return command;
  const names = COMMANDS.map((c) => c.spec.name);
  throw new UsageError(`unknown command "${name}"${suggest(name, names)}: try ${names.join(', ')} (${program} --help)`);
}

function report(ctx: CommandContext, error: unknown): number {
  let code: number = ExitCode.Failure;
  let message: string;
  if (error instanceof UsageError) {
    code = ExitCode.Usage;
    message = error.message;
    if (error.hint !== undefined && !message.includes('--help')) message += ` (see ${ctx.program} ${error.hint} --help)`;
  } else if (isRuneBenchError(error)) {
    if (error.code === 'ERR_ABORTED') code = ExitCode.Interrupted;
    else if (INPUT_ERRORS.has(error.code)) code = ExitCode.Usage;
    message = error.message;
  } else if (error instanceof Error) {
    message = `${error.message} (unexpected; rerun with --verbose for the stack trace)`;
  } else {
    message = String(error);
  }
  ctx.stderr.write(`${ctx.program}: error: ${neutralizeControls(oneLine(message))}\n`);
  if (ctx.verbose && error instanceof Error) {
    let current: unknown = error;
    while (current instanceof Error) {
      ctx.stderr.write(`${neutralizeControls(current.stack ?? current.message).replace(/\\x0a/g, '\n')}\n`);
      current = current.cause;
      if (current !== undefined) ctx.stderr.write('caused by: ');
    }
    if (current !== undefined) ctx.stderr.write(`${neutralizeControls(typeof current === 'string' ? current : JSON.stringify(current))}\n`);
  }
  return code;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
