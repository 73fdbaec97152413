// Hysteresis for live findings: a finding is raised, changed or cleared only after it persists.
import type { BottleneckFinding, Severity } from '../../core/findings.js';
import type { BottleneckScope } from './bottleneck-rule.js';

/**
 * What happened to a live finding.
 * - `raised`: the rule has reported a finding for `raiseAfter` evaluations in a row.
 * - `changed`: an active finding has held a different severity for `raiseAfter` evaluations in a row.
 * - `cleared`: an active finding has been absent for `clearAfter` evaluations in a row (or its rule was removed).
 *
 * @beta
 */
export type BottleneckChange = 'raised' | 'changed' | 'cleared';

/**
 * Payload of the detector's `bottleneck` event.
 *
 * @beta
 */
export interface BottleneckEvent {
  /** What happened. */
  readonly change: BottleneckChange;
  /** Rule id. */
  readonly ruleId: string;
  /** The rule's scope. */
  readonly scope: BottleneckScope;
  /** The finding now in force; for `cleared`, the last finding that was in force. */
  readonly finding: BottleneckFinding;
  /** For `changed` and `cleared`: the severity in force before. */
  readonly previousSeverity?: Severity;
  /** Monotonic time (seconds) of the newest snapshot of the evaluation that caused the event. */
  readonly at: number;
}

interface RuleState {
  active: BottleneckFinding | undefined;
  present: number;
  absent: number;
  differing: number;
}

/**
 * Per-rule hysteresis state.
 *
 * @internal
 */
export class FindingTracker {
  readonly #raiseAfter: number;
  readonly #clearAfter: number;
  readonly #states = new Map<string, RuleState>();

  constructor(raiseAfter: number, clearAfter: number) {
    this.#raiseAfter = raiseAfter;
    this.#clearAfter = clearAfter;
  }

  /** Findings in force, by rule id. */
  active(): BottleneckFinding[] {
    const out: BottleneckFinding[] = [];
    for (const s of this.#states.values()) if (s.active !== undefined) out.push(s.active);
    return out;
  }

  /**
   * Feeds one evaluation of a rule: a finding, `null` for "no finding", or `undefined` for "no verdict"
   * (insufficient data or a failing rule), which neither raises nor clears.
   */
  update(ruleId: string, scope: BottleneckScope, result: BottleneckFinding | null | undefined, at: number): BottleneckEvent | undefined {
    if (result === undefined) return undefined;
    let state = this.#states.get(ruleId);
    if (state === undefined) {
      state = { active: undefined, present: 0, absent: 0, differing: 0 };
      this.#states.set(ruleId, state);
    }
    if (result === null) {
      state.present = 0;
      state.differing = 0;
      if (state.active === undefined) return undefined;
      state.absent++;
      if (state.absent < this.#clearAfter) return undefined;
      const last = state.active;
      state.active = undefined;
      state.absent = 0;
      return { change: 'cleared', ruleId, scope, finding: last, previousSeverity: last.severity, at };
    }
    state.absent = 0;
    if (state.active === undefined) {
      state.present++;
      if (state.present < this.#raiseAfter) return undefined;
      state.active = result;
      state.present = 0;
      return { change: 'raised', ruleId, scope, finding: result, at };
    }
    const previous = state.active.severity;
    if (result.severity === previous) {
      state.differing = 0;
      state.active = result;
      return undefined;
    }
    state.differing++;
    if (state.differing < this.#raiseAfter) return undefined;
    state.differing = 0;
    state.active = result;
    return { change: 'changed', ruleId, scope, finding: result, previousSeverity: previous, at };
  }

  /** Forgets a rule; returns its active finding, if any. */
  forget(ruleId: string): BottleneckFinding | undefined {
    const active = this.#states.get(ruleId)?.active;
    this.#states.delete(ruleId);
    return active;
  }

  clear(): void {
    this.#states.clear();
  }
}
