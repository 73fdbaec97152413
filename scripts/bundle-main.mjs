#!/usr/bin/env node
// After tsc (npm run build): the modules the main entry loads go into one file, dist/bundle/main.js.
//
// Why: node's ES module loader pays about a millisecond per module (resolve, read, compile, link), whatever its
// size, so `import('rune-bench')` cost about 5x tinybench's one-file import with some 30 small modules even after
// everything its exports run was made lazy (core/lazy.ts). One file of the same code costs about what two do.
//
// What stays the same: every file of dist/ keeps its path, its exports and its .d.ts. Each module bundled becomes a
// re-export of its part of the chunk, so a subpath or a lazily loaded module that imports it gets the very same
// classes, registries and state as the main entry (one instance of each, whichever entry loads first). In the chunk,
// each module's `import.meta.url` is its own file's URL (its lazy loads and dynamic imports resolve as before), and
// eventemitter3 (CommonJS) is loaded with require(): behind an ES module wrapper it costs several milliseconds more.
// The modules that `rune-bench/testing`, `rune-bench/stats` and `rune-bench/instruments` load stay files of their
// own (4 small ones): those entries share nothing else with the main entry and load no chunk.
// The chunk's source map leads back to src/ through tsc's maps.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DIST = join(ROOT, 'dist');
const CHUNK = join(DIST, 'bundle', 'main.js');
const MARK = '// bundled: ';

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

const index = join(DIST, 'index.js');
if (readFileSync(index, 'utf8').startsWith(MARK)) {
  console.error('bundle-main: dist/ is bundled already (run tsc first: npm run build)');
  process.exit(0);
}
// Kept apart: what the light entries load (rune-bench/testing and the subpaths that share only a module or two with
// the main entry), so that importing one of them does not load the chunk. (rune-bench/compare is not light: it loads
// core/lazy.js and with it most of the chunk's core.)
const LIGHT = ['testing/index.js', 'entry/stats.js', 'entry/instruments.js'];
const apart = new Set();
for (const entry of LIGHT) for (const file of await staticClosure(join(DIST, entry))) apart.add(file);
const modules = [...(await staticClosure(index))].filter((file) => !apart.has(file)).sort();
const names = await exportsOf(modules);

// The chunk's entry: every module's exports under a name of its own (m<i>$<name>), then the chunk hands its own
// namespace to core/lazy.js, so that a require() hook's copy of a module bundled here is this chunk (see share()).
const lines = modules.map((file, i) => `export { ${names.get(file).map((n) => `${n} as m${i}$${n}`).join(', ')} } from ${JSON.stringify(specifier(CHUNK, file))};`);
lines.push(`import { shareBundle } from ${JSON.stringify(specifier(CHUNK, join(DIST, 'core', 'lazy.js')))};`, `import * as chunk from './main.js';`, 'shareBundle(import.meta.url, chunk);');
const inChunk = new Set(modules);
mkdirSync(dirname(CHUNK), { recursive: true });

await build({
  stdin: { contents: lines.join('\n'), resolveDir: dirname(CHUNK), sourcefile: 'bundle-entry.js', loader: 'js' },
  absWorkingDir: ROOT,
  outfile: CHUNK,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: `${MARK}the main entry's modules (scripts/bundle-main.mjs); each one's file in dist/ re-exports its part.` },
  plugins: [
    {
      name: 'rune-bench-chunk',
      setup(b) {
        b.onResolve({ filter: /^\.\/main\.js$/ }, (a) => (a.importer === '<stdin>' ? { path: './main.js', external: true } : undefined));
        b.onResolve({ filter: /^eventemitter3$/ }, () => ({ path: 'eventemitter3', namespace: 'require' }));
        b.onLoad({ filter: /.*/, namespace: 'require' }, () => ({
          contents: `export const { EventEmitter } = process.getBuiltinModule('node:module').createRequire(import.meta.url)('eventemitter3');`,
          loader: 'js',
        }));
        b.onResolve({ filter: /^\.\.?\// }, (a) => {
          if (a.importer === '<stdin>' && a.kind === 'import-statement' && a.path === './main.js') return undefined;
          const target = resolve(a.resolveDir, a.path);
          // a dynamic import, or a module kept out of the chunk: loaded from its own file, as before
          if (a.kind === 'dynamic-import' || !inChunk.has(target)) return { path: specifier(CHUNK, target), external: true };
          return undefined;
        });
        b.onLoad({ filter: /\.js$/ }, (a) => {
          if (!inChunk.has(a.path)) return undefined;
          const own = JSON.stringify(specifier(CHUNK, a.path));
          // same line, so tsc's source map still lines up
          const contents = readFileSync(a.path, 'utf8').replaceAll('import.meta.url', `new URL(${own}, import.meta.url).href`);
          return { contents, loader: 'js', resolveDir: dirname(a.path) };
        });
      },
    },
  ],
});

// Each bundled module's file re-exports its part of the chunk (its .d.ts is unchanged; its own map is gone);
// dist/index.js last, so that a bundled index.js means a bundled dist/ (tests/cli/helpers.ts waits for it).
const order = modules.map((file, i) => [file, i]).sort(([a], [b]) => Number(a === index) - Number(b === index));
for (const [file, i] of order) {
  const list = names.get(file).map((n) => `m${i}$${n} as ${n}`).join(', ');
  writeFileSync(file, `${MARK}this module is in ${specifier(file, CHUNK)} (scripts/bundle-main.mjs)\nexport { ${list} } from ${JSON.stringify(specifier(file, CHUNK))};\n`);
  rmSync(`${file}.map`, { force: true });
}
console.log(`bundle-main: ${modules.length} modules in ${relative(ROOT, CHUNK)} (${Math.round(readFileSync(CHUNK).length / 1024)} KiB); the light entries' ${apart.size} kept apart`);
