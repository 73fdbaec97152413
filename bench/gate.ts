// Does a gate cry wolf when the host's load changes? The pre-change gate (`run --baseline --fail-on-regression`)
// and `compare --base` side by side, through the built CLI, on a tiny deterministic suite in a real git repository.
//
//   npm run bench:gate                     (8 trials, about 10 minutes on 2 busy cores)
//   npm run bench:gate -- --trials 20      (the issue's N; about 25 minutes)
//
// Per trial, interleaved:
// - unchanged / run --baseline: a baseline run on the host as it is, then two busy processes start, then the
//   same code runs again with --baseline base.json --fail-on-regression. Counted: exit 1 (goal 0).
// - unchanged / compare --base: base HEAD against an identical working tree; the two busy processes start when
//   round 2 begins. Counted: exit 1 with --fail-on-regression (goal 0).
// - 10% slower / compare --base: the working tree does 10% more work in the same function; the same load change.
//   Counted: exit 1 (goal: caught in at least 19 of 20).
// - 10% slower / run --baseline, no load added ("a quiet host"): a baseline of the unchanged code, then the
//   working tree with 10% more work gated against it. Counted: exit 1 (goal: caught in at least 19 of 20).
// - the pre-change gate as the peer, on the same two results: the detector's verdicts with the host's conditions
//   and between-run noise left out (what `run --baseline` decided before they were recorded).
// - interval calibration: consecutive runs of a three-task suite, one process per run (the default) alternating
//   with 4 isolated processes per task (isolation.processes); counted: how often a run's median
//   falls inside the previous run's 95% interval (goal at least 90%): its confidence interval (`medianCI`) and its
//   prediction interval (`predictionInterval`, where a fresh run should land). Each kind of run records into its
//   own results store that first gets 4 runs of history, so the one-process runs' prediction interval comes from
//   the stored runs, the isolated runs' from the union of the stored runs' and the spread between their 4
//   processes (with --calibration-no-store the isolated runs have no store: the processes' spread alone).
//
// - labelled histories (bench/gate-histories.ts, in-process, about a minute): the stored-baseline gate on every
//   pair of consecutive runs of seeded histories with between-run effects; --histories 0 leaves it out.
// - the error against a known-cost loop (bench/known-cost.ts in a child process, after everything else, the busy
//   processes stopped: about 2.5 minutes): each harness's estimate against the loop's mean cost per operation,
//   rune-bench beside tinybench and mitata (goal for rune-bench's mean: within 1%); --known-cost ROUNDS (default
//   12), 0 leaves it out.
//
//   npm run bench:gate -- --trials 3 --compare 0 --calibration 5    (a quick look: no compare --base trials)
//   npm run bench:gate -- --trials 20 --load-trials 0 --compare 0 --calibration 0 --histories 0   (the quiet-host row alone)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianOf } from '../src/stats/pelt.js';
import { readSuiteResult } from '../src/bench/suite-result-json.js';
import { RegressionDetector } from '../src/detect/regression/regression-detector.js';
import type { SuiteResult } from '../src/core/results.js';
import { printGateOnHistories } from './gate-histories.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist/cli/bin.js');

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const trials = arg('trials', 8);
const rounds = arg('rounds', 6);
const compareTrials = arg('compare', 1) > 0;
const calibrationRuns = arg('calibration', 11);
const isolatedStore = !process.argv.includes('--calibration-no-store');
// --load-trials 0 leaves out the unchanged-code trials with the load change (e.g. to measure the quiet-host row alone)
const loadTrials = arg('load-trials', 1) > 0;
const BUSY = 2;

