// Do the rune-bench/testing assertions flake? An A/A check and a power check, run many times.
//
//   npx tsx bench/testing-flake.ts                     (200 trials each, about 5 minutes on a quiet machine)
//   npx tsx bench/testing-flake.ts --trials 50 --time 60
//
// A/A: a baseline run and a current run of the SAME function; assertNoRegression (threshold 5%) must not
// fail. Goal: at most 1% false failures. The same pairs also count how often assertFaster(f, f) would
// wrongly pass (goal: at most 1%).
// Power: the current run does 10% more work than the baseline; assertNoRegression must catch it.
// Goal: caught at least 95% of the time.
import { AssertionError } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchmarkSuite } from '../src/bench/benchmark-suite.js';
import type { SuiteResult } from '../src/core/results.js';
import { assertFaster, assertNoRegression } from '../src/testing/index.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const trials = arg('trials', 200);
const time = arg('time', 100);
const WORK = 4000;

function spin(n: number): number {
  let x = 1;
  for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
  return x;
}

async function run(work: number, seed: number): Promise<SuiteResult> {
  const suite = new BenchmarkSuite('flake', { timeMs: time, warmupMs: 30, minSamples: 30, seed });
  suite.add('spin', () => spin(work));
  return suite.run();
}

async function fails(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await check();
    return false;
  } catch (error) {
    if (error instanceof AssertionError) return true;
    throw error;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'rune-flake-'));
const load = (): string => ((loadavg()[0] ?? 0) / cpus().length).toFixed(2);
console.log(`testing-flake: ${trials} trials, ${time} ms per run, load per core ${load()}`);
const started = performance.now();
try {
  let falseFailures = 0;
  let falseFaster = 0;
  let caught = 0;
  for (let i = 0; i < trials; i++) {
    // A/A
    const baseline = join(dir, `aa-${i}.json`);
    await assertNoRegression(await run(WORK, i), baseline);
    const current = await run(WORK, i + 1);
    if (await fails(() => assertNoRegression(current, baseline, { threshold: 0.05 }))) falseFailures++;
    const same = (): number => spin(WORK);
    if (!(await fails(() => assertFaster(same, same, { timeMs: time, seed: i })))) falseFaster++;
    // power: 10% more work
    const slowBase = join(dir, `slow-${i}.json`);
    await assertNoRegression(await run(WORK, i), slowBase);
    const slower = await run(Math.round(WORK * 1.1), i + 1);
    if (await fails(() => assertNoRegression(slower, slowBase, { threshold: 0.05 }))) caught++;
    if ((i + 1) % 10 === 0) {
      console.log(
        `  ${i + 1}/${trials}: A/A false failures ${falseFailures}, assertFaster(f, f) passed ${falseFaster}, 10% slowdown caught ${caught}; load ${load()}`,
      );
    }
  }
  const pct = (n: number): string => `${((100 * n) / trials).toFixed(1)}%`;
  console.log('');
  console.log(`A/A assertNoRegression false failures: ${falseFailures}/${trials} = ${pct(falseFailures)} (goal <= 1%)`);
  console.log(`A/A assertFaster(f, f) false passes:   ${falseFaster}/${trials} = ${pct(falseFaster)} (goal <= 1%)`);
  console.log(`10% slowdown caught:                   ${caught}/${trials} = ${pct(caught)} (goal >= 95%)`);
  console.log(`wall ${((performance.now() - started) / 1000).toFixed(0)} s, load per core at end ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
