// parallel-safe: reads the built entries and their API reports
// The package's entries as a user imports them: each entry in package.json "exports" loads from the built package
// and exports at run time exactly the values its API report (etc/*.api.md) lists; the main entry stays small;
// the names moved off it are found in their subpath and not in the main entry; and every type the main entry's
// signatures or docs name without exporting it is exported by a subpath, so nothing is unreachable.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { expectTypeOf } from 'expect-type';
import type { FormatInput, Formatter, ResultsStore } from 'rune-bench';
import type { FindingsFormatInput, HistoryFormatInput, SuiteFormatInput, TrendsFormatInput } from 'rune-bench/format';
import type { HistorySeries, ResultsStoreSeriesOptions } from 'rune-bench/store';
import { ROOT, ensureBuilt } from '../cli/helpers.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Readonly<Record<string, { readonly types: string } | string>> };
const subpaths = Object.keys(manifest.exports).filter((k) => k !== './package.json' && k !== '.');

/** The API report of an entry: `.` is etc/rune-bench.api.md, `./store` etc/rune-bench-store.api.md. */
function report(entry: string): string {
  return readFileSync(join(ROOT, 'etc', entry === '.' ? 'rune-bench.api.md' : `rune-bench-${entry.slice(2)}.api.md`), 'utf8');
}

const DECLARATION = /^export (?:declare )?(?:abstract )?(class|interface|type|function|const|enum|namespace) (\w+)/gm;

/** Names an API report exports: all of them, and the values (what `import()` returns at run time). */
function exported(entry: string): { readonly all: ReadonlySet<string>; readonly values: ReadonlySet<string> } {
  const all = new Set<string>();
  const values = new Set<string>();
  for (const [, kind, name] of report(entry).matchAll(DECLARATION)) {
    all.add(name!);
    if (kind === 'class' || kind === 'function' || kind === 'const' || kind === 'enum') values.add(name!);
  }
  return { all, values };
}

const specifier = (entry: string): string => (entry === '.' ? 'rune-bench' : `rune-bench/${entry.slice(2)}`);

/** Names an entry re-exports with `export type { ... }`: a value such as `Severity` exported so is a type only. */
function typeOnly(entry: string): ReadonlySet<string> {
  const target = manifest.exports[entry];
  assert.ok(typeof target === 'object', `${entry} names its types`);
  const dts = readFileSync(join(ROOT, target.types), 'utf8');
  const names = [...dts.matchAll(/^export type \{([^}]*)\}/gm)].flatMap((m) => m[1]!.split(',').map((n) => n.trim().split(' as ').pop()!));
  return new Set(names.filter((n) => n !== ''));
}

before(() => {
  ensureBuilt();
});

void test('every entry loads from the built package and exports at run time exactly the values its API report lists', async () => {
  for (const entry of ['.', ...subpaths]) {
    const module = (await import(specifier(entry))) as Record<string, unknown>;
    const values = [...exported(entry).values].filter((name) => !typeOnly(entry).has(name));
    assert.deepEqual(Object.keys(module).sort(), values.sort(), `${specifier(entry)} against its report`);
  }
});

void test('the main entry stays about a hundred names', () => {
  const count = [...report('.').matchAll(DECLARATION)].length;
  assert.ok(count <= 110, `etc/rune-bench.api.md has ${String(count)} exports: put detail types and helpers in a subpath`);
});

