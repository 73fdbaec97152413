// One validation voice for every options object in the library: unknown keys are refused with a "did you
// mean", and each value is checked against a small declarative rule, with messages in one style.

/**
 * A rule for one option.
 *
 * @internal
 */
export type OptionRule =
  | {
      readonly kind: 'number';
      /** Smallest allowed value. */
      readonly min?: number;
      /** Largest allowed value. */
      readonly max?: number;
      /** The value must be greater than `min`, not equal to it. */
      readonly exclusiveMin?: boolean;
      /** The value must be a whole number. */
      readonly integer?: boolean;
      /** Infinity is allowed (default: no). */
      readonly allowInfinity?: boolean;
    }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string'; readonly nonEmpty?: boolean }
  | { readonly kind: 'function' }
  | { readonly kind: 'object' }
  | { readonly kind: 'array' }
  | { readonly kind: 'signal' }
  | { readonly kind: 'oneOf'; readonly values: readonly (string | number | boolean)[] }
  | { readonly kind: 'custom'; readonly check: (value: unknown) => string | undefined }
  | {
      /** A nested options object, checked with its own rules; its option names read `parent.child`. */
      readonly kind: 'options';
      readonly rules: OptionRules;
      /** Names the nested object in the unknown-key message. @defaultValue the option name */
      readonly owner?: string;
      /** Keys that must be present. */
      readonly required?: readonly string[];
      /** A check across the nested values once each is valid; a problem it returns is a RangeError. */
      readonly check?: (value: Readonly<Record<string, unknown>>) => string | undefined;
    }
  | { readonly kind: 'any' };

/**
 * Rules for each known option of one options object, by option name.
 *
 * @internal
 */
export type OptionRules = Readonly<Record<string, OptionRule>>;

/**
 * Checks `options` against `rules`: an unknown key is a TypeError with the nearest known name, a value of
 * the wrong type a TypeError, a value out of range a RangeError; every message starts with the option name.
 * `undefined` values are allowed (the default applies). `owner` names the class or function for the
 * unknown-key message ("PerformanceMonitor"); `prefix` is put before each option name in messages (a nested
 * object's `isolation.`).
 *
 * @internal
 */
export function validateOptions(options: unknown, rules: OptionRules, owner: string, prefix = ''): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${owner} options must be an object, got ${describeValue(options)}`);
  }
  const record = options as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(rules, key)) {
      const near = nearestName(key, Object.keys(rules));
      throw new TypeError(`${prefix}${key} is not a known ${owner} option${near === undefined ? '' : ` (did you mean ${near}?)`}`);
    }
  }
  for (const [name, rule] of Object.entries(rules)) {
    const value = record[name];
    if (value !== undefined) checkOption(`${prefix}${name}`, value, rule);
  }
}

/**
 * Checks one option value against its rule (see {@link validateOptions}).
 *
 * @internal
 */
export function checkOption(name: string, value: unknown, rule: OptionRule): void {
  switch (rule.kind) {
    case 'number': {
      if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`${name} option must be a number, got ${describeValue(value)}`);
      if (rule.integer === true && !Number.isInteger(value)) {
        if (!(rule.allowInfinity === true && value === Number.POSITIVE_INFINITY)) throw new TypeError(`${name} option must be an integer, got ${value}`);
      }
      if (!Number.isFinite(value) && rule.allowInfinity !== true) throw new RangeError(`${name} option must be finite, got ${value}`);
      if (rule.min !== undefined) {
        if (rule.exclusiveMin === true ? !(value > rule.min) : !(value >= rule.min)) {
          throw new RangeError(`${name} option must be ${rule.exclusiveMin === true ? 'greater than' : 'at least'} ${rule.min}, got ${value}`);
        }
      }
      if (rule.max !== undefined && value > rule.max) throw new RangeError(`${name} option must be at most ${rule.max}, got ${value}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw new TypeError(`${name} option must be a boolean, got ${describeValue(value)}`);
      return;
    case 'string':
      if (typeof value !== 'string') throw new TypeError(`${name} option must be a string, got ${describeValue(value)}`);
      if (rule.nonEmpty === true && value.length === 0) throw new RangeError(`${name} option must not be empty`);
      return;
    case 'function':
      if (typeof value !== 'function') throw new TypeError(`${name} option must be a function, got ${describeValue(value)}`);
      return;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${name} option must be an object, got ${describeValue(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) throw new TypeError(`${name} option must be an array, got ${describeValue(value)}`);
      return;
    case 'signal':
      if (!(value instanceof AbortSignal)) throw new TypeError(`${name} option must be an AbortSignal, got ${describeValue(value)}`);
      return;
    case 'oneOf':
      if (!rule.values.includes(value as string | number | boolean)) {
        throw new RangeError(`${name} option must be one of ${rule.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`);
      }
      return;
    case 'custom': {
      const problem = rule.check(value);
      if (problem !== undefined) throw new TypeError(`${name} option ${problem}`);
      return;
    }
    case 'options': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${name} option must be an object, got ${describeValue(value)}`);
      const record = value as Readonly<Record<string, unknown>>;
      for (const key of rule.required ?? []) {
        if (record[key] === undefined) throw new TypeError(`${name}.${key} option is required`);
      }
      validateOptions(record, rule.rules, rule.owner ?? name, `${name}.`);
      const problem = rule.check?.(record);
      if (problem !== undefined) throw new RangeError(`${name} option ${problem}`);
      return;
    }
    case 'any':
      return;
  }
}

/**
 * A short description of a value for an error message (never the whole value).
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

/**
 * The known name closest to `name` by edit distance, when it is close enough to be a typo.
 *
 * @internal
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
