// parallel-safe: hostile files are refused; no timing
// History import validates like live data: times, values and names a source could not have produced are
// refused with a typed error naming the file, and the monitor's history is left unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { HISTORY_SCHEMA_VERSION, readHistoryFile } from '../../src/monitor/history-file.js';
import { isRuneBenchError } from '../../src/core/errors.js';

const memory = { name: 'process.memory.usage', unit: 'By', kind: 'gauge', description: 'resident set size' };

/** A valid history file's text, with `patch` applied to its one snapshot or to the document. */
function history(snapshot: Record<string, unknown> = {}, doc: Record<string, unknown> = {}, extraDescriptors: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemaVersion: HISTORY_SCHEMA_VERSION,
    kind: 'rune-bench.metric-history',
    capacity: 10,
    descriptors: { 'process.memory.usage': memory, ...extraDescriptors },
    snapshots: [{ timestamp: 1_700_000_000_000, monotonic: 5, values: { 'process.memory.usage': 1024 }, ...snapshot }],
    ...doc,
  }).replace('"__INF__"', '1e999');
}

void test('hostile histories are refused with ERR_INVALID_FORMAT naming the file and the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-hostile-history-'));
  try {
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, history());
    assert.equal(readHistoryFile(ok).size, 1, 'the unpatched file is valid');
    const cases: [string, string, RegExp][] = [
      ['negative-timestamp', history({ timestamp: -1 }), /timestamp.*-1/],
      ['negative-monotonic', history({ monotonic: -5 }), /monotonic.*-5/],
      ['infinite-value', history({ values: { 'process.memory.usage': '__INF__' } }), /Infinity/],
      ['negative-memory', history({ values: { 'process.memory.usage': -1 } }), /negative/],
      ['script-name', history({ values: { '<script>alert(1)</script>': 1 } }), /not a valid metric name/],
      ['newline-name', history({ values: { 'a\nb': 1 } }), /not a valid metric name/],
      ['esc-name', history({ values: { 'a\u001b[31mb': 1 } }), /not a valid metric name/],
      ['dotdot-name', history({ values: { '../etc/passwd': 1 } }), /not a valid metric name/],
      ['backtick-name', history({ values: { 'a`b': 1 } }), /not a valid metric name/],
      ['bidi-name', history({ values: { 'a\u202Eb': 1 } }), /not a valid metric name/],
      ['bidi-descriptor', history({}, {}, { 'x\u202Ey': { ...memory, name: 'x\u202Ey' } }), /not a valid metric name/],
      ['huge-capacity', history({}, { capacity: 1e12 }), /capacity/],
    ];
    for (const [name, text, problem] of cases) {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, text);
      assert.throws(
        () => readHistoryFile(path),
        (e: unknown) => isRuneBenchError(e, 'ERR_INVALID_FORMAT') && e.path === path && e.message.includes(path) && problem.test(e.message),
        name,
      );
      const m = new PerformanceMonitor({ sources: [] });
      assert.throws(() => m.importHistory(path), (e: unknown) => isRuneBenchError(e, 'ERR_INVALID_FORMAT'), name);
      assert.equal(m.history.size, 0, `${name}: the history is unchanged`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
