import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { networkSuite, createNetworkSuite } from '../../../src/suites/network/index.js';
import { defineNetworkProfile } from '../../../src/suites/network/profiles.js';
import { isRuneBenchError } from '../../../src/core/errors.js';
import type { SuiteProgress } from '../../../src/core/suite.js';

const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
/** TCP handles once sockets destroyed earlier have finished closing. */
const settledHandles = async () => {
  await sleep(50);
  return tcpHandles();
};

void describe('network suite', () => {
  void test('runs fetch, push and negotiation per profile and reports the key figures', async () => {
    const progress: SuiteProgress[] = [];
    const before = await settledHandles();
    const result = await networkSuite.run({
      params: { profiles: 'lan,wan', payload: 64 * 1024, rounds: 2 },
      onProgress: (p) => progress.push(p),
    });
    assert.equal(result.status, 'ok');
    assert.deepEqual(result.tasks.map((t) => t.name), ['fetch lan', 'push lan', 'negotiate lan', 'fetch wan', 'push wan', 'negotiate wan']);
    const fig = (name: string) => result.figures?.find((f) => f.name === name)?.value;
    assert.ok(fig('wan.fetch.goodput')! > 0);
    // the wan figure is near the model: Mathis-capped 5.6 Mbit/s
    const ratio = fig('wan.fetch.model_ratio')!;
    assert.ok(ratio > 0.6 && ratio < 1.2, `wan measured/predicted ${ratio}`);
    assert.ok(fig('wan.fetch.ttfb')! >= 0.07, 'a wan fetch waits at least one 80 ms round trip, less jitter');
    const negotiate = result.tasks.find((t) => t.name === 'negotiate wan')!;
    assert.ok(negotiate.figures?.some((f) => f.name === 'round_trip.p99' && f.value >= 0.07));
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.fraction >= progress[i - 1]!.fraction);
    assert.equal(progress.at(-1)?.fraction, 1);
    assert.equal(await settledHandles(), before, 'servers, shapers and connections are closed');
  });

  void test('user-defined profiles run through createNetworkSuite', async () => {
    const suite = createNetworkSuite({
      id: 'network-custom',
      profiles: [defineNetworkProfile({ name: 'office', delay: 0.005, jitter: 0.001, bandwidth: 5e6, loss: { model: 'bernoulli', rate: 0.01 } })],
    });
    const result = await suite.run({ params: { payload: 32 * 1024, rounds: 1 } });
    assert.equal(result.status, 'ok');
    assert.ok(result.figures?.some((f) => f.name === 'office.fetch.goodput'));
  });

  void test('an abort mid-run stops promptly and closes every socket', async () => {
    const before = await settledHandles();
    const controller = new AbortController();
    setTimeout(() => { controller.abort(); }, 400);
    const t0 = performance.now();
    let status: string;
    try {
      const result = await networkSuite.run({ signal: controller.signal, params: { profiles: 'mobile-4g' } });
      status = result.status;
    } catch (error) {
      assert.ok(isRuneBenchError(error, 'ERR_ABORTED'), String(error));
      status = 'aborted';
    }
    assert.equal(status, 'aborted');
    assert.ok(performance.now() - t0 < 5000, 'returns soon after the abort');
    assert.equal(await settledHandles(), before);
  });
});
