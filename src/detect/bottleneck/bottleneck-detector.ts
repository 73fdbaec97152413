// BottleneckDetector: runs bottleneck rules over a window of snapshots, live (attached to a monitor)
// or after the fact (over a history, an array of snapshots or a SuiteResult).
import { TypedEventEmitter } from '../../core/typed-events.js';
import { RuneBenchError } from '../../core/errors.js';
import { compareSeverity, type BottleneckFinding } from '../../core/findings.js';
import { lazyModule } from '../../core/lazy.js';
import type * as OptionsModule from '../../core/options.js';
import type * as EvidenceUnitsModule from './evidence-units.js';
import type { SuiteResult } from '../../core/results.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import type * as SeriesStatsModule from '../../monitor/series-stats.js';
import type { WindowSpec } from '../../monitor/series-stats.js';
import { isInsufficientData, type BottleneckRule, type BottleneckRuleResult, type InsufficientData } from './bottleneck-rule.js';
import type * as SuiteModule from './bottleneck-suite.js';
import type * as TrackerModule from './bottleneck-tracker.js';
import type { BottleneckEvent, FindingTracker } from './bottleneck-tracker.js';
import { builtinBottleneckRules } from './rules/builtin.js';
import type * as AttachmentModule from '../monitor-attachment.js';
import type { BottleneckMonitor, MonitorAttachment } from '../monitor-attachment.js';

// Loaded by the first detector made, not by importing rune-bench.
const optionsModule = lazyModule<typeof OptionsModule>(import.meta.url, '../../core/options.js');
const evidenceUnits = lazyModule<typeof EvidenceUnitsModule>(import.meta.url, './evidence-units.js');
const seriesStats = lazyModule<typeof SeriesStatsModule>(import.meta.url, '../../monitor/series-stats.js');
const suiteModule = lazyModule<typeof SuiteModule>(import.meta.url, './bottleneck-suite.js');
const trackerModule = lazyModule<typeof TrackerModule>(import.meta.url, './bottleneck-tracker.js');
const attachmentModule = lazyModule<typeof AttachmentModule>(import.meta.url, '../monitor-attachment.js');

/**
 * Which snapshots a detector looks at, counted back from the newest: `windowMs` milliseconds of monotonic
 * time or the `lastSamples` newest snapshots (give at most one). The selection is the history's
 * (`MetricHistory.window`).
 *
 * @beta
 */
export interface BottleneckWindowOptions {
  /** Milliseconds of monotonic time back from the newest snapshot, above 0. */
  readonly windowMs?: number;
  /** Number of newest snapshots, a positive integer. */
  readonly lastSamples?: number;
}

export type { BottleneckMonitor } from '../monitor-attachment.js';

/**
 * Options of {@link BottleneckDetector}.
 *
 * @beta
 */
export interface BottleneckDetectorOptions extends BottleneckWindowOptions {
  /**
   * The rules to run.
   *
   * @defaultValue `builtinBottleneckRules()`
   */
  readonly rules?: readonly BottleneckRule[];
  /**
   * Milliseconds of monotonic time each live evaluation looks at, back from the newest snapshot (or give
   * `lastSamples` instead).
   *
   * @defaultValue 10000 (the last 10 seconds), unless `lastSamples` is given
   */
  readonly windowMs?: number;
  /** Number of newest snapshots each live evaluation looks at, instead of `windowMs`. */
  readonly lastSamples?: number;
  /**
   * Live: evaluations in a row a rule must report a finding (or a new severity) before it is raised (or changed).
   *
   * @defaultValue 2
   */
  readonly raiseAfter?: number;
  /**
   * Live: evaluations in a row a rule must report nothing before its active finding is cleared.
   *
   * @defaultValue 3
   */
  readonly clearAfter?: number;
  /**
   * Live: evaluate on every `evaluateEvery`-th sample.
   *
   * @defaultValue 1
   */
  readonly evaluateEvery?: number;
}

/**
 * A rule that threw: it is reported here (and as an `error` event), never fatal to other rules.
 *
 * @beta
 */
export interface BottleneckRuleError {
  /** Rule id. */
  readonly ruleId: string;
  /** `ERR_RULE_FAILED`, with the thrown value as `cause`. */
  readonly error: RuneBenchError;
}

/**
 * The outcome of one evaluation.
 *
 * @beta
 */
