// One direction of a shaped TCP connection: pacing, delay with jitter, segment loss and its recovery.
import { createRng } from '../../stats/rng.js';
import { LossModel } from './loss-model.js';
import type { NetworkProfile } from '../../suites/network/profiles.js';
import { TCP_MSS, effectiveBandwidth } from './tcp-model.js';
import { TokenBucket } from './token-bucket.js';

/**
 * Options for {@link TcpLinkModel}.
 *
 * @beta
 */
export interface TcpLinkModelOptions {
  /** The condition to apply. */
  readonly profile: NetworkProfile;
  /** Seed of the loss and jitter draws. @defaultValue `1` */
  readonly seed?: number;
  /** Segment size, bytes. @defaultValue `1448` */
  readonly mss?: number;
}

/**
 * Counters of a link (or, summed, of a shaper).
 *
 * @public
 */
export interface LinkStats {
  /** Segments sent (first transmissions). */
  readonly segments: number;
  /** Payload bytes accepted. */
  readonly bytes: number;
  /** Modelled retransmissions: every lost transmission, retransmissions included. */
  readonly retransmissions: number;
  /** Losses recovered by fast retransmit (three later segments in flight). */
  readonly fastRetransmits: number;
  /** Retransmission timeouts that fired. */
  readonly timeouts: number;
  /** Smoothed round-trip time, seconds (RFC 6298). */
  readonly srtt: number;
  /** Round-trip time variation, seconds (RFC 6298). */
  readonly rttvar: number;
}

interface Segment {
  readonly data: Buffer;
  readonly dep: number;
  readonly own: number;
  readonly lost: number;
  readonly rto: number;
  followers: number;
  pending: boolean;
  delivery: number;
}

const MAX_ATTEMPTS = 12;
const MAX_RTO = 60;

/**
 * A model of one direction of a TCP connection on virtual time (seconds on the caller's clock).
 * {@link TcpLinkModel.enqueue} splits bytes into segments paced by a token bucket at the profile's
 * effective bandwidth (capped at the Mathis limit), gives each a one-way delay with jitter and asks the
 * loss model whether it (and each retransmission) is lost. A lost segment is recovered one round trip
 * after the third later segment left (fast retransmit) when three follow it before its timer fires,
 * otherwise after the retransmission timeout `max(200 ms, srtt + 4 rttvar)`, which doubles for every
 * further loss of the same segment. Delivery is in order, so a lost segment holds back the ones behind it.
 * {@link TcpLinkModel.poll} hands out what has arrived by a given time.
 *
 * @beta
 */
export class TcpLinkModel {
  readonly #profile: NetworkProfile;
  readonly #mss: number;
  readonly #bucket: TokenBucket;
  readonly #loss: LossModel;
  readonly #jitter: () => number;
  readonly #queue: Segment[] = [];
  #head = 0;
  #pending: Segment[] = [];
  #queued = 0;
  #lastArrival = 0;
  #segments = 0;
  #bytes = 0;
  #retransmissions = 0;
  #fast = 0;
  #timeouts = 0;
  #srtt: number | undefined;
  #rttvar = 0;

  /** @param options - profile, seed and segment size */
  constructor(options: TcpLinkModelOptions) {
    if (typeof options !== 'object') throw new TypeError('options must be an object');
    const { profile, seed = 1, mss = TCP_MSS } = options;
    if (!Number.isInteger(mss) || mss < 64 || mss > 65_535) throw new RangeError('mss option must be an integer in [64, 65535]');
    if (!Number.isFinite(seed)) throw new TypeError('seed option must be a finite number');
    this.#profile = profile;
    this.#mss = mss;
    this.#bucket = new TokenBucket({ rate: effectiveBandwidth(profile, mss), burst: 2 * mss });
    this.#loss = new LossModel(profile.loss, seed);
    this.#jitter = createRng(seed ^ 0x5bd1e995);
  }

  /** Bytes accepted but not yet handed out by {@link TcpLinkModel.poll}. */
  get queuedBytes(): number {
    return this.#queued;
  }

  /** Whether nothing is waiting to be delivered. */
  get idle(): boolean {
    return this.#head >= this.#queue.length;
  }

