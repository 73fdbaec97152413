// Parses human durations for the CI assertions: '2ms', '150us', '1.5s', '800ns' or a number of seconds.

/**
 * A duration: a number of seconds, or a string with a unit (`ns`, `us`, `µs`, `ms`, `s`), e.g. `'2ms'`.
 *
 * @public
 */
export type Duration = number | `${number}${'ns' | 'us' | 'µs' | 'ms' | 's'}`;

const UNITS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1 };

/**
 * Seconds in `value`.
 *
 * @throws TypeError naming `option` when the value is not a valid duration
 * @internal
 */
export function parseDuration(value: Duration, option: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${option} option must be a positive duration, got ${value}`);
    return value;
  }
  const m = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(ns|us|µs|ms|s)\s*$/i.exec(value);
  const unit = m?.[2]?.toLowerCase();
  const scale = unit === undefined ? undefined : UNITS[unit];
  if (m?.[1] === undefined || scale === undefined) {
    throw new TypeError(`${option} option must be a duration such as '2ms' or '150us', got ${JSON.stringify(value)}`);
  }
  const seconds = Number(m[1]) * scale;
  if (!(seconds > 0)) throw new TypeError(`${option} option must be a positive duration, got ${JSON.stringify(value)}`);
  return seconds;
}

/**
 * Formats seconds for assertion messages.
 *
 * @internal
 */
export function formatSeconds(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs >= 1) return `${seconds.toPrecision(4)} s`;
  if (abs >= 1e-3) return `${(seconds * 1e3).toPrecision(4)} ms`;
  if (abs >= 1e-6) return `${(seconds * 1e6).toPrecision(4)} µs`;
  return `${(seconds * 1e9).toPrecision(4)} ns`;
}
