// ANSI colour, decided once by the caller (the CLI) and passed to formatters as `color: boolean`.
import type { Severity } from '../core/findings.js';

/**
 * What {@link shouldUseColor} looks at: a stream's `isTTY` and an environment.
 *
 * @public
 */
export interface ColorContext {
  /** The stream the text goes to (only `isTTY` is read). @defaultValue not a TTY */
  readonly stream?: { readonly isTTY?: boolean };
  /** Environment variables. @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether output should be coloured, following https://no-color.org and the FORCE_COLOR convention:
 * `FORCE_COLOR` set to anything but `0`/`false` forces colour on; `FORCE_COLOR=0` forces it off;
 * otherwise a non-empty `NO_COLOR` turns it off; otherwise colour is on only for a TTY whose `TERM` is not `dumb`.
 *
 * @public
 */
export function shouldUseColor(context: ColorContext = {}): boolean {
  const env = context.env ?? process.env;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    return !(force === '0' || force.toLowerCase() === 'false');
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return context.stream?.isTTY === true;
}

/**
 * ANSI styles a terminal formatter applies when colour is on.
 *
 * @public
 */
export type AnsiStyle = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'gray';

const CODES: Readonly<Record<AnsiStyle, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  gray: [90, 39],
};

/**
 * Wraps `text` in the ANSI codes of `style` when `enabled`, else returns it unchanged.
 *
 * @public
 */
export function paint(text: string, style: AnsiStyle, enabled: boolean): string {
  if (!enabled || text === '') return text;
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/**
 * The style for a severity: critical and high red (critical bold), medium yellow, low cyan.
 *
 * @public
 */
export function severityStyle(severity: Severity): AnsiStyle {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'red';
    case 'medium':
      return 'yellow';
    case 'low':
      return 'cyan';
  }
}

const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * `text` without ANSI colour codes.
 *
 * @public
 */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * The number of terminal columns `text` takes (ANSI codes excluded; one column per code point).
 *
 * @public
 */
export function visibleWidth(text: string): number {
  return Array.from(stripAnsi(text)).length;
}
