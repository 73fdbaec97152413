// Small internal helpers for validating parsed JSON. Each failure names the path inside the document.
import { RuneBenchError } from './errors.js';

/** @internal */
export type JsonObject = Readonly<Record<string, unknown>>;

/** @internal */
export function invalid(what: string, problem: string, path?: string): RuneBenchError {
  const where = path === undefined ? '' : ` in ${path}`;
  return new RuneBenchError('ERR_INVALID_FORMAT', `${what}${where}: ${problem}`, path === undefined ? {} : { path });
}

/** @internal */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @internal */
export function requireObject(value: unknown, at: string, file?: string): JsonObject {
  if (!isObject(value)) throw invalid(at, `expected an object, got ${describeType(value)}`, file);
  return value;
}

/** @internal */
export function requireArray(value: unknown, at: string, file?: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(at, `expected an array, got ${describeType(value)}`, file);
  return value;
}

/** @internal */
export function requireNumber(value: unknown, at: string, file?: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw invalid(at, `expected a number, got ${describeType(value)}`, file);
  return value;
}

/** @internal */
export function requireFiniteNumber(value: unknown, at: string, file?: string): number {
  const n = requireNumber(value, at, file);
  if (!Number.isFinite(n)) throw invalid(at, `expected a finite number, got ${String(n)}`, file);
  return n;
}

/** @internal */
export function requireString(value: unknown, at: string, file?: string): string {
  if (typeof value !== 'string') throw invalid(at, `expected a string, got ${describeType(value)}`, file);
  return value;
}

/** @internal */
export function optionalString(value: unknown, at: string, file?: string): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, at, file);
}

/** @internal */
export function optionalNumber(value: unknown, at: string, file?: string): number | undefined {
  return value === undefined || value === null ? undefined : requireNumber(value, at, file);
}

/** @internal */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** @internal */
export function parseJson(text: string, file?: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const where = file === undefined ? 'input' : file;
    throw new RuneBenchError('ERR_INVALID_JSON', `${where} is not valid JSON (${(cause as Error).message})`, {
      cause,
      ...(file === undefined ? {} : { path: file }),
    });
  }
}
