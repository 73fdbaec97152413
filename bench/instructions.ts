// Time against instruction counts, side by side, on three CPU-bound tasks while the host's load changes.
//
//   npm run bench:instructions                    (builds; 20 repetitions)
//   npm run bench:instructions -- --reps 10       (10 repetitions took 49 minutes on 2 cores at a load of 2-5)
// Each repetition makes 24 valgrind runs (2 more for each count whose first two repetitions disagree; plus 12 once,
// to size the extra loop): some 20-40 s each, two at a time.
//
// Tasks (bench/instructions/workloads.mjs): SHA-1 of 1 KiB, fflate deflate of 64 KiB, a tree-diff-like merge walk over
// two sorted 2,000-entry trees. For each repetition the load changes (0, 1 or 2 busy child processes started before
// and killed after it), then each task is measured by both instruments, A (as is) and B (1% more work: an extra loop
// sized to 1% of the task's instructions, from a count of the task with a trial loop), interleaved:
// - time: BenchmarkSuite in this process, 300 ms of sampling; figure: the median time per operation;
// - instructions: countInstructions as a suite counts (two repetitions of two runs, a third when they disagree by more
//   than 0.1%); figure: the median of the kept repetitions' instructions per operation.
// Reported per task and instrument: the A/A relative spread (max/min - 1 of A's figures over the repetitions); how many
// of the A/B pairs the gate calls `regressed` (time: RegressionDetector.compareSamples on kept samples, 2% threshold;
// instructions: the count gate on the kept repetitions, 0.5% threshold); false alarms: consecutive A/A pairs called
// regressed or improved; the wall time of one instructions measurement (median). A line "one count" shows the same
// for the first repetition's figure alone (what a count without the repeat would give), with the spread of every
// repetition counted and how many counts needed a third.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BenchmarkSuite, RegressionDetector } from '../dist/index.js';
import { countInstructions } from '../dist/entry/instruments.js';
import { DEFAULT_COUNT_THRESHOLD, measureCounts } from '../dist/detect/regression/count-gate.js';
import { judge } from '../dist/detect/regression/regression-gate.js';
import { median } from '../dist/stats/quantile.js';

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

interface Count {
  /** The task's figure: the median of the kept repetitions. */
  readonly perOp: number;
  /** The kept repetitions' figures (the gate's samples). */
  readonly kept: readonly number[];
  /** Every repetition's figure, in order. */
  readonly all: readonly number[];
  readonly wall: number;
}

