// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestName, validateOptions } from '../../src/core/options.js';

const rules = {
  intervalMs: { kind: 'number', min: 0, exclusiveMin: true },
  historySize: { kind: 'number', min: 1, integer: true },
  autoStart: { kind: 'boolean' },
  mode: { kind: 'oneOf', values: ['a', 'b'] },
} as const;

void test('an unknown option is refused with the nearest known name', () => {
  assert.throws(() => { validateOptions({ intervall: 10 }, { interval: { kind: 'number' } }, 'PerformanceMonitor'); }, {
    name: 'TypeError',
    message: 'intervall is not a known PerformanceMonitor option (did you mean interval?)',
  });
  assert.throws(() => { validateOptions({ zzz: 1 }, rules, 'X'); }, { name: 'TypeError', message: 'zzz is not a known X option' });
});

void test('values are checked by kind and range, naming the option', () => {
  assert.throws(() => { validateOptions({ intervalMs: '5' }, rules, 'X'); }, { name: 'TypeError', message: /^intervalMs option must be a number/ });
  assert.throws(() => { validateOptions({ intervalMs: 0 }, rules, 'X'); }, { name: 'RangeError', message: /^intervalMs option must be greater than 0/ });
  assert.throws(() => { validateOptions({ historySize: 1.5 }, rules, 'X'); }, { name: 'TypeError', message: /integer/ });
  assert.throws(() => { validateOptions({ historySize: 1e400 }, rules, 'X'); }, TypeError);
  assert.throws(() => { validateOptions({ autoStart: 1 }, rules, 'X'); }, TypeError);
  assert.throws(() => { validateOptions({ mode: 'c' }, rules, 'X'); }, { name: 'RangeError', message: 'mode option must be one of "a", "b", got "c"' });
  assert.throws(() => { validateOptions(5, rules, 'X'); }, { name: 'TypeError', message: 'X options must be an object, got 5' });
  validateOptions({ intervalMs: 1, historySize: 3, autoStart: false, mode: 'b', unsetIsFine: undefined }, { ...rules, unsetIsFine: { kind: 'any' as const } }, 'X');
  validateOptions(undefined, rules, 'X');
});

void test('nearestName ignores names too far to be a typo', () => {
  assert.equal(nearestName('thresold', ['threshold', 'alpha']), 'threshold');
  assert.equal(nearestName('colour', ['threshold', 'alpha']), undefined);
});
