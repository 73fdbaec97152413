// parallel-safe: pure computation on fixed inputs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RuneBenchError, isRuneBenchError } from '../../src/core/errors.js';
import { Severity, compareSeverity } from '../../src/core/findings.js';

void test('RuneBenchError carries code, path and cause', () => {
  const cause = new Error('disk full');
  const error = new RuneBenchError('ERR_FILE_IO', 'could not write x', { cause, path: '/tmp/x' });
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'RuneBenchError');
  assert.equal(error.code, 'ERR_FILE_IO');
  assert.equal(error.path, '/tmp/x');
  assert.equal(error.cause, cause);
  assert.ok(isRuneBenchError(error));
  assert.ok(isRuneBenchError(error, 'ERR_FILE_IO'));
  assert.ok(!isRuneBenchError(error, 'ERR_ABORTED'));
  assert.ok(!isRuneBenchError(new Error('plain')));
});

void test('severities order from low to critical', () => {
  const sorted = [Severity.Critical, Severity.Low, Severity.High, Severity.Medium].sort(compareSeverity);
  assert.deepEqual(sorted, ['low', 'medium', 'high', 'critical']);
});
