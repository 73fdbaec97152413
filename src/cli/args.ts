// Flag parsing on node:util parseArgs, with one-line errors that say what to fix.
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/**
 * One flag of a command, as parsed and as shown in `--help`.
 *
 * @internal
 */
export interface FlagSpec {
  /** `string` takes a value, `boolean` does not. */
  readonly type: 'string' | 'boolean';
  /** One-letter alias. */
  readonly short?: string;
  /** Whether the flag may be given more than once. */
  readonly multiple?: boolean;
  /** Placeholder shown in help, e.g. `NAME`. */
  readonly value?: string;
  /** One line for help. */
  readonly description: string;
  /** Values the flag takes, when more than one (`--parameter-scan NAME LO HI` takes 3); read them with {@link Flags.tuples}. */
  readonly arity?: number;
}

/**
 * A command's name, help text and flags.
 *
 * @internal
 */
export interface CommandSpec {
  /** Command name, e.g. `run`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** What follows the command name in the usage line. */
  readonly usage: string;
  /** Flags by long name (without `--`). */
  readonly flags: Readonly<Record<string, FlagSpec>>;
  /** Extra paragraphs for `--help`. */
  readonly details?: readonly string[];
  /** Example invocations (without the program name). */
  readonly examples?: readonly string[];
  /** Placeholder of the positional arguments (e.g. `CMD...`) when the command takes them; refused otherwise. */
  readonly positionals?: string;
}

// Joins the values of a flag that takes several (its `arity`) into the one string parseArgs stores.
const TUPLE_SEPARATOR = '\u0000';

/** Flags every command accepts. @internal */
export const COMMON_FLAGS: Readonly<Record<string, FlagSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  verbose: { type: 'boolean', description: 'print stack traces and extra detail on errors' },
};

/**
 * Parsed flags with typed accessors.
 *
 * @internal
 */
export class Flags {
  readonly #values: Readonly<Record<string, unknown>>;
  readonly #command: string;
  readonly #positionals: readonly string[];

  /**
   * @param values - parseArgs values
   * @param command - command name, for error messages
   * @param positionals - positional arguments, for commands whose spec takes them
   */
  constructor(values: Readonly<Record<string, unknown>>, command: string, positionals: readonly string[] = []) {
    this.#values = values;
    this.#command = command;
    this.#positionals = positionals;
  }

  /** The positional arguments, in order. */
  positionals(): readonly string[] {
    return this.#positionals;
  }

  /** Each occurrence of a flag with an `arity`, as its values. */
  tuples(name: string): readonly (readonly string[])[] {
    return this.strings(name).map((joined) => joined.split(TUPLE_SEPARATOR));
  }

  /** Whether the flag was given. */
  has(name: string): boolean {
    return this.#values[name] !== undefined;
  }

  /** A boolean flag. */
  boolean(name: string): boolean {
    return this.#values[name] === true;
  }

  /** A string flag (the last one when given several times). */
  string(name: string): string | undefined {
    const value = this.#values[name];
    if (Array.isArray(value)) return value.at(-1) as string | undefined;
    return typeof value === 'string' ? value : undefined;
  }

  /** A repeatable string flag. */
  strings(name: string): readonly string[] {
    const value = this.#values[name];
    if (Array.isArray(value)) return value as string[];
    return typeof value === 'string' ? [value] : [];
  }

