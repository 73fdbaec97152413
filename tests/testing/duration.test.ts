// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSeconds, parseDuration, type Duration } from '../../src/testing/duration.js';

const close = (a: number, b: number): void => { assert.ok(Math.abs(a - b) <= 1e-12 * Math.abs(b), `${a} != ${b}`); };

void test('durations parse to seconds', () => {
  close(parseDuration('2ms', 'p95'), 0.002);
  close(parseDuration('150us', 'p95'), 150e-6);
  close(parseDuration('150µs', 'p95'), 150e-6);
  close(parseDuration('1.5s', 'p95'), 1.5);
  close(parseDuration('800ns', 'p95'), 800e-9);
  close(parseDuration(0.25, 'p95'), 0.25);
  assert.throws(() => parseDuration('2 parsecs' as Duration, 'p95'), /p95 option must be a duration/);
  assert.throws(() => parseDuration(-1, 'median'), /median option/);
  assert.throws(() => parseDuration('0ms', 'p99'), /p99 option must be a positive duration/);
});

void test('seconds format for people', () => {
  assert.equal(formatSeconds(0.0021), '2.100 ms');
  assert.equal(formatSeconds(1.5e-6), '1.500 µs');
  assert.equal(formatSeconds(3e-8), '30.00 ns');
  assert.equal(formatSeconds(2), '2.000 s');
});
