#!/usr/bin/env node
// After tsc (npm run build): the modules the main entry loads go into two files, dist/bundle/main.js and
// dist/bundle/core.js.
//
// Why: node's ES module loader pays about a millisecond per module (resolve, read, compile, link), whatever its
// size, so `import('rune-bench')` cost about 5x tinybench's one-file import with some 30 small modules even after
// everything its exports run was made lazy (core/lazy.ts). The same code in two files costs about what three do.
//
// What stays the same: every file of dist/ keeps its path, its exports and its .d.ts. Each module bundled becomes a
// re-export of its part of a chunk, so a subpath or a lazily loaded module that imports it gets the very same
// classes, registries and state as the main entry (one instance of each, whichever entry loads first). In a chunk,
// each module's `import.meta.url` is its own file's URL (its lazy loads and dynamic imports resolve as before), and
// eventemitter3 (CommonJS) is loaded with require(): behind an ES module wrapper it costs several milliseconds more.
//
// The two chunks: core.js holds the few modules that the light entries (`rune-bench/testing`, `rune-bench/stats`,
// `rune-bench/instruments`) share with the main entry (the error class, the clock, the result constants), main.js
// the rest; main.js imports core.js directly. A light entry loads core.js at most, never main.js. The chunks'
// source maps lead back to src/ through tsc's maps.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(ROOT, 'dist');
const MAIN = join(DIST, 'bundle', 'main.js');
const CORE = join(DIST, 'bundle', 'core.js');
const MARK = '// bundled: ';
/** Entries that must not load main.js: what they share with the main entry goes into core.js. */
const LIGHT = ['testing/index.js', 'entry/stats.js', 'entry/instruments.js'];

/** A specifier from `from` (a file) to `to` (a file), as an import writes it. */
function specifier(from, to) {
  const rel = relative(dirname(from), to).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Files of dist/ that `entry` loads by static imports (not lazy loads, not dynamic imports), absolute. */
async function staticClosure(entry) {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: DIST,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
    plugins: [{ name: 'dynamic-external', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined)) }],
  });
  return new Set(Object.keys(result.metafile.inputs).map((p) => join(DIST, p)));
}

/** Runtime export names of each file (no evaluation: esbuild reads them). */
async function exportsOf(files) {
  const result = await build({ entryPoints: files, absWorkingDir: DIST, outdir: join(DIST, '.exports'), bundle: false, write: false, metafile: true, format: 'esm', platform: 'node', logLevel: 'silent' });
  const names = new Map();
  for (const output of Object.values(result.metafile.outputs)) if (output.entryPoint !== undefined) names.set(join(DIST, output.entryPoint), output.exports);
  return names;
}

/** `m` + the module's number + `$` + the name: each module's exports under names of their own in a chunk. */
const prefixed = (i, name) => `m${i}$${name}`;

/**
 * Bundles `modules` into `chunk`, exporting each one's exports prefixed. A module of `elsewhere` (another chunk's,
 * numbered as there) is imported from that chunk; any other relative import (a dynamic import, a module left out)
 * from its own file, as before. `tail` lines end the chunk's entry.
 */
