// Scheduling on a manual clock: absolute deadlines, no overlap, skipped (not bunched) deadlines, and the
// per-source timeout, all exact. One real-time smoke test and the unref'd-timer check stay on the real clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PerformanceMonitor, type MonitorErrorEvent } from '../../src/monitor/performance-monitor.js';
import type { MetricSource } from '../../src/core/source.js';
import type { Clock } from '../../src/core/clock.js';
import { ManualClock } from '../../src/testing/manual-clock.js';

// The metrics of this file's test sources, declared as a user declares their own (MetricRegistry).
declare module '../../src/core/metric-names.js' {
  interface MetricRegistry {
    sync: '1';
    slow: '1';
    hanging: '1';
  }
}

const syncSource: MetricSource = { id: 'sync', describe: () => [], collect: () => ({ sync: 1 }) };

/** An async source that answers `ms` later on `clock`, counting how many collections run at once. */
function slowSource(clock: Clock, ms: number): MetricSource & { maxActive: number; calls: number } {
  let active = 0;
  const source = {
    id: 'slow',
    maxActive: 0,
    calls: 0,
    describe: () => [],
    collect: () =>
      new Promise<{ slow: number }>((resolve) => {
        active++;
        source.calls++;
        source.maxActive = Math.max(source.maxActive, active);
        clock.setTimeout(() => {
          active--;
          resolve({ slow: 1 });
        }, ms);
      }),
  };
  return source;
}

/** Stops `m`, moving `clock` on so a collection in flight (waiting on that clock) can finish. */
async function stopOn(clock: ManualClock, m: PerformanceMonitor): Promise<void> {
  const stopping = m.stop();
  await clock.advance(1_000);
  await stopping;
}

const times = (m: PerformanceMonitor): number[] => m.history.toArray().map((s) => Math.round(s.monotonic * 1e6) / 1e3);

void test('absolute deadlines: a 50 ms monitor takes exactly one sample per deadline, on the deadline', async () => {
  const clock = new ManualClock(1_000);
  const m = new PerformanceMonitor({ intervalMs: 50, sources: [syncSource], clock });
  const events: string[] = [];
  m.on('start', () => events.push('start'));
  m.on('stop', () => events.push('stop'));
  await m.start();
  assert.equal(m.running, true);
  await clock.advance(3_000);
  await m.stop();
  assert.equal(m.running, false);
  assert.deepEqual(events, ['start', 'stop']);
  assert.equal(m.history.size, 60);
  assert.deepEqual(times(m), Array.from({ length: 60 }, (_, k) => 1_000 + (k + 1) * 50));
  assert.equal(m.history.at(0)!.timestamp, clock.wallNow() - 3_000 + 50, 'timestamps come from the clock too');
  assert.equal(clock.pending, 0, 'stop() leaves no timer armed');
});

void test('a collection that overruns its interval delays the next one to the next deadline: never two at once, never a burst', async () => {
  const clock = new ManualClock();
  const slow = slowSource(clock, 70);
  const m = new PerformanceMonitor({ intervalMs: 50, sources: [slow], sourceTimeoutMs: 1_000, clock });
  await m.start();
  await clock.advance(520);
  await stopOn(clock, m);
  assert.equal(slow.maxActive, 1);
  // Collections start at 50, 150, 250, ...: the deadline at 100 (mid-collection) is skipped, not caught up.
  assert.deepEqual(times(m), [50, 150, 250, 350, 450]);
  assert.ok(m.history.toArray().every((s) => s.get('slow') === 1));
});

void test('manual samples queue behind a collection in flight and the timer waits for them', async () => {
  const clock = new ManualClock();
  const slow = slowSource(clock, 35);
  const m = new PerformanceMonitor({ intervalMs: 25, sources: [syncSource, slow], sourceTimeoutMs: 1_000, clock });
  await m.start();
  const manual = [m.sample(), m.sample(), m.sample()];
  await clock.advance(300);
  const taken = await Promise.all(manual);
  await stopOn(clock, m);
  assert.equal(slow.maxActive, 1);
  // Three manual samples back to back (0, 35, 70); the deadline at 25 queues behind them (105); from then
  // on each collection ends 10 ms past a deadline, so the timer takes every second one (150, 200, ...).
  assert.deepEqual(taken.map((s) => Math.round(s.monotonic * 1e3)), [0, 35, 70]);
  assert.deepEqual(times(m), [0, 35, 70, 105, 150, 200, 250, 300]);
  assert.ok(m.history.toArray().every((s) => s.get('slow') === 1 && s.get('sync') === 1));
});

