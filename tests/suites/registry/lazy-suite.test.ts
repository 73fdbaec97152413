// parallel-safe: loading and listing of suites; the network run is checked for its task statuses only
// Built-in suites load their implementation on first run: the listing needs none of it, a run loads it once,
// and a failed load is tried again rather than remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SuiteResult } from '../../../src/core/results.js';
import { lazySuite, type SuiteRun } from '../../../src/suites/lazy-suite.js';
import { getSuite, listSuites } from '../../../src/suites/registry.js';

// the implementations under test return a result named after what they were given: enough to see it came through
const result = (name: string): SuiteResult => ({ name, tasks: [] }) as unknown as SuiteResult;

void test('a lazy suite lists its id, description and parameters without loading, and loads once for many runs', async () => {
  let loads = 0;
  const suite = lazySuite({ id: 'lazy', description: 'd', parameters: [{ name: 'n', type: 'number', description: 'n' }] }, () => {
    loads++;
    return Promise.resolve<SuiteRun>((options) => Promise.resolve(result(`lazy:${String(options?.params?.n ?? '-')}`)));
  });
  assert.equal(suite.id, 'lazy');
  assert.equal(suite.parameters[0]?.name, 'n');
  assert.equal(loads, 0, 'nothing loaded to describe it');
  assert.ok(Object.isFrozen(suite));
  const [a, b] = await Promise.all([suite.run({ params: { n: 1 } }), suite.run({ params: { n: 2 } })]);
  assert.equal(a.name, 'lazy:1');
  assert.equal(b.name, 'lazy:2');
  await suite.run();
  assert.equal(loads, 1, 'one load for every run');
});

void test('a failed load rejects the run and is tried again on the next one', async () => {
  let loads = 0;
  const suite = lazySuite({ id: 'flaky-load', description: 'd', parameters: [] }, () => {
    loads++;
    return loads === 1 ? Promise.reject(new Error('EMFILE')) : Promise.resolve<SuiteRun>(() => Promise.resolve(result('ok')));
  });
  await assert.rejects(suite.run(), /EMFILE/);
  assert.equal((await suite.run()).name, 'ok');
  assert.equal(loads, 2);
});

void test('the built-in suites are listed with their parameters, and one runs through its lazy definition', async () => {
  const ids = listSuites().map((s) => s.id);
  for (const id of ['large_repository', 'network', 'memory_pressure', 'disk_io', 'parallel_operations', 'comprehensive']) assert.ok(ids.includes(id), id);
  assert.equal(getSuite('disk_io').parameters.find((p) => p.name === 'files')?.default, 600);
  assert.equal(getSuite('memory_pressure').parameters.find((p) => p.name === 'heapMb')?.default, 96);
  assert.equal(getSuite('network').parameters.find((p) => p.name === 'profiles')?.default, 'lan,wan,lossy-wifi,mobile-4g,satellite-leo');
  const network = await getSuite('network').run({ params: { profiles: 'lan', payload: 65536, rounds: 1 } });
  assert.equal(network.name, 'network');
  assert.ok(network.tasks.length > 0 && network.tasks.every((t) => t.status === 'ok'), JSON.stringify(network.tasks.map((t) => [t.name, t.status])));
});
