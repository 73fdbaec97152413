// SuiteResult <-> versioned JSON, with an environment fingerprint; reading validates every field.
import type * as ThinSamplesModule from '../stats/thin-samples.js';
import { RuneBenchError } from '../core/errors.js';
import type * as FilesModule from '../core/files.js';
import { lazyModule } from '../core/lazy.js';
import type { BottleneckFinding, Severity } from '../core/findings.js';
import { isMetricUnit } from '../core/metric.js';
import type * as RunContextModule from './run-context-json.js';
import type * as RunHistoryModule from '../monitor/run-history.js';
import {
  RESULT_SCHEMA_VERSION,
  type EnvironmentFingerprint,
  type ErrorInfo,
  type PerOperationUnit,
  type KeyFigure,
  type SuiteResult,
  type SuiteStatus,
  type SuiteSummary,
  type TaskResult,
  type TaskStatistics,
  type TaskStatus,
} from '../core/results.js';
import {
  invalid,
  isObject,
  optionalNumber,
  optionalString,
  requireArray,
  requireFiniteNumber,
  requireNumber,
  requireObject,
  requireString,
  type JsonObject,
} from '../core/validate.js';

// Files and the parts of a result read by other modules load on the first result read or written, not with
// rune-bench (which exports readSuiteResult and writeSuiteResult).
const thin = lazyModule<typeof ThinSamplesModule>(import.meta.url, '../stats/thin-samples.js');
const files = lazyModule<typeof FilesModule>(import.meta.url, '../core/files.js');
const runContext = lazyModule<typeof RunContextModule>(import.meta.url, './run-context-json.js');
const runHistory = lazyModule<typeof RunHistoryModule>(import.meta.url, '../monitor/run-history.js');

const TASK_STATUSES = new Set(['ok', 'failed', 'timeout', 'aborted']);
const SUITE_STATUSES = new Set(['ok', 'partial', 'failed', 'aborted']);
const SEVERITIES = new Set(['low', 'medium', 'high', 'critical']);

/**
 * Options of `suiteResultFromJSON` and `readSuiteResult`: what the file must match.
 *
 * @public
 */
export interface SuiteResultExpectation {
  /** The suite name the file must hold. */
  readonly name?: string;
  /** The environment id (`env.id`) the file must have been measured on. */
  readonly envId?: string;
}

/**
 * The JSON form of a {@link SuiteResult}: the same shape, with non-finite numbers written as `null`.
 *
 * @public
 */
export type SuiteResultJSON = SuiteResult;

/**
 * A JSON-ready deep copy of `result` stamped with the current schema version.
 *
 * @public
 */
export function suiteResultToJSON(result: SuiteResult): SuiteResultJSON {
  return { ...(JSON.parse(JSON.stringify(result)) as SuiteResult), schemaVersion: RESULT_SCHEMA_VERSION };
}

// JSON has no Infinity: throughput of a zero-time operation is written as null and read back as Infinity.
function rate(value: unknown, at: string, file?: string): number {
  return value === null ? Infinity : requireNumber(value, at, file);
}

function optionalRate(value: unknown, at: string, file?: string): number | undefined {
  return value === undefined ? undefined : rate(value, at, file);
}

function boolean(value: unknown, at: string, file?: string): boolean {
  if (typeof value !== 'boolean') throw invalid(at, 'expected a boolean', file);
  return value;
}

function oneOf(value: unknown, allowed: ReadonlySet<string>, at: string, file?: string): string {
  const s = requireString(value, at, file);
  if (!allowed.has(s)) throw invalid(at, `expected one of ${[...allowed].join(', ')}, got "${s}"`, file);
  return s;
}

function strings(value: unknown, at: string, file?: string): string[] {
  return requireArray(value, at, file).map((v, i) => requireString(v, `${at}[${i}]`, file));
}

function numbers(value: unknown, at: string, file?: string): number[] {
  return requireArray(value, at, file).map((v, i) => requireFiniteNumber(v, `${at}[${i}]`, file));
}

