// The network suite and its reusable parts: profiles, token bucket, bandwidth throttle, loss model, shaper.
export { networkSuite, createNetworkSuite } from './network-definition.js';
export type { NetworkSuiteOptions } from './network-definition.js';
export { NETWORK_PROFILES, averageLossRate, burstyLoss, defineNetworkProfile, parseNetworkProfile } from './profiles.js';
export type { LossSpec, NetworkProfile } from './profiles.js';
export { TokenBucket } from '../../workloads/network/token-bucket.js';
export type { TokenBucketOptions } from '../../workloads/network/token-bucket.js';
export { BandwidthThrottle } from '../../workloads/network/bandwidth-throttle.js';
export type { BandwidthThrottleOptions } from '../../workloads/network/bandwidth-throttle.js';
export { LossModel } from '../../workloads/network/loss-model.js';
export { TcpLinkModel } from '../../workloads/network/tcp-link-model.js';
export type { LinkStats, TcpLinkModelOptions } from '../../workloads/network/tcp-link-model.js';
export { NetworkShaper } from '../../workloads/network/network-shaper.js';
export type { NetworkShaperEvents, NetworkShaperOptions, NetworkShaperStats } from '../../workloads/network/network-shaper.js';
export { TCP_MSS, baseRetransmissionTimeout, effectiveBandwidth, mathisLimit, predictExchange } from '../../workloads/network/tcp-model.js';
export type { ExchangePrediction } from '../../workloads/network/tcp-model.js';
