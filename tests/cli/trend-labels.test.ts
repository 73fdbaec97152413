// parallel-safe: checks output, files and exit codes, not timings
// Change-point labels in trends: the size of the step without a sign, the direction in words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeLabel } from '../../src/cli/commands/trends.js';

void test('a faster step reads "8.26% faster", not "-8.26% faster"; a slower one has no plus sign', () => {
  assert.equal(changeLabel(1 - 0.0826, 'improvement', false), '8.26% faster');
  assert.equal(changeLabel(1.25, 'regression', false), '25.0% slower');
  assert.equal(changeLabel(1.25, 'regression', true), '25.0% slower (suspected)');
});
