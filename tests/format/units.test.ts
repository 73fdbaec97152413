// parallel-safe: pure computation on fixed inputs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  formatByteRate,
  formatBytes,
  formatChange,
  formatCount,
  formatDuration,
  formatOps,
  formatPercent,
  formatRme,
  formatValue,
} from '../../src/format/units.js';

void describe('human units', () => {
  void test('durations pick ns, µs, ms, s, then minutes and hours', () => {
    assert.equal(formatDuration(0), '0 s');
    assert.equal(formatDuration(2.5e-10), '0.25 ns');
    assert.equal(formatDuration(1.5e-6), '1.50 µs');
    assert.equal(formatDuration(0.000_999_4), '999 µs');
    assert.equal(formatDuration(0.0123), '12.3 ms');
    assert.equal(formatDuration(1.234), '1.23 s');
    assert.equal(formatDuration(95), '1m 35s');
    assert.equal(formatDuration(3 * 3600 + 5 * 60), '3h 05m');
    assert.equal(formatDuration(-0.002), '-2.00 ms');
    assert.equal(formatDuration(Number.NaN), 'n/a');
  });

  void test('bytes in powers of 1024 with B, KB, MB, GB', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1536), '1.50 KB');
    assert.equal(formatBytes(5 * 1024 ** 2), '5.00 MB');
    assert.equal(formatBytes(1024 ** 3 * 2.25), '2.25 GB');
    // 1023.99 KB must not print as "1024 KB".
    assert.equal(formatBytes(1024 * 1024 - 1), '1.00 MB');
    assert.equal(formatByteRate(5 * 1024 ** 2), '5.00 MB/s');
  });

  void test('counts, rates, percentages and changes', () => {
    assert.equal(formatCount(999), '999');
    assert.equal(formatCount(12_345), '12.3k');
    assert.equal(formatCount(999_999), '1.00M');
    assert.equal(formatOps(1_234_567), '1.23M ops/s');
    assert.equal(formatPercent(0.1234), '12.3%');
    assert.equal(formatPercent(1.8), '180%');
    assert.equal(formatPercent(0.5, 1), '50.0%');
    assert.equal(formatRme(0.0123), '±1.23%');
    assert.equal(formatChange(0.052), '+5.20%');
    assert.equal(formatChange(-0.5), '-50.0%');
    assert.equal(formatChange(0), '±0%');
  });

  void test('formatValue dispatches on the metric unit', () => {
    assert.equal(formatValue(0.004, 's'), '4.00 ms');
    assert.equal(formatValue(2048, 'By'), '2.00 KB');
    assert.equal(formatValue(0.25, '1'), '25.0%');
    assert.equal(formatValue(4.18, '1'), '4.18×', 'a ratio well above 1 is a multiple');
    assert.equal(formatValue(0.5, 's/s'), '50.0%');
    assert.equal(formatValue(42, '{count}'), '42');
    assert.equal(formatValue(3 * 1024 ** 2, 'By/s'), '3.00 MB/s');
    assert.equal(formatValue(1500, '{count}/s'), '1.50k/s');
  });
});
