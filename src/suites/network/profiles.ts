// Network condition profiles: one-way delay with jitter, bandwidth and a loss model, as netem applies them.

/**
 * How segments are lost on a link.
 * - `none`: no loss.
 * - `bernoulli`: each segment is lost independently with probability `rate`.
 * - `gilbert-elliott`: a two-state Markov chain (as netem's `loss gemodel`): from the good state the
 *   link turns bad with probability `p` per segment and back with `r`; a segment is lost with
 *   `lossInBad` in the bad state and `lossInGood` in the good state. Losses come in bursts of mean
 *   length `1 / r`.
 *
 * @public
 */
export type LossSpec =
  | { readonly model: 'none' }
  | { readonly model: 'bernoulli'; readonly rate: number }
  | {
      readonly model: 'gilbert-elliott';
      /** Probability per segment of moving from the good to the bad state. */
      readonly p: number;
      /** Probability per segment of moving from the bad back to the good state (mean burst 1 / r). */
      readonly r: number;
      /** @defaultValue `1` */
      readonly lossInBad?: number;
      /** @defaultValue `0` */
      readonly lossInGood?: number;
    };

/**
 * A network condition applied in each direction of a connection. Base units: seconds and bytes.
 *
 * @public
 */
export interface NetworkProfile {
  /** Profile name, e.g. `wan`. */
  readonly name: string;
  /** One phrase for people. */
  readonly description?: string;
  /** One-way delay, seconds (the round trip is twice this). */
  readonly delay: number;
  /** Jitter, seconds: each segment's delay is drawn uniformly from `delay ± jitter` (never below 0). */
  readonly jitter: number;
  /** Bandwidth in each direction, bytes per second. */
  readonly bandwidth: number;
  /** Segment loss model. */
  readonly loss: LossSpec;
}

/**
 * A Gilbert-Elliott loss spec with the given average loss rate and mean burst length (in segments):
 * every segment in the bad state is lost, none in the good state.
 *
 * @param rate - average share of segments lost, 0-1 (exclusive)
 * @param meanBurst - mean number of segments lost in a row, at least 1
 * @public
 */
export function burstyLoss(rate: number, meanBurst: number): LossSpec {
  if (!(rate >= 0 && rate < 1)) throw new RangeError('rate must be a number in [0, 1)');
  if (!(meanBurst >= 1 && Number.isFinite(meanBurst))) throw new RangeError('meanBurst must be a finite number >= 1');
  const r = 1 / meanBurst;
  return { model: 'gilbert-elliott', p: (rate * r) / (1 - rate), r, lossInBad: 1, lossInGood: 0 };
}

/**
 * Long-run share of segments a loss spec loses, 0-1.
 *
 * @public
 */
export function averageLossRate(loss: LossSpec): number {
  switch (loss.model) {
    case 'none':
      return 0;
    case 'bernoulli':
      return loss.rate;
    case 'gilbert-elliott': {
      const bad = loss.p + loss.r === 0 ? 0 : loss.p / (loss.p + loss.r);
      return bad * (loss.lossInBad ?? 1) + (1 - bad) * (loss.lossInGood ?? 0);
    }
  }
}

const MS = 0.001;
const MBIT = 1e6 / 8;

function builtIn(name: string, description: string, delayMs: number, jitterMs: number, mbit: number, loss: LossSpec): NetworkProfile {
  return Object.freeze({ name, description, delay: delayMs * MS, jitter: jitterMs * MS, bandwidth: mbit * MBIT, loss: Object.freeze(loss) });
}

/**
 * Built-in profiles: `lan` 0.5 ± 0.1 ms, 1 Gbit/s, no loss; `wan` 40 ± 5 ms, 50 Mbit/s, 0.1%;
 * `lossy-wifi` 15 ± 10 ms, 20 Mbit/s, 2% in bursts (mean 4 segments); `mobile-4g` 50 ± 20 ms, 10 Mbit/s, 0.5%;
 * `3g` 150 ± 50 ms, 1.5 Mbit/s, 1%; `satellite-geo` 300 ± 20 ms, 10 Mbit/s, 0.5%;
 * `satellite-leo` 25 ± 10 ms, 100 Mbit/s, 0.5%. Delays are one way.
 *
 * @public
 */
export const NETWORK_PROFILES: Readonly<Record<string, NetworkProfile>> = Object.freeze({
  lan: builtIn('lan', 'local network', 0.5, 0.1, 1000, { model: 'none' }),
  wan: builtIn('wan', 'wide-area link', 40, 5, 50, { model: 'bernoulli', rate: 0.001 }),
  'lossy-wifi': builtIn('lossy-wifi', 'congested Wi-Fi with bursty loss', 15, 10, 20, burstyLoss(0.02, 4)),
  'mobile-4g': builtIn('mobile-4g', 'LTE mobile link', 50, 20, 10, { model: 'bernoulli', rate: 0.005 }),
  '3g': builtIn('3g', '3G mobile link', 150, 50, 1.5, { model: 'bernoulli', rate: 0.01 }),
  'satellite-geo': builtIn('satellite-geo', 'geostationary satellite', 300, 20, 10, { model: 'bernoulli', rate: 0.005 }),
  'satellite-leo': builtIn('satellite-leo', 'low-earth-orbit satellite', 25, 10, 100, { model: 'bernoulli', rate: 0.005 }),
});

function checkProbability(value: unknown, name: string): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new RangeError(`${name} must be a number in [0, 1]`);
}

