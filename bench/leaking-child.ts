// A real leaking child (node with a 48 MiB old space, growing a Map) watched by a ForecastWatcher with the
// built-in heap limit: shared by tests/detect/forecast/leaking-child.test.ts and `npm run bench:forecast -- --child N`.
// Times come from the parent's monotonic clock on each report line.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { MetricSnapshot } from '../src/core/snapshot.js';
import { heapForecastLimit } from '../src/detect/forecast/builtin-limits.js';
import { ForecastWatcher } from '../src/detect/forecast/forecast-watcher.js';

const CHILD = `
const v8 = require('node:v8');
const map = new Map();
let n = 0;
setInterval(() => { for (let k = 0; k < 150; k++) { map.set(n, { id: n, text: 'entry-' + n + '-'.repeat(64) }); n++; } }, 10);
setInterval(() => {
  const h = v8.getHeapStatistics();
  process.stdout.write(JSON.stringify({ used: h.used_heap_size, limit: h.heap_size_limit }) + '\\n');
}, 100);
`;

const OLD_SPACE_MIB = 48;

/** One forecast, in the parent's monotonic seconds. */
export interface SeenForecast {
  readonly madeAt: number;
  readonly low: number;
  readonly high: number;
}

/** What a watched leaking child did. */
export interface LeakingChildRun {
  readonly seen: readonly SeenForecast[];
  /** The last report's time (the child was alive then). */
  readonly death: number;
  /** When the parent saw the exit. */
  readonly exitAt: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Forecasts made in the second half of the time between the first forecast and the death. */
  readonly late: readonly SeenForecast[];
}

/** Whether a forecast's interval holds the moment of death (between the last report and the exit). */
export function holdsDeath(run: LeakingChildRun, s: SeenForecast): boolean {
  return s.low <= run.exitAt && run.death <= s.high;
}

/** Runs the child until it runs out of heap, forecasting from every report (the newest 120). */
export async function watchLeakingChild(): Promise<LeakingChildRun> {
  const child = spawn(process.execPath, [`--max-old-space-size=${String(OLD_SPACE_MIB)}`, '--max-semi-space-size=1', '-e', CHILD], { stdio: ['ignore', 'pipe', 'ignore'] });
  // the old-space size is the limit that matters (heap_size_limit also counts the young generation's reserve,
  // which live data never fills), as heapForecastLimit's documentation says
  const watcher = new ForecastWatcher({ limits: [heapForecastLimit(OLD_SPACE_MIB * 1024 * 1024)] });
  const snapshots: MetricSnapshot[] = [];
  const seen: SeenForecast[] = [];
  watcher.on('forecast', (f) => seen.push({ madeAt: f.at, low: f.at + f.low, high: f.at + f.high }));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on('exit', (code, signal) => { resolve({ code, signal, at: performance.now() / 1000 }); });
  });
  for await (const line of createInterface({ input: child.stdout })) {
    const report = JSON.parse(line) as { used: number; limit: number };
    const monotonic = performance.now() / 1000;
    snapshots.push(new MetricSnapshot({ timestamp: Date.now(), monotonic, values: { 'v8js.heap.used': report.used, 'v8js.heap.limit': report.limit }, descriptors: {} }));
    watcher.evaluate(snapshots.slice(-120));
  }
  const exit = await exited;
  const death = snapshots.at(-1)?.monotonic ?? exit.at;
  const first = seen[0];
  const late = first === undefined ? [] : seen.filter((s) => s.madeAt >= (first.madeAt + death) / 2 && s.madeAt < death);
  return { seen, death, exitAt: exit.at, code: exit.code, signal: exit.signal, late };
}
