// Reading cachegrind's output file: the `events:` and `summary:` lines give the whole run's totals.
import { RuneBenchError } from '../../core/errors.js';

/**
 * Event totals of one cachegrind run, by event name (`Ir`, and with cache simulation `I1mr`, `ILmr`, `Dr`,
 * `D1mr`, `DLmr`, `Dw`, `D1mw`, `DLmw`).
 *
 * @public
 */
export type CachegrindTotals = Readonly<Record<string, number>>;

/**
 * Parses the totals out of a cachegrind output file (`--cachegrind-out-file`): the names on the `events:`
 * line and the numbers on the `summary:` line (or, without it, the `totals:` line).
 *
 * @param text - the file's content
 * @param file - the file's path, for the error message
 * @returns the totals by event name
 * @throws RuneBenchError `ERR_INVALID_FORMAT` when the file has no events line, no summary, or they do not match
 * @public
 */
export function parseCachegrindOutput(text: string, file = 'cachegrind output'): CachegrindTotals {
  let events: string[] | undefined;
  let summary: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('events:')) events = line.slice(7).trim().split(/\s+/);
    else if (line.startsWith('summary:') || (summary === undefined && line.startsWith('totals:'))) {
      summary = line.slice(line.indexOf(':') + 1).trim().split(/\s+/);
    }
  }
  if (events === undefined || summary === undefined) {
    throw new RuneBenchError('ERR_INVALID_FORMAT', `${file} has no ${events === undefined ? 'events' : 'summary'} line`, { path: file });
  }
  if (events.length !== summary.length || summary.some((v) => !/^\d+$/.test(v))) {
    throw new RuneBenchError('ERR_INVALID_FORMAT', `${file}: the summary line does not hold one count per event (${events.join(' ')})`, { path: file });
  }
  const totals: Record<string, number> = {};
  events.forEach((name, i) => {
    totals[name] = Number(summary[i]);
  });
  return totals;
}

/** Cost of a first-level cache miss in the estimated-cycles model, cycles. @public */
export const L1_MISS_CYCLES = 10;
/** Cost of a last-level cache miss in the estimated-cycles model, cycles. @public */
export const LL_MISS_CYCLES = 100;

/**
 * Estimated cycles from cachegrind's cache simulation, with the common model
 * `Ir + 10 × (I1mr + D1mr + D1mw) + 100 × (ILmr + DLmr + DLmw)`: every instruction costs a cycle, every
 * first-level miss 10 more, every last-level miss 100 more. A model, not a measurement: it ignores
 * pipelining, branch prediction, prefetching and the real machine's latencies.
 *
 * @param totals - totals of a run made with `--cache-sim=yes`
 * @returns the estimated cycles
 * @throws RuneBenchError `ERR_INVALID_FORMAT` when the totals lack a cache event (the run had no cache simulation)
 * @public
 */
export function estimatedCycles(totals: CachegrindTotals): number {
  const get = (name: string): number => {
    const v = totals[name];
    if (v === undefined) throw new RuneBenchError('ERR_INVALID_FORMAT', `cachegrind totals have no ${name} event: run with cache simulation`);
    return v;
  };
  const l1 = get('I1mr') + get('D1mr') + get('D1mw');
  const ll = get('ILmr') + get('DLmr') + get('DLmw');
  return get('Ir') + L1_MISS_CYCLES * l1 + LL_MISS_CYCLES * ll;
}