void test('a hanging source is abandoned after sourceTimeoutMs, once; its metric is absent and sampling goes on', async () => {
  const clock = new ManualClock();
  let aborted = 0;
  const hanging: MetricSource = {
    id: 'hanging',
    describe: () => [],
    collect(ctx) {
      return new Promise(() => {
        ctx.signal.addEventListener('abort', () => aborted++);
      });
    },
  };
  const m = new PerformanceMonitor({ intervalMs: 50, sourceTimeoutMs: 30, sources: [hanging, syncSource], clock });
  const errors: MonitorErrorEvent[] = [];
  m.on('error', (e) => errors.push(e));
  await m.start();
  await clock.advance(500);
  await stopOn(clock, m);
  // The first sample waits the 30 ms timeout (50 -> 80); later ones see the source still busy and do not wait.
  assert.deepEqual(times(m), [50, 100, 150, 200, 250, 300, 350, 400, 450, 500]);
  for (const s of m.history) {
    assert.equal(s.get('sync'), 1);
    assert.equal(s.has('hanging'), false);
  }
  assert.equal(errors.length, 10);
  assert.ok(errors.every((e) => e.sourceId === 'hanging' && e.error.code === 'ERR_SOURCE_TIMEOUT'));
  assert.match(errors[0]!.error.message, /within 30 ms/);
  assert.equal(aborted, 1);
});

void test('real-time smoke test: on the system clock, samples arrive, in order, never before their deadline', async () => {
  const m = new PerformanceMonitor({ intervalMs: 20, sources: [syncSource] });
  const started = performance.now() / 1000;
  const three = new Promise<void>((resolve) => {
    m.on('sample', () => {
      if (m.history.size === 3) resolve();
    });
  });
  await m.start();
  // The monitor's timers are unref'd: keep the loop alive while waiting.
  const keepAlive = setInterval(() => undefined, 1_000);
  await three;
  clearInterval(keepAlive);
  await m.stop();
  const t = m.history.toArray().map((s) => s.monotonic);
  assert.ok(t.length >= 3);
  for (const [k, at] of t.entries()) {
    assert.ok(at - started >= (k + 1) * 0.02 - 0.003, `sample ${k} at ${((at - started) * 1e3).toFixed(1)} ms, before its deadline`);
    if (k > 0) assert.ok(at > t[k - 1]!);
  }
});

void test("timers are unref'd: a process whose only work is a running monitor exits on its own", () => {
  const script = fileURLToPath(new URL('./fixtures/running-monitor.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
  const details = `status ${r.status} signal ${r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
  // It would be killed by the 60 s timeout if a timer held the loop.
  assert.equal(r.signal, null, details);
  assert.equal(r.status, 0, details);
  assert.match(r.stdout, /started/, details);
});

void test('a scheduled sample gives its sources the deadline it was due at; an on-demand sample gives none', async () => {
  const clock = new ManualClock(1_000);
  const seen: { now: number; deadline: number | undefined }[] = [];
  const recorder: MetricSource = {
    id: 'sync',
    describe: () => [],
    collect: (ctx) => {
      seen.push({ now: ctx.now, deadline: ctx.deadline });
      return { sync: 1 };
    },
  };
  const m = new PerformanceMonitor({ intervalMs: 50, sources: [recorder], clock });
  await m.start();
  await clock.advance(120);
  await m.sample();
  await m.stop();
  assert.deepEqual(seen, [
    { now: 1.05, deadline: 1.05 },
    { now: 1.1, deadline: 1.1 },
    { now: 1.12, deadline: undefined },
  ]);
});
