import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ExchangeClient, ExchangeServer } from '../../../src/workloads/network/exchange-server.js';
import { NetworkShaper } from '../../../src/workloads/network/network-shaper.js';
import { LossModel } from '../../../src/workloads/network/loss-model.js';
import { NETWORK_PROFILES, defineNetworkProfile, type NetworkProfile } from '../../../src/suites/network/profiles.js';
import { predictExchange } from '../../../src/workloads/network/tcp-model.js';

// Real sockets on loopback, real timers: measured figures must land near what the model predicts.
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

void describe('NetworkShaper against the model', () => {
  const server = new ExchangeServer();
  let port = 0;
  before(async () => {
    port = await server.listen();
  });
  after(async () => {
    await server.close();
  });

  async function measure(profile: NetworkProfile, req: number, resp: number, n: number, seed = 1) {
    const shaper = new NetworkShaper({ target: { port }, profile, seed });
    const client = await ExchangeClient.connect(await shaper.listen());
    const times = [];
    try {
      for (let i = 0; i < n; i++) times.push(await client.exchange(req, resp));
    } finally {
      client.close();
    }
    const stats = shaper.stats();
    await shaper.close();
    return { ttfb: median(times.map((t) => t.ttfb)), duration: median(times.map((t) => t.duration)), stats };
  }

  for (const profile of [
    defineNetworkProfile({ name: 'custom', delay: 0.02, jitter: 0.002, bandwidth: 2e6, loss: { model: 'none' } }),
    NETWORK_PROFILES.wan!,
  ]) {
    void test(`${profile.name}: fetch goodput and time to first byte land near the prediction`, async () => {
      const bytes = 256 * 1024;
      const predicted = predictExchange(profile, 200, bytes);
      const m = await measure(profile, 200, bytes, 3);
      const goodput = bytes / m.duration;
      // generous: timers on a loaded shared machine only ever add delay
      assert.ok(goodput > 0.7 * predicted.goodput && goodput < 1.15 * predicted.goodput, `goodput ${goodput} vs ${predicted.goodput}`);
      assert.ok(m.ttfb > 0.8 * predicted.ttfb && m.ttfb < 1.5 * predicted.ttfb + 0.02, `ttfb ${m.ttfb} vs ${predicted.ttfb}`);
      // push goes through the other direction
      const push = await measure(profile, bytes, 40, 2, 7);
      assert.ok(push.duration > 0.85 * predicted.duration && push.duration < 1.4 * predicted.duration + 0.02, `push ${push.duration} vs ${predicted.duration}`);
    });
  }

  void test('small round trips cost one RTT', async () => {
    const profile = defineNetworkProfile({ name: 'rtt', delay: 0.03, jitter: 0, bandwidth: 1e7, loss: { model: 'none' } });
    const m = await measure(profile, 100, 100, 5);
    assert.ok(m.duration > 0.06 && m.duration < 0.06 * 1.5 + 0.01, `round trip ${m.duration}`);
  });

  void test('modelled retransmissions through real sockets equal the seeded loss sequence', async () => {
    const loss = { model: 'bernoulli', rate: 0.05 } as const;
    const profile = defineNetworkProfile({ name: 'lossy', delay: 0.002, jitter: 0, bandwidth: 2e7, loss });
    const m = await measure(profile, 100, 300 * 1024, 1, 11);
    // connection 0: upstream seed 11, downstream seed 12
    const replay = (seed: number, segments: number) => {
      const model = new LossModel(loss, seed);
      let lost = 0;
      for (let i = 0; i < segments; i++) {
        let k = model.next() ? 1 : 0;
        while (k > 0 && k < 12 && model.retransmission()) k++;
        lost += k;
      }
      return lost;
    };
    assert.ok(m.stats.down.segments >= Math.ceil((300 * 1024) / 1448));
    assert.equal(m.stats.down.retransmissions, replay(12, m.stats.down.segments));
    assert.equal(m.stats.up.retransmissions, replay(11, m.stats.up.segments));
    assert.ok(m.stats.down.retransmissions > 0);
  });
});
