// Looks up what the user named (suite, format, baseline file, params) and turns failures into one-line usage errors.
import { statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { isRuneBenchError } from '../core/errors.js';
import type { SuiteResult } from '../core/results.js';
import type { SuiteDefinition } from '../core/suite.js';
import { readSuiteResult } from '../bench/suite-result-json.js';
import type { FormatInputKind, Formatter } from '../format/formatter.js';
import { formatterSupports, hasFormatter, getFormatter, listFormatters } from '../format/registry.js';
import { getSuite, listSuites } from '../suites/registry.js';
import { suggest } from './args.js';
import { UsageError } from './usage-error.js';

/** `path` resolved against `cwd`. @internal */
export function resolvePath(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** The registered suite `id`, or a usage error listing the known ids. @internal */
export function findSuite(id: string): SuiteDefinition {
  try {
    return getSuite(id);
  } catch (error) {
    if (!isRuneBenchError(error, 'ERR_NOT_FOUND')) throw error;
    const ids = listSuites().map((s) => s.id);
    throw new UsageError(`unknown suite "${id}"${suggest(id, ids)}: choose one of ${ids.join(', ')} (or load yours with --require FILE)`, 'run');
  }
}

/** The formatter `id`, checked to support `kind`. @internal */
export function findFormatter(id: string, kind: FormatInputKind, command: string): Formatter {
  const usable = listFormatters()
    .filter((f) => formatterSupports(f, kind))
    .map((f) => f.id);
  if (!hasFormatter(id)) {
    throw new UsageError(`unknown format "${id}"${suggest(id, usable)}: use one of ${usable.join(', ')}`, command);
  }
  const formatter = getFormatter(id);
  if (!formatterSupports(formatter, kind)) {
    throw new UsageError(`format "${id}" cannot show ${kind} reports: use one of ${usable.join(', ')}`, command);
  }
  return formatter;
}

/**
 * Reads a baseline result. Any problem (missing, unreadable, corrupt, wrong version) becomes a one-line
 * usage error naming the file and what to do; the file itself is never touched.
 *
 * @internal
 */
export function readBaseline(path: string): SuiteResult {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) {
      throw new UsageError(`baseline ${path} does not exist: create it with --save-baseline ${path} on a run you trust`, 'run');
    }
    if (stat.isDirectory()) throw new UsageError(`baseline ${path} is a directory, not a result file`, 'run');
    return readSuiteResult(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (isRuneBenchError(error)) {
      const detail = error.message.includes(path) ? error.message : `${path}: ${error.message}`;
      throw new UsageError(
        `baseline is not a usable rune-bench result (${detail}); replace it with --save-baseline FILE from a good run`,
        'run',
      );
    }
    throw error;
  }
}

/** Checks that `path` can be written as a file (it is not a directory). @internal */
export function checkWritableFile(path: string, flag: string, command: string): void {
  const stat = statOrProblem(path);
  if (typeof stat === 'string') throw new UsageError(`${flag} ${path}: ${stat}`, command);
  if (stat?.isDirectory() === true) throw new UsageError(`${flag} ${path} is a directory: give a file name`, command);
  // The file may not exist yet: its nearest existing ancestor must be a directory we can create it in.
  let dir = dirname(resolve(path));
  for (;;) {
    const parent = statOrProblem(dir);
    if (typeof parent === 'string') throw new UsageError(`${flag} ${path}: ${parent}`, command);
    if (parent !== undefined) {
      if (!parent.isDirectory()) throw new UsageError(`${flag} ${path}: ${dir} is not a directory`, command);
      return;
    }
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

function statOrProblem(path: string): Stats | undefined | string {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOTDIR' ? 'a part of the path is a file, not a directory' : `cannot use this path (${code ?? (error as Error).message})`;
  }
}

/**
 * Parses `--param key=value` flags against the suite's declared parameters, converting numbers and booleans.
 *
 * @internal
 */
export function parseParams(pairs: readonly string[], suite: SuiteDefinition): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  const names = suite.parameters.map((p) => p.name);
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param needs key=value, got ${JSON.stringify(pair)}`, 'run');
    const key = pair.slice(0, eq);
    const text = pair.slice(eq + 1);
    const parameter = suite.parameters.find((p) => p.name === key);
    if (parameter === undefined) {
      const known = names.length === 0 ? `suite ${suite.id} takes no parameters` : `known: ${names.join(', ')}`;
      throw new UsageError(`unknown parameter "${key}" for suite ${suite.id}${suggest(key, names)} (${known})`, 'run');
    }
    if (parameter.type === 'number') {
      const value = text.trim() === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) throw new UsageError(`--param ${key} must be a number, got ${JSON.stringify(text)}`, 'run');
      params[key] = value;
    } else if (parameter.type === 'boolean') {
      const lower = text.toLowerCase();
      if (['true', '1', 'yes', 'on', ''].includes(lower)) params[key] = true;
      else if (['false', '0', 'no', 'off'].includes(lower)) params[key] = false;
      else throw new UsageError(`--param ${key} must be true or false, got ${JSON.stringify(text)}`, 'run');
    } else {
      params[key] = text;
    }
  }
  return params;
}