const SUITE = `import { BenchmarkSuite } from 'rune-bench';
import { WORK } from './work.js';
function busy(n) { let x = 1; for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0; return x; }
const suite = {
  id: 'gate', description: 'a deterministic loop', parameters: [],
  run() {
    const s = new BenchmarkSuite('gate', { timeMs: 150, warmupMs: 20, minSamples: 20, keepSamples: true });
    s.add('loop', () => busy(Math.round(40000 * WORK)));
    return s.run();
  },
};
const calibration = {
  id: 'calibration', description: 'three tasks of known cost', parameters: [],
  run() {
    const s = new BenchmarkSuite('calibration', { timeMs: 200, warmupMs: 20, minSamples: 20, keepSamples: true });
    s.add('loop 4k', () => busy(4000));
    s.add('loop 40k', () => busy(40000));
    s.add('array sort', () => Float64Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000).sort()[0]);
    return s.run();
  },
};
// the same three tasks, each in 4 fresh processes of a quarter of the time: an interval that covers the spread
// between processes (isolation), for the same total sampling time
function calibrationTasks(s) {
  s.add('loop 4k', () => busy(4000));
  s.add('loop 40k', () => busy(40000));
  s.add('array sort', () => Float64Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000).sort()[0]);
  return s;
}
export const calibrationSuite = calibrationTasks(new BenchmarkSuite('calibration-isolated', {
  timeMs: 50, warmupMs: 20, minSamples: 20, keepSamples: true,
  isolation: { module: import.meta.url, exportName: 'calibrationSuite', processes: 4, execArgv: [] },
}));
const isolated = {
  id: 'calibration-isolated', description: 'the three tasks, 4 processes each', parameters: [],
  run() { return calibrationSuite.run(); },
};
export const suites = [suite, calibration, isolated];
`;

function repository(work: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'rune-bench-gate-')), 'repo');
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'rune-bench'), 'dir');
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n*.json.gz\nbase.json\n');
  writeFileSync(join(dir, 'package.json'), '{ "name": "gate", "private": true, "type": "module" }\n');
  writeFileSync(join(dir, 'suite.js'), SUITE);
  writeFileSync(join(dir, 'work.js'), 'export const WORK = 1;\n');
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.email=b@example.com', '-c', 'user.name=b', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  if (work !== 1) writeFileSync(join(dir, 'work.js'), `export const WORK = ${work};\n`); // the change, uncommitted
  return dir;
}

function startBusy(): ChildProcess[] {
  return Array.from({ length: BUSY }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function stopBusy(children: readonly ChildProcess[]): void {
  for (const c of children) c.kill('SIGKILL');
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI; `onStderr` may start the load when progress reaches a point. */
function cli(args: readonly string[], cwd: string, onStderr?: (text: string) => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      onStderr?.(stderr);
    });
    child.on('close', (code) => {
      done({ code, stdout, stderr });
    });
  });
}

const perCore = (): number => (loadavg()[0] ?? 0) / cpus().length;

/** The pre-change gate's verdict on the same two results: no host conditions, no settings, no between-run noise. */
async function preChangeRegressed(base: SuiteResult, current: SuiteResult): Promise<boolean> {
  const strip = (r: SuiteResult): SuiteResult => {
    const copy: { -readonly [K in keyof SuiteResult]: SuiteResult[K] } = { ...r };
    delete copy.host;
    delete copy.settings;
    return copy;
  };
  const report = await new RegressionDetector({ threshold: 0.02, seed: 1 }).compare(strip(base), strip(current));
  return report.regressed.length > 0;
}

async function baselineGateTrial(dir: string): Promise<{ failed: boolean; preChangeFailed: boolean; verdicts: string; change: number | undefined }> {
  const common = ['run', '--require', 'suite.js', '--suite', 'gate', '--no-store', '--format', 'json'];
  const base = await cli([...common, '--save-baseline', 'base.json'], dir);
  if (base.code !== 0) throw new Error(`baseline run failed: ${base.stderr}`);
  const busy = startBusy();
  try {
    const current = await cli([...common, '--baseline', 'base.json', '--fail-on-regression', '--save-baseline', 'current.json'], dir);
    if (current.code !== 0 && current.code !== 1) throw new Error(`gated run failed (${String(current.code)}): ${current.stderr}`);
    const preChangeFailed = await preChangeRegressed(readSuiteResult(join(dir, 'base.json')), readSuiteResult(join(dir, 'current.json')));
    const verdicts = /compared with [^:]*: (.*)/.exec(current.stderr)?.[1] ?? '?';
    const baseMedian = (JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { tasks: { stats?: { median: number } }[] }).tasks[0]?.stats?.median;
    const nowMedian = (JSON.parse(current.stdout) as { tasks: { stats?: { median: number } }[] }).tasks[0]?.stats?.median;
    return { failed: current.code === 1, preChangeFailed, verdicts, change: baseMedian === undefined || nowMedian === undefined ? undefined : nowMedian / baseMedian - 1 };
  } finally {
    stopBusy(busy);
  }
}

