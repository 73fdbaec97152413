// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { generateRepository } from '../../../src/workloads/repository/generator.js';
import { gitBlobId } from '../../../src/workloads/repository/object-hash.js';
import { writePack } from '../../../src/workloads/repository/pack-writer.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
const root = mkdtempSync(join(tmpdir(), 'rune-bench-git-objects-test-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

function git(args: string[], cwd: string, input?: string): string {
  const r = spawnSync('git', args, { cwd, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

void describe('git objects', { skip: hasGit ? false : 'git not on the PATH' }, () => {
  void test('gitBlobId equals git hash-object for generated files, an empty file and binary bytes', async () => {
    const tree = await generateRepository(join(root, 'tree'), { files: 150, seed: 2 });
    mkdirSync(join(root, 'extra'));
    writeFileSync(join(root, 'extra', 'empty'), '');
    writeFileSync(join(root, 'extra', 'binary'), Buffer.from([0, 255, 10, 13, 0, 1, 2]));
    const paths = [...tree.plan.files.map((f) => join(tree.root, f.path)), join(root, 'extra', 'empty'), join(root, 'extra', 'binary')];
    const theirs = git(['hash-object', '--stdin-paths'], root, paths.join('\n') + '\n').trim().split('\n');
    assert.deepEqual(paths.map((p) => gitBlobId(readFileSync(p))), theirs);
    assert.equal(gitBlobId(new Uint8Array(0)), 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });

  void test('writePack streams a pack that git index-pack accepts with the same object ids', async () => {
    const contents = Array.from({ length: 60 }, (_, i) => Buffer.from(`object ${String(i)}\n`.repeat(1 + i * 37)));
    contents.push(Buffer.alloc(0), Buffer.alloc(70_000, 'abc'));
    const path = join(root, 'test.pack');
    const info = await writePack(path, contents.length, (async function* () {
      for (const c of contents) yield await Promise.resolve(c);
    })(), { level: 6 });
    assert.equal(info.objects, contents.length);
    assert.equal(info.rawBytes, contents.reduce((s, c) => s + c.length, 0));
    const bytes = readFileSync(path);
    assert.equal(bytes.length, info.bytesWritten);
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PACK');
    const repo = join(root, 'repo');
    mkdirSync(repo);
    git(['init', '-q'], repo);
    const out = git(['index-pack', '-o', join(root, 'test.idx'), path], repo);
    assert.equal(out.trim(), info.checksum, 'index-pack names the pack by our trailer checksum');
    const listed = git(['verify-pack', '-v', join(root, 'test.idx')], repo)
      .split('\n')
      .filter((l) => / blob /.test(l))
      .map((l) => l.split(' ')[0]);
    assert.deepEqual(new Set(listed), new Set(contents.map((c) => gitBlobId(c))));
    // The first object's zlib stream inflates to its content.
    assert.deepEqual(inflateSync(bytes.subarray(12 + 1)).subarray(0, contents[0]!.length), contents[0]);
  });

  void test('writePack rejects a wrong object count and stops when aborted', async () => {
    await assert.rejects(writePack(join(root, 'short.pack'), 3, [Buffer.from('a')]), { code: 'ERR_INVALID_FORMAT' });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(writePack(join(root, 'aborted.pack'), 1, [Buffer.from('a')], { signal: controller.signal }), { code: 'ERR_ABORTED' });
    await assert.rejects(writePack(join(root, 'x.pack'), -1, []), RangeError);
    assert.equal(existsSync(join(root, 'aborted.pack')), false, 'nothing is written when already aborted');
  });
});