/**
 * Validates a user-defined profile and returns a frozen copy. Throws `TypeError`/`RangeError` naming the
 * field that is wrong.
 *
 * @param profile - the profile to check
 * @public
 */
export function defineNetworkProfile(profile: NetworkProfile): NetworkProfile {
  const value: unknown = profile;
  if (typeof value !== 'object' || value === null) throw new TypeError('profile must be an object');
  if (typeof profile.name !== 'string' || !/^[\w.-]{1,64}$/.test(profile.name)) {
    throw new TypeError('profile.name must be 1-64 characters of letters, digits, "_", "." or "-"');
  }
  if (!(profile.delay >= 0 && profile.delay <= 60)) throw new RangeError('profile.delay must be seconds in [0, 60]');
  if (!(profile.jitter >= 0 && profile.jitter <= 60)) throw new RangeError('profile.jitter must be seconds in [0, 60]');
  if (!(profile.bandwidth > 0 && Number.isFinite(profile.bandwidth))) {
    throw new RangeError('profile.bandwidth must be a positive finite number of bytes per second');
  }
  const loss = profile.loss as LossSpec | undefined;
  if (typeof loss !== 'object') throw new TypeError('profile.loss must be a loss spec object');
  switch (loss.model) {
    case 'none':
      break;
    case 'bernoulli':
      checkProbability(loss.rate, 'profile.loss.rate');
      if (loss.rate >= 1) throw new RangeError('profile.loss.rate must be below 1');
      break;
    case 'gilbert-elliott':
      checkProbability(loss.p, 'profile.loss.p');
      checkProbability(loss.r, 'profile.loss.r');
      if (loss.lossInBad !== undefined) checkProbability(loss.lossInBad, 'profile.loss.lossInBad');
      if (loss.lossInGood !== undefined) checkProbability(loss.lossInGood, 'profile.loss.lossInGood');
      if (averageLossRate(loss) >= 1) throw new RangeError('profile.loss must lose fewer than all segments');
      break;
    default:
      throw new TypeError("profile.loss.model must be 'none', 'bernoulli' or 'gilbert-elliott'");
  }
  const copy: { -readonly [K in keyof NetworkProfile]: NetworkProfile[K] } = {
    name: profile.name,
    delay: profile.delay,
    jitter: profile.jitter,
    bandwidth: profile.bandwidth,
    loss: Object.freeze({ ...loss }),
  };
  if (profile.description !== undefined) copy.description = profile.description;
  return Object.freeze(copy);
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, ms: MS, us: 1e-6 };
const UNIT_RATE: Readonly<Record<string, number>> = { bps: 1 / 8, kbit: 1e3 / 8, mbit: MBIT, gbit: 1e9 / 8, 'b/s': 1, 'kb/s': 1e3, 'mb/s': 1e6 };

function parseQuantity(text: string, units: Readonly<Record<string, number>>, field: string): number {
  const match = /^([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*([a-z/]*)$/i.exec(text.trim());
  const unit = match?.[2]?.toLowerCase() ?? '';
  const factor = unit === '' ? 1 : units[unit];
  if (match?.[1] === undefined || factor === undefined) throw new TypeError(`${field} has an unreadable value ${JSON.stringify(text)}`);
  return Number(match[1]) * factor;
}

/**
 * Parses a profile written as text, for command lines: a built-in name (`wan`), or
 * `name:delay=40ms,jitter=5ms,bandwidth=50mbit,loss=0.001[,burst=4]`. Numbers without a unit are base
 * units (seconds, bytes per second). `burst` above 1 makes the loss bursty (Gilbert-Elliott).
 *
 * @param text - the profile text
 * @public
 */
export function parseNetworkProfile(text: string): NetworkProfile {
  const trimmed = text.trim();
  const builtin = NETWORK_PROFILES[trimmed];
  if (builtin !== undefined) return builtin;
  const colon = trimmed.indexOf(':');
  if (colon <= 0) throw new TypeError(`profile ${JSON.stringify(text)} is neither a built-in name nor name:key=value,...`);
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(colon + 1).split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (key === undefined || key === '' || value === undefined) throw new TypeError(`profile field ${JSON.stringify(part)} is not key=value`);
    fields.set(key.toLowerCase(), value);
  }
  const known = new Set(['delay', 'jitter', 'bandwidth', 'loss', 'burst']);
  for (const key of fields.keys()) if (!known.has(key)) throw new TypeError(`profile field ${key} is unknown`);
  const bandwidth = fields.get('bandwidth');
  if (bandwidth === undefined) throw new TypeError('profile needs a bandwidth field');
  const rate = fields.has('loss') ? Number(fields.get('loss')) : 0;
  const burst = fields.has('burst') ? Number(fields.get('burst')) : 1;
  let loss: LossSpec = { model: 'none' };
  if (rate > 0) loss = burst > 1 ? burstyLoss(rate, burst) : { model: 'bernoulli', rate };
  else if (Number.isNaN(rate)) throw new TypeError('profile.loss must be a number');
  return defineNetworkProfile({
    name: trimmed.slice(0, colon),
    delay: parseQuantity(fields.get('delay') ?? '0', UNIT_SECONDS, 'profile.delay'),
    jitter: parseQuantity(fields.get('jitter') ?? '0', UNIT_SECONDS, 'profile.jitter'),
    bandwidth: parseQuantity(bandwidth, UNIT_RATE, 'profile.bandwidth'),
    loss,
  });
}
