import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PerformanceMonitor, type MonitorErrorEvent } from '../../src/monitor/performance-monitor.js';
import { ChildProcessSource, type ChildExitEvent } from '../../src/monitor/sources/child-process.js';
import { ReapedChildrenSource } from '../../src/monitor/sources/reaped-children.js';
import { isRuneBenchError } from '../../src/core/errors.js';
import { sleep } from './helpers.js';

const linux = process.platform === 'linux';

void test('a sha1sum child shows CPU by pid, its exit is reported once, then reaped CPU appears', { skip: !linux }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-child-'));
  try {
    const file = join(dir, 'large.bin');
    writeFileSync(file, randomBytes(32 << 20));
    const children = new ChildProcessSource();
    const reaped = new ReapedChildrenSource();
    const m = new PerformanceMonitor({ intervalMs: 100, sources: [children, reaped], sourceTimeoutMs: 2000 });
    const exits: ChildExitEvent[] = [];
    const errors: MonitorErrorEvent[] = [];
    children.on('exit', (e) => exits.push(e));
    m.on('error', (e) => errors.push(e));
    await m.start();
    // Hash the (page-cached) file many times over: a CPU-bound child that runs for a while.
    const child = spawn('sha1sum', Array<string>(12).fill(file), { stdio: 'ignore' });
    children.register(child, 'sha1sum');
    assert.deepEqual([...children.watched], [['sha1sum', child.pid]]);
    // Immediately after spawning, the first reading is already meaningful (not pidusage's 0%).
    const first = await m.sample();
    assert.ok(first.has('process.child.sha1sum.cpu.utilization'));
    assert.equal(first.descriptors['process.child.sha1sum.memory.usage']?.unit, 'By');
    await once(child, 'exit');
    await sleep(350);
    await m.stop();
    const cpu = m.series('process.child.sha1sum.cpu.utilization').values;
    assert.ok(cpu.length >= 2, `${cpu.length} readings`);
    assert.ok(Math.max(...cpu) > 0.05, `child cpu ${cpu.join(',')}`);
    assert.ok(m.series('process.child.sha1sum.memory.usage').values.every((v) => v > 0));
    assert.deepEqual(exits, [{ pid: child.pid, label: 'sha1sum' }]);
    assert.equal(children.watched.size, 0);
    assert.deepEqual(errors, []);
    assert.equal(m.latest?.has('process.child.sha1sum.cpu.utilization'), false);
    // The reaped child's CPU shows up in cutime/cstime.
    const reapedCpu = m.series('process.children.cpu.utilization').values;
    assert.ok(Math.max(...reapedCpu) > 0, `reaped ${reapedCpu.join(',')}`);
    const times = m.series('process.children.cpu.time').values;
    assert.ok(times.at(-1)! > times[0]!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('reaped children catch a git hash-object too short to sample by pid', { skip: !linux }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rune-git-'));
  try {
    const file = join(dir, 'blob.bin');
    writeFileSync(file, randomBytes(48 << 20));
    const m = new PerformanceMonitor({ sources: [new ReapedChildrenSource()] });
    const before = await m.sample();
    const git = spawn('git', ['hash-object', file], { stdio: 'ignore' });
    const [code] = (await once(git, 'exit')) as [number | null];
    assert.equal(code, 0);
    const after = await m.sample();
    await m.stop();
    const used = after.get('process.children.cpu.time')! - before.get('process.children.cpu.time')!;
    assert.ok(used > 0, `git used ${used} s of CPU`);
    assert.ok(after.get('process.children.cpu.utilization')! > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('registering validates pid and label and rejects duplicate labels', () => {
  const s = new ChildProcessSource();
  assert.throws(() => s.register(0), RangeError);
  assert.throws(() => s.register({ pid: undefined }), RangeError);
  assert.throws(() => s.register(process.pid, 'bad label'), RangeError);
  s.register(process.pid, 'self');
  assert.throws(() => s.register(process.pid, 'self'), (e: unknown) => isRuneBenchError(e, 'ERR_DUPLICATE'));
  assert.equal(s.describe().length, 2);
  assert.equal(s.unregister('self'), true);
  assert.equal(s.unregister('self'), false);
  assert.equal(s.describe().length, 0);
});

void test('a pid that is already gone is reported once and never fails a sample', async () => {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await once(child, 'exit');
  const s = new ChildProcessSource().register(child.pid!, 'gone');
  const exits: ChildExitEvent[] = [];
  s.on('exit', (e) => exits.push(e));
  const m = new PerformanceMonitor({ sources: [s] });
  let errors = 0;
  m.on('error', () => errors++);
  for (let i = 0; i < 3; i++) assert.equal((await m.sample()).has('process.child.gone.cpu.utilization'), false);
  await m.stop();
  assert.equal(exits.length, 1);
  assert.equal(errors, 0);
});

void test('a watched process that exited but is not reaped yet (a zombie) is reported gone, never at 0 B', { skip: !linux }, async () => {
  // sh starts a short sleep in the background, then becomes a long sleep that never waits for it: the short one
  // stays a zombie, child of the long one, until that is killed
  const parent = spawn('sh', ['-c', 'sleep 0.05 & exec sleep 30'], { stdio: 'ignore' });
  try {
    let zombie: number | undefined;
    for (let i = 0; i < 100 && zombie === undefined; i++) {
      await sleep(20);
      const kids = readFileSync(`/proc/${String(parent.pid)}/task/${String(parent.pid)}/children`, 'utf8').trim().split(/\s+/).filter((x) => x !== '').map(Number);
      zombie = kids.find((pid) => /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${String(pid)}/stat`, 'utf8')));
    }
    assert.ok(zombie !== undefined, 'the background sleep became a zombie');
    const children = new ChildProcessSource();
    const exits: ChildExitEvent[] = [];
    children.on('exit', (e) => exits.push(e));
    children.register(zombie, 'zombie');
    const values = await children.collect();
    assert.equal(values['process.child.zombie.memory.usage'], undefined, `values: ${JSON.stringify(values)}`);
    assert.deepEqual(exits, [{ pid: zombie, label: 'zombie' }]);
  } finally {
    parent.kill('SIGKILL');
  }
});
