// Bench file discovery: `rune-bench run` without --suite runs the files that match the bench patterns
// (`**/*.bench.{ts,mts,js,mjs}` by default), found below the project root.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders never searched: dependencies, build output, version-control and tool state. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'coverage']);

/**
 * A glob pattern as a regular expression over `/`-separated relative paths: `**` any number of folders,
 * `*` any characters but `/`, `?` one such character, `{a,b}` either alternative.
 *
 * @internal
 */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      out += '(?:';
      depth++;
    } else if (c === '}' && depth > 0) {
      out += ')';
      depth--;
    } else if (c === ',' && depth > 0) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * The files below `root` whose path relative to `root` matches one of `patterns`, sorted. Folders named
 * `node_modules`, `dist`, `build`, `coverage` and hidden folders are not searched.
 *
 * @internal
 */
export function discoverBenchFiles(root: string, patterns: readonly string[]): string[] {
  const matchers = patterns.map(globToRegExp);
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to discover there
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED.has(entry.name)) walk(path);
      } else if (entry.isFile()) {
        const rel = relative(root, path).split(sep).join('/');
        if (matchers.some((m) => m.test(rel))) found.push(path);
      }
    }
  };
  walk(root);
  return found.sort();
}
