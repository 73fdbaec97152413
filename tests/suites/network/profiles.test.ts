// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NETWORK_PROFILES, averageLossRate, burstyLoss, defineNetworkProfile, parseNetworkProfile } from '../../../src/suites/network/profiles.js';
import { LossModel } from '../../../src/workloads/network/loss-model.js';

void describe('network profiles', () => {
  void test('built-ins carry the issue figures in base units', () => {
    const wan = NETWORK_PROFILES.wan!;
    assert.equal(wan.delay, 0.04);
    assert.equal(wan.jitter, 0.005);
    assert.equal(wan.bandwidth, 50e6 / 8);
    assert.equal(averageLossRate(wan.loss), 0.001);
    assert.ok(Math.abs(averageLossRate(NETWORK_PROFILES['lossy-wifi']!.loss) - 0.02) < 1e-12);
    assert.deepEqual(Object.keys(NETWORK_PROFILES).sort(), ['3g', 'lan', 'lossy-wifi', 'mobile-4g', 'satellite-geo', 'satellite-leo', 'wan']);
  });

  void test('bursty loss loses the requested share in bursts of the requested mean length', () => {
    const model = new LossModel(burstyLoss(0.05, 5), 9);
    let lost = 0;
    let bursts = 0;
    let previous = false;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const l = model.next();
      if (l) lost++;
      if (l && !previous) bursts++;
      previous = l;
    }
    assert.ok(Math.abs(lost / n - 0.05) < 0.008, `rate ${lost / n}`);
    assert.ok(Math.abs(lost / bursts - 5) < 0.6, `mean burst ${lost / bursts}`);
  });

  void test('user-defined profiles are validated and parsed from text', () => {
    const p = parseNetworkProfile('office:delay=12ms,jitter=1ms,bandwidth=100mbit,loss=0.01,burst=3');
    assert.equal(p.name, 'office');
    assert.ok(Math.abs(p.delay - 0.012) < 1e-12);
    assert.equal(p.bandwidth, 12.5e6);
    assert.equal(p.loss.model, 'gilbert-elliott');
    assert.equal(parseNetworkProfile('wan'), NETWORK_PROFILES.wan);
    assert.throws(() => parseNetworkProfile('x:delay=1ms'), /bandwidth/);
    assert.throws(() => parseNetworkProfile('x:bandwidth=fast'), /profile.bandwidth/);
    assert.throws(() => defineNetworkProfile({ name: 'x', delay: -1, jitter: 0, bandwidth: 1, loss: { model: 'none' } }), /profile.delay/);
    assert.throws(() => defineNetworkProfile({ name: 'x', delay: 0, jitter: 0, bandwidth: 1, loss: { model: 'bernoulli', rate: 2 } }), /profile.loss.rate/);
  });
});
