// `network` suites as listed (id, description, parameters); their implementation loads on first run.
import type { SuiteDefinition, SuiteRunOptions } from '../../core/suite.js';
import { lazySuite } from '../lazy-suite.js';
import { defineNetworkProfile, type NetworkProfile } from './profiles.js';

/** The quick scale's profiles and negotiation rounds, which are the parameters' defaults. @internal */
export const NETWORK_DEFAULTS = Object.freeze({ profiles: Object.freeze(['lan', 'wan', 'lossy-wifi', 'mobile-4g', 'satellite-leo']), rounds: 4 });

/**
 * Options for {@link createNetworkSuite}.
 *
 * @public
 */
export interface NetworkSuiteOptions {
  /** Profiles to run, overriding the per-scale default (and the `profiles` parameter is still honoured). */
  readonly profiles?: readonly NetworkProfile[];
  /** Suite id. @defaultValue `'network'` */
  readonly id?: string;
}

/**
 * Creates a `network` suite, optionally over your own profiles (see {@link defineNetworkProfile}).
 * Parameters: `profiles` (built-in names separated by `,`, or custom `name:delay=...,bandwidth=...`
 * specs separated by `;`), `payload` (pack bytes, overriding the per-profile size) and `rounds`
 * (negotiation round trips per operation).
 *
 * @public
 */
export function createNetworkSuite(options: NetworkSuiteOptions = {}): SuiteDefinition {
  const fixed = options.profiles?.map(defineNetworkProfile);
  const id = options.id ?? 'network';
  return lazySuite(
    {
      id,
      description: 'Fetch, push and ref negotiation through a loopback proxy that models delay, jitter, bandwidth and TCP loss recovery per profile.',
      parameters: Object.freeze([
        { name: 'profiles', type: 'string', description: "profiles to run: built-in names joined by ',' or custom 'name:delay=40ms,jitter=5ms,bandwidth=50mbit,loss=0.001' specs joined by ';'", default: NETWORK_DEFAULTS.profiles.join(',') },
        { name: 'payload', type: 'number', description: 'pack size in bytes for fetch and push (default: about 0.25 s of transfer per profile at quick, capped)' },
        { name: 'rounds', type: 'number', description: 'have/ACK round trips per negotiation', default: NETWORK_DEFAULTS.rounds },
      ] as const),
    },
    async () => {
      const { runNetwork } = await import('./network-suite.js');
      return (runOptions?: SuiteRunOptions) => runNetwork(id, fixed, runOptions);
    },
  );
}

/**
 * The built-in `network` suite.
 *
 * @public
 */
export const networkSuite: SuiteDefinition = createNetworkSuite();
