// parallel-safe: emitter behaviour, not timings
// The one typed event emitter: a throwing or rejecting listener becomes a `listenerError` event and never
// breaks the emitter's loop; and every event class of the library is built on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TypedEventEmitter, type ListenerErrorEvent } from '../../src/core/typed-events.js';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { ChildProcessSource } from '../../src/monitor/sources/child-process.js';
import { BenchmarkSuite } from '../../src/bench/benchmark-suite.js';
import { BottleneckDetector } from '../../src/detect/bottleneck/bottleneck-detector.js';
import { RegressionDetector } from '../../src/detect/regression/regression-detector.js';
import { WorkerPool } from '../../src/workloads/worker-pool.js';
import { NetworkShaper } from '../../src/workloads/network/network-shaper.js';

interface Events {
  tick: (n: number) => void;
  done: () => void;
}

class Ticker extends TypedEventEmitter<Events> {
  tick(n: number): boolean {
    return this.emit('tick', n);
  }
}

void test('a throwing or rejecting listener emits listenerError; the emitter and the other listeners go on', async () => {
  const t = new Ticker();
  const seen: number[] = [];
  const failures: ListenerErrorEvent[] = [];
  t.on('tick', () => {
    throw new Error('sync bug');
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- deliberately a rejecting async listener
  t.on('tick', async () => {
    await Promise.resolve();
    throw new Error('async bug');
  });
  t.on('tick', (n) => seen.push(n));
  t.on('listenerError', (e) => {
    failures.push(e);
    throw new Error('a failing listenerError listener is dropped, not reported again');
  });
  assert.doesNotThrow(() => t.tick(1));
  assert.doesNotThrow(() => t.tick(2));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(seen, [1, 2]);
  assert.equal(failures.length, 4);
  assert.ok(failures.every((f) => f.event === 'tick'));
  assert.deepEqual(failures.map((f) => (f.error as Error).message).sort(), ['async bug', 'async bug', 'sync bug', 'sync bug']);
});

void test('once, off, listeners and listenerCount see the functions the user passed', () => {
  const t = new Ticker();
  let once = 0;
  let on = 0;
  const listener = (): void => {
    on++;
  };
  t.once('tick', () => once++);
  t.on('tick', listener);
  t.on('tick', listener);
  assert.equal(t.listeners('tick').filter((l) => l === listener).length, 2);
  assert.equal(t.listenerCount('tick'), 3);
  t.tick(1);
  t.tick(2);
  assert.equal(once, 1);
  assert.equal(on, 4);
  t.off('tick', listener);
  t.tick(3);
  assert.equal(on, 4);
  assert.equal(t.listenerCount('tick'), 0);
  t.on('done', listener);
  t.removeAllListeners();
  assert.equal(t.listenerCount('done'), 0);
  assert.throws(() => t.on('tick', 'not a function' as never), TypeError);
});

void test('all seven event classes isolate their listeners', () => {
  for (const cls of [PerformanceMonitor, BenchmarkSuite, BottleneckDetector, RegressionDetector, WorkerPool, NetworkShaper, ChildProcessSource]) {
    assert.ok(cls.prototype instanceof TypedEventEmitter, `${cls.name} extends TypedEventEmitter`);
  }
  // The ones that are cheap to build: a listener that throws on their own event names is isolated.
  const emitters: [string, object, string, unknown][] = [
    ['PerformanceMonitor', new PerformanceMonitor({ sources: [] }), 'start', undefined],
    ['BenchmarkSuite', new BenchmarkSuite('events'), 'task:start', { task: 't', index: 0 }],
    ['BottleneckDetector', new BottleneckDetector(), 'evaluation', {}],
    ['RegressionDetector', new RegressionDetector(), 'recovered', {}],
    ['ChildProcessSource', new ChildProcessSource(), 'exit', { pid: 1, label: 'x' }],
  ];
  for (const [name, emitter, event, payload] of emitters) {
    const e = emitter as unknown as TypedEventEmitter<Record<string, (payload: unknown) => void>>;
    let after = 0;
    const failures: ListenerErrorEvent[] = [];
    e.on(event, () => {
      throw new Error(`${name} listener bug`);
    });
    e.on(event, () => after++);
    e.on('listenerError', (f) => failures.push(f));
    assert.doesNotThrow(() => e.emit(event, payload), name);
    assert.equal(after, 1, name);
    assert.deepEqual(failures.map((f) => f.event), [event], name);
  }
});
