// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { deflateSync, inflateSync } from 'fflate';
import { ContentSource } from '../../../src/workloads/repository/content.js';
import { planRepository } from '../../../src/workloads/repository/tree-plan.js';

void describe('generated content', () => {
  const plan = planRepository({ files: 3_000, seed: 11 });
  const content = new ContentSource(11);
  // Every third file, up to ~20 MB: enough bytes for a stable aggregate ratio.
  const files = plan.files.filter((_, i) => i % 3 === 0).slice(0, 1000);
  const buffers = files.map((f) => content.content(f));

  void test('compresses like kernel source: about 4.2x at deflate level 1 and 4.9x at level 6', () => {
    let raw = 0;
    let l1 = 0;
    let l6 = 0;
    for (const b of buffers) {
      raw += b.length;
      l1 += deflateRawSync(b, { level: 1 }).length;
      l6 += deflateRawSync(b, { level: 6 }).length;
    }
    const r1 = raw / l1;
    const r6 = raw / l6;
    assert.ok(r1 > 3.8 && r1 < 4.6, `level 1 ratio ${r1.toFixed(2)}`);
    assert.ok(r6 > 4.4 && r6 < 5.4, `level 6 ratio ${r6.toFixed(2)}`);
    assert.ok(r6 > r1 * 1.08, 'level 6 gains over level 1 as on real code');
  });

  void test('is text that looks like C, exactly the planned size, and the same on every call', () => {
    files.slice(0, 50).forEach((f, i) => {
      assert.equal(buffers[i]!.length, f.size);
      assert.deepEqual(content.content(f), buffers[i]);
    });
    const big = buffers.reduce((a, b) => (b.length > a.length ? b : a));
    const text = big.toString('latin1');
    assert.match(text, /^\/\/ SPDX-License-Identifier: GPL-2\.0\n/);
    assert.match(text, /\breturn\b/);
    assert.match(text, /[{};]\n/);
    assert.ok([...big.subarray(0, 100_000)].every((c) => c === 0x0a || c === 0x09 || (c >= 0x20 && c < 0x7f)), 'printable ASCII');
  });

  void test('fflate and node:zlib round-trip the content at levels 1 and 6', () => {
    for (const b of buffers.slice(0, 40)) {
      for (const level of [1, 6] as const) {
        assert.deepEqual(Buffer.from(inflateSync(deflateSync(b, { level }))), b);
        assert.deepEqual(inflateRawSync(deflateRawSync(b, { level })), b);
      }
    }
  });

  void test('a revision changes some lines and keeps most', () => {
    const before = buffers.find((b) => b.length > 20_000)!;
    const after = content.revise(before, 99);
    assert.notDeepEqual(after, before);
    assert.deepEqual(content.revise(before, 99), after, 'revisions are seeded');
    const lines = new Set(before.toString('latin1').split('\n'));
    const kept = after.toString('latin1').split('\n').filter((l) => lines.has(l)).length;
    assert.ok(kept / after.toString('latin1').split('\n').length > 0.7);
  });
});

void test('the corpus built without holding the event loop has the same bytes, and timers run while it is built', async () => {
  const { generateCorpus, generateCorpusAsync, DEFAULT_CORPUS_MODEL } = await import('../../../src/workloads/repository/corpus.js');
  const bytes = 4 * 1024 * 1024;
  let turns = 0;
  let running = true;
  const tick = (): void => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  // yielding after every block (0 ms) makes the turns certain on any machine speed
  const built = await generateCorpusAsync(bytes, 7, DEFAULT_CORPUS_MODEL, 0);
  running = false;
  assert.ok(built.equals(generateCorpus(bytes, 7)), 'same bytes as the synchronous corpus');
  assert.equal(built.length, bytes);
  assert.ok(turns >= 100, `event-loop turns while building: ${String(turns)}`);
  const source = await ContentSource.create(7, bytes);
  assert.ok(source.corpus.equals(built));
});