/** The baseline gate on a 10% slowdown with no load added: a baseline of `base`, then `changed` gated against it. */
async function baselineSlowTrial(base: string, changed: string): Promise<{ caught: boolean; preChangeCaught: boolean; verdicts: string }> {
  const common = ['run', '--require', 'suite.js', '--suite', 'gate', '--no-store', '--format', 'json'];
  const baseline = join(base, 'quiet-base.json');
  const first = await cli([...common, '--save-baseline', baseline], base);
  if (first.code !== 0) throw new Error(`baseline run failed: ${first.stderr}`);
  const current = await cli([...common, '--baseline', baseline, '--fail-on-regression', '--save-baseline', 'quiet-current.json'], changed);
  if (current.code !== 0 && current.code !== 1) throw new Error(`gated run failed (${String(current.code)}): ${current.stderr}`);
  const preChangeCaught = await preChangeRegressed(readSuiteResult(baseline), readSuiteResult(join(changed, 'quiet-current.json')));
  const verdicts = /compared with [^:]*: (.*)/.exec(current.stderr)?.[1] ?? '?';
  // a miss says why: the gate's own lines (verdict reasons, notices about the host's conditions, the re-run)
  const why = current.code === 1 ? '' : ` because: ${current.stderr.split('\n').filter((l) => /^ {2}\S|notice|confirm|inconclusive/.test(l)).map((l) => l.trim()).join(' | ')}`;
  return { caught: current.code === 1, preChangeCaught, verdicts: `${verdicts}${why}` };
}

async function compareTrial(dir: string): Promise<{ failed: boolean; verdict: string; reason: string; ratio: number | undefined; rounds: number }> {
  let busy: ChildProcess[] = [];
  try {
    const run = await cli(['compare', '--base', 'HEAD', '--require', 'suite.js', '--suite', 'gate', '--rounds', String(rounds), '--fail-on-regression', '--format', 'json'], dir, (text) => {
      if (busy.length === 0 && text.includes(`round 2/${rounds}`)) busy = startBusy();
    });
    if (run.code !== 0 && run.code !== 1) throw new Error(`compare failed (${String(run.code)}): ${run.stderr}`);
    const record = JSON.parse(run.stdout) as { verdict: string; tasks: { ratio: number; reason?: string }[]; rounds: unknown[] };
    return { failed: run.code === 1, verdict: record.verdict, reason: record.tasks[0]?.reason ?? '', ratio: record.tasks[0]?.ratio, rounds: record.rounds.length };
  } finally {
    stopBusy(busy);
  }
}

const spread = (xs: readonly number[]): string => {
  if (xs.length === 0) return '-';
  const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
  return `median ${pct(medianOf(xs))}, range ${pct(Math.min(...xs))} to ${pct(Math.max(...xs))}`;
};