export interface BottleneckReport {
  /**
   * Findings of process-scoped rules, most severe first (then by impact, then confidence).
   */
  readonly findings: readonly BottleneckFinding[];
  /** `findings[0]`: the process's top bottleneck, if any. */
  readonly top: BottleneckFinding | undefined;
  /** Findings of host-scoped rules (noisy host), most severe first. */
  readonly host: readonly BottleneckFinding[];
  /**
   * Whether measurements taken in this window are low-confidence: a host-scoped finding of medium
   * severity or more.
   */
  readonly lowConfidence: boolean;
  /** Rules that could not reach a verdict. */
  readonly insufficient: readonly InsufficientData[];
  /** Rules that threw. */
  readonly errors: readonly BottleneckRuleError[];
  /** The window evaluated: monotonic start and end in seconds, and the number of snapshots. */
  readonly window: { readonly start: number; readonly end: number; readonly samples: number };
}

/**
 * Events of {@link BottleneckDetector}.
 *
 * @beta
 */
export interface BottleneckDetectorEvents {
  /** A live finding was raised, changed severity or cleared (after hysteresis). */
  bottleneck: (event: BottleneckEvent) => void;
  /** Every live evaluation's full report. */
  evaluation: (report: BottleneckReport) => void;
  /** A rule threw during a live evaluation. */
  error: (error: BottleneckRuleError) => void;
}

/**
 * Orders findings: most severe first, then higher impact, higher confidence, then rule id.
 *
 * @beta
 */
export function compareFindings(a: BottleneckFinding, b: BottleneckFinding): number {
  return compareSeverity(b.severity, a.severity) || b.impact - a.impact || b.confidence - a.confidence || a.ruleId.localeCompare(b.ruleId);
}

const DETECTOR_OPTIONS = {
  rules: { kind: 'array' },
  windowMs: { kind: 'number', min: 0, exclusiveMin: true },
  lastSamples: { kind: 'number', min: 1, integer: true },
  raiseAfter: { kind: 'number', min: 1, integer: true },
  clearAfter: { kind: 'number', min: 1, integer: true },
  evaluateEvery: { kind: 'number', min: 1, integer: true },
} as const;

/** The window spec of `windowMs` / `lastSamples` options (already validated), or `undefined` when neither is given. */
function windowSpecOf(options: BottleneckWindowOptions): WindowSpec | undefined {
  const { windowMs, lastSamples } = options;
  if (windowMs !== undefined && lastSamples !== undefined) throw new TypeError('windowMs and lastSamples options exclude each other: give one');
  if (windowMs !== undefined) return { windowMs };
  if (lastSamples !== undefined) return { lastSamples };
  return undefined;
}

/**
 * Finds what slows a process down, from a window of monitor snapshots, with a set of
 * {@link BottleneckRule}s.
 *
 * - After the fact: {@link BottleneckDetector.analyze} over an array of snapshots or a monitor's
 *   history; {@link BottleneckDetector.analyzeSuite} over a `SuiteResult`.
 * - Live: {@link BottleneckDetector.attach} to a monitor; every `sample` evaluates the rules over the
 *   last `windowMs` (or `lastSamples`) and emits `bottleneck` events when a finding is raised, changes
 *   severity or clears, with hysteresis (`raiseAfter`, `clearAfter`) so a flapping signal does not spam.
 *
 * @example
 * ```ts
 * const monitor = new PerformanceMonitor({ intervalMs: 500 });
 * const detector = new BottleneckDetector({ windowMs: 10_000 });
 * detector.on('bottleneck', (e) => log(`${e.change} ${e.finding.severity} ${e.finding.title}`));
 * detector.attach(monitor);
 * await monitor.start();
 * // ... later: detector.analyze(monitor.history).top
 * ```
 *
 * @beta
 */
export class BottleneckDetector extends TypedEventEmitter<BottleneckDetectorEvents> {
  readonly #rules = new Map<string, BottleneckRule>();
  readonly #tracker: FindingTracker;
  readonly #attachment: MonitorAttachment;

