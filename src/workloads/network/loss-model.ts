// Seeded segment loss: independent (Bernoulli) or bursty (Gilbert-Elliott), as netem models it.
import { createRng } from '../../stats/rng.js';
import { averageLossRate, type LossSpec } from '../../suites/network/profiles.js';

/**
 * Decides, segment by segment, whether a segment is lost. Deterministic for a given spec and seed.
 *
 * @public
 */
export class LossModel {
  readonly #spec: LossSpec;
  readonly #rng: () => number;
  #bad = false;
  #draws = 0;
  #losses = 0;

  /**
   * @param spec - the loss model
   * @param seed - seed of the decisions @defaultValue `1`
   */
  constructor(spec: LossSpec, seed = 1) {
    if (typeof spec !== 'object') throw new TypeError('spec must be a loss spec object');
    this.#spec = spec;
    this.#rng = createRng(seed);
  }

  /** Long-run share of segments lost, 0-1. */
  get expectedRate(): number {
    return averageLossRate(this.#spec);
  }

  /** Decisions drawn so far. */
  get draws(): number {
    return this.#draws;
  }

  /** Segments lost so far. */
  get losses(): number {
    return this.#losses;
  }

  /**
   * Whether a retransmission is lost. It leaves a round trip or a timeout after the original, by which
   * time a bursty channel has moved on by many segments, so it is drawn at the long-run loss rate rather
   * than from the current burst state (which would chain timeouts through one burst).
   */
  retransmission(): boolean {
    if (this.#spec.model === 'none') return false;
    this.#draws++;
    const lost = this.#rng() < this.expectedRate;
    if (lost) this.#losses++;
    return lost;
  }

  /** Whether the next segment is lost. */
  next(): boolean {
    this.#draws++;
    const spec = this.#spec;
    let lost = false;
    switch (spec.model) {
      case 'none':
        return false;
      case 'bernoulli':
        lost = this.#rng() < spec.rate;
        break;
      case 'gilbert-elliott':
        // state transition first, then the loss decision in the new state (netem order)
        this.#bad = this.#bad ? this.#rng() >= spec.r : this.#rng() < spec.p;
        lost = this.#rng() < (this.#bad ? (spec.lossInBad ?? 1) : (spec.lossInGood ?? 0));
        break;
    }
    if (lost) this.#losses++;
    return lost;
  }
}