const same = repository(1);
const slow = repository(1.1);
const startLoad = loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`bench:gate: ${trials} trials, compare --rounds ${rounds}, ${BUSY} busy processes as the load change; CPU ${cpus()[0]?.model ?? '?'} x ${cpus().length}; load ${startLoad}`);
const started = performance.now();
const gate = { failed: 0, preChange: 0, changes: [] as number[] };
const quietSlow = { caught: 0, preChange: 0 };
const cmpSame = { failed: 0, ratios: [] as number[], verdicts: new Map<string, number>(), ranOn: 0 };
const cmpSlow = { caught: 0, ratios: [] as number[], verdicts: new Map<string, number>(), ranOn: 0 };
const loads: number[] = [];
const calibrationLines: string[] = [];
const calibrationMisses: string[] = [];
try {
  for (let i = 0; i < trials; i++) {
    loads.push(perCore());
    const g = loadTrials ? await baselineGateTrial(same) : { failed: false, preChangeFailed: false, change: undefined, verdicts: 'skipped' };
    if (g.failed) gate.failed += 1;
    if (g.preChangeFailed) gate.preChange += 1;
    if (g.change !== undefined) gate.changes.push(g.change);
    const q = await baselineSlowTrial(same, slow);
    if (q.caught) quietSlow.caught += 1;
    if (q.preChangeCaught) quietSlow.preChange += 1;
    const a = compareTrials ? await compareTrial(same) : undefined;
    if (a !== undefined) {
      if (a.failed) cmpSame.failed += 1;
      if (a.ratio !== undefined) cmpSame.ratios.push(a.ratio - 1);
      cmpSame.verdicts.set(a.verdict, (cmpSame.verdicts.get(a.verdict) ?? 0) + 1);
      if (a.rounds > rounds) cmpSame.ranOn += 1;
    }
    const b = compareTrials ? await compareTrial(slow) : undefined;
    if (b !== undefined) {
      if (b.failed) cmpSlow.caught += 1;
      if (b.ratio !== undefined) cmpSlow.ratios.push(b.ratio - 1);
      cmpSlow.verdicts.set(b.verdict, (cmpSlow.verdicts.get(b.verdict) ?? 0) + 1);
      if (b.rounds > rounds) cmpSlow.ranOn += 1;
    }
    console.log(
      `  trial ${i + 1}/${trials}: run --baseline ${g.failed ? 'exit 1' : 'exit 0'} [${g.verdicts}], pre-change gate ${g.preChangeFailed ? 'exit 1' : 'exit 0'} ` +
        `(${g.change === undefined ? '?' : `${(g.change * 100).toFixed(1)}%`}); run --baseline 10% slower, no load added ${q.caught ? 'exit 1' : 'exit 0'} [${q.verdicts}]; ` +
        `compare unchanged ${a?.verdict ?? 'skipped'}; compare 10% slower ${b?.verdict ?? 'skipped'}${b !== undefined && b.verdict !== 'regressed' ? ` (${b.reason})` : ''}; load/core ${perCore().toFixed(2)}`,
    );
  }
  // interval calibration: does a fresh run's median fall inside the previous run's 95% interval? One process
  // per run (the default), and 4 isolated processes per task (the interval covers the spread between them);
  // the two kinds of run alternate, so the host's changes hit both alike
  const calibration = new Map<string, { inside: number; pairs: number; widths: number[]; predicted: number; predictedPairs: number; predictedWidths: number[] }>();
  const previous = new Map<string, SuiteResult>();
  const storeArgs = (id: string): string[] =>
    id === 'calibration' ? ['--store', 'cal-store'] : isolatedStore ? ['--store', 'cal-store-isolated'] : ['--no-store'];
  for (let k = 0; k < 4 && calibrationRuns > 0; k++) {
    for (const id of isolatedStore ? ['calibration', 'calibration-isolated'] : ['calibration']) {
      const r = await cli(['run', '--require', 'suite.js', '--suite', id, ...storeArgs(id)], same);
      if (r.code !== 0) throw new Error(`calibration history run failed: ${r.stderr}`);
    }
  }
  for (let k = 0; k < calibrationRuns; k++) {
    for (const id of ['calibration', 'calibration-isolated']) {
      const r = await cli(['run', '--require', 'suite.js', '--suite', id, ...storeArgs(id), '--save-baseline', `cal-${id}-${k}.json`], same);
      if (r.code !== 0) throw new Error(`calibration run failed: ${r.stderr}`);
      const now = readSuiteResult(join(same, `cal-${id}-${k}.json`));
      for (const t of now.tasks) {
        const before = previous.get(id)?.tasks.find((p) => p.name === t.name)?.stats;
        const key = `${id === 'calibration' ? '1 process ' : '4 processes'}  ${t.name}`;
        const c = calibration.get(key) ?? { inside: 0, pairs: 0, widths: [], predicted: 0, predictedPairs: 0, predictedWidths: [] };
        if (t.stats !== undefined) c.widths.push(t.stats.rme);
        const p = t.stats?.predictionInterval;
        if (p !== undefined && t.stats !== undefined) c.predictedWidths.push((p.upper - p.lower) / 2 / t.stats.median);
        if (before !== undefined && t.stats !== undefined) {
          c.pairs += 1;
          if (t.stats.median >= before.medianCI.lower && t.stats.median <= before.medianCI.upper) c.inside += 1;
          const q = before.predictionInterval;
          if (q !== undefined) {
            c.predictedPairs += 1;
            if (t.stats.median >= q.lower && t.stats.median <= q.upper) c.predicted += 1;
            // a miss says by how much, against what (the interval's centre is the previous run's median)
            else {
              const off = t.stats.median / before.median - 1;
              calibrationMisses.push(
                `  miss: ${key.trim()} run ${k + 1}: ${(off * 100).toFixed(1)}% from the previous median, interval ${((q.lower / before.median - 1) * 100).toFixed(1)}% to +${((q.upper / before.median - 1) * 100).toFixed(1)}% (${q.from})`,
              );
            }
          }
        }
        calibration.set(key, c);
      }
      previous.set(id, now);
    }
  }
  const pct = (xs: readonly number[]): string => (xs.length === 0 ? '-' : `${(100 * medianOf(xs)).toFixed(2)}%`);
  calibrationLines.push(
    `  ${''.padEnd(24)} ${'in medianCI'.padStart(12)} ${'half-width'.padStart(10)}   ${'in prediction interval'.padStart(22)} ${'half-width'.padStart(10)}`,
    ...[...calibration].map(
      ([name, c]) =>
        `  ${name.padEnd(24)} ${`${c.inside}/${c.pairs}`.padStart(12)} ${pct(c.widths).padStart(10)}   ${`${c.predicted}/${c.predictedPairs}`.padStart(22)} ${pct(c.predictedWidths).padStart(10)}`,
    ),
  );
  const all = [...calibration.values()];
  const sum = (f: (c: (typeof all)[number]) => number): number => all.reduce((a, c) => a + f(c), 0);
  calibrationLines.push(
    `  all tasks: ${sum((c) => c.inside)}/${sum((c) => c.pairs)} inside the previous medianCI, ${sum((c) => c.predicted)}/${sum((c) => c.predictedPairs)} inside the previous prediction interval (half-widths are medians over runs)`,
  );
} finally {
  rmSync(dirname(same), { recursive: true, force: true });
  rmSync(dirname(slow), { recursive: true, force: true });
}
const verdicts = (m: Map<string, number>): string => [...m].map(([v, c]) => `${c} ${v}`).join(', ');
console.log('');
console.log(`                                              run --baseline   pre-change gate (peer)   compare --base`);
console.log(
  `unchanged, load changed: exit 1 (goal 0)      ${`${gate.failed}/${trials}`.padEnd(17)}${`${gate.preChange}/${trials}`.padEnd(25)}${compareTrials ? `${cmpSame.failed}/${trials}` : 'skipped'}`,
);
console.log(`10% slower, no load added: caught (goal 19/20) ${`${quietSlow.caught}/${trials}`.padEnd(17)}${`${quietSlow.preChange}/${trials}`.padEnd(25)}-`);
console.log(`10% slower, load changed: caught (goal 19/20) ${'-'.padEnd(17)}${'-'.padEnd(25)}${compareTrials ? `${cmpSlow.caught}/${trials}` : 'skipped'}`);
console.log('');
console.log(
  `interval calibration (goal at least 90%), ${calibrationRuns} consecutive runs, each in a fresh process (each kind after 4 runs of history in its store${isolatedStore ? '' : ', the isolated runs without one'}):`,
);
for (const line of [...calibrationLines, ...calibrationMisses]) console.log(line);
console.log('');
if (gate.changes.length > 0) console.log(`run --baseline, unchanged: measured change ${spread(gate.changes)}`);
if (cmpSame.ratios.length > 0) console.log(`compare, unchanged: ratio ${spread(cmpSame.ratios)}; verdicts ${verdicts(cmpSame.verdicts)}; ran on past ${rounds} rounds: ${cmpSame.ranOn}`);
if (cmpSlow.ratios.length > 0) console.log(`compare, 10% slower: ratio ${spread(cmpSlow.ratios)}; verdicts ${verdicts(cmpSlow.verdicts)}; ran on past ${rounds} rounds: ${cmpSlow.ranOn}`);
console.log(
  (loads.length > 0 ? `load per core at the trials' starts: median ${medianOf(loads).toFixed(2)}, ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)}; ` : '') +
    `load now ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${((performance.now() - started) / 60_000).toFixed(1)} min`,
);
const histories = arg('histories', 200);
if (histories > 0) {
  console.log('');
  await printGateOnHistories(3, histories);
}
const knownCostRounds = arg('known-cost', 12);
if (knownCostRounds > 0) {
  console.log('');
  console.log(`error against a known-cost loop (goal within 1% for rune-bench's mean; ${knownCostRounds} rounds, the bench's busy processes stopped, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/known-cost.ts'), '--rounds', String(knownCostRounds)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  // the table and the closing load line; the per-round lines are the bench's own progress
  const lines = out.split('\n');
  const table = lines.findIndex((l) => l.startsWith('loop ') && l.includes('median error'));
  for (const line of table < 0 ? lines : lines.slice(table)) if (line.trim() !== '') console.log(`  ${line}`);
}
