// The stored-baseline gate on labelled, seeded histories with between-run effects (process and host noise per
// run, two-speed machine pools, drift, bad runs), beside the pre-change gate as the peer.
//
//   npm run bench:gate-histories                       (3 seeds x 200 histories, about a minute)
//   npm run bench:gate-histories -- --seeds 5 --count 100
//
// Every pair of consecutive runs (i - 1 as the baseline, i as the current run, from the 8th run on) is judged
// the way `run --baseline B --fail-on-regression` judges it with a results store: the between-run noise of
// that benchmark is estimated from the runs before i (betweenRunNoiseOf: the estimator of betweenRunNoiseFromStore,
// with its minimum of runs), and a regression is confirmed by a re-run, which here is the next run of the history when no true
// change comes with it (a fresh run of the same code), else the verdict stands unconfirmed. The peer is the
// same detector with neither (what the gate decided before between-run noise was estimated).
// Counted: no-change pairs flagged regressed (the gate fails: goal at most 1%) or improved; pairs across a
// true change of 5% or more caught in its direction (goal at least 80%). A bad run (a whole run 10-60% slower
// on a loaded host) is a no-change pair: the code did not change.
import { cpus, loadavg } from 'node:os';
import { generateHistories } from './regression/history-generator.js';
import { RegressionDetector } from '../src/detect/regression/regression-detector.js';
import { betweenRunNoiseOf } from '../src/detect/regression/between-run-noise.js';
import type { BetweenRunNoise } from '../src/detect/regression/regression-types.js';
import type { Verdict } from '../src/detect/regression/verdict.js';
import { suiteResult, task } from '../tests/detect/regression/helpers.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const v = at > 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const FIRST_PAIR = 8;
const KEY = 'vcs/status';

interface Tally {
  noChange: number;
  flaggedRegressed: number;
  flaggedImproved: number;
  inconclusive: number;
  changes: number;
  caught: number;
}
const fresh = (): Tally => ({ noChange: 0, flaggedRegressed: 0, flaggedImproved: 0, inconclusive: 0, changes: 0, caught: 0 });

function record(t: Tally, verdict: Verdict, truth: number | undefined): void {
  if (truth === undefined) {
    t.noChange += 1;
    if (verdict === 'regressed') t.flaggedRegressed += 1;
    else if (verdict === 'improved') t.flaggedImproved += 1;
    else if (verdict === 'inconclusive') t.inconclusive += 1;
  } else if (Math.abs(Math.log(truth)) >= Math.log(1.05) - 1e-12) {
    t.changes += 1;
    if ((truth > 1 && verdict === 'regressed') || (truth < 1 && verdict === 'improved')) t.caught += 1;
  }
}

/** Runs the two gates over one seed's histories. */
export async function gateOnHistories(seed: number, count: number): Promise<{ gate: Tally; peer: Tally }> {
  const gate = fresh();
  const peer = fresh();
  const detector = new RegressionDetector({ seed, resamples: 500 });
  for (const h of generateHistories({ seed, count })) {
    const changeAt = new Map(h.changes.map((c) => [c.position, c.ratio]));
    const result = (i: number) => suiteResult('vcs', [task('status', h.runs[i] as number[])]);
    for (let i = FIRST_PAIR; i < h.runs.length; i++) {
      const truth = changeAt.get(i);
      const baseline = result(i - 1);
      const current = result(i);
      const noise = new Map<string, BetweenRunNoise>();
      const estimate = betweenRunNoiseOf(h.runs.slice(Math.max(0, i - 30), i), (n) => `${n} earlier runs`);
      if (estimate !== undefined) noise.set(KEY, estimate);
      const next = h.runs[i + 1];
      const rerun = next !== undefined && !changeAt.has(i + 1) ? next : undefined;
      const withGate = await detector.compare(baseline, current, {
        betweenRunNoise: noise,
        // the baseline is run i - 1, the newest of the runs the noise was estimated from
        baselineInHistory: true,
        ...(rerun === undefined ? {} : { confirm: () => rerun }),
      });
      const withoutGate = await detector.compare(baseline, current);
      record(gate, withGate.comparisons[0]?.verdict ?? 'incomparable', truth);
      record(peer, withoutGate.comparisons[0]?.verdict ?? 'incomparable', truth);
    }
  }
  return { gate, peer };
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(2)}%`);

/** Prints the table for `seeds` seeds of `count` histories. */
export async function printGateOnHistories(seeds: number, count: number): Promise<void> {
  console.log(`stored-baseline gate on labelled histories: ${seeds} seeds x ${count} histories (between-run noise, machine pools, drift, bad runs); load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`${'seed'.padEnd(6)} ${'gate'.padEnd(10)} ${'no-change pairs'.padStart(15)} ${'flagged regressed'.padStart(18)} ${'flagged improved'.padStart(17)} ${'inconclusive'.padStart(13)} ${'changes >= 5%'.padStart(14)} ${'caught'.padStart(8)}`);
  for (let seed = 1; seed <= seeds; seed++) {
    const { gate, peer } = await gateOnHistories(seed, count);
    for (const [name, t] of [['new gate', gate], ['pre-change', peer]] as const) {
      console.log(
        `${String(seed).padEnd(6)} ${name.padEnd(10)} ${String(t.noChange).padStart(15)} ${pct(t.flaggedRegressed, t.noChange).padStart(18)} ${pct(t.flaggedImproved, t.noChange).padStart(17)} ${pct(t.inconclusive, t.noChange).padStart(13)} ${String(t.changes).padStart(14)} ${pct(t.caught, t.changes).padStart(8)}`,
      );
    }
  }
  console.log('goals: no-change pairs flagged regressed at most 1%; changes of 5% or more caught at least 80%.');
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  console.log(`CPU ${cpus()[0]?.model ?? '?'} x ${cpus().length}`);
  await printGateOnHistories(arg('seeds', 3), arg('count', 200));
}