  /** Counters so far. */
  get stats(): LinkStats {
    return {
      segments: this.#segments,
      bytes: this.#bytes,
      retransmissions: this.#retransmissions,
      fastRetransmits: this.#fast,
      timeouts: this.#timeouts,
      srtt: this.#srtt ?? 2 * this.#profile.delay,
      rttvar: this.#rttvar,
    };
  }

  #oneWay(): number {
    const { delay, jitter } = this.#profile;
    return Math.max(0, delay + (2 * this.#jitter() - 1) * jitter);
  }

  #rto(): number {
    const srtt = this.#srtt ?? 2 * this.#profile.delay;
    const rttvar = this.#srtt === undefined ? srtt / 2 : this.#rttvar;
    return Math.min(MAX_RTO, Math.max(0.2, srtt + 4 * rttvar));
  }

  #sampleRtt(sample: number): void {
    if (this.#srtt === undefined) {
      this.#srtt = sample;
      this.#rttvar = sample / 2;
    } else {
      this.#rttvar = 0.75 * this.#rttvar + 0.25 * Math.abs(this.#srtt - sample);
      this.#srtt = 0.875 * this.#srtt + 0.125 * sample;
    }
  }

  #resolve(seg: Segment, fastAt: number | undefined): void {
    let extra = 0;
    let timer = seg.rto;
    let delivery = seg.own;
    for (let attempt = 1; attempt <= seg.lost; attempt++) {
      if (attempt === 1 && fastAt !== undefined) {
        // duplicate ACKs reach the sender a round trip after the third later segment left; the resend then takes one way
        const rtt = this.#oneWay() + this.#oneWay();
        delivery = Math.max(seg.own, fastAt + rtt + this.#oneWay());
        this.#fast++;
      } else {
        extra += timer;
        timer = Math.min(MAX_RTO, timer * 2);
        this.#timeouts++;
      }
    }
    seg.delivery = (fastAt !== undefined ? delivery : seg.own) + extra;
    seg.pending = false;
  }

  /** Accepts `data` sent at time `now` (seconds). */
  enqueue(data: Uint8Array, now: number): void {
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    for (let offset = 0; offset < buffer.length; offset += this.#mss) {
      const piece = buffer.subarray(offset, offset + this.#mss);
      const dep = this.#bucket.take(piece.length, now);
      const own = dep + this.#oneWay();
      let lost = this.#loss.next() ? 1 : 0;
      while (lost > 0 && lost < MAX_ATTEMPTS && this.#loss.retransmission()) lost++;
      this.#segments++;
      this.#bytes += piece.length;
      this.#queued += piece.length;
      this.#retransmissions += lost;
      // this segment may be the third to follow an earlier loss: fast retransmit for that one
      if (this.#pending.length > 0) {
        let resolvedAny = false;
        for (const seg of this.#pending) {
          if (dep < seg.dep + seg.rto && ++seg.followers >= 3) {
            this.#resolve(seg, dep);
            resolvedAny = true;
          }
        }
        if (resolvedAny) this.#pending = this.#pending.filter((s) => s.pending);
      }
      const seg: Segment = { data: piece, dep, own, lost, rto: this.#rto(), followers: 0, pending: lost > 0, delivery: own };
      if (lost > 0) this.#pending.push(seg);
      else this.#sampleRtt(own - dep + this.#oneWay());
      this.#queue.push(seg);
    }
  }

  /**
   * Hands out, in order, the bytes that have arrived by `now` (seconds), and the time at which more
   * will be due (`undefined` when nothing is queued).
   */
  poll(now: number): { readonly chunks: Buffer[]; readonly next: number | undefined } {
    const chunks: Buffer[] = [];
    let next: number | undefined;
    while (this.#head < this.#queue.length) {
      const seg = this.#queue[this.#head];
      if (seg === undefined) break;
      if (seg.pending) {
        const fires = seg.dep + seg.rto;
        if (now < fires) {
          next = fires;
          break;
        }
        this.#resolve(seg, undefined);
        this.#pending = this.#pending.filter((s) => s.pending);
      }
      const at = Math.max(this.#lastArrival, seg.delivery);
      if (at > now) {
        next = at;
        break;
      }
      this.#lastArrival = at;
      this.#queued -= seg.data.length;
      chunks.push(seg.data);
      this.#head++;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
    return { chunks, next };
  }
}
