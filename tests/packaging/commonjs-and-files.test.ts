// parallel-safe: require() of the built package and the files it ships
// The package as a user installs it: require() from CommonJS, the LICENSE, the docs and examples the README
// links, and source maps that carry their sources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ROOT, ensureBuilt, tempDir } from '../cli/helpers.js';

interface Manifest {
  readonly license: string;
  readonly files: readonly string[];
  readonly repository?: { readonly url: string };
  readonly homepage?: string;
  readonly exports: Readonly<Record<string, unknown>>;
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

before(() => {
  ensureBuilt();
});

void test('require("rune-bench") and its subpaths work from a CommonJS file (this Node loads ES modules through require)', () => {
  const project = tempDir('rune-bench-cjs-');
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules/rune-bench'), 'dir');
  const subpaths = Object.keys(manifest.exports).filter((k) => k !== './package.json').map((k) => (k === '.' ? 'rune-bench' : `rune-bench/${k.slice(2)}`));
  writeFileSync(
    join(project, 'main.cjs'),
    `const out = {};\nfor (const name of ${JSON.stringify(subpaths)}) out[name] = Object.keys(require(name)).length;\nout.BenchmarkSuite = typeof require('rune-bench').BenchmarkSuite;\nconsole.log(JSON.stringify(out));\n`,
  );
  const r = spawnSync(process.execPath, ['main.cjs'], { cwd: project, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  const supported = (process.features as { require_module?: boolean }).require_module === true;
  if (supported) {
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, number | string>;
    assert.equal(out.BenchmarkSuite, 'function');
    for (const name of subpaths) assert.ok(Number(out[name]) > 0, `${name} exports something`);
  } else {
    // an older Node 20: the error must say the package is an ES module and point at import()
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /ERR_REQUIRE_ESM|ES Module/);
    assert.doesNotMatch(r.stderr, /No "exports" main defined/);
  }
});

void test('the package ships LICENSE, the docs and examples the README links, and names its repository', () => {
  assert.equal(manifest.license, 'MIT');
  assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
  assert.ok(manifest.repository?.url !== undefined && manifest.homepage !== undefined);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const linked = [...readme.matchAll(/\]\((?!https?:|#)([^)\s]+)\)/g)].map((m) => (m[1] ?? '').replace(/^\.\//, '').replace(/#.*$/, ''));
  assert.ok(linked.length > 0, 'the README links local files');
  for (const path of linked) {
    assert.ok(existsSync(join(ROOT, path)), `${path} exists`);
    assert.ok(manifest.files.some((f) => path === f || path.startsWith(`${f}/`)), `${path} is in "files"`);
  }
  for (const f of ['LICENSE', 'docs', 'examples']) assert.ok(manifest.files.includes(f), f);
});

void test('source maps carry their sources (no map points at a src/ file the package does not ship)', () => {
  const maps = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.map'));
  assert.ok(maps.length > 0);
  for (const file of maps) {
    const map = JSON.parse(readFileSync(join(ROOT, 'dist', file), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
    assert.equal(map.sourcesContent?.length, map.sources.length, `${file} has sourcesContent`);
  }
});
