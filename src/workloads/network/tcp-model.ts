// Closed-form predictions of the TCP model the shaper applies: Mathis limit, transfer time, goodput.
import { averageLossRate, type NetworkProfile } from '../../suites/network/profiles.js';

/**
 * Maximum segment size used by the shaper, bytes (a 1,500-byte Ethernet MTU less IP/TCP headers and timestamps).
 *
 * @public
 */
export const TCP_MSS = 1448;

/**
 * The Mathis et al. throughput limit of a TCP flow, bytes per second: `MSS / RTT x 1.22 / sqrt(p)`.
 * Infinite when `lossRate` is 0.
 *
 * @param rtt - round-trip time, seconds
 * @param lossRate - segment loss probability, 0-1
 * @param mss - segment size, bytes @defaultValue {@link TCP_MSS}
 * @public
 */
export function mathisLimit(rtt: number, lossRate: number, mss: number = TCP_MSS): number {
  if (!(lossRate > 0)) return Infinity;
  return (mss / Math.max(rtt, 1e-6)) * (1.22 / Math.sqrt(lossRate));
}

/**
 * Throughput the shaper paces a profile's links at, bytes per second: the profile's bandwidth, capped
 * at the Mathis limit for its round trip (twice the one-way delay) and average loss rate.
 *
 * @public
 */
export function effectiveBandwidth(profile: NetworkProfile, mss: number = TCP_MSS): number {
  return Math.min(profile.bandwidth, mathisLimit(2 * profile.delay, averageLossRate(profile.loss), mss));
}

/**
 * The initial retransmission timeout the model uses for a profile, seconds: `max(200 ms, srtt + 4 rttvar)`
 * with srtt the base round trip and rttvar from the jitter of both directions.
 *
 * @public
 */
export function baseRetransmissionTimeout(profile: NetworkProfile): number {
  // uniform jitter on each direction: mean absolute deviation of the sum is about 2/3 of one jitter span
  return Math.max(0.2, 2 * profile.delay + 4 * (2 / 3) * profile.jitter);
}

/**
 * What the model predicts for one request/response exchange.
 *
 * @public
 */
export interface ExchangePrediction {
  /** Time from the start of the request to the first byte of the response, seconds. */
  readonly ttfb: number;
  /** Time from the start of the request to the last byte of the response, seconds. */
  readonly duration: number;
  /** Payload bytes (the larger of request and response) over duration, bytes per second. */
  readonly goodput: number;
  /** Expected number of lost segments (each one retransmitted). */
  readonly retransmissions: number;
}

function messageTime(profile: NetworkProfile, bytes: number, rate: number, mss: number): number {
  const segments = Math.max(1, Math.ceil(bytes / mss));
  const p = averageLossRate(profile.loss);
  // a loss within the last three segments of a message cannot be fast-retransmitted: it waits for the timer
  const tail = Math.min(segments, 3);
  const stall = (1 - Math.pow(1 - p, tail)) * baseRetransmissionTimeout(profile);
  return profile.delay + bytes / rate + stall;
}

/**
 * Predicts the mean time of a request of `requestBytes` answered by `responseBytes` over `profile`
 * (no connection set-up; the server answers as soon as the request is in). Jitter is left out of the
 * mean: in-order delivery adds up to one jitter span to a multi-segment message.
 *
 * @param profile - network condition
 * @param requestBytes - bytes sent by the client
 * @param responseBytes - bytes sent back by the server
 * @param mss - segment size @defaultValue {@link TCP_MSS}
 * @public
 */
export function predictExchange(profile: NetworkProfile, requestBytes: number, responseBytes: number, mss: number = TCP_MSS): ExchangePrediction {
  const rate = effectiveBandwidth(profile, mss);
  const up = messageTime(profile, requestBytes, rate, mss);
  const down = messageTime(profile, responseBytes, rate, mss);
  const first = Math.min(mss, Math.max(1, responseBytes));
  const p = averageLossRate(profile.loss);
  const segments = Math.ceil(requestBytes / mss) + Math.ceil(responseBytes / mss);
  return {
    ttfb: up + profile.delay + first / rate,
    duration: up + down,
    goodput: Math.max(requestBytes, responseBytes) / (up + down),
    retransmissions: p >= 1 ? Infinity : (segments * p) / (1 - p),
  };
}
