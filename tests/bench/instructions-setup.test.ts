// parallel-safe: options, output parsing and the missing-tool error; nothing is timed
// The instructions instrument without running valgrind: options, the missing-tool error, output parsing, the unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { estimatedCycles, parseCachegrindOutput } from '../../src/bench/instruments/cachegrind.js';
import { DETERMINISTIC_V8_FLAGS } from '../../src/bench/instruments/instrument-options.js';
import { findValgrind } from '../../src/bench/instruments/valgrind.js';
import { isRuneBenchError } from '../../src/core/errors.js';
import { formatPerOp } from '../../src/format/units.js';

const isolation = { module: import.meta.url };

void test('instrument options are checked when the suite is built, naming the option', () => {
  assert.throws(() => new BenchmarkSuite('s', { instrument: 'cycles' as 'time' }), { name: 'RangeError', message: /^instrument option must be one of/ });
  assert.throws(() => new BenchmarkSuite('s', { instrument: 'instructions' }), { name: 'TypeError', message: /needs the isolation option/ });
  assert.throws(() => new BenchmarkSuite('s', { instrument: 'instructions', isolation, instructions: { iterations: 0 } }), {
    name: 'RangeError',
    message: /^instructions\.iterations option/,
  });
  assert.throws(() => new BenchmarkSuite('s', { instrument: 'instructions', isolation, instructions: { iteration: 5 } as object }), {
    name: 'TypeError',
    message: /instructions\.iteration is not a known BenchmarkSuite option \(did you mean instructions\.iterations\?\)/,
  });
  assert.throws(() => new BenchmarkSuite('s', { instrument: 'instructions', isolation, instructions: { tolerance: -0.01 } }), {
    name: 'RangeError',
    message: /^instructions\.tolerance option/,
  });
  assert.doesNotThrow(() => new BenchmarkSuite('s', { instrument: 'instructions', isolation, instructions: { iterations: 8, cacheSim: true, tolerance: 0 } }));
});

void test('this node accepts every flag of the counting child (a renamed V8 flag would fail each count)', () => {
  assert.ok(DETERMINISTIC_V8_FLAGS.includes('--no-minor-gc-task'), 'no young-generation collection posted as a task');
  const probe = spawnSync(process.execPath, [...DETERMINISTIC_V8_FLAGS, '-e', '0'], { encoding: 'utf8' });
  assert.equal(probe.status, 0, probe.stderr);
  assert.equal(probe.stderr, '');
});

void test('without valgrind: a typed error naming the Debian package, and the task fails with it', async () => {
  const missing = '/nonexistent/valgrind';
  assert.throws(() => findValgrind(missing), (e: unknown) => isRuneBenchError(e, 'ERR_TOOL_MISSING') && /Debian package `valgrind`/.test(e.message));
  let ran = 0;
  const suite = new BenchmarkSuite('s', { instrument: 'instructions', isolation, instructions: { valgrind: missing } }).add('t', () => ran++);
  const result = await suite.run();
  assert.equal(result.tasks[0]?.status, 'failed');
  assert.equal(result.tasks[0].error?.code, 'ERR_TOOL_MISSING');
  assert.equal(ran, 0, 'the task is not run (not even to size the iterations) when valgrind is missing');
});

void test('cachegrind output: totals by event name, estimated cycles by the documented model', () => {
  const text = [
    'desc: I1 cache: 32768 B, 64 B, 8-way associative',
    'cmd: node x.js',
    'events: Ir I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw',
    'fl=x.c',
    'fn=main',
    '1 5 0 0 1 0 0 0 0 0',
    'summary: 1000 10 2 400 20 3 300 5 1',
  ].join('\n');
  const totals = parseCachegrindOutput(text, 'x.out');
  assert.deepEqual(totals, { Ir: 1000, I1mr: 10, ILmr: 2, Dr: 400, D1mr: 20, DLmr: 3, Dw: 300, D1mw: 5, DLmw: 1 });
  assert.equal(estimatedCycles(totals), 1000 + 10 * (10 + 20 + 5) + 100 * (2 + 3 + 1));
  assert.throws(() => estimatedCycles(parseCachegrindOutput('events: Ir\nsummary: 5\n')), (e: unknown) => isRuneBenchError(e, 'ERR_INVALID_FORMAT'));
  assert.throws(() => parseCachegrindOutput('events: Ir Dr\nsummary: 5\n', 'bad.out'), (e: unknown) => isRuneBenchError(e, 'ERR_INVALID_FORMAT') && /bad\.out/.test(e.message));
  assert.throws(() => parseCachegrindOutput('events: Ir\n', 'none.out'), /no summary line/);
});

void test('per-operation figures print in their unit', () => {
  assert.equal(formatPerOp(34_750.4, 'instructions'), '34,750 instr');
  assert.equal(formatPerOp(41_200, 'cycles (estimated)'), '41,200 cycles (est.)');
  assert.equal(formatPerOp(0.0000015, undefined), formatPerOp(0.0000015, 'seconds'));
  assert.match(formatPerOp(0.0000015, 'seconds'), /µs/);
});