function count(value: unknown, at: string, file?: string): number {
  const n = requireFiniteNumber(value, at, file);
  if (!Number.isInteger(n) || n < 0) throw invalid(at, `expected a non-negative integer, got ${n}`, file);
  return n;
}

const PER_OP_UNITS: readonly PerOperationUnit[] = ['seconds', 'instructions', 'cycles (estimated)'];

function stats(o: JsonObject, at: string, file?: string): TaskStatistics {
  const n = (key: string): number => requireFiniteNumber(o[key], `${at}.${key}`, file);
  const ci = requireObject(o.medianCI, `${at}.medianCI`, file);
  const out = requireObject(o.outliers, `${at}.outliers`, file);
  const bytes = optionalRate(o.bytesPerSecond, `${at}.bytesPerSecond`, file);
  const items = optionalRate(o.itemsPerSecond, `${at}.itemsPerSecond`, file);
  const heap = optionalNumber(o.heapBytesPerOp, `${at}.heapBytesPerOp`, file);
  const trimmed = optionalNumber(o.trimmedMean, `${at}.trimmedMean`, file);
  const covers = optionalString(o.intervalCovers, `${at}.intervalCovers`, file);
  const predicted = o.predictionInterval === undefined ? undefined : requireObject(o.predictionInterval, `${at}.predictionInterval`, file);
  const unit = o.unit;
  if (unit !== undefined && !PER_OP_UNITS.includes(unit as PerOperationUnit)) {
    throw invalid(`${at}.unit`, `expected one of ${PER_OP_UNITS.join(', ')}`, file);
  }
  const result: TaskStatistics = {
    ...(unit === undefined ? {} : { unit: unit as PerOperationUnit }),
    samples: count(o.samples, `${at}.samples`, file),
    operations: count(o.operations, `${at}.operations`, file),
    batchSize: count(o.batchSize, `${at}.batchSize`, file),
    mean: n('mean'),
    median: n('median'),
    min: n('min'),
    max: n('max'),
    p75: n('p75'),
    p90: n('p90'),
    p95: n('p95'),
    p99: n('p99'),
    sd: n('sd'),
    mad: n('mad'),
    sem: n('sem'),
    rme: n('rme'),
    medianCI: {
      lower: requireFiniteNumber(ci.lower, `${at}.medianCI.lower`, file),
      upper: requireFiniteNumber(ci.upper, `${at}.medianCI.upper`, file),
      level: requireFiniteNumber(ci.level, `${at}.medianCI.level`, file),
    },
    outliers: {
      lowSevere: count(out.lowSevere, `${at}.outliers.lowSevere`, file),
      lowMild: count(out.lowMild, `${at}.outliers.lowMild`, file),
      highMild: count(out.highMild, `${at}.outliers.highMild`, file),
      highSevere: count(out.highSevere, `${at}.outliers.highSevere`, file),
    },
    opsPerSecond: rate(o.opsPerSecond, `${at}.opsPerSecond`, file),
    ...(bytes === undefined ? {} : { bytesPerSecond: bytes }),
    ...(items === undefined ? {} : { itemsPerSecond: items }),
    resolution: n('resolution'),
    belowResolution: boolean(o.belowResolution, `${at}.belowResolution`, file),
    ...(heap === undefined ? {} : { heapBytesPerOp: heap }),
    ...(trimmed === undefined ? {} : { trimmedMean: trimmed }),
    ...(covers === undefined ? {} : { intervalCovers: covers }),
    ...(predicted === undefined
      ? {}
      : {
          predictionInterval: {
            lower: requireFiniteNumber(predicted.lower, `${at}.predictionInterval.lower`, file),
            upper: requireFiniteNumber(predicted.upper, `${at}.predictionInterval.upper`, file),
            level: requireFiniteNumber(predicted.level, `${at}.predictionInterval.level`, file),
            from: requireString(predicted.from, `${at}.predictionInterval.from`, file),
          },
        }),
  };
  if (result.min > result.median || result.median > result.max) throw invalid(at, 'expected min <= median <= max', file);
  return result;
}

