// `--require FILE` and RUNE_BENCH_SUITES: load modules that define extra suites.
import { existsSync } from 'node:fs';
import { delimiter, isAbsolute, resolve } from 'node:path';
import { benchmarkSuiteDefinition, isBenchmarkSuiteLike, type BenchmarkSuiteLike } from '../bench/suite-definition.js';
import type { SuiteDefinition } from '../core/suite.js';
import { getSuite, registerSuite } from '../suites/registry.js';
import { importUserModule, type ModuleLoaderOptions } from './module-loader.js';
import { UsageError } from './usage-error.js';

/**
 * The module files named by `--require` flags and by the `RUNE_BENCH_SUITES` variable (a list split on
 * `,` or the platform path delimiter), resolved against `cwd`.
 *
 * @internal
 */
export function suiteModules(required: readonly string[], envValue: string | undefined, cwd: string): string[] {
  const fromEnv = (envValue ?? '')
    .split(new RegExp(`[,${delimiter === ';' ? ';' : ':'}]`))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...fromEnv, ...required].map((file) => (isAbsolute(file) ? file : resolve(cwd, file)));
}

function isSuite(value: unknown): value is SuiteDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SuiteDefinition>;
  return typeof v.id === 'string' && typeof v.run === 'function' && typeof v.description === 'string' && Array.isArray(v.parameters);
}

/**
 * Imports each module and registers the suites it exports: a default export that is a suite or an array
 * of suites, or a named export `suites` (array) or `suite`. A suite is a {@link SuiteDefinition} or a
 * `BenchmarkSuite` instance (registered under its name, see {@link benchmarkSuiteDefinition}). A module may
 * also call `registerSuite` itself. TypeScript files load as {@link importUserModule} says. Failures become
 * {@link UsageError}s naming the file. Returns the suites the modules export (not those they register
 * themselves), in order.
 *
 * @internal
 */
export async function loadSuiteModules(files: readonly string[], loader: ModuleLoaderOptions = { projectDir: process.cwd() }): Promise<SuiteDefinition[]> {
  const loaded: SuiteDefinition[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new UsageError(`suite module ${file} does not exist: check --require, RUNE_BENCH_SUITES or the config file`);
    const module = await importUserModule(file, 'suite module', loader);
    const exported = [module.default, module.suites, module.suite].flatMap((value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]));
    for (const value of exported) {
      if (value === undefined) continue;
      const suite = isSuite(value) ? value : isBenchmarkSuiteLike(value) ? wrapped(value) : undefined;
      if (suite === undefined) {
        throw new UsageError(
          `suite module ${file} exports something that is not a suite (a BenchmarkSuite, or an object with id, description, parameters and run())`,
        );
      }
      if (!loaded.includes(suite)) loaded.push(suite);
      if (registered(suite.id) === suite) continue;
      try {
        registerSuite(suite);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const what = suite === value ? '' : ` (BenchmarkSuite "${suite.id}": its name is the suite id)`;
        throw new UsageError(`suite module ${file}${what}: ${message}`);
      }
    }
  }
  return loaded;
}

// one wrapper per BenchmarkSuite instance, so loading a module twice registers it once
const wrappers = new WeakMap<object, SuiteDefinition>();
const wrappedSuites = new WeakMap<SuiteDefinition, BenchmarkSuiteLike>();

function wrapped(suite: BenchmarkSuiteLike): SuiteDefinition {
  let definition = wrappers.get(suite);
  if (definition === undefined) {
    definition = benchmarkSuiteDefinition(suite);
    wrappers.set(suite, definition);
    wrappedSuites.set(definition, suite);
  }
  return definition;
}

/**
 * `definition` restricted to the tasks whose name `matches` (`--filter`), or `undefined` when it is not a
 * loaded `BenchmarkSuite` (built-in suites have no task selection); `tasks` (maybe empty) are the kept ones.
 *
 * @internal
 */
export function filteredSuite(
  definition: SuiteDefinition,
  matches: (task: string) => boolean,
): { readonly suite: SuiteDefinition; readonly tasks: readonly string[] } | undefined {
  const suite = wrappedSuites.get(definition);
  if (suite === undefined) return undefined;
  const tasks = suite.tasks.filter(matches);
  return { suite: benchmarkSuiteDefinition(suite, tasks), tasks };
}

function registered(id: string): SuiteDefinition | undefined {
  try {
    return getSuite(id);
  } catch {
    return undefined;
  }
}
