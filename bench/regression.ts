// npm run bench:regression — accuracy and speed of change-point detection on labelled, seeded histories,
// rune-bench's detector side by side with an E-Divisive/Welch-t (Otava-like) peer and a naive detector, over
// several seeds (mean and range across seeds), plus one hold-out seed reported on its own.
//
// Env: RUNE_BENCH_REGRESSION_SEEDS (comma-separated tuning seeds, default 1,2,3,4,5),
//      RUNE_BENCH_REGRESSION_COUNT (histories per seed, default 1000), RUNE_BENCH_EXAMPLE_QUICK=1 (small sizes),
//      RUNE_BENCH_REGRESSION_HOLDOUT=0 (skip the hold-out seed while tuning).
import os from 'node:os';
import { generateHistories, type GeneratedHistory } from './regression/history-generator.js';
import { scoreDetections, type HistoryScore, type ScoredDetection } from './regression/history-scorer.js';
import { detectChangePoints } from '../src/stats/change-points.js';
import { eDivisiveWelch, naiveDetector } from './regression/peers.js';
import { createRng } from '../src/stats/rng.js';

type Detector = (history: GeneratedHistory) => readonly ScoredDetection[];

// The hold-out seed: chosen before any tuning of the detector on the extended generator (issue 12) and never
// looked at while tuning; its figures are printed apart from the tuning seeds'. Do not tune on it.
const HOLDOUT_SEED = 7919;

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';
const seeds = (process.env.RUNE_BENCH_REGRESSION_SEEDS ?? '1,2,3,4,5').split(',').map(Number);
const count = Number(process.env.RUNE_BENCH_REGRESSION_COUNT ?? (quick ? 100 : 1000));
const withHoldout = process.env.RUNE_BENCH_REGRESSION_HOLDOUT !== '0';

const analyse = (h: GeneratedHistory) => detectChangePoints(h.runs, h.machines === undefined ? {} : { machines: h.machines });
const detectors: readonly { name: string; run: Detector }[] = [
  { name: 'rune-bench (all)', run: (h) => analyse(h).changes },
  { name: 'rune-bench (confirmed only)', run: (h) => analyse(h).changes.filter((c) => c.status === 'confirmed') },
  { name: 'rune-bench (no fingerprints)', run: (h) => detectChangePoints(h.runs).changes },
  { name: 'E-Divisive + Welch t (Otava-like)', run: (h) => eDivisiveWelch(h.runs, 0.001, 0.02) },
  { name: 'naive (last vs mean of 5, >5%)', run: (h) => naiveDetector(h.runs, 0.05) },
];

interface SeedFigures {
  score: HistoryScore;
  /** Share of no-change histories with a machine pool that alarmed. */
  poolAlarms: number;
  /** Share of no-change histories whose newest run is a bad run that alarmed. */
  badNewestAlarms: number;
  ms: number;
}

function alarmShare(histories: readonly GeneratedHistory[], found: readonly (readonly ScoredDetection[])[], feature: string): number {
  let total = 0;
  let alarmed = 0;
  histories.forEach((h, i) => {
    if (h.changes.length > 0 || !h.features.includes(feature as never)) return;
    total++;
    if ((found[i]?.length ?? 0) > 0) alarmed++;
  });
  return total === 0 ? 0 : alarmed / total;
}

function evaluate(histories: readonly GeneratedHistory[], run: Detector): SeedFigures {
  const t0 = performance.now();
  const found = histories.map(run);
  const ms = performance.now() - t0;
  return {
    score: scoreDetections(histories, found, { tolerance: 2 }),
    poolAlarms: alarmShare(histories, found, 'machine-pool'),
    badNewestAlarms: alarmShare(histories, found, 'bad-newest-run'),
    ms,
  };
}

const pct = (x: number): string => (100 * x).toFixed(1);
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
function spread(xs: readonly number[]): string {
  return `${pct(mean(xs))} (${pct(Math.min(...xs))}-${pct(Math.max(...xs))})`.padStart(19);
}

