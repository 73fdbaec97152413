// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TcpLinkModel } from '../../../src/workloads/network/tcp-link-model.js';
import { LossModel } from '../../../src/workloads/network/loss-model.js';
import { NETWORK_PROFILES, burstyLoss, defineNetworkProfile, type LossSpec } from '../../../src/suites/network/profiles.js';
import { TCP_MSS, effectiveBandwidth, mathisLimit } from '../../../src/workloads/network/tcp-model.js';

const profile = (loss: LossSpec, bandwidth = 1e6) =>
  defineNetworkProfile({ name: 't', delay: 0.05, jitter: 0, bandwidth, loss });

/** Drains a model on virtual time; returns arrival time of every delivered byte range, in order. */
function drain(model: TcpLinkModel, start: number): { arrivals: number[]; bytes: number } {
  const arrivals: number[] = [];
  let bytes = 0;
  let now = start;
  for (let i = 0; i < 1e6; i++) {
    const { chunks, next } = model.poll(now);
    for (const c of chunks) {
      arrivals.push(now);
      bytes += c.length;
    }
    if (next === undefined) break;
    now = next;
  }
  return { arrivals, bytes };
}

void describe('TcpLinkModel', () => {
  void test('retransmission count equals a seeded replay of the loss model', () => {
    for (const loss of [{ model: 'bernoulli', rate: 0.03 } as const, burstyLoss(0.02, 4)]) {
      const model = new TcpLinkModel({ profile: profile(loss), seed: 42 });
      model.enqueue(Buffer.alloc(2000 * TCP_MSS), 0);
      const replay = new LossModel(loss, 42);
      let expected = 0;
      for (let i = 0; i < 2000; i++) {
        let lost = replay.next() ? 1 : 0;
        while (lost > 0 && lost < 12 && replay.retransmission()) lost++;
        expected += lost;
      }
      assert.equal(model.stats.segments, 2000);
      assert.equal(model.stats.retransmissions, expected);
      // and the seeded count is near the spec's rate (binomial, 5 sigma)
      const mean = 2000 * (loss.model === 'bernoulli' ? 0.03 / 0.97 : 0.02 / 0.98);
      assert.ok(Math.abs(expected - mean) < 5 * Math.sqrt(mean) * (loss.model === 'bernoulli' ? 1 : 3), `${expected} vs ${mean}`);
      const { bytes } = drain(model, 0);
      assert.equal(bytes, 2000 * TCP_MSS, 'every byte is delivered despite loss');
    }
  });

  void test('a lost segment with three followers costs about one round trip (fast retransmit), alone it costs the RTO', () => {
    // find a seed whose first draw loses and second does not
    const loss = { model: 'bernoulli', rate: 0.5 } as const;
    let seed = 1;
    for (; seed < 1000; seed++) {
      const m = new LossModel(loss, seed);
      if (m.next() && !m.next() && !m.next() && !m.next() && !m.next()) break;
    }
    const p = profile(loss, 1e9);
    const stream = new TcpLinkModel({ profile: p, seed });
    stream.enqueue(Buffer.alloc(4 * TCP_MSS), 0);
    const s = drain(stream, 0);
    assert.equal(stream.stats.fastRetransmits, 1);
    assert.equal(stream.stats.timeouts, 0);
    // the third follower leaves after two segment times (the bucket holds two segments); its duplicate ACK
    // is back one RTT later and the resend takes one more way: RTT + 3 serialisations after the original arrival
    const rate = effectiveBandwidth(p);
    const expected = (2 * TCP_MSS) / rate + 0.1 + 0.05;
    const first = s.arrivals[0]!;
    assert.ok(Math.abs(first - expected) < 1e-6, `fast retransmit arrival ${first}, expected ${expected}`);

    const single = new TcpLinkModel({ profile: p, seed });
    single.enqueue(Buffer.alloc(100), 0);
    const t = drain(single, 0);
    assert.equal(single.stats.timeouts, 1);
    assert.equal(single.stats.fastRetransmits, 0);
    // RTO = max(200 ms, srtt + 4 rttvar) with no samples yet: srtt = 100 ms, rttvar = 50 ms -> 300 ms
    assert.ok(Math.abs(t.arrivals[0]! - (0.05 + 0.3)) < 1e-6, `timeout arrival ${t.arrivals[0]}`);
  });

  void test('back-to-back loss of one segment doubles the timeout', () => {
    const loss = { model: 'bernoulli', rate: 0.5 } as const;
    let seed = 1;
    for (; seed < 1000; seed++) {
      const m = new LossModel(loss, seed);
      if (m.next() && m.next() && !m.next()) break;
    }
    const single = new TcpLinkModel({ profile: profile(loss, 1e9), seed });
    single.enqueue(Buffer.alloc(100), 0);
    const t = drain(single, 0);
    assert.equal(single.stats.retransmissions, 2);
    assert.ok(Math.abs(t.arrivals[0]! - (0.05 + 0.3 + 0.6)) < 1e-6, `arrival ${t.arrivals[0]}`);
  });

  void test('a loss burst does not chain retransmission timeouts (retransmissions see the long-run rate)', () => {
    const p = NETWORK_PROFILES['lossy-wifi']!;
    const rate = effectiveBandwidth(p);
    const bytes = 400 * 1024;
    let worst = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const model = new TcpLinkModel({ profile: p, seed });
      model.enqueue(Buffer.alloc(bytes), 0);
      worst = Math.max(worst, drain(model, 0).arrivals.at(-1)!);
    }
    // pacing plus delay plus at most a couple of backed-off timeouts at the tail
    assert.ok(worst < 0.025 + bytes / rate + 1.5, `worst completion ${worst}s, pacing alone ${bytes / rate}s`);
  });

  void test('delivery is in order and paced at the effective bandwidth, capped by the Mathis limit', () => {
    const loss = { model: 'bernoulli', rate: 0.01 } as const;
    const p = profile(loss, 1e7);
    const rate = effectiveBandwidth(p);
    assert.equal(rate, mathisLimit(0.1, 0.01));
    assert.ok(rate < 1e7);
    const model = new TcpLinkModel({ profile: p, seed: 3 });
    const bytes = 500 * TCP_MSS;
    model.enqueue(Buffer.alloc(bytes), 0);
    const { arrivals } = drain(model, 0);
    for (let i = 1; i < arrivals.length; i++) assert.ok(arrivals[i]! >= arrivals[i - 1]!);
    const last = arrivals.at(-1)!;
    const expected = 0.05 + (bytes - 2 * TCP_MSS) / rate; // two segments of burst leave at once
    assert.ok(last >= expected - 1e-6 && last < expected + 1.5, `done at ${last}, pacing alone ${expected}`);
  });
});
