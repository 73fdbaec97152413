// rune-bench.config.{ts,mts,js,mjs,json}: found from the working directory upward, so suite modules, the
// store, the threshold, the format and the bench file patterns are not repeated on every command.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { validateOptions, type OptionRules } from '../core/options.js';
import { parseRatio } from './args.js';
import { importUserModule, type ModuleLoaderOptions } from './module-loader.js';
import { UsageError } from './usage-error.js';

/**
 * What a `rune-bench.config.{ts,mts,js,mjs,json}` file holds (the default export of a module, or the JSON
 * object). Relative paths resolve against the config file's folder. A command-line flag overrides the
 * matching entry.
 *
 * @beta
 */
export interface RuneBenchConfig {
  /** Suite modules to load, as with `--require` (each exports a `BenchmarkSuite` or `SuiteDefinition`s). */
  readonly require?: readonly string[];
  /**
   * Glob patterns of the bench files `rune-bench run` discovers when no `--suite` is given (`**`, `*`, `?`
   * and `{a,b}`), relative to the config file's folder. @defaultValue `['**\/*.bench.{ts,mts,js,mjs}']`
   */
  readonly bench?: string | readonly string[];
  /** Results store, as with `--store`: a folder, or `git` / `git:REF` for git notes. @defaultValue `'.rune-bench'` */
  readonly store?: string;
  /** Smallest slowdown counted as a regression, a ratio (`0.05`) or a percentage (`'5%'`). @defaultValue `0.02` */
  readonly threshold?: number | string;
  /** Report format, as with `--format`: `table`, `json`, `html` or `markdown`. @defaultValue `'table'` */
  readonly format?: string;
  /**
   * Budgets by benchmark key, as with `report --trends --budget KEY=LIMIT`: a time (`'40ms'`) or a ratio to a
   * named baseline (`'1.2x@main'`). A `--budget` flag for the same key wins.
   */
  readonly budgets?: Readonly<Record<string, string>>;
}

/** The bench file pattern used when neither the config nor a flag gives one. @internal */
export const DEFAULT_BENCH_PATTERNS: readonly string[] = ['**/*.bench.{ts,mts,js,mjs}'];

/** Config file names, in the order they are looked for in each folder. @internal */
export const CONFIG_FILE_NAMES: readonly string[] = ['ts', 'mts', 'js', 'mjs', 'json'].map((ext) => `rune-bench.config.${ext}`);

/**
 * A config file read and checked, with paths made absolute.
 *
 * @internal
 */
export interface LoadedConfig {
  /** The config file, or `undefined` when none was found. */
  readonly file: string | undefined;
  /** The folder patterns and relative paths resolve against (the config's, else the working directory). */
  readonly root: string;
  readonly require: readonly string[];
  readonly bench: readonly string[];
  readonly store: string | undefined;
  readonly threshold: number | undefined;
  readonly format: string | undefined;
  /** Budgets by benchmark key (the config file's `budgets`). */
  readonly budgets: Readonly<Record<string, string>>;
}

/**
 * The nearest config file from `cwd` upward (to the file system root), or `undefined`.
 *
 * @internal
 */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const stringList = (value: unknown): string | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '') ? undefined : 'must be an array of file names';

const RULES: OptionRules = {
  require: { kind: 'custom', check: stringList },
  bench: {
    kind: 'custom',
    check: (v) => ((typeof v === 'string' && v !== '') || stringList(v) === undefined ? undefined : 'must be a glob pattern or an array of them'),
  },
  store: { kind: 'string', nonEmpty: true },
  threshold: {
    kind: 'custom',
    check: (v) => {
      const ratio = typeof v === 'number' ? v : typeof v === 'string' ? parseRatio(v) : Number.NaN;
      return Number.isFinite(ratio) && ratio >= 0 && ratio <= 0.99 ? undefined : `must be a ratio between 0 and 0.99 (0.05) or a percentage ('5%'), got ${JSON.stringify(v)}`;
    },
  },
  format: { kind: 'string', nonEmpty: true },
  budgets: {
    kind: 'custom',
    check: (v) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.entries(v).every(([k, x]) => k !== '' && typeof x === 'string' && x !== '')
        ? undefined
        : "must map benchmark keys to limits, e.g. { 'disk_io/seq read': '40ms' }",
  },
};

/**
 * Finds the config file from `cwd` upward, loads it (a module's default export, or JSON) and checks it.
 * Without a config file the result holds the defaults, rooted at `cwd`. Problems are {@link UsageError}s
 * naming the file.
 *
 * @internal
 */
export async function loadConfig(cwd: string, loader: Omit<ModuleLoaderOptions, 'projectDir'> = {}): Promise<LoadedConfig> {
  const file = findConfigFile(cwd);
  if (file === undefined) {
    return { file, root: resolve(cwd), require: [], bench: DEFAULT_BENCH_PATTERNS, store: undefined, threshold: undefined, format: undefined, budgets: {} };
  }
  const root = dirname(file);
  let raw: unknown;
  if (file.endsWith('.json')) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`config file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    const module = await importUserModule(file, 'config file', { ...loader, projectDir: root });
    raw = module.default;
    if (raw === undefined) throw new UsageError(`config file ${file} has no default export: export default { require: [...], ... }`);
  }
  try {
    validateOptions(raw, RULES, 'config');
  } catch (error) {
    throw new UsageError(`config file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const config = (raw ?? {}) as RuneBenchConfig;
  const absolute = (path: string): string => (isAbsolute(path) ? path : resolve(root, path));
  const bench = config.bench === undefined ? DEFAULT_BENCH_PATTERNS : typeof config.bench === 'string' ? [config.bench] : config.bench;
  return {
    file,
    root,
    require: (config.require ?? []).map(absolute),
    bench,
    // `git` and `git:REF` name the git-notes store; anything else is a folder
    store: config.store === undefined ? undefined : config.store === 'git' || config.store.startsWith('git:') ? config.store : absolute(config.store),
    threshold: config.threshold === undefined ? undefined : typeof config.threshold === 'number' ? config.threshold : parseRatio(config.threshold),
    format: config.format,
    budgets: config.budgets ?? {},
  };
}
