// The three CPU-bound tasks of bench/instructions.ts, in plain JavaScript over dist/ so the counting child needs
// no loader. Each task optionally adds a spin loop (RUNE_BENCH_SPIN iterations, or setSpin() in this process):
// the bench sizes it to 1% of the task's instructions, the "1% more work" the gate must catch.
import { createHash } from 'node:crypto';
import { deflateSync } from 'fflate';
import { BenchmarkSuite } from '../../dist/bench/benchmark-suite.js';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(7);
const kib1 = Buffer.from(Array.from({ length: 1024 }, () => Math.floor(random() * 256)));
// text-like data, so deflate has something to find
const words = ['tree', 'blob', 'commit', 'parent', 'author', 'index', 'object', 'delta', 'pack', 'ref'];
const text = [];
for (let length = 0; length < 65536; ) {
  const word = words[Math.floor(random() * words.length)];
  text.push(word);
  length += word.length + 1;
}
const kib64 = new TextEncoder().encode(text.join(' ').slice(0, 65536));

function tree(n, changes) {
  const entries = [];
  for (let i = 0; i < n; i++) {
    if (changes > 0 && i % Math.round(1 / changes) === 0) continue;
    entries.push({ path: `src/dir${String(i % 37)}/file${String(i).padStart(5, '0')}.ts`, hash: (i * 2654435761) >>> 0 });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return entries;
}
const before = tree(2000, 0);
const after = tree(2000, 0.01).map((e, i) => (i % 50 === 0 ? { path: e.path, hash: e.hash ^ 1 } : e));

/** A merge walk over two sorted trees, as a tree diff does: added, removed and modified entries. */
function treeDiff(a, b) {
  let i = 0;
  let j = 0;
  let added = 0;
  let removed = 0;
  let modified = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.path < y.path)) {
      removed++;
      i++;
    } else if (x === undefined || y.path < x.path) {
      added++;
      j++;
    } else {
      if (x.hash !== y.hash) modified++;
      i++;
      j++;
    }
  }
  return added * 1e6 + removed * 1e3 + modified;
}

let spin = Number(process.env.RUNE_BENCH_SPIN ?? 0);
/** Sets the extra spin loop of every task in this process. */
export function setSpin(n) {
  spin = n;
}
function extra() {
  let x = 0;
  for (let i = 0; i < spin; i++) x = (x * 31 + i) | 0;
  return x;
}

export const WORKLOADS = {
  'sha1 1KiB': () => createHash('sha1').update(kib1).digest()[0] + extra(),
  'deflate 64KiB': () => deflateSync(kib64).length + extra(),
  'tree diff 2000': () => treeDiff(before, after) + extra(),
  'spin 100000': () => {
    let x = 0;
    for (let i = 0; i < 100_000; i++) x = (x * 31 + i) | 0;
    return x;
  },
};

const suite = new BenchmarkSuite('instructions-bench', {
  instrument: 'instructions',
  isolation: { module: import.meta.url, execArgv: [] },
});
for (const [name, fn] of Object.entries(WORKLOADS)) suite.add(name, fn);
export default suite;
