// `--instrument` and `--cache-sim`, as `run` and `compare` both take them: one spec, one parser.
import type { Instrument } from '../bench/instruments/instrument-options.js';
import type { FlagSpec, Flags } from './args.js';
import { UsageError } from './usage-error.js';

const INSTRUMENTS = ['time', 'instructions'] as const satisfies readonly Instrument[];

/**
 * The two flags' specs; `what` ends the descriptions (what the instrument measures and reports there).
 *
 * @internal
 */
export function instrumentFlagSpecs(what: { readonly instrument: string; readonly cacheSim: string }): Readonly<Record<string, FlagSpec>> {
  return {
    instrument: { type: 'string', value: INSTRUMENTS.join('|'), description: `what measures each task${what.instrument}` },
    'cache-sim': { type: 'boolean', description: `with --instrument instructions: simulate the caches and ${what.cacheSim} estimated cycles (a model)` },
  };
}

/**
 * The instrument and cache simulation the flags ask for.
 *
 * @throws UsageError for `--cache-sim` without `--instrument instructions`
 * @internal
 */
export function parseInstrumentFlags(flags: Flags, command: string): { readonly instrument: Instrument; readonly cacheSim: boolean } {
  const instrument = flags.choice('instrument', INSTRUMENTS, 'time');
  const cacheSim = flags.boolean('cache-sim');
  if (cacheSim && instrument !== 'instructions') throw new UsageError('--cache-sim needs --instrument instructions', command);
  return { instrument, cacheSim };
}
