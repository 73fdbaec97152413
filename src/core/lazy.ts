// Modules loaded on first use, synchronously. Importing rune-bench loads the classes and functions it exports, not
// what they run (formatters, rules, detectors' statistics, stores, the task runner): a pre-commit hook that imports
// it pays only for what it calls. A synchronous API keeps its signature because require() loads an ES module
// synchronously (node 20.19 and 22.12 on, which is why package.json's engines say so).
import * as metricHistory from '../monitor/metric-history.js';
import * as errors from './errors.js';
import * as snapshot from './snapshot.js';
import * as typedEvents from './typed-events.js';

/**
 * A require() hook (tsx, as the tests and many users run TypeScript) compiles a required ES module to a CommonJS
 * copy, and the copy's own imports to copies: a lazily loaded module would throw a RuneBenchError of another
 * class, or sample MetricSnapshots of another. The modules of the classes lazily loaded code makes or checks with
 * instanceof are handed to require() as the instances already loaded, so there is one of each. Other modules may
 * be copied under such a hook: the modules loaded lazily take shared state (registries, the objects they work on)
 * from their callers, not from imports.
 */
const SHARED: readonly (readonly [string, object])[] = [
  ['./errors.js', errors],
  ['./snapshot.js', snapshot],
  ['./typed-events.js', typedEvents],
  ['../monitor/metric-history.js', metricHistory],
];

let shared = false;

/** Bundles of our modules (filename, namespace), pinned like SHARED; see shareBundle. */
const bundles: (readonly [string, object])[] = [];

/** node:module, taken when first needed: an import of it loads node's source-map support too. */
function nodeModule(): typeof import('node:module') {
  return process.getBuiltinModule('node:module');
}

/** Makes require() of `filename` give `namespace` (unless something is there already). */
function pin(filename: string, namespace: object): void {
  const { Module, createRequire } = nodeModule();
  const cache = createRequire(import.meta.url).cache;
  if (cache[filename] !== undefined) return;
  const module = new Module(filename);
  module.filename = filename;
  module.exports = namespace;
  module.loaded = true;
  cache[filename] = module;
}

function share(): void {
  if (shared) return;
  shared = true;
  const require = nodeModule().createRequire(import.meta.url);
  for (const [specifier, namespace] of SHARED) pin(require.resolve(specifier), namespace);
  for (const [filename, namespace] of bundles) pin(filename, namespace);
}

/**
 * Registers a bundle of our modules. A published build holds the main entry's modules in two files
 * (dist/bundle/main.js and core.js, made by scripts/bundle-main.mjs), and each of their files re-exports its part of
 * one: a require() hook's copy of such a file then requires the bundle itself, not a copy of it. main.js calls this
 * for itself and for core.js as it loads.
 *
 * @param url - the bundle's `import.meta.url`
 * @param namespace - the bundle's module namespace
 * @internal
 */
export function shareBundle(url: string, namespace: object): void {
  const filename = process.getBuiltinModule('node:url').fileURLToPath(url);
  bundles.push([filename, namespace]);
  if (shared) pin(filename, namespace);
}

/**
 * A loader of one of our modules: the module on the first call, loaded synchronously, and the same module after.
 *
 * @param from - the importing module's `import.meta.url`, which `specifier` is relative to
 * @param specifier - the module, as a static import would name it (`./x.js`)
 * @internal
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the module's type (typeof import)
export function lazyModule<T>(from: string, specifier: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) {
      share();
      loaded = nodeModule().createRequire(from)(specifier) as T;
    }
    return loaded;
  };
}
