// Option rules shared by the built-in bottleneck rules, for the one validation voice (core/options.ts).
import type { OptionRule } from '../../core/options.js';

const bound: OptionRule = { kind: 'number', allowInfinity: true };

/**
 * Severity bands (`SeverityBands`): four numbers (Infinity allowed), ascending.
 *
 * @internal
 */
export const severityBandsRule: OptionRule = {
  kind: 'options',
  owner: 'severity bands',
  rules: { low: bound, medium: bound, high: bound, critical: bound },
  required: ['low', 'medium', 'high', 'critical'],
  check: (b) =>
    (b.low as number) <= (b.medium as number) && (b.medium as number) <= (b.high as number) && (b.high as number) <= (b.critical as number)
      ? undefined
      : 'must be ascending (low <= medium <= high <= critical)',
};

/**
 * Seconds-until-the-limit thresholds by severity: three numbers >= 0 with critical <= high <= medium.
 *
 * @internal
 */
export const timeToLimitRule: OptionRule = {
  kind: 'options',
  owner: 'timeToLimit',
  rules: { critical: { kind: 'number', min: 0, allowInfinity: true }, high: { kind: 'number', min: 0, allowInfinity: true }, medium: { kind: 'number', min: 0, allowInfinity: true } },
  required: ['critical', 'high', 'medium'],
  check: (t) => ((t.critical as number) <= (t.high as number) && (t.high as number) <= (t.medium as number) ? undefined : 'must be ascending (critical <= high <= medium)'),
};

/**
 * A whole number of at least `min`.
 *
 * @internal
 */
export function integerAtLeast(min: number): OptionRule {
  return { kind: 'number', integer: true, min };
}

/**
 * A number within `[min, max]` (Infinity allowed when there is no upper bound).
 *
 * @internal
 */
export function numberWithin(min: number, max?: number): OptionRule {
  return max === undefined ? { kind: 'number', min, allowInfinity: true } : { kind: 'number', min, max };
}