// Ctrl-C or SIGTERM: the counting children (valgrind) and the busy processes are killed, and the table is printed
// for the repetitions done (a second signal exits at once). Without this a stopped bench left its busy processes
// spinning and its valgrind children counting.
const stop = new AbortController();
const liveHogs = new Set<ChildProcess>();
const onSignal = (signal: NodeJS.Signals): void => {
  if (stop.signal.aborted) process.exit(130);
  console.error(`\n${signal}: stopping; the table below covers the repetitions done (signal again to exit now)`);
  stop.abort();
  for (const h of liveHogs) h.kill('SIGKILL');
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
const stopped = (): boolean => stop.signal.aborted;

async function count(task: string, iterations: number, spin: number): Promise<Count> {
  process.env.RUNE_BENCH_SPIN = String(spin);
  try {
    const m = await countInstructions({ module: MODULE, task, iterations, execArgv: [], signal: stop.signal });
    const kept = m.kept.map((i) => m.perOp[i] ?? Number.NaN);
    return { perOp: median(kept), kept, all: m.perOp, wall: m.wallSeconds };
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
  const hogs = Array.from({ length: n }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  for (const h of hogs) {
    liveHogs.add(h);
    h.once('exit', () => liveHogs.delete(h));
  }
  return hogs;
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
interface Row {
  readonly timeA: number[];
  readonly timeB: number[];
  readonly samplesA: (readonly number[])[];
  readonly samplesB: (readonly number[])[];
  readonly countA: Count[];
  readonly countB: Count[];
}
const rows = new Map<string, Row>();
for (const task of TASKS) rows.set(task, { timeA: [], timeB: [], samplesA: [], samplesB: [], countA: [], countB: [] });
const started = Date.now();
for (let rep = 0; rep < REPS && !stopped(); rep++) {
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
      row.countA.push(a);
      row.countB.push(b);
      row.timeA.push(ta.perOp);
      row.timeB.push(tb.perOp);
      row.samplesA.push(ta.samples);
      row.samplesB.push(tb.samples);
      console.log(
        `  ${task}: instructions A ${a.perOp.toFixed(1)} [${a.all.map((v) => v.toFixed(1)).join(', ')}] B ${b.perOp.toFixed(1)} [${b.all.map((v) => v.toFixed(1)).join(', ')}] per op (${a.wall.toFixed(0)} s, ${b.wall.toFixed(0)} s); time A ${(ta.perOp * 1e6).toFixed(3)} B ${(tb.perOp * 1e6).toFixed(3)} us/op`,
      );
    }
  } catch (error) {
    if (!stopped()) throw error;
  } finally {
    for (const h of hogs) h.kill('SIGKILL');
  }
  if (stopped()) break;
  console.log(`repetition ${String(rep + 1)}/${String(REPS)} done (${String(rep % 3)} busy processes, load ${load()}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

if (stopped() && [...rows.values()].every((r) => r.countA.length === 0)) {
  console.error('stopped before any task was measured: no table');
  process.exit(130);
}
const spread = (xs: readonly number[]): number => Math.max(...xs) / Math.min(...xs) - 1;
const detector = new RegressionDetector();
const countGate = { threshold: DEFAULT_COUNT_THRESHOLD, alpha: 0.05, level: 0.95, resamples: 2000, seed: 1 };
const countVerdict = (a: readonly number[], b: readonly number[]): string => judge([measureCounts('x', a, b)], countGate)[0]?.verdict ?? '?';
const timeVerdict = (a: readonly number[], b: readonly number[]): string => detector.compareSamples([{ key: 'x', baseline: a, current: b }])[0]?.verdict ?? '?';
const alarm = (v: string): boolean => v === 'regressed' || v === 'improved';

console.log('');
console.log('task            instrument    figure (median)        A/A spread   1% caught   A/A false alarms   wall of one count');
const pad = (s: string, k: number): string => s.padEnd(k);
const line = (task: string, instrument: string, figure: string, spreadOf: string, caught: string, alarms: string, wall: string): void => {
  console.log(`${pad(task, 16)}${pad(instrument, 14)}${pad(figure, 23)}${pad(spreadOf, 13)}${pad(caught, 12)}${pad(alarms, 19)}${wall}`);
};
const percent = (x: number, digits: number): string => `${(x * 100).toFixed(digits)}%`;
for (const task of TASKS) {
  const r = rows.get(task);
  if (r === undefined) continue;
  const n = r.countA.length;
  // the gate on the kept repetitions (as a suite's results are compared), and on the first repetition alone
  const kept = (c: Count | undefined): readonly number[] => c?.kept ?? [Number.NaN];
  const first = (c: Count | undefined): readonly number[] => [c?.all[0] ?? Number.NaN];
  const caught = (pick: (c: Count | undefined) => readonly number[]): number => r.countA.filter((a, i) => countVerdict(pick(a), pick(r.countB[i])) === 'regressed').length;
  const alarms = (pick: (c: Count | undefined) => readonly number[]): number => {
    let k = 0;
    for (let i = 1; i < n; i++) if (alarm(countVerdict(pick(r.countA[i - 1]), pick(r.countA[i])))) k++;
    return k;
  };
  const tCaught = r.samplesA.filter((s, i) => timeVerdict(s, r.samplesB[i] ?? []) === 'regressed').length;
  let tFalse = 0;
  for (let i = 1; i < n; i++) if (alarm(timeVerdict(r.samplesA[i - 1] ?? [], r.samplesA[i] ?? []))) tFalse++;
  const figures = r.countA.map((c) => c.perOp);
  const thirds = [...r.countA, ...r.countB].filter((c) => c.all.length > 2).length;
  const walls = [...r.countA, ...r.countB].map((c) => c.wall);
  line(task, 'time', `${(median(r.timeA) * 1e6).toFixed(2)} us/op`, percent(spread(r.timeA), 2), `${String(tCaught)}/${String(n)}`, `${String(tFalse)}/${String(n - 1)}`, '-');
  line(
    '',
    'instructions',
    `${median(figures).toFixed(0)} instr/op`,
    percent(spread(figures), 4),
    `${String(caught(kept))}/${String(n)}`,
    `${String(alarms(kept))}/${String(n - 1)}`,
    `${median(walls).toFixed(1)} s (${String(ITERATIONS[task])} ops counted, spin ${String(spins[task] ?? 0)})`,
  );
  line(
    '',
    '  one count',
    `${median(r.countA.map((c) => c.all[0] ?? Number.NaN)).toFixed(0)} instr/op`,
    percent(spread(r.countA.map((c) => c.all[0] ?? Number.NaN)), 4),
    `${String(caught(first))}/${String(n)}`,
    `${String(alarms(first))}/${String(n - 1)}`,
    `every count made: spread ${percent(spread(r.countA.flatMap((c) => c.all)), 4)}; a third in ${String(thirds)} of ${String(2 * n)}`,
  );
}
const each = TASKS.map((t) => `${t} ${(perSpin[t] ?? Number.NaN).toFixed(2)}`).join(', ');
console.log(`\nextra loop, instructions per iteration: ${each}; load at end ${load()}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (stopped()) process.exitCode = 130;