async function bundle(chunk, modules, numbers, names, elsewhere, tail) {
  const inChunk = new Set(modules);
  const lines = modules.map((file) => `export { ${names.get(file).map((n) => `${n} as ${prefixed(numbers.get(file), n)}`).join(', ')} } from ${JSON.stringify(specifier(chunk, file))};`);
  await build({
    stdin: { contents: [...lines, ...tail].join('\n'), resolveDir: dirname(chunk), sourcefile: `${relative(DIST, chunk).split(sep).join('/')}-entry.js`, loader: 'js' },
    absWorkingDir: ROOT,
    outfile: chunk,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: true,
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: `${MARK}modules of the main entry (scripts/bundle-main.mjs); each one's file in dist/ re-exports its part.` },
    plugins: [
      {
        name: 'rune-bench-chunk',
        setup(b) {
          b.onResolve({ filter: /^eventemitter3$/ }, () => ({ path: 'eventemitter3', namespace: 'require' }));
          b.onLoad({ filter: /.*/, namespace: 'require' }, () => ({
            contents: `export const { EventEmitter } = process.getBuiltinModule('node:module').createRequire(import.meta.url)('eventemitter3');`,
            loader: 'js',
          }));
          b.onResolve({ filter: /^\.\.?\// }, (a) => {
            // the chunk itself and the other chunk, named by the entry's tail
            if (a.importer === '<stdin>' && (a.path === './main.js' || a.path === './core.js')) return { path: a.path, external: true };
            const target = resolve(a.resolveDir, a.path);
            if (a.kind !== 'dynamic-import' && elsewhere.has(target)) return { path: target, namespace: 'elsewhere' };
            // a dynamic import, or a module kept out: loaded from its own file, as before
            if (a.kind === 'dynamic-import' || !inChunk.has(target)) return { path: specifier(chunk, target), external: true };
            return undefined;
          });
          b.onLoad({ filter: /.*/, namespace: 'elsewhere' }, (a) => {
            const [other, i] = elsewhere.get(a.path);
            const list = names.get(a.path).map((n) => `${prefixed(i, n)} as ${n}`).join(', ');
            return { contents: `export { ${list} } from ${JSON.stringify(specifier(chunk, other))};`, loader: 'js', resolveDir: dirname(chunk) };
          });
          b.onLoad({ filter: /\.js$/ }, (a) => {
            if (!inChunk.has(a.path)) return undefined;
            const own = JSON.stringify(specifier(chunk, a.path));
            // same line, so tsc's source map still lines up
            const contents = readFileSync(a.path, 'utf8').replaceAll('import.meta.url', `new URL(${own}, import.meta.url).href`);
            return { contents, loader: 'js', resolveDir: dirname(a.path) };
          });
        },
      },
    ],
  });
}

const index = join(DIST, 'index.js');
if (readFileSync(index, 'utf8').startsWith(MARK)) {
  console.error('bundle-main: dist/ is bundled already (run tsc first: npm run build)');
  process.exit(0);
}
const light = new Set();
for (const entry of LIGHT) for (const file of await staticClosure(join(DIST, entry))) light.add(file);
const all = [...(await staticClosure(index))].sort();
// both sets are closed under static imports, so core.js imports nothing of main.js
const coreModules = all.filter((file) => light.has(file));
const mainModules = all.filter((file) => !light.has(file));
const numbers = new Map(all.map((file, i) => [file, i]));
const names = await exportsOf(all);
mkdirSync(dirname(MAIN), { recursive: true });

await bundle(CORE, coreModules, numbers, names, new Map(), []);
// main.js hands its own namespace and core.js's to core/lazy.js, so that a require() hook's copy of a bundled
// module's file takes the chunk loaded, not a copy of it (see shareBundle)
await bundle(
  MAIN,
  mainModules,
  numbers,
  names,
  new Map(coreModules.map((file) => [file, [CORE, numbers.get(file)]])),
  [
    `import { shareBundle } from ${JSON.stringify(specifier(MAIN, join(DIST, 'core', 'lazy.js')))};`,
    `import * as main from './main.js';`,
    `import * as core from './core.js';`,
    'shareBundle(import.meta.url, main);',
    `shareBundle(new URL('./core.js', import.meta.url).href, core);`,
  ],
);

// Each bundled module's file re-exports its part of its chunk (its .d.ts is unchanged; its own map is gone);
// dist/index.js last, so that a bundled index.js means a bundled dist/ (tests/cli/helpers.ts waits for it).
const order = [...coreModules.map((file) => [file, CORE]), ...mainModules.map((file) => [file, MAIN])].sort(([a], [b]) => Number(a === index) - Number(b === index));
for (const [file, chunk] of order) {
  const list = names.get(file).map((n) => `${prefixed(numbers.get(file), n)} as ${n}`).join(', ');
  writeFileSync(file, `${MARK}this module is in ${specifier(file, chunk)} (scripts/bundle-main.mjs)\nexport { ${list} } from ${JSON.stringify(specifier(file, chunk))};\n`);
  rmSync(`${file}.map`, { force: true });
}
const kib = (file) => Math.round(readFileSync(file).length / 1024);
console.log(`bundle-main: ${mainModules.length} modules in dist/bundle/main.js (${kib(MAIN)} KiB), ${coreModules.length} in dist/bundle/core.js (${kib(CORE)} KiB)`);