  /** @param options - rules, live window and hysteresis */
  constructor(options: BottleneckDetectorOptions = {}) {
    super();
    optionsModule().validateOptions(options, DETECTOR_OPTIONS, 'BottleneckDetector');
    const window = windowSpecOf(options) ?? { windowMs: 10_000 };
    const raiseAfter = options.raiseAfter ?? 2;
    const clearAfter = options.clearAfter ?? 3;
    const evaluateEvery = options.evaluateEvery ?? 1;
    const rules = options.rules ?? builtinBottleneckRules();
    this.#attachment = new (attachmentModule().MonitorAttachment)('the detector', window, evaluateEvery);
    this.#tracker = new (trackerModule().FindingTracker)(raiseAfter, clearAfter);
    for (const rule of rules) this.addRule(rule);
  }

  /** The rules, in the order they were added. */
  get rules(): readonly BottleneckRule[] {
    return [...this.#rules.values()];
  }

  /** Whether the detector is attached to a monitor. */
  get attached(): boolean {
    return this.#attachment.attached;
  }

  /** Live findings in force (after hysteresis), most severe first, process and host scopes together. */
  get active(): readonly BottleneckFinding[] {
    return this.#tracker.active().sort(compareFindings);
  }

  /**
   * Adds a rule.
   *
   * @throws TypeError when `rule` lacks an `id` or `evaluate`; {@link RuneBenchError} `ERR_DUPLICATE`
   *   when a rule with the same id is present
   */
  addRule(rule: BottleneckRule): this {
    if (typeof rule !== 'object' || typeof rule.id !== 'string' || rule.id === '' || typeof rule.evaluate !== 'function') {
      throw new TypeError('rule must be an object with a non-empty string id and an evaluate function');
    }
    const scope: unknown = rule.scope;
    if (scope !== undefined && scope !== 'process' && scope !== 'host') throw new TypeError("rule scope must be 'process' or 'host'");
    if (this.#rules.has(rule.id)) throw new RuneBenchError('ERR_DUPLICATE', `a bottleneck rule with id "${rule.id}" is already registered`);
    this.#rules.set(rule.id, rule);
    return this;
  }

  /**
   * Removes a rule; a live finding of that rule in force is cleared (with a `bottleneck` event).
   *
   * @returns whether a rule was removed
   */
  removeRule(id: string): boolean {
    const rule = this.#rules.get(id);
    if (rule === undefined) return false;
    this.#rules.delete(id);
    const active = this.#tracker.forget(id);
    if (active !== undefined) {
      this.emit('bottleneck', { change: 'cleared', ruleId: id, scope: rule.scope ?? 'process', finding: active, previousSeverity: active.severity, at: active.window.end });
    }
    return true;
  }

  /**
   * Evaluates every rule over `snapshots` (oldest first), after the fact. No events, no hysteresis.
   *
   * @param snapshots - an array of snapshots or anything iterable over them (a monitor's `history`)
   * @param options - `windowMs` or `lastSamples` to look only at the newest part
   * @throws TypeError or RangeError for an invalid `windowMs` or `lastSamples`, or both given
   */
  analyze(snapshots: Iterable<MetricSnapshot>, options: BottleneckWindowOptions = {}): BottleneckReport {
    optionsModule().validateOptions(options, { windowMs: DETECTOR_OPTIONS.windowMs, lastSamples: DETECTOR_OPTIONS.lastSamples }, 'analyze');
    const spec = windowSpecOf(options);
    const all = Array.isArray(snapshots) ? (snapshots as readonly MetricSnapshot[]) : [...snapshots];
    return this.#evaluate(spec === undefined ? all : seriesStats().selectWindow(all, spec)).report;
  }

  /**
   * Findings for a finished benchmark run: what the `SuiteResult` itself shows (host load at start,
   * cache hit ratio, unstable measurements) plus, when given, the run's monitor `snapshots` analysed as
   * by {@link BottleneckDetector.analyze}, plus any findings the result already carries. Nested results
   * (`children`) are included.
   *
   * @param result - a suite result
   * @param snapshots - the monitor history recorded during the run, when there is one
   */
  analyzeSuite(result: SuiteResult, snapshots?: Iterable<MetricSnapshot>): BottleneckReport {
    const base = snapshots === undefined ? this.#evaluate([]).report : this.analyze(snapshots);
    const extra = suiteModule().suiteFindings(result);
    const byRule = new Map<string, BottleneckFinding>();
    const hostIds = new Set<string>();
    for (const f of base.host) hostIds.add(f.ruleId);
    for (const f of extra.host) hostIds.add(f.ruleId);
    for (const f of [...base.findings, ...base.host, ...extra.process, ...extra.host]) {
      const prev = byRule.get(f.ruleId);
      if (prev === undefined || compareFindings(f, prev) < 0) byRule.set(f.ruleId, f);
    }
    const process: BottleneckFinding[] = [];
    const host: BottleneckFinding[] = [];
    for (const f of byRule.values()) (hostIds.has(f.ruleId) ? host : process).push(f);
    return this.#report(process, host, base.insufficient, base.errors, base.window);
  }

  /**
   * One live step: evaluates the rules over `window`, updates the hysteresis state, emits `bottleneck`
   * events for changes, an `error` event per failing rule and an `evaluation` event. {@link BottleneckDetector.attach}
   * calls it on each monitor sample; call it directly to drive the detector from another source.
   */
  observe(window: readonly MetricSnapshot[]): BottleneckReport {
    const { report, results } = this.#evaluate(window);
    const at = report.window.end;
    const events: BottleneckEvent[] = [];
    for (const [id, rule] of this.#rules) {
      const result = results.get(id);
      const input = result === undefined ? null : result === 'error' || isInsufficientData(result) ? undefined : result;
      const event = this.#tracker.update(id, rule.scope ?? 'process', input, at);
      if (event !== undefined) events.push(event);
    }
    for (const error of report.errors) this.emit('error', error);
    for (const event of events) this.emit('bottleneck', event);
    this.emit('evaluation', report);
    return report;
  }

  /**
   * Attaches to a monitor: each `sample` event evaluates the rules over the monitor's window (`windowMs` or
   * `lastSamples`).
   *
   * @returns a function that detaches (same as {@link BottleneckDetector.detach})
   * @throws {@link RuneBenchError} `ERR_BUSY` when already attached
   */
  attach(monitor: BottleneckMonitor): () => void {
    return this.#attachment.attach(monitor, (window) => {
      this.observe(window);
    });
  }