  /** A string flag that must be one of `choices`. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new UsageError(
      `--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}${suggest(value, choices)}`,
      this.#command,
    );
  }

  /**
   * A ratio flag that also takes a percentage: `0.05`, `5%` and `5 %` all give 0.05. `max` bounds the
   * ratio (inclusive).
   */
  ratio(name: string, options: { readonly max?: number } = {}): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const value = parseRatio(text);
    const max = options.max ?? 1;
    if (!Number.isFinite(value) || value < 0 || value > max) {
      throw new UsageError(
        `--${name} must be a ratio between 0 and ${max} (0.05) or a percentage (5%), got ${JSON.stringify(text)}`,
        this.#command,
      );
    }
    return value;
  }

  /**
   * A numeric flag. `integer` requires a whole number; `min`/`max` bound it (inclusive);
   * `what` describes the unit in the error message (`seconds`).
   */
  number(
    name: string,
    options: { readonly integer?: boolean; readonly min?: number; readonly max?: number; readonly what?: string },
  ): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const value = text.trim() === '' ? Number.NaN : Number(text);
    const kind = options.integer === true ? 'a whole number' : 'a number';
    const what = options.what === undefined ? '' : ` of ${options.what}`;
    const range =
      options.min !== undefined && options.max !== undefined
        ? ` between ${options.min} and ${options.max}`
        : options.min !== undefined
          ? ` >= ${options.min}`
          : options.max !== undefined
            ? ` <= ${options.max}`
            : '';
    const bad =
      !Number.isFinite(value) ||
      (options.integer === true && !Number.isInteger(value)) ||
      (options.min !== undefined && value < options.min) ||
      (options.max !== undefined && value > options.max);
    if (bad) {
      throw new UsageError(`--${name} must be ${kind}${what}${range}, got ${JSON.stringify(text)}`, this.#command);
    }
    return value;
  }
}

/**
 * A ratio written as `0.05`, `5%` or `5 %` (0.05 each); `NaN` when the text is neither.
 *
 * @internal
 */
export function parseRatio(text: string): number {
  const percent = /^\s*([0-9]*\.?[0-9]+)\s*%\s*$/.exec(text);
  return percent !== null ? Number(percent[1]) / 100 : text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * Parses `argv` for `spec` (plus {@link COMMON_FLAGS}). Unknown flags, missing values and stray
 * arguments throw a {@link UsageError} with one line that names the flag.
 *
 * @internal
 */
export function parseFlags(spec: CommandSpec, argv: readonly string[]): Flags {
  const all = { ...COMMON_FLAGS, ...spec.flags };
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, flag] of Object.entries(all)) {
    options[name] = {
      type: flag.type,
      ...(flag.short === undefined ? {} : { short: flag.short }),
      ...(flag.multiple === true ? { multiple: true } : {}),
    };
  }
  // `--duration -1`: parseArgs would read `-1` as a flag; pass it as the value so the range check explains it.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    const flag = arg.startsWith('--') ? all[arg.slice(2)] : undefined;
    const tuple = arg.startsWith('--') ? flag : /^-\w$/.test(arg) ? Object.values(all).find((f) => f.short === arg.slice(1)) : undefined;
    if (tuple?.arity !== undefined && tuple.arity > 1) {
      const long = Object.keys(all).find((name) => all[name] === tuple) ?? arg;
      const values = argv.slice(i + 1, i + 1 + tuple.arity);
      if (values.length < tuple.arity) {
        throw new UsageError(`${arg} needs ${tuple.arity} values: ${arg} ${tuple.value ?? 'VALUE...'}`, spec.name);
      }
      args.push(`--${long}=${values.join(TUPLE_SEPARATOR)}`);
      i += tuple.arity;
    } else if (flag?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      i += 1;
    } else {
      args.push(arg);
    }
  }
  try {
    const positionals = spec.positionals !== undefined;
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals });
    return new Flags(parsed.values, spec.name, parsed.positionals);
  } catch (error) {
    throw translate(error, spec, Object.keys(all));
  }
}

function translate(error: unknown, spec: CommandSpec, known: readonly string[]): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = quoted.replace(/=.*$/, '');
      const hint = flag.startsWith('--') ? suggest(flag.slice(2), known, '--') : '';
      return new UsageError(`unknown option ${flag} for "${spec.name}"${hint}`, spec.name);
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(' ')[0] ?? quoted;
      if (error.message.includes('does not take an argument')) {
        return new UsageError(`${flag} does not take a value`, spec.name);
      }
      const placeholder = spec.flags[flag.replace(/^-+/, '')]?.value ?? 'VALUE';
      return new UsageError(`${flag} needs a value: ${flag} ${placeholder}`, spec.name);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument ${JSON.stringify(quoted)} for "${spec.name}" (flags start with --)`, spec.name);
    default:
      return error;
  }
}

/** ` (did you mean --x?)` when `word` is within two edits of one of `choices`, else ''. @internal */
export function suggest(word: string, choices: readonly string[], prefix = ''): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const choice of choices) {
    const d = distance(word.toLowerCase(), choice.toLowerCase());
    if (d < bestDistance) {
      best = choice;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean ${prefix}${best}?)`;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