function header(): void {
  console.log(
    `${'detector'.padEnd(34)} ${'precision %'.padStart(19)} ${'recall %'.padStart(19)} ${'F1 %'.padStart(19)} ${'alarms* %'.padStart(19)} ${'tail recall %'.padStart(19)} ${'pool alarms %'.padStart(19)} ${'time'.padStart(8)}`,
  );
}

function row(name: string, figures: readonly SeedFigures[]): void {
  const of = (f: (s: SeedFigures) => number): string => spread(figures.map(f));
  console.log(
    `${name.padEnd(34)} ${of((s) => s.score.precision)} ${of((s) => s.score.recall)} ${of((s) => s.score.f1)} ${of((s) => s.score.noChangeAlarmRate)} ${of((s) => s.score.tailRecall)} ${of((s) => s.poolAlarms)} ${`${mean(figures.map((s) => s.ms)).toFixed(0)} ms`.padStart(8)}`,
  );
}

console.log(
  `rune-bench regression detection: ${count} labelled histories per seed, tuning seeds ${seeds.join(', ')}${withHoldout ? `, hold-out seed ${HOLDOUT_SEED}` : ''}.`,
);
console.log('30-200 runs of 10-30 samples; log-normal noise, spikes, 0.2-2% between-run effects, a two-speed machine pool');
console.log('(15% of histories, 3-15% apart, half with fingerprints), drift, bad runs that shift a whole run (2% of histories:');
console.log('the newest run); steps of 3-50%, 70% regressions, some in the last three runs.');
console.log('Scoring: a detection matches a true change of the same direction within 2 runs.');
console.log(`CPU: ${os.cpus()[0]?.model ?? 'unknown'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

const perSeed = seeds.map((seed) => generateHistories({ seed, count }));
const changes = perSeed.map((hs) => hs.reduce((n, h) => n + h.changes.length, 0));
console.log(`true changes per seed: ${changes.join(', ')}`);
console.log('figures: mean over the tuning seeds (lowest-highest seed)');
header();
const tuned = new Map<string, SeedFigures[]>();
// interleaved: each seed runs every detector before the next seed, so load changes hit all of them alike
for (const histories of perSeed) {
  for (const d of detectors) {
    const list = tuned.get(d.name) ?? [];
    list.push(evaluate(histories, d.run));
    tuned.set(d.name, list);
  }
}
for (const d of detectors) row(d.name, tuned.get(d.name) ?? []);
console.log('* alarms: share of histories without a true change where the detector reported any change.');
console.log('  tail recall: recall of true changes in the last three runs. pool alarms: alarms among no-change pool histories.');
const ours = tuned.get('rune-bench (all)') ?? [];
console.log(
  `  rune-bench (all): worst seed's alarms ${pct(Math.max(...ours.map((s) => s.score.noChangeAlarmRate)))}%, alarms on a bad newest run ${pct(mean(ours.map((s) => s.badNewestAlarms)))}% (mean)`,
);
console.log('  bar (issue 12): mean F1 >= 90%, alarms <= 3% on every seed, tail recall >= 70%.\n');

if (withHoldout) {
  const holdout = generateHistories({ seed: HOLDOUT_SEED, count });
  console.log(`hold-out seed ${HOLDOUT_SEED} (never tuned on): ${holdout.reduce((n, h) => n + h.changes.length, 0)} true changes`);
  header();
  for (const d of detectors) row(d.name, [evaluate(holdout, d.run)]);
  console.log('');
}