function errorInfo(o: JsonObject, at: string, file?: string): ErrorInfo {
  const code = optionalString(o.code, `${at}.code`, file);
  const stack = optionalString(o.stack, `${at}.stack`, file);
  return {
    name: requireString(o.name, `${at}.name`, file),
    message: requireString(o.message, `${at}.message`, file),
    ...(code === undefined ? {} : { code }),
    ...(stack === undefined ? {} : { stack }),
  };
}

function figures(value: unknown, at: string, file?: string): KeyFigure[] {
  return requireArray(value, at, file).map((raw, i) => {
    const where = `${at}[${i}]`;
    const o = requireObject(raw, where, file);
    const description = optionalString(o.description, `${where}.description`, file);
    if (!isMetricUnit(o.unit)) throw invalid(`${where}.unit`, `unknown unit ${JSON.stringify(o.unit)}`, file);
    return {
      name: requireString(o.name, `${where}.name`, file),
      value: o.value === null ? Number.NaN : requireNumber(o.value, `${where}.value`, file),
      unit: o.unit,
      ...(description === undefined ? {} : { description }),
    };
  });
}

function task(raw: unknown, at: string, file?: string): TaskResult {
  const o = requireObject(raw, at, file);
  return {
    name: requireString(o.name, `${at}.name`, file),
    status: oneOf(o.status, TASK_STATUSES, `${at}.status`, file) as TaskStatus,
    ...(o.stats === undefined ? {} : { stats: stats(requireObject(o.stats, `${at}.stats`, file), `${at}.stats`, file) }),
    ...(o.error === undefined ? {} : { error: errorInfo(requireObject(o.error, `${at}.error`, file), `${at}.error`, file) }),
    ...(o.samples === undefined ? {} : { samples: thin().thinSamples(numbers(o.samples, `${at}.samples`, file)) }),
    duration: requireFiniteNumber(o.duration, `${at}.duration`, file),
    tags: strings(o.tags, `${at}.tags`, file),
    ...(o.figures === undefined ? {} : { figures: figures(o.figures, `${at}.figures`, file) }),
  };
}

function env(raw: unknown, at: string, file?: string): EnvironmentFingerprint {
  const o = requireObject(raw, at, file);
  const s = (key: string): string => requireString(o[key], `${at}.${key}`, file);
  const commit = optionalString(o.gitCommit, `${at}.gitCommit`, file);
  const branch = optionalString(o.gitBranch, `${at}.gitBranch`, file);
  return {
    id: s('id'),
    node: s('node'),
    v8: s('v8'),
    platform: s('platform'),
    arch: s('arch'),
    osRelease: s('osRelease'),
    cpuModel: s('cpuModel'),
    cores: count(o.cores, `${at}.cores`, file),
    totalMemory: requireFiniteNumber(o.totalMemory, `${at}.totalMemory`, file),
    loadPerCore: requireFiniteNumber(o.loadPerCore, `${at}.loadPerCore`, file),
    ...(commit === undefined ? {} : { gitCommit: commit }),
    ...(branch === undefined ? {} : { gitBranch: branch }),
    ...(o.gitDirty === undefined ? {} : { gitDirty: boolean(o.gitDirty, `${at}.gitDirty`, file) }),
  };
}

function summary(raw: unknown, at: string, file?: string): SuiteSummary {
  const o = requireObject(raw, at, file);
  const hit = optionalNumber(o.cacheHitRatio, `${at}.cacheHitRatio`, file);
  const successRate = requireFiniteNumber(o.successRate, `${at}.successRate`, file);
  if (successRate < 0 || successRate > 1) throw invalid(`${at}.successRate`, `expected a ratio 0-1, got ${successRate}`, file);
  return {
    duration: requireFiniteNumber(o.duration, `${at}.duration`, file),
    operationsPerSecond: rate(o.operationsPerSecond, `${at}.operationsPerSecond`, file),
    peakMemory: requireFiniteNumber(o.peakMemory, `${at}.peakMemory`, file),
    peakCpu: requireFiniteNumber(o.peakCpu, `${at}.peakCpu`, file),
    ...(hit === undefined ? {} : { cacheHitRatio: hit }),
    successRate,
  };
}

