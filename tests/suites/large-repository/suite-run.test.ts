// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { largeRepositorySuite } from '../../../src/suites/large-repository/large-repository-definition.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
// this process's trees only: another test file running beside this one may be generating its own
const leftovers = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith(`rune-bench-large_repository-${process.pid}-`));

void describe('large_repository suite', () => {
  void test('runs every operation and the git peer on a generated tree, reports key figures, removes the tree', async () => {
    const before = leftovers();
    const fractions: number[] = [];
    const result = await largeRepositorySuite.run({
      seed: 3,
      params: { files: 300, repeats: 1, sampleMb: 2 },
      onProgress: (p) => fractions.push(p.fraction),
    });
    assert.equal(result.status, 'ok', JSON.stringify(result.tasks.filter((t) => t.status !== 'ok')));
    const names = result.tasks.map((t) => t.name);
    for (const name of [
      'walk + lstat',
      'sha1 git blob ids (read + hash every file)',
      'deflate fflate level 1',
      'deflate node:zlib level 1',
      'deflate fflate level 6',
      'deflate node:zlib level 6',
      'delta fflate (previous revision as dictionary)',
      'object cache (lru-cache, Zipf keys)',
      'pack write (streaming, fflate level 1)',
    ]) {
      assert.ok(names.includes(name), name);
    }
    if (hasGit) {
      for (const name of ['git add -A && git commit', 'git status (warm)', 'git status (1% dirty)', 'git status (10% dirty)', 'git hash-object --stdin-paths']) {
        assert.ok(names.includes(name), name);
      }
    }
    const fig = (name: string): number => {
      const f = result.figures?.find((x) => x.name === name);
      assert.ok(f !== undefined, `figure ${name}`);
      return f.value;
    };
    assert.equal(fig('tree.files'), 300);
    assert.ok(fig('compress.l6.ratio') > fig('compress.l1.ratio'));
    assert.ok(fig('compress.l1.ratio') > 3);
    assert.ok(fig('delta.ratio') > fig('compress.l6.ratio'), 'a delta beats deflating the new revision alone');
    for (const name of ['compress.l1.ratio', 'compress.l6.ratio', 'delta.ratio']) {
      assert.ok(fig(`${name}.rme`) > 0 && fig(`${name}.rme`) < 0.2, `${name} has an interval`);
    }
    assert.ok(fig('ratio_sample.bytes') > 0);
    assert.ok(fig('cache.hit_ratio') > 0 && fig('cache.hit_ratio') < 1);
    assert.ok(fig('pack.bytes_written') > 0 && fig('pack.bytes_written') < fig('tree.bytes'));
    assert.ok(fig('bytes_written') >= fig('tree.bytes'));
    assert.ok(fig('compress.zlib_over_fflate.l1') > 0);
    if (hasGit) {
      assert.ok(fig('peer.hash.git') > 0 && fig('peer.hash.rune_bench') > 0);
      assert.ok(fig('git.objects.bytes_written') > 0);
    }
    const hash = result.tasks.find((t) => t.name === 'sha1 git blob ids (read + hash every file)');
    assert.ok(hash?.stats?.bytesPerSecond !== undefined && hash.stats.itemsPerSecond !== undefined, 'MB/s and files/s');
    assert.ok(result.summary.peakMemory > 0);
    assert.ok(result.summary.duration >= (fig('generate.duration')));
    assert.ok(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!), 'progress never goes back');
    assert.deepEqual(leftovers(), before, 'temporary tree removed');
  });

  void test('without git on the PATH the git peer is a notice, not a failure', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const result = await largeRepositorySuite.run({ params: { files: 60, repeats: 1, sampleMb: 1 } });
      assert.equal(result.status, 'ok');
      assert.ok(result.notices?.some((n) => /git not found/.test(n)));
      assert.ok(!result.tasks.some((t) => t.name.startsWith('git ')));
    } finally {
      process.env.PATH = path;
    }
  });

  void test('rejects bad parameters naming them', async () => {
    await assert.rejects(largeRepositorySuite.run({ params: { files: 'many' } }), { name: 'TypeError', message: /files parameter/ });
    await assert.rejects(largeRepositorySuite.run({ params: { repeats: 0 } }), { name: 'RangeError', message: /repeats parameter/ });
    await assert.rejects(largeRepositorySuite.run({ scale: 'huge' as 'quick' }), { name: 'RangeError', message: /scale option/ });
    await assert.rejects(largeRepositorySuite.run({ params: { dir: '/definitely/not/here' } }), { code: 'ERR_NOT_FOUND' });
  });
});
