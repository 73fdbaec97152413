// The formatter registry: the built-ins and any user formatter, looked up by id (`--format ID`).
import { RuneBenchError } from '../core/errors.js';
import { lazyModule } from '../core/lazy.js';
import type { FormatInputKind, Formatter } from './formatter.js';
import type * as Bencher from './bencher-formatter.js';
import type * as Csv from './csv-formatter.js';
import type * as GithubBenchmark from './github-benchmark-formatter.js';
import type * as Html from './html-formatter.js';
import type * as Json from './json-formatter.js';
import type * as Markdown from './markdown-formatter.js';
import type * as Prometheus from './prometheus-formatter.js';
import type * as Table from './table-formatter.js';

/**
 * Options for `registerFormatter`.
 *
 * @public
 */
export interface RegisterFormatterOptions {
  /** Replace a formatter already registered under the same id instead of throwing. @defaultValue `false` */
  readonly replace?: boolean;
}

const ID = /^[a-z][a-z0-9-]*$/;

/** A built-in formatter not loaded yet: its module loads when the formatter is first asked for. */
type BuiltIn = () => Formatter;

const table = lazyModule<typeof Table>(import.meta.url, './table-formatter.js');
const json = lazyModule<typeof Json>(import.meta.url, './json-formatter.js');
const html = lazyModule<typeof Html>(import.meta.url, './html-formatter.js');
const markdown = lazyModule<typeof Markdown>(import.meta.url, './markdown-formatter.js');
const prometheus = lazyModule<typeof Prometheus>(import.meta.url, './prometheus-formatter.js');
const bencher = lazyModule<typeof Bencher>(import.meta.url, './bencher-formatter.js');
const githubBenchmark = lazyModule<typeof GithubBenchmark>(import.meta.url, './github-benchmark-formatter.js');
const csv = lazyModule<typeof Csv>(import.meta.url, './csv-formatter.js');

/** The built-in formatters by id, in the order `listFormatters()` shows them. */
const BUILT_INS: readonly (readonly [string, BuiltIn])[] = [
  ['table', () => table().tableFormatter],
  ['json', () => json().jsonFormatter],
  ['html', () => html().htmlFormatter],
  ['markdown', () => markdown().markdownFormatter],
  ['prometheus', () => prometheus().prometheusFormatter],
  ['openmetrics', () => prometheus().openMetricsFormatter],
  ['bencher', () => bencher().bencherFormatter],
  ['github-benchmark', () => githubBenchmark().githubBenchmarkFormatter],
  ['csv', () => csv().csvFormatter],
];

const registry = new Map<string, Formatter | BuiltIn>(BUILT_INS);

/** The formatter registered under `id`, loading a built-in on first use. */
function resolved(id: string): Formatter | undefined {
  const entry = registry.get(id);
  if (typeof entry !== 'function') return entry;
  const formatter = entry();
  registry.set(id, formatter);
  return formatter;
}

/**
 * Registers a formatter so `getFormatter(id)` and the CLI's `--format id` find it.
 *
 * @param formatter - the formatter; its `id` must be lowercase letters, digits and `-`
 * @param options - `replace` to override an existing id (including a built-in)
 * @throws TypeError when the formatter is malformed
 * @throws {@link RuneBenchError} `ERR_DUPLICATE` when the id is taken and `replace` is not set
 * @public
 */
export function registerFormatter(formatter: Formatter, options: RegisterFormatterOptions = {}): void {
  const candidate = formatter as Partial<Formatter> | null;
  if (typeof candidate !== 'object' || candidate === null) throw new TypeError('formatter must be an object');
  if (typeof candidate.id !== 'string' || !ID.test(candidate.id)) {
    throw new TypeError('formatter.id must be lowercase letters, digits and "-", starting with a letter');
  }
  if (typeof candidate.extension !== 'string' || candidate.extension.startsWith('.')) {
    throw new TypeError('formatter.extension must be a string without a leading dot');
  }
  if (typeof candidate.mediaType !== 'string' || candidate.mediaType === '') {
    throw new TypeError('formatter.mediaType must be a non-empty string');
  }
  if (typeof candidate.format !== 'function') throw new TypeError('formatter.format must be a function');
  if (registry.has(formatter.id) && options.replace !== true) {
    throw new RuneBenchError('ERR_DUPLICATE', `a formatter with id "${formatter.id}" is already registered (pass { replace: true } to override it)`);
  }
  registry.set(formatter.id, formatter);
}

/**
 * Removes a registered formatter. Removing a built-in restores nothing until it is registered again.
 *
 * @returns whether a formatter was removed
 * @public
 */
export function unregisterFormatter(id: string): boolean {
  return registry.delete(id);
}

/**
 * The formatter registered under `id`.
 *
 * @throws {@link RuneBenchError} `ERR_NOT_FOUND` naming the known ids
 * @public
 */
export function getFormatter(id: string): Formatter {
  const formatter = resolved(id);
  if (formatter === undefined) {
    throw new RuneBenchError('ERR_NOT_FOUND', `unknown format "${id}" (known: ${[...registry.keys()].join(', ')})`);
  }
  return formatter;
}

/**
 * Whether a formatter is registered under `id`.
 *
 * @public
 */
export function hasFormatter(id: string): boolean {
  return registry.has(id);
}

/**
 * The registered formatters: built-ins first, then user formatters in registration order.
 *
 * @public
 */
export function listFormatters(): readonly Formatter[] {
  return [...registry.keys()].map((id) => resolved(id) as Formatter);
}

/**
 * Whether `formatter` accepts inputs of `kind` (formatters without `kinds` accept every kind).
 *
 * @public
 */
export function formatterSupports(formatter: Formatter, kind: FormatInputKind): boolean {
  return formatter.kinds === undefined || formatter.kinds.includes(kind);
}