function finding(raw: unknown, at: string, file?: string): BottleneckFinding {
  const o = requireObject(raw, at, file);
  const w = requireObject(o.window, `${at}.window`, file);
  return {
    ruleId: requireString(o.ruleId, `${at}.ruleId`, file),
    title: requireString(o.title, `${at}.title`, file),
    severity: oneOf(o.severity, SEVERITIES, `${at}.severity`, file) as Severity,
    impact: requireFiniteNumber(o.impact, `${at}.impact`, file),
    confidence: requireFiniteNumber(o.confidence, `${at}.confidence`, file),
    evidence: requireArray(o.evidence, `${at}.evidence`, file).map((e, i) => {
      const eo = requireObject(e, `${at}.evidence[${i}]`, file);
      const threshold = optionalNumber(eo.threshold, `${at}.evidence[${i}].threshold`, file);
      if (eo.unit !== undefined && !isMetricUnit(eo.unit)) throw invalid(`${at}.evidence[${i}].unit`, `unknown unit ${JSON.stringify(eo.unit)}`, file);
      const unit = eo.unit;
      return {
        metric: requireString(eo.metric, `${at}.evidence[${i}].metric`, file),
        value: requireNumber(eo.value, `${at}.evidence[${i}].value`, file),
        ...(threshold === undefined ? {} : { threshold }),
        ...(unit === undefined ? {} : { unit }),
      };
    }),
    recommendation: requireString(o.recommendation, `${at}.recommendation`, file),
    window: {
      start: requireFiniteNumber(w.start, `${at}.window.start`, file),
      end: requireFiniteNumber(w.end, `${at}.window.end`, file),
      samples: count(w.samples, `${at}.window.samples`, file),
    },
  };
}

function suite(raw: unknown, at: string, file?: string): SuiteResult {
  const o = requireObject(raw, at, file);
  const version = requireNumber(o.schemaVersion, `${at}.schemaVersion`, file);
  if (version !== RESULT_SCHEMA_VERSION && version !== 1) {
    throw new RuneBenchError(
      'ERR_SCHEMA_VERSION',
      `${file ?? at}: result schema version ${version} is not supported (this release reads 1 and ${RESULT_SCHEMA_VERSION})`,
      file === undefined ? {} : { path: file },
    );
  }
  const startedAt = requireString(o.startedAt, `${at}.startedAt`, file);
  if (Number.isNaN(Date.parse(startedAt))) throw invalid(`${at}.startedAt`, `not an ISO 8601 time: "${startedAt}"`, file);
  const rawTasks = requireArray(o.tasks, `${at}.tasks`, file);
  const tasks = rawTasks.map((t, i) => task(t, `${at}.tasks[${i}]`, file));
  // Huge kept-sample sets are thinned on read (the comparison's cost grows with them): say so.
  const { MAX_COMPARED_SAMPLES } = thin();
  const thinned = rawTasks.filter((t) => isObject(t) && Array.isArray(t.samples) && t.samples.length > MAX_COMPARED_SAMPLES).length;
  const notices = [
    ...(o.notices === undefined ? [] : strings(o.notices, `${at}.notices`, file)),
    ...(thinned === 0
      ? []
      : [`${thinned} task(s) kept more than ${MAX_COMPARED_SAMPLES} samples: ${MAX_COMPARED_SAMPLES} evenly spaced ones of each were read (intervals are wider, not narrower)`]),
  ];
  const parsed: SuiteResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    name: requireString(o.name, `${at}.name`, file),
    status: oneOf(o.status, SUITE_STATUSES, `${at}.status`, file) as SuiteStatus,
    startedAt,
    env: env(o.env, `${at}.env`, file),
    ...(o.host === undefined ? {} : { host: runContext().readHostConditions(o.host, `${at}.host`, file) }),
    ...(o.settings === undefined ? {} : { settings: runContext().readRunSettings(o.settings, `${at}.settings`, file) }),
    tasks,
    summary: summary(o.summary, `${at}.summary`, file),
    ...(o.figures === undefined ? {} : { figures: figures(o.figures, `${at}.figures`, file) }),
    ...(o.findings === undefined
      ? {}
      : { findings: requireArray(o.findings, `${at}.findings`, file).map((f, i) => finding(f, `${at}.findings[${i}]`, file)) }),
    ...(o.monitorHistory === undefined ? {} : { monitorHistory: runHistory().readRunMonitorHistory(o.monitorHistory, `${at}.monitorHistory`, file) }),
    ...(o.children === undefined
      ? {}
      : { children: requireArray(o.children, `${at}.children`, file).map((c, i) => suite(c, `${at}.children[${i}]`, file)) }),
    ...(notices.length === 0 ? {} : { notices }),
  };
  return version === 1 ? fromVersion1(parsed) : parsed;
}

