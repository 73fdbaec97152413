// The child process of the memory_pressure suite: fills its heap to a share of the limit, holds off-heap
// Buffers, then reads an lru-cache with Zipf keys and reports what it saw as JSON lines on stdout.
// Run as `node --max-old-space-size=<MB> pressure-child.js '<config JSON>'`; it never imports the parent.
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { LRUCache } from 'lru-cache';
import { ZipfGenerator } from '../../workloads/zipf.js';
import type { PressureChildConfig, PressureChildReport } from './pressure-protocol.js';

const config = JSON.parse(process.argv[2] ?? '{}') as PressureChildConfig;
const say = (report: PressureChildReport): void => {
  process.stdout.write(`${JSON.stringify(report)}\n`);
};

// GC pauses during the reads only (the ballast fill collects too, but that is set-up)
const gcPauses: number[] = [];
let readsStartedAt = Infinity;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.startTime >= readsStartedAt) gcPauses.push(entry.duration / 1000);
});
observer.observe({ entryTypes: ['gc'] });

interface CachedObject {
  readonly id: number;
  readonly path: string;
  readonly size: number;
  readonly mode: number;
  readonly parents: number[];
}

function makeObject(id: number): CachedObject {
  return { id, path: `src/objects/${(id % 4096).toString(16)}/${id.toString(36)}.c`, size: (id * 2654435761) % 65_536, mode: 0o100644, parents: [id - 1, id + 1, id ^ 7] };
}

// 1. ballast on the JS heap up to `load` of the old-space limit, in blocks of small objects and strings
const ballast: unknown[] = [];
const target = config.load * config.heapLimit;
const used = (): number => getHeapStatistics().used_heap_size;
let block = 0;
while (used() < target) {
  const chunk: unknown[] = new Array<unknown>(1024);
  for (let i = 0; i < chunk.length; i++) chunk[i] = { n: block * 1024 + i, s: `ballast-${block}-${i}`, a: [i, i + 1, i + 2] };
  ballast.push(chunk);
  block++;
}
// 2. off-heap Buffers, touched so the pages are resident
const offHeap: Buffer[] = [];
for (let left = config.offHeapBytes; left > 0; left -= 1 << 20) offHeap.push(Buffer.alloc(Math.min(left, 1 << 20), 1));
say({ type: 'filled', heapUsed: used(), ballastObjects: block * 1024, offHeapBytes: config.offHeapBytes });

// 3. the cache, filled to capacity, then read with Zipf keys over a key space larger than the cache
const cache = new LRUCache<number, CachedObject>({ max: config.cacheSize });
const keys = new ZipfGenerator({ n: config.cacheSize * config.keySpaceFactor, exponent: config.zipfExponent, seed: config.seed });
for (let k = 0; k < config.cacheSize; k++) cache.set(k, makeObject(k));
const latencies = new Float64Array(Math.min(config.maxOps, 2_000_000));
let ops = 0;
let hits = 0;
let peakHeap = used();
readsStartedAt = performance.now();
const start = process.hrtime.bigint();
const deadline = start + BigInt(Math.round(config.duration * 1e9));
let now = start;
while (ops < latencies.length && now < deadline) {
  const key = keys.next();
  const t0 = process.hrtime.bigint();
  let value = cache.get(key);
  if (value === undefined) {
    value = makeObject(key);
    cache.set(key, value);
  } else {
    hits++;
  }
  now = process.hrtime.bigint();
  latencies[ops++] = Number(now - t0) / 1e9;
  if ((ops & 4095) === 0) peakHeap = Math.max(peakHeap, used());
}
const seconds = Number(now - start) / 1e9;
peakHeap = Math.max(peakHeap, used());
// GC entries are delivered asynchronously: let them arrive before reading them
await new Promise((resolve) => setTimeout(resolve, 20));
observer.disconnect();
const sorted = latencies.subarray(0, ops).sort();
const at = (q: number): number => sorted[Math.min(ops - 1, Math.max(0, Math.ceil(q * ops) - 1))] ?? 0;
const pauses = gcPauses.sort((a, b) => a - b);
say({
  type: 'result',
  ops,
  seconds,
  opsPerSecond: ops / seconds,
  latencyP50: at(0.5),
  latencyP99: at(0.99),
  latencyMax: at(1),
  hits,
  misses: ops - hits,
  hitRatio: ops === 0 ? 0 : hits / ops,
  gcCount: pauses.length,
  gcPauseTotal: pauses.reduce((s, x) => s + x, 0),
  gcPauseP99: pauses.length === 0 ? 0 : (pauses[Math.min(pauses.length - 1, Math.ceil(0.99 * pauses.length) - 1)] ?? 0),
  heapUsed: peakHeap,
  heapSizeLimit: getHeapStatistics().heap_size_limit,
  peakRss: process.resourceUsage().maxRSS * 1024,
  ballastObjects: ballast.length * 1024,
  cacheSize: cache.size,
  offHeapBytes: offHeap.reduce((s, b) => s + b.length, 0),
});
