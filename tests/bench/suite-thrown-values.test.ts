// parallel-safe: statuses and messages of thrown values, not timings
// Anything can be thrown: every thrown or rejected value becomes a failed task with a string message;
// suite.run() never rejects because of it, and the message is never just "undefined".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { describeThrown, errorInfo } from '../../src/bench/thrown.js';

const cases: readonly (readonly [string, () => unknown, RegExp])[] = [
  ['Object.create(null)', () => Object.create(null) as unknown, /^threw a non-Error object: \{\}$/],
  ['{ toString: null }', () => ({ toString: null }), /^threw a non-Error object: \{"toString":null\}$/],
  ['undefined', () => undefined, /^threw undefined$/],
  ['42', () => 42, /^threw 42$/],
  ['null', () => null, /^threw null$/],
  ['a symbol', () => Symbol('odd'), /^threw Symbol\(odd\)$/],
  ['an empty string', () => '', /^threw an empty string$/],
  ['a cyclic object without toString', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.self = o;
    return o;
  }, /^threw a non-Error object: \[object Object\]$/],
  ['an Error without a message', () => Object.assign(new Error('x'), { message: undefined }), /^Error without a message$/],
];

void test('a task that throws or rejects with any value fails with a string message; run() resolves', async () => {
  const suite = new BenchmarkSuite('thrown', { timeMs: 10, warmup: false });
  for (const [label, make] of cases) {
    suite.add(`throws ${label}`, () => {
      throw make();
    });
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejecting with a non-Error is the point
    suite.add(`rejects with ${label}`, () => Promise.reject(make()));
    suite.add(`setup throws ${label}`, () => 1, {
      setup: () => {
        throw make();
      },
    });
  }
  const events: string[] = [];
  suite.on('task:error', (e) => {
    events.push(e.error.message);
  });
  const result = await suite.run();
  assert.equal(result.tasks.length, cases.length * 3);
  for (const [i, [label, , message]] of cases.entries()) {
    for (const task of result.tasks.slice(i * 3, i * 3 + 3)) {
      assert.equal(task.status, 'failed', task.name);
      assert.equal(typeof task.error?.message, 'string', task.name);
      assert.match(task.error?.message ?? '', message, `${task.name} (${label})`);
    }
  }
  assert.equal(events.length, cases.length * 3);
  for (const e of events) assert.doesNotMatch(e, /: undefined$/);
  assert.equal(result.status, 'failed');
});

void test('a teardown or figures callback that throws an odd value fails an ok task with a string message', async () => {
  const suite = new BenchmarkSuite('thrown-late', { timeMs: 10, warmup: false });
  suite.add('teardown', () => 1, {
    teardown: () => {
      throw Object.create(null);
    },
  });
  suite.add('figures', () => 1, {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejecting with a non-Error is the point
    figures: () => Promise.reject(undefined),
  });
  const result = await suite.run();
  assert.deepEqual(
    result.tasks.map((t) => [t.status, t.error?.message]),
    [
      ['failed', 'threw a non-Error object: {}'],
      ['failed', 'threw undefined'],
    ],
  );
});

void test('describeThrown and errorInfo never throw, whatever the value', () => {
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error('no reading');
      },
      getPrototypeOf() {
        throw new Error('no prototype');
      },
      ownKeys() {
        throw new Error('no keys');
      },
    },
  );
  const info = errorInfo(hostile);
  assert.equal(info.name, 'Error');
  assert.equal(typeof info.message, 'string');
  assert.ok(info.message.length > 0);
  assert.equal(describeThrown('boom'), 'boom');
  assert.equal(describeThrown(10n), 'threw 10');
  assert.equal(describeThrown({ toString: () => 'custom text' }), 'custom text');
  assert.equal(errorInfo(Object.assign(new TypeError('bad'), { code: 'E_BAD' })).code, 'E_BAD');
});
