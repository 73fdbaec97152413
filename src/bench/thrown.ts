// Anything can be thrown: turn any thrown value (an Error, undefined, 42, an object without a prototype or
// with a broken toString) into a serialisable ErrorInfo with a string message, without throwing again.
import type { ErrorInfo } from '../core/results.js';

const MAX_MESSAGE = 500;

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** `value` as a string, or undefined when even that throws. */
function safeString(value: unknown): string | undefined {
  try {
    return String(value);
  } catch {
    return undefined;
  }
}

/** A property read that survives a throwing getter or a Proxy. */
function read(value: object, key: string): unknown {
  try {
    return (value as Readonly<Record<string, unknown>>)[key];
  } catch {
    return undefined;
  }
}

/**
 * A message for people about a thrown value that is not an `Error`: the string itself for a non-empty
 * string, `threw undefined` / `threw 42` for primitives, and for an object its own `toString()` when it has
 * a useful one, else its JSON, else its tag (`threw a non-Error object: {"code":1}`). Never throws.
 *
 * @internal
 */
export function describeThrown(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'threw an empty string' : clip(value);
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return `threw ${safeString(value) ?? typeof value}`;
  const text = safeString(value);
  if (text !== undefined && text !== '' && !text.startsWith('[object ')) return clip(text);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  let tag = 'an object';
  try {
    tag = Object.prototype.toString.call(value);
  } catch {
    // a Proxy that refuses every read
  }
  const shown = json !== undefined && json !== '' ? json : tag;
  return clip(`threw a non-Error ${typeof value === 'function' ? 'function' : 'object'}: ${shown}`);
}

/**
 * Converts anything thrown into serialisable {@link ErrorInfo} with a string message. Never throws.
 *
 * @internal
 */
export function errorInfo(value: unknown): ErrorInfo {
  let isError = false;
  try {
    isError = value instanceof Error;
  } catch {
    // a Proxy whose getPrototypeOf trap throws: described below like any other object
  }
  if (isError && typeof value === 'object' && value !== null) {
    const name = read(value, 'name');
    const message = read(value, 'message');
    const code = read(value, 'code');
    const stack = read(value, 'stack');
    const text = typeof message === 'string' ? message : message === undefined ? '' : (safeString(message) ?? '');
    return {
      name: typeof name === 'string' && name !== '' ? name : 'Error',
      message: text === '' ? `${typeof name === 'string' && name !== '' ? name : 'Error'} without a message` : text,
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof stack === 'string' ? { stack } : {}),
    };
  }
  return { name: 'Error', message: describeThrown(value) };
}
