// Time against instruction counts, side by side, on three CPU-bound tasks while the host's load changes.
//
//   npm run bench:instructions                    (builds; 20 repetitions)
//   npm run bench:instructions -- --reps 2        (2 repetitions took 21 minutes on 2 cores at a load of 13-17)
// Each repetition makes 12 valgrind runs (plus 6 once, to size the extra loop): on a loaded machine each takes minutes.
//
// Tasks (bench/instructions/workloads.mjs): SHA-1 of 1 KiB, fflate deflate of 64 KiB, a tree-diff-like merge walk over
// two sorted 2,000-entry trees. For each repetition the load changes (0, 1 or 2 busy child processes started before
// and killed after it), then each task is measured by both instruments, A (as is) and B (1% more work: an extra loop
// sized to 1% of the task's instructions, from a count of the task with a trial loop), interleaved:
// - time: BenchmarkSuite in this process, 300 ms of sampling; figure: the median time per operation;
// - instructions: countInstructions (cachegrind, two runs, no repeat); figure: instructions per operation.
// Reported per task and instrument: the A/A relative spread (max/min - 1 of A's figures over the repetitions); how many
// of the A/B pairs the gate calls `regressed` (time: RegressionDetector.compareSamples on kept samples, 2% threshold;
// instructions: the count gate, 0.5% threshold); false alarms: consecutive A/A pairs called anything but unchanged or
// within noise; the wall time of one instructions measurement (median; the suite's default repeat doubles it).
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BenchmarkSuite, RegressionDetector } from '../dist/index.js';
import { countInstructions } from '../dist/entry/instruments.js';
import { DEFAULT_COUNT_THRESHOLD, measureCounts } from '../dist/detect/regression/count-gate.js';
import { judge } from '../dist/detect/regression/regression-gate.js';

interface Workloads {
  readonly WORKLOADS: Readonly<Record<string, () => unknown>>;
  readonly setSpin: (n: number) => void;
}

const MODULE = fileURLToPath(new URL('./instructions/workloads.mjs', import.meta.url));
const TASKS = ['sha1 1KiB', 'deflate 64KiB', 'tree diff 2000'] as const;
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const REPS = repsAt >= 0 ? Number(args[repsAt + 1]) : 20;
if (!Number.isInteger(REPS) || REPS < 2) throw new RangeError('--reps must be an integer >= 2');
// about 25-35 ms of CPU time natively each: 1e8 counted instructions or so, far above the run-to-run noise outside them
const ITERATIONS: Record<(typeof TASKS)[number], number> = { 'sha1 1KiB': 8192, 'deflate 64KiB': 8, 'tree diff 2000': 1024 };

const w = (await import(MODULE)) as Workloads;
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`CPU ${cpus()[0]?.model ?? '?'} x${String(cpus().length)}, node ${process.version}, load at start ${load()}, ${String(REPS)} repetitions`);

async function count(task: string, iterations: number, spin: number): Promise<{ perOp: number; wall: number }> {
  process.env.RUNE_BENCH_SPIN = String(spin);
  try {
    const m = await countInstructions({ module: MODULE, task, iterations, execArgv: [], repeat: false });
    return { perOp: m.perOp[0] ?? Number.NaN, wall: m.wallSeconds };
  } finally {
    delete process.env.RUNE_BENCH_SPIN;
  }
}

async function time(task: string, spin: number): Promise<{ perOp: number; samples: readonly number[] }> {
  w.setSpin(spin);
  const fn = w.WORKLOADS[task];
  if (fn === undefined) throw new Error(`no task ${task}`);
  const r = await new BenchmarkSuite('time', { timeMs: 300, warmupMs: 100, keepSamples: 200 }).add(task, fn).run();
  w.setSpin(0);
  const t = r.tasks[0];
  return { perOp: t?.stats?.median ?? Number.NaN, samples: t?.samples ?? [] };
}

