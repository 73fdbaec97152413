// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'fflate';
import { ContentSource } from '../../../src/workloads/repository/content.js';
import { decodeDelta, encodeDelta } from '../../../src/workloads/repository/delta.js';
import { planRepository } from '../../../src/workloads/repository/tree-plan.js';

void describe('delta compression', () => {
  const content = new ContentSource(4);
  const plan = planRepository({ files: 400, seed: 4 });
  const pairs = plan.files.slice(0, 150).map((f, i) => {
    const previous = content.content(f);
    return { previous, next: content.revise(previous, i) };
  });

  void test('round-trips every revision of a tree, small and large files alike', () => {
    for (const { previous, next } of pairs) {
      assert.deepEqual(Buffer.from(decodeDelta(previous, encodeDelta(previous, next))), next);
    }
    const big = content.content({ path: 'big.c', size: 3_000_000, depth: 0, seed: 77 });
    const edited = content.revise(big, 5);
    assert.deepEqual(Buffer.from(decodeDelta(big, encodeDelta(big, edited, { level: 1 }))), edited);
  });

  void test('is far smaller than deflating the new revision alone', () => {
    let raw = 0;
    let delta = 0;
    let plain = 0;
    for (const { previous, next } of pairs) {
      raw += next.length;
      delta += encodeDelta(previous, next).length;
      plain += deflateSync(next, { level: 6 }).length;
    }
    assert.ok(raw / delta > 2 * (raw / plain), `delta ratio ${(raw / delta).toFixed(1)} vs plain ${(raw / plain).toFixed(1)}`);
  });

  void test('handles empty revisions and rejects a truncated delta', () => {
    const empty = new Uint8Array(0);
    const some = Buffer.from('int main(void) { return 0; }\n');
    assert.deepEqual(decodeDelta(empty, encodeDelta(empty, empty)), empty);
    assert.deepEqual(Buffer.from(decodeDelta(empty, encodeDelta(empty, some))), some);
    assert.deepEqual(decodeDelta(some, encodeDelta(some, empty)), empty);
    const { previous, next } = pairs.find((p) => p.next.length > 40_000)!;
    const delta = encodeDelta(previous, next);
    assert.throws(() => decodeDelta(previous, delta.subarray(0, Math.floor(delta.length / 2))), { code: 'ERR_INVALID_FORMAT' });
  });
});
