// Writing your own metric source: a small class implementing MetricSource (here: the entries and
// bytes of a directory a worker fills), next to the built-in CustomMetricsSource (host counters
// with rates) and CacheSource (an lru-cache LRUCache's hits, misses and evictions).
//
//   npm run build && npx tsx examples/custom-source.ts
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LRUCache } from 'lru-cache';
import { CacheSource, CustomMetricsSource } from 'rune-bench/sources';
import { PerformanceMonitor } from 'rune-bench';
import type { MetricDescriptor, MetricSource, MetricValues, SourceAvailability } from 'rune-bench';

// Declare your metrics' names and units, so `snapshot.get('example.directory.size')` compiles (a typo does not)
// and its value is typed in its unit. Built-in names, such as `cache.<name>.hits`, are declared already.
declare module 'rune-bench' {
  interface MetricRegistry {
    'example.directory.files': '{count}';
    'example.directory.size': 'By';
    'example.objects.hashed': '{count}';
    'example.objects.hashed.rate': '{count}/s';
    'example.bytes.hashed': 'By';
    'example.bytes.hashed.rate': 'By/s';
  }
}

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';

/** Counts the files and bytes in one directory. */
class DirectorySource implements MetricSource {
  readonly id = 'example.directory';
  readonly #dir: string;
  // Return the same (frozen) array every time: the monitor then knows the descriptors did not change.
  readonly #descriptors: readonly MetricDescriptor[] = Object.freeze([
    { name: 'example.directory.files', unit: '{count}', kind: 'gauge', description: 'Files in the watched directory' },
    { name: 'example.directory.size', unit: 'By', kind: 'gauge', description: 'Bytes in the watched directory' },
  ] as const);

  constructor(dir: string) {
    this.#dir = dir;
  }

  describe(): readonly MetricDescriptor[] {
    return this.#descriptors;
  }

  availability(): SourceAvailability {
    try {
      readdirSync(this.#dir);
      return { available: true };
    } catch {
      return { available: false, reason: `${this.#dir} cannot be listed` };
    }
  }

  // Synchronous reads are cheapest for small directories; a source may also return a Promise.
  collect(): MetricValues {
    let size = 0;
    const names = readdirSync(this.#dir);
    for (const name of names) size += statSync(join(this.#dir, name)).size;
    return { 'example.directory.files': names.length, 'example.directory.size': size };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'rune-bench-custom-'));
const custom = new CustomMetricsSource();
const hashed = custom.counter('example.objects.hashed', { description: 'Objects hashed' });
const hashedBytes = custom.counter('example.bytes.hashed', { unit: 'By', description: 'Bytes hashed' });
const cache = new LRUCache<string, string>({ max: 64 });
const monitor = new PerformanceMonitor({
  intervalMs: 100,
  sources: [new DirectorySource(dir), custom, new CacheSource({ name: 'digests', cache })],
});
monitor.on('error', ({ sourceId, error }) => {
  console.log(`source ${sourceId} failed: ${error.message}`);
});

try {
  await monitor.start();
  const rounds = quick ? 8 : 40;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 50; i++) {
      // Keys repeat across rounds, so some lookups hit and the cache evicts as it fills.
      const key = `object-${(round * 17 + i) % 120}`;
      let digest = cache.get(key);
      if (digest === undefined) {
        const data = Buffer.alloc(16 * 1024, key);
        digest = createHash('sha256').update(data).digest('hex');
        hashed.add();
        hashedBytes.add(data.length);
        cache.set(key, digest);
      }
    }
    writeFileSync(join(dir, `round-${round}.txt`), `round ${round}\n`.repeat(100));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await monitor.stop();

  const last = monitor.latest;
  console.log(`samples: ${monitor.history.size}`);
  console.log(`directory: ${last?.get('example.directory.files')} files, ${last?.get('example.directory.size')} bytes (trend ${monitor.trend('example.directory.size')?.direction})`);
  console.log(`hashed: ${hashed.value} objects, ${hashedBytes.value} bytes; peak rate ${monitor.summary('example.objects.hashed.rate')?.max.toFixed(0)} objects/s`);
  console.log(`cache: ${last?.get('cache.digests.hits')} hits, ${last?.get('cache.digests.misses')} misses, ${last?.get('cache.digests.evictions')} evictions, mean hit ratio ${monitor.summary('cache.digests.hit_ratio')?.mean.toFixed(2)}`);
} finally {
  await monitor.stop();
  rmSync(dir, { recursive: true, force: true });
}