/**
 * A version-1 result in the version-2 shape (a version-2 result is returned as is): version 1 copied each child's tasks (`<child> / <task>`),
 * figures (`<child>.<figure>`) and notices (`<child>: <notice>`) into the parent; the copies are dropped,
 * the children keep the originals.
 *
 * @internal
 */
export function fromVersion1(result: SuiteResult): SuiteResult {
  const children = result.children ?? [];
  if (children.length === 0) return result;
  const tasks = new Set<string>();
  const figures = new Set<string>();
  const notices = new Set<string>();
  for (const c of children) {
    for (const t of c.tasks) tasks.add(`${c.name} / ${t.name}`);
    for (const f of c.figures ?? []) figures.add(`${c.name}.${f.name}\u0000${f.value}`);
    for (const n of c.notices ?? []) notices.add(`${c.name}: ${n}`);
  }
  const ownFigures = result.figures?.filter((f) => !figures.has(`${f.name}\u0000${f.value}`));
  const ownNotices = result.notices?.filter((n) => !notices.has(n));
  const rest: SuiteResult = { ...result };
  delete (rest as { figures?: unknown }).figures;
  delete (rest as { notices?: unknown }).notices;
  return {
    ...rest,
    tasks: result.tasks.filter((t) => !tasks.has(t.name)),
    ...(ownFigures === undefined || ownFigures.length === 0 ? {} : { figures: ownFigures }),
    ...(ownNotices === undefined || ownNotices.length === 0 ? {} : { notices: ownNotices }),
  };
}

/**
 * Validates parsed JSON as a {@link SuiteResult}.
 *
 * @param json - the parsed document
 * @param file - the file it came from, named in errors
 * @param expect - what the result must match (suite name, environment id)
 * @throws RuneBenchError `ERR_INVALID_FORMAT` naming the bad field, `ERR_SCHEMA_VERSION`, or `ERR_MISMATCH`
 * @public
 */
export function suiteResultFromJSON(json: unknown, file?: string, expect: SuiteResultExpectation = {}): SuiteResult {
  const result = suite(json, 'result', file);
  const where = file ?? 'result';
  const opts = file === undefined ? {} : { path: file };
  if (expect.name !== undefined && result.name !== expect.name) {
    throw new RuneBenchError('ERR_MISMATCH', `${where} holds suite "${result.name}", expected "${expect.name}"`, opts);
  }
  if (expect.envId !== undefined && result.env.id !== expect.envId) {
    throw new RuneBenchError('ERR_MISMATCH', `${where} was measured on another machine (env ${result.env.id}, expected ${expect.envId})`, opts);
  }
  return result;
}

/**
 * Reads and validates a result file (plain or gzip JSON).
 *
 * @throws RuneBenchError `ERR_FILE_IO`, `ERR_INVALID_JSON`, `ERR_CORRUPT_FILE`, `ERR_INVALID_FORMAT`, `ERR_SCHEMA_VERSION` or `ERR_MISMATCH`, naming the file
 * @public
 */
export function readSuiteResult(path: string, expect: SuiteResultExpectation = {}): SuiteResult {
  return suiteResultFromJSON(files().readJsonFile(path), path, expect);
}

/**
 * Writes a result atomically as JSON (gzip when the path ends in `.gz`).
 *
 * @throws RuneBenchError `ERR_FILE_IO`
 * @public
 */
export function writeSuiteResult(path: string, result: SuiteResult): void {
  files().writeJsonAtomic(path, suiteResultToJSON(result));
}