function busy(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

// The extra loop's size for 1% more work: counted inside each task, since its cost per iteration depends on the
// code around it (a first guess of 5 instructions per iteration, then the measured cost).
const spins: Record<string, number> = {};
const perSpin: Record<string, number> = {};
async function sizeSpin(task: (typeof TASKS)[number], perOp: number): Promise<number> {
  const guess = Math.max(1000, Math.round((0.01 * perOp) / 5));
  const withSpin = await count(task, ITERATIONS[task], guess);
  const each = (withSpin.perOp - perOp) / guess;
  perSpin[task] = each;
  return Math.max(1, Math.round((0.01 * perOp) / each));
}
const rows = new Map<string, { timeA: number[]; timeB: number[]; samplesA: (readonly number[])[]; samplesB: (readonly number[])[]; instrA: number[]; instrB: number[]; wall: number[] }>();
for (const task of TASKS) rows.set(task, { timeA: [], timeB: [], samplesA: [], samplesB: [], instrA: [], instrB: [], wall: [] });
const started = Date.now();
for (let rep = 0; rep < REPS; rep++) {
  const hogs = busy(rep % 3);
  try {
    for (const task of TASKS) {
      const row = rows.get(task);
      if (row === undefined) continue;
      const a = await count(task, ITERATIONS[task], 0);
      spins[task] ??= await sizeSpin(task, a.perOp);
      const spin = spins[task] ?? 0;
      const b = await count(task, ITERATIONS[task], spin);
      const ta = await time(task, 0);
      const tb = await time(task, spin);
      row.instrA.push(a.perOp);
      row.instrB.push(b.perOp);
      row.wall.push(a.wall, b.wall);
      row.timeA.push(ta.perOp);
      row.timeB.push(tb.perOp);
      row.samplesA.push(ta.samples);
      row.samplesB.push(tb.samples);
      console.log(
        `  ${task}: instructions A ${a.perOp.toFixed(1)} B ${b.perOp.toFixed(1)} per op (${a.wall.toFixed(0)} s, ${b.wall.toFixed(0)} s); time A ${(ta.perOp * 1e6).toFixed(3)} B ${(tb.perOp * 1e6).toFixed(3)} us/op`,
      );
    }
  } finally {
    for (const h of hogs) h.kill('SIGKILL');
  }
  console.log(`repetition ${String(rep + 1)}/${String(REPS)} done (${String(rep % 3)} busy processes, load ${load()}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

const spread = (xs: readonly number[]): number => Math.max(...xs) / Math.min(...xs) - 1;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
};
const detector = new RegressionDetector();
const countGate = { threshold: DEFAULT_COUNT_THRESHOLD, alpha: 0.05, level: 0.95, resamples: 2000, seed: 1 };
const countVerdict = (a: number, b: number): string => judge([measureCounts('x', [a], [b])], countGate)[0]?.verdict ?? '?';
const timeVerdict = (a: readonly number[], b: readonly number[]): string => detector.compareSamples([{ key: 'x', baseline: a, current: b }])[0]?.verdict ?? '?';
const alarm = (v: string): boolean => v === 'regressed' || v === 'improved';

console.log('');
console.log('task            instrument    figure (median)        A/A spread   1% caught   A/A false alarms   wall of one count');
for (const task of TASKS) {
  const r = rows.get(task);
  if (r === undefined) continue;
  const n = r.instrA.length;
  const tCaught = r.samplesA.filter((s, i) => timeVerdict(s, r.samplesB[i] ?? []) === 'regressed').length;
  const iCaught = r.instrA.filter((a, i) => countVerdict(a, r.instrB[i] ?? Number.NaN) === 'regressed').length;
  let tFalse = 0;
  let iFalse = 0;
  for (let i = 1; i < n; i++) {
    if (alarm(timeVerdict(r.samplesA[i - 1] ?? [], r.samplesA[i] ?? []))) tFalse++;
    if (alarm(countVerdict(r.instrA[i - 1] ?? Number.NaN, r.instrA[i] ?? Number.NaN))) iFalse++;
  }
  const pad = (s: string, k: number): string => s.padEnd(k);
  console.log(
    `${pad(task, 16)}${pad('time', 14)}${pad(`${(median(r.timeA) * 1e6).toFixed(2)} us/op`, 23)}${pad(`${(spread(r.timeA) * 100).toFixed(2)}%`, 13)}${pad(`${String(tCaught)}/${String(n)}`, 12)}${pad(`${String(tFalse)}/${String(n - 1)}`, 19)}-`,
  );
  console.log(
    `${pad('', 16)}${pad('instructions', 14)}${pad(`${median(r.instrA).toFixed(0)} instr/op`, 23)}${pad(`${(spread(r.instrA) * 100).toFixed(4)}%`, 13)}${pad(`${String(iCaught)}/${String(n)}`, 12)}${pad(`${String(iFalse)}/${String(n - 1)}`, 19)}${median(r.wall).toFixed(1)} s (${String(ITERATIONS[task])} ops counted, spin ${String(spins[task] ?? 0)})`,
  );
}
const each = TASKS.map((t) => `${t} ${(perSpin[t] ?? Number.NaN).toFixed(2)}`).join(', ');
console.log(`\nextra loop, instructions per iteration: ${each}; load at end ${load()}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
