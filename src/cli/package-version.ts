// The package version, apart from the command tree: `rune-bench --version` reads it without loading the CLI.
import { readFileSync } from 'node:fs';

/** The package version, read from package.json (`0.0.0` when it cannot be read). @internal */
export function packageVersion(): string {
  try {
    const json = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