  /** Detaches from the monitor, if attached. Findings in force stay in force until {@link BottleneckDetector.reset}. */
  detach(): void {
    this.#attachment.detach();
  }

  /** Forgets the live state: findings in force, hysteresis counters. No events. */
  reset(): void {
    this.#tracker.clear();
    this.#attachment.resetCount();
  }

  #evaluate(window: readonly MetricSnapshot[]): { report: BottleneckReport; results: Map<string, BottleneckRuleResult | 'error'> } {
    const results = new Map<string, BottleneckRuleResult | 'error'>();
    const process: BottleneckFinding[] = [];
    const host: BottleneckFinding[] = [];
    const insufficient: InsufficientData[] = [];
    const errors: BottleneckRuleError[] = [];
    for (const [id, rule] of this.#rules) {
      let result: BottleneckRuleResult;
      try {
        result = window.length === 0 ? { kind: 'insufficient-data', ruleId: id, reason: 'the window is empty', missing: [], samples: 0 } : rule.evaluate(window);
      } catch (cause) {
        errors.push({ ruleId: id, error: new RuneBenchError('ERR_RULE_FAILED', `bottleneck rule "${id}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause }) });
        results.set(id, 'error');
        continue;
      }
      results.set(id, result);
      if (result === undefined) continue;
      if (isInsufficientData(result)) insufficient.push(result);
      else ((rule.scope ?? 'process') === 'host' ? host : process).push(evidenceUnits().withUnits(result, window));
    }
    const first = window[0];
    const last = window.at(-1);
    const span = { start: first?.monotonic ?? 0, end: last?.monotonic ?? 0, samples: window.length };
    return { report: this.#report(process, host, insufficient, errors, span), results };
  }

  #report(
    process: BottleneckFinding[],
    host: BottleneckFinding[],
    insufficient: readonly InsufficientData[],
    errors: readonly BottleneckRuleError[],
    window: BottleneckReport['window'],
  ): BottleneckReport {
    process.sort(compareFindings);
    host.sort(compareFindings);
    return Object.freeze({
      findings: Object.freeze(process),
      top: process[0],
      host: Object.freeze(host),
      lowConfidence: host.some((f) => compareSeverity(f.severity, 'medium') >= 0),
      insufficient: Object.freeze([...insufficient]),
      errors: Object.freeze([...errors]),
      window: Object.freeze({ ...window }),
    });
  }
}

