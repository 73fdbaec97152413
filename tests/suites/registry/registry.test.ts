// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  comprehensiveSuite,
  getSuite,
  isBuiltInSuite,
  listSuites,
  registerSuite,
  unregisterSuite,
} from '../../../src/suites/registry.js';
import { isRuneBenchError } from '../../../src/core/errors.js';
import type { SuiteDefinition } from '../../../src/core/suite.js';
import type { SuiteResult } from '../../../src/core/results.js';

const userSuite: SuiteDefinition = {
  id: 'my_suite',
  description: 'a user suite',
  parameters: [{ name: 'n', type: 'number', description: 'count', default: 1 }],
  run: () => Promise.reject<SuiteResult>(new Error('not run in this test')),
};

void describe('suite registry', () => {
  void test('lists the built-in suites with descriptions and parameters', () => {
    const ids = listSuites().map((s) => s.id);
    for (const id of ['large_repository', 'network', 'memory_pressure', 'disk_io', 'parallel_operations', 'comprehensive']) {
      assert.ok(ids.includes(id), id);
      const suite = getSuite(id);
      assert.ok(isBuiltInSuite(suite));
      assert.ok(suite.description.length > 10);
      for (const p of suite.parameters) assert.ok(['string', 'number', 'boolean'].includes(p.type));
    }
    assert.equal(getSuite('comprehensive'), comprehensiveSuite);
    assert.ok(getSuite('large_repository').parameters.some((p) => p.name === 'dir'));
  });

  void test('registers, finds and removes a user suite; built-ins stay', () => {
    registerSuite(userSuite);
    try {
      assert.equal(getSuite('my_suite'), userSuite);
      assert.equal(listSuites().at(-1), userSuite);
      assert.equal(isBuiltInSuite(userSuite), false);
      assert.throws(() => { registerSuite({ ...userSuite }); }, (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
    } finally {
      assert.equal(unregisterSuite('my_suite'), true);
    }
    assert.throws(() => getSuite('my_suite'), (e: unknown) => isRuneBenchError(e, 'ERR_NOT_FOUND') && /large_repository/.test((e as Error).message));
    assert.equal(unregisterSuite('large_repository'), false);
    assert.equal(getSuite('large_repository').id, 'large_repository');
  });

  void test('rejects malformed suites with a TypeError naming the field', () => {
    assert.throws(() => { registerSuite({ ...userSuite, id: 'Bad Id' }); }, { name: 'TypeError', message: /suite\.id/ });
    assert.throws(() => { registerSuite({ ...userSuite, id: 'ok_id', run: undefined as unknown as SuiteDefinition['run'] }); }, { name: 'TypeError', message: /suite\.run/ });
    assert.throws(() => { registerSuite({ ...userSuite, id: 'ok_id', parameters: 'x' as unknown as SuiteDefinition['parameters'] }); }, { name: 'TypeError', message: /suite\.parameters/ });
  });
});