/** Names moved off the main entry, by the subpath that is their home. */
const MOVED: Readonly<Record<string, readonly string[]>> = {
  './store': ['HistoryPoint', 'HistorySeries', 'ResultsStoreSeriesOptions', 'ResultsStoreAppendOptions', 'ResultsStoreContents', 'StoredBenchmark', 'GitNotesResultsStoreOptions', 'GitNotesTransferOptions', 'GitNotesFetchResult', 'DEFAULT_NOTES_REF', 'orderByBranch', 'BranchOrder', 'betweenRunNoiseFromStore', 'BetweenRunNoise', 'HistoryAnalysis', 'HistoryChange'],
  './format': ['SuiteFormatInput', 'HistoryFormatInput', 'FindingsFormatInput', 'TrendsFormatInput', 'FormatInputKind', 'TrendSeries', 'TrendPoint', 'TrendChangePoint', 'TrendBudget', 'BudgetForecast', 'RegisterFormatterOptions'],
  './rules': ['insufficientData', 'InsufficientData', 'builtinBottleneckRules', 'BottleneckScope', 'BottleneckChange', 'BottleneckMonitor', 'BottleneckRuleError', 'BottleneckWindowOptions', 'FindingEvidence'],
  './sources': ['readHistoryFile', 'writeHistoryFile', 'WriteHistoryOptions', 'BUILTIN_METRIC_UNITS', 'BuiltinMetricUnits', 'MetricSnapshotInit', 'MetricSnapshotJSON', 'WindowSpec', 'MetricSeries', 'MetricSummary', 'MetricTrend', 'TrendOptions', 'TrendDirection', 'TypedEventEmitter', 'ListenerErrorEvents', 'ListenerErrorEvent'],
  './stats': ['ChangePoint', 'ChangePointOptions'],
  './compare': ['ConditionDifference', 'ConditionsExplanation'],
  './instruments': ['InstructionsOptions'],
  './testing': ['ClockTimer'],
};

void test('the names moved off the main entry are exported by their subpath and not by the main entry', async () => {
  const main = exported('.');
  const mainModule = (await import('rune-bench')) as Record<string, unknown>;
  for (const [entry, names] of Object.entries(MOVED)) {
    const home = exported(entry);
    const module = (await import(specifier(entry))) as Record<string, unknown>;
    for (const name of names) {
      assert.ok(home.all.has(name), `${name} in ${specifier(entry)}`);
      assert.ok(!main.all.has(name), `${name} not in rune-bench`);
      if (home.values.has(name)) {
        assert.notEqual(module[name], undefined, `${name} loads from ${specifier(entry)}`);
        assert.equal(mainModule[name], undefined, `${name} does not load from rune-bench`);
      }
    }
  }
});

void test('rune-bench/store re-exports the stores: the same classes and function as the main entry', async () => {
  const main = (await import('rune-bench')) as Record<string, unknown>;
  const store = (await import('rune-bench/store')) as Record<string, unknown>;
  for (const name of ['FolderResultsStore', 'GitNotesResultsStore', 'openResultsStore']) {
    assert.equal(typeof store[name], 'function', name);
    assert.equal(store[name], main[name], name);
  }
});

void test('every type the main entry names without exporting it (signatures, doc links) is exported by a subpath', () => {
  const text = report('.');
  const named = new Set([
    ...[...text.matchAll(/\(ae-forgotten-export\) The symbol "(\w+)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(/\(ae-unresolved-link\) .* does not have an export "(\w+)"/g)].map((m) => m[1]!),
  ]);
  assert.ok(named.has('HistorySeries'), 'the report lists the names it refers to in a subpath');
  const elsewhere = new Set(subpaths.flatMap((entry) => [...exported(entry).all]));
  for (const name of named) assert.ok(elsewhere.has(name), `${name} is named by the main entry and exported by no subpath`);
});

void test('a main-entry signature and the subpath name the same type', () => {
  expectTypeOf<ReturnType<ResultsStore['series']>>().toEqualTypeOf<HistorySeries>();
  expectTypeOf<Parameters<ResultsStore['series']>[1]>().toEqualTypeOf<ResultsStoreSeriesOptions | undefined>();
  expectTypeOf<Parameters<Formatter['format']>[0]>().toEqualTypeOf<FormatInput>();
  expectTypeOf<FormatInput>().toEqualTypeOf<SuiteFormatInput | HistoryFormatInput | FindingsFormatInput | TrendsFormatInput>();
});