// short histories on a loaded host: what `report --trends` sees after eight runs, some of them slowed as a whole
{
  const trials = quick ? 200 : 2000;
  const rng = createRng(4242);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  // the detectors that place a change (the naive one only judges the newest run) and differ without fingerprints
  const shortDetectors = detectors.filter((d) => d.name === 'rune-bench (all)' || d.name.startsWith('E-Divisive'));
  const shortHistory = (s: number, slow: number, ratio: number, id: string): GeneratedHistory => {
    const slowAt = new Set<number>();
    while (slowAt.size < slow) slowAt.add(Math.floor(rng() * 8));
    const runs = Array.from({ length: 8 }, (_, i) => {
      const level = (i >= 4 ? Math.log(ratio) : 0) + s * normal() + (slowAt.has(i) ? Math.log(1.5 + 2.5 * rng()) : 0);
      return Array.from({ length: 20 }, () => 1e-6 * Math.exp(level + 0.01 * normal()));
    });
    const changes = ratio === 1 ? [] : [{ position: 4, ratio }];
    return { id, runs, changes, features: [], badRuns: [...slowAt], withinRunNoise: 0.01, betweenRunNoise: s };
  };
  console.log(`short histories: 8 runs of 20 samples, run-to-run noise s (log), some whole runs 1.5-4x slower; ${trials} of each kind per row`);
  console.log('found: a 100x step at run 5 found at its run, as a regression, and nothing else; alarms: any change reported without a step');
  console.log('(newest: the alarms among flat histories whose newest run is the slowed one)');
  console.log(`${'s'.padEnd(6)}${'slow runs'.padEnd(11)}${shortDetectors.map((d) => `${d.name}: found, alarms (newest)`.padStart(62)).join('')}`);
  for (const s of [0.02, 0.1, 0.3]) {
    for (const slow of [0, 1, 2]) {
      const found = shortDetectors.map(() => 0);
      const alarms = shortDetectors.map(() => 0);
      const newest = shortDetectors.map(() => 0);
      for (let t = 0; t < trials; t++) {
        const stepped = shortHistory(s, slow, 100, `step${t}`);
        const flat = shortHistory(s, slow, 1, `flat${t}`);
        shortDetectors.forEach((d, k) => {
          const got = d.run(stepped);
          if (got.length === 1 && got[0]?.position === 4 && got[0].direction === 'regression') found[k] = (found[k] ?? 0) + 1;
          if (d.run(flat).length > 0) {
            alarms[k] = (alarms[k] ?? 0) + 1;
            if (flat.badRuns.includes(7)) newest[k] = (newest[k] ?? 0) + 1;
          }
        });
      }
      const cells = shortDetectors.map((_, k) => `${pct((found[k] ?? 0) / trials)}%, ${pct((alarms[k] ?? 0) / trials)}% (${pct((newest[k] ?? 0) / trials)}%)`.padStart(62));
      console.log(`${String(s).padEnd(6)}${String(slow).padEnd(11)}${cells.join('')}`);
    }
  }
  console.log('');
}

// runtime: 100 benchmarks x 1,000 runs
const big = generateHistories({ seed: 1000, count: quick ? 10 : 100, minRuns: 1000, maxRuns: 1000 });
const samples = big.reduce((n, h) => n + h.runs.reduce((m, r) => m + r.length, 0), 0);
console.log(`runtime: ${big.length} benchmarks x 1,000 runs (${samples.toLocaleString('en-US')} samples), best of 3 rounds, interleaved (wall and CPU time):`);
const timed = [detectors[0]!, detectors[3]!, detectors[4]!];
const best = timed.map(() => ({ wall: Infinity, cpu: Infinity }));
for (let r = 0; r < 3; r++) {
  timed.forEach((d, k) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const h of big) d.run(h);
    const b = best[k]!;
    b.wall = Math.min(b.wall, performance.now() - t0);
    const used = process.cpuUsage(c0);
    b.cpu = Math.min(b.cpu, (used.user + used.system) / 1000);
  });
}
timed.forEach((d, k) => {
  console.log(`  ${d.name.padEnd(34)} ${`${best[k]!.wall.toFixed(0)} ms`.padStart(9)} wall ${`${best[k]!.cpu.toFixed(0)} ms`.padStart(9)} CPU`);
});
console.log(`  goal: rune-bench < 1,000 ms for 100 x 1,000. Load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; CPU time is the steadier figure.`);
