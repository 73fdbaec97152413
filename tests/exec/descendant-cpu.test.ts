// CPU of descendants is counted: a shell running sha1sum on a large file reports sha1sum's CPU, far above the
// shell's own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarkCommands } from '../../src/exec/benchmark-commands.js';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rune-bench-exec-cpu-'));
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;
  writeFileSync(join(dir, 'big'), Buffer.concat(Array.from({ length: 96 }, () => block)));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cpuOf = (figures: readonly { name: string; value: number }[] | undefined): number =>
  (figures?.find((f) => f.name === 'cpu.user')?.value ?? 0) + (figures?.find((f) => f.name === 'cpu.system')?.value ?? 0);

void test("a shell's child's CPU is in the run's CPU", async () => {
  // The trailing `:` keeps the shell from exec'ing sha1sum in its place: sha1sum is the shell's child. `: < big` is
  // the shell alone (a builtin) with the file opened.
  const { result } = await benchmarkCommands(['sha1sum big > /dev/null; :', ': < big'], { cwd: dir, minRuns: 3, minTimeMs: 0 });
  const [child, alone] = result.tasks;
  assert.equal(child?.status, 'ok');
  assert.equal(alone?.status, 'ok');
  const childCpu = cpuOf(child.figures);
  const aloneCpu = cpuOf(alone.figures);
  // 96 MiB through SHA-1 takes tens of milliseconds of CPU on any machine; the shell alone well under that.
  assert.ok(childCpu > 0.03, `sha1sum run CPU ${childCpu}s`);
  assert.ok(childCpu > 5 * aloneCpu, `sha1sum ${childCpu}s vs shell alone ${aloneCpu}s`);
});
