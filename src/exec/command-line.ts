// Command lines: splitting one into argv without a shell, parameters and their substitution.

/**
 * A parameter of a command benchmark: each value gives one task, with `{name}` in the command replaced by it.
 *
 * @beta
 */
export interface CommandParameter {
  /** Name used as `{name}` in the commands: letters, digits and `_`. */
  readonly name: string;
  /** Values, in order. */
  readonly values: readonly string[];
}

/**
 * The values `lo, lo + step, ..., hi` of a numeric parameter scan (hyperfine's `--parameter-scan`).
 *
 * @param name - parameter name, used as `{name}` in the commands
 * @param lo - first value
 * @param hi - last value (inclusive; a value past it is not produced)
 * @param step - distance between values @defaultValue `1`
 * @throws RangeError when a bound is not finite, `step` is not positive, `lo > hi` or the scan has over 10 000 values
 * @beta
 */
export function parameterScan(name: string, lo: number, hi: number, step = 1): CommandParameter {
  checkName(name);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError('lo and hi must be finite numbers');
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`step must be a positive number, got ${step}`);
  if (lo > hi) throw new RangeError(`lo (${lo}) must not be greater than hi (${hi})`);
  const count = Math.floor((hi - lo) / step + 1e-9) + 1;
  if (count > 10_000) throw new RangeError(`the scan from ${lo} to ${hi} by ${step} has ${count} values, more than 10000`);
  const decimals = Math.max(decimalPlaces(lo), decimalPlaces(step));
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    const v = lo + i * step;
    values.push(decimals === 0 ? String(Math.round(v)) : v.toFixed(decimals));
  }
  return { name, values };
}

function decimalPlaces(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
}

/**
 * Checks a parameter name.
 *
 * @throws TypeError when the name is not letters, digits and `_` (starting with a letter or `_`)
 * @internal
 */
export function checkName(name: string): void {
  if (typeof name !== 'string' || !/^[A-Za-z_]\w{0,63}$/.test(name)) {
    throw new TypeError(`parameter name must be letters, digits and "_" (starting with a letter or "_"), got ${JSON.stringify(name)}`);
  }
}

/**
 * One combination of parameter values (the cartesian product of all parameters, first parameter slowest).
 *
 * @internal
 */
export type ParameterBinding = ReadonlyMap<string, string>;

/**
 * Every combination of the parameters' values; one empty binding when there are none.
 *
 * @internal
 */
export function parameterBindings(parameters: readonly CommandParameter[]): ParameterBinding[] {
  let bindings: Map<string, string>[] = [new Map<string, string>()];
  for (const p of parameters) {
    const next: Map<string, string>[] = [];
    for (const b of bindings) for (const v of p.values) next.push(new Map<string, string>([...b, [p.name, v]]));
    bindings = next;
  }
  return bindings;
}

/**
 * `command` with every `{name}` of a bound parameter replaced by its value; other braces are left alone.
 *
 * @internal
 */
export function substitute(command: string, binding: ParameterBinding): string {
  if (binding.size === 0) return command;
  return command.replace(/\{([A-Za-z_]\w*)\}/g, (whole, name: string) => binding.get(name) ?? whole);
}

/**
 * Splits a command line into argv the way a POSIX shell splits words, without expanding anything: blanks
 * separate words, single quotes keep everything, double quotes keep everything but `\"` and `\\`, and a
 * backslash outside quotes escapes the next character.
 *
 * @throws TypeError when a quote is not closed or the line has no words
 * @beta
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new TypeError(`unclosed single quote in ${JSON.stringify(line)}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new TypeError(`unclosed double quote in ${JSON.stringify(line)}`);
        const d = line[i] as string;
        if (d === '"') break;
        if (d === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
          word += line[i + 1] as string;
          i += 2;
        } else {
          word += d;
          i++;
        }
      }
      inWord = true;
      i++;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[i + 1] as string;
      inWord = true;
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  if (words.length === 0) throw new TypeError(`command ${JSON.stringify(line)} has no words to run`);
  return words;
}
