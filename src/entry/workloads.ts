/**
 * rune-bench/workloads: the VCS workload toolkit the built-in suites are made of (repository generator, git objects, network shaping, worker pool, fio peer).
 *
 * @packageDocumentation
 */

// Each export is named (no `export *`); types in their own statements.
export type { HostConditions } from '../bench/host-conditions.js';
export type { InstructionsOptions, Instrument } from '../bench/instruments/instrument-options.js';
export { RuneBenchError } from '../core/errors.js';
export type { RuneBenchErrorCode, RuneBenchErrorOptions } from '../core/errors.js';
export { Severity } from '../core/findings.js';
export type { BottleneckFinding, FindingEvidence } from '../core/findings.js';
export type { MetricDescriptor, MetricKind, MetricUnit, MetricValues } from '../core/metric.js';
export type { ConfidenceInterval, EnvironmentFingerprint, ErrorInfo, KeyFigure, OutlierCounts, PerOperationUnit, RunMonitorHistory, RunMonitorPoint, RunSettings, SuiteResult, SuiteStatus, SuiteSummary, TaskResult, TaskStatistics, TaskStatus } from '../core/results.js';
export type { SuiteDefinition, SuiteParameter, SuiteProgress, SuiteRunOptions, SuiteScale } from '../core/suite.js';
export { TypedEventEmitter } from '../core/typed-events.js';
export type { ListenerErrorEvents } from '../core/typed-events.js';
export type { ListenerErrorEvent } from '../monitor/performance-monitor.js';
export { ProgressReporter } from '../suites/common/progress.js';
export { createTempDir, withTempDir } from '../suites/common/temp-dir.js';
export type { TempDir, TempDirOptions } from '../suites/common/temp-dir.js';
export { diskIoSuite } from '../suites/disk-io/disk-io-definition.js';
export { largeRepositorySuite } from '../suites/large-repository/large-repository-definition.js';
export { memoryPressureSuite } from '../suites/memory-pressure/memory-pressure-definition.js';
export { runPressureChild } from '../suites/memory-pressure/pressure-child-runner.js';
export type { PressureChildOptions, PressureChildResult } from '../suites/memory-pressure/pressure-child-runner.js';
export type { PressureMeasurement } from '../suites/memory-pressure/pressure-protocol.js';
export { createNetworkSuite, networkSuite } from '../suites/network/network-definition.js';
export type { NetworkSuiteOptions } from '../suites/network/network-definition.js';
export { NETWORK_PROFILES, averageLossRate, burstyLoss, defineNetworkProfile, parseNetworkProfile } from '../suites/network/profiles.js';
export type { LossSpec, NetworkProfile } from '../suites/network/profiles.js';
export { parallelOperationsSuite } from '../suites/parallel-operations/parallel-operations-definition.js';
export { serveWorkerTasks } from '../suites/parallel-operations/serve-worker-tasks.js';
export { comprehensiveSuite, isBuiltInSuite } from '../suites/registry.js';
export type { DiskJobResult, DiskJobSpec, LatencyPercentiles } from '../workloads/disk/disk-job.js';
export { fioArguments, parseFioOutput, runFioJob } from '../workloads/disk/fio-peer.js';
export { BandwidthThrottle } from '../workloads/network/bandwidth-throttle.js';
export type { BandwidthThrottleOptions } from '../workloads/network/bandwidth-throttle.js';
export { LossModel } from '../workloads/network/loss-model.js';
export { NetworkShaper } from '../workloads/network/network-shaper.js';
export type { NetworkShaperEvents, NetworkShaperOptions, NetworkShaperStats } from '../workloads/network/network-shaper.js';
export { TcpLinkModel } from '../workloads/network/tcp-link-model.js';
export type { LinkStats, TcpLinkModelOptions } from '../workloads/network/tcp-link-model.js';
export { TCP_MSS, baseRetransmissionTimeout, effectiveBandwidth, mathisLimit, predictExchange } from '../workloads/network/tcp-model.js';
export type { ExchangePrediction } from '../workloads/network/tcp-model.js';
export { TokenBucket } from '../workloads/network/token-bucket.js';
export type { TokenBucketOptions } from '../workloads/network/token-bucket.js';
export { decodeDelta, encodeDelta } from '../workloads/repository/delta.js';
export type { DeltaOptions } from '../workloads/repository/delta.js';
export { LINUX_6_1_SHAPE, REPOSITORY_SCALE_FILES } from '../workloads/repository/distribution.js';
export { generateRepository } from '../workloads/repository/generator.js';
export type { GenerateRepositoryOptions, GeneratedRepository } from '../workloads/repository/generator.js';
export { ObjectCacheWorkload } from '../workloads/repository/object-cache.js';
export type { ObjectCacheWorkloadOptions } from '../workloads/repository/object-cache.js';
export { gitBlobId } from '../workloads/repository/object-hash.js';
export { writePack } from '../workloads/repository/pack-writer.js';
export type { PackInfo, WritePackOptions } from '../workloads/repository/pack-writer.js';
export { planRepository } from '../workloads/repository/tree-plan.js';
export type { PlannedFile, RepositoryPlan, RepositoryPlanOptions } from '../workloads/repository/tree-plan.js';
export { describeTreeShape, walkTree } from '../workloads/repository/tree-walk.js';
export type { TreeEntry, TreeShape, WalkTreeOptions, WalkedTree } from '../workloads/repository/tree-walk.js';
export { WorkerPool } from '../workloads/worker-pool.js';
export type { WorkerPoolEvents, WorkerPoolOptions } from '../workloads/worker-pool.js';
export { ZipfGenerator } from '../workloads/zipf.js';
export type { ZipfOptions } from '../workloads/zipf.js';
