// Finding valgrind: one check, one typed error that says which Debian package to install.
import { spawnSync } from 'node:child_process';
import { RuneBenchError } from '../../core/errors.js';

const found = new Map<string, string>();

/**
 * Checks that valgrind can be run and returns its version line (e.g. `valgrind-3.19.0`). The answer is
 * cached per path for the life of the process.
 *
 * @param path - the valgrind executable. @defaultValue `'valgrind'` (looked up on the PATH)
 * @returns the version valgrind reports
 * @throws RuneBenchError `ERR_TOOL_MISSING` when valgrind cannot be run; the message names the Debian package `valgrind`
 * @public
 */
export function findValgrind(path = 'valgrind'): string {
  const known = found.get(path);
  if (known !== undefined) return known;
  const probe = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const version = typeof probe.stdout === 'string' ? probe.stdout.trim() : '';
  if (probe.error !== undefined || probe.status !== 0 || !version.startsWith('valgrind')) {
    const why = probe.error !== undefined ? probe.error.message : `it exited with ${String(probe.status ?? probe.signal)}`;
    throw new RuneBenchError(
      'ERR_TOOL_MISSING',
      `the instructions instrument needs valgrind, which could not be run as "${path}" (${why}): install the Debian package \`valgrind\` (apt-get install valgrind)`,
      { cause: probe.error },
    );
  }
  found.set(path, version);
  return version;
}
