// npm run bench:regression — accuracy and speed of change-point detection on labelled, seeded histories,
// rune-bench's detector side by side with a naive detector and an E-Divisive/Welch-t (Otava-like) peer.
//
// Env: RUNE_BENCH_REGRESSION_SEED (default 42; the detector's defaults were tuned on seeds 1-3),
//      RUNE_BENCH_REGRESSION_COUNT (histories, default 1000), RUNE_BENCH_EXAMPLE_QUICK=1 (small sizes).
import { generateHistories, type GeneratedHistory } from './regression/history-generator.js';
import { scoreDetections, type HistoryScore, type ScoredDetection } from './regression/history-scorer.js';
import { detectChangePoints } from '../src/stats/change-points.js';
import { eDivisiveWelch, naiveDetector } from './regression/peers.js';

type Detector = (runs: readonly (readonly number[])[]) => readonly ScoredDetection[];

const quick = process.env.RUNE_BENCH_EXAMPLE_QUICK === '1';
const seed = Number(process.env.RUNE_BENCH_REGRESSION_SEED ?? 42);
const count = Number(process.env.RUNE_BENCH_REGRESSION_COUNT ?? (quick ? 100 : 1000));

const detectors: readonly { name: string; run: Detector }[] = [
  { name: 'rune-bench (all)', run: (runs) => detectChangePoints(runs).changes },
  { name: 'rune-bench (confirmed only)', run: (runs) => detectChangePoints(runs).changes.filter((c) => c.status === 'confirmed') },
  { name: 'E-Divisive + Welch t (Otava-like)', run: (runs) => eDivisiveWelch(runs, 0.001, 0.02) },
  { name: 'naive (last vs mean of 5, >5%)', run: (runs) => naiveDetector(runs, 0.05) },
];

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`.padStart(7);
}

function evaluate(histories: readonly GeneratedHistory[], run: Detector): { score: HistoryScore; ms: number } {
  const t0 = performance.now();
  const found = histories.map((h) => run(h.runs));
  const ms = performance.now() - t0;
  return { score: scoreDetections(histories, found, { tolerance: 2 }), ms };
}

const histories = generateHistories({ seed, count });
const changes = histories.reduce((n, h) => n + h.changes.length, 0);
console.log(`rune-bench regression detection: ${count} labelled histories (seed ${seed}), ${changes} true changes,`);
console.log('30-200 runs of 10-30 samples; log-normal noise, spikes, between-run noise, bimodal hosts, drift, bad runs.');
console.log('Scoring: a detection matches a true change of the same direction within 2 runs.\n');
console.log(
  `${'detector'.padEnd(36)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)} ${'alarms*'.padStart(8)} ${'tail rec'.padStart(9)} ${'time'.padStart(9)}`,
);
for (const d of detectors) {
  const { score, ms } = evaluate(histories, d.run);
  console.log(
    `${d.name.padEnd(36)} ${pct(score.precision).padStart(9)} ${pct(score.recall)} ${pct(score.f1)} ${pct(score.noChangeAlarmRate).padStart(8)} ${pct(score.tailRecall).padStart(9)} ${`${ms.toFixed(0)} ms`.padStart(9)}`,
  );
}
console.log('* alarms: share of histories without a true change where the detector reported any change.');
console.log('  tail rec: recall of true changes in the last three runs of a history.');
console.log('  goals (issue 4): F1 >= 90%, alarms <= 3%, tail recall >= 70%.\n');

// runtime: 100 benchmarks x 1,000 runs
const big = generateHistories({ seed: seed + 1, count: quick ? 10 : 100, minRuns: 1000, maxRuns: 1000 });
const samples = big.reduce((n, h) => n + h.runs.reduce((m, r) => m + r.length, 0), 0);
console.log(`runtime: ${big.length} benchmarks x 1,000 runs (${samples.toLocaleString('en-US')} samples), best of 3 (wall and CPU time):`);
for (const d of [detectors[0]!, detectors[2]!, detectors[3]!]) {
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const h of big) d.run(h.runs);
    wall = Math.min(wall, performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  console.log(`  ${d.name.padEnd(36)} ${`${wall.toFixed(0)} ms`.padStart(9)} wall ${`${cpu.toFixed(0)} ms`.padStart(9)} CPU`);
}
console.log('  goal (issue 4): rune-bench < 1,000 ms for 100 x 1,000. The machine may be shared: CPU time is the steadier figure.');
