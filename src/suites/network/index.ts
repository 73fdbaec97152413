// The network suite and its reusable parts: profiles, token bucket, bandwidth throttle, loss model, shaper.
export { networkSuite, createNetworkSuite } from './network-suite.js';
export type { NetworkSuiteOptions } from './network-suite.js';
export { NETWORK_PROFILES, averageLossRate, burstyLoss, defineNetworkProfile, parseNetworkProfile } from './profiles.js';
export type { LossSpec, NetworkProfile } from './profiles.js';
export { TokenBucket } from './token-bucket.js';
export type { TokenBucketOptions } from './token-bucket.js';
export { BandwidthThrottle } from './bandwidth-throttle.js';
export type { BandwidthThrottleOptions } from './bandwidth-throttle.js';
export { LossModel } from './loss-model.js';
export { TcpLinkModel } from './tcp-link-model.js';
export type { LinkStats, TcpLinkModelOptions } from './tcp-link-model.js';
export { NetworkShaper } from './network-shaper.js';
export type { NetworkShaperEvents, NetworkShaperOptions, NetworkShaperStats } from './network-shaper.js';
export { TCP_MSS, baseRetransmissionTimeout, effectiveBandwidth, mathisLimit, predictExchange } from './tcp-model.js';
export type { ExchangePrediction } from './tcp-model.js';
