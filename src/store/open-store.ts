// Chooses a results store from a `--store` value: a folder, `git`, or `git:REFNAME`.
import { isAbsolute, resolve } from 'node:path';
import { FolderResultsStore } from './folder-store.js';
import { DEFAULT_NOTES_REF, GitNotesResultsStore } from './git-notes-store.js';
import type { ResultsStore } from './results-store.js';

/**
 * Opens a results store from its spec: `git` (notes ref `refs/notes/rune-bench`), `git:REFNAME`, or a folder
 * path (relative to `cwd`). Nothing is created until the first append.
 *
 * @param spec - `git`, `git:REFNAME` or a folder
 * @param options - `cwd`: where a relative folder and the repository are looked up (default `process.cwd()`)
 * @throws TypeError when `spec` is empty or `git:` names no ref
 * @beta
 */
export function openResultsStore(spec: string, options: { readonly cwd?: string } = {}): ResultsStore {
  if (typeof spec !== 'string' || spec.length === 0) throw new TypeError('store option must be a non-empty string');
  const cwd = options.cwd ?? process.cwd();
  if (spec === 'git') return new GitNotesResultsStore({ cwd, ref: DEFAULT_NOTES_REF });
  if (spec.startsWith('git:')) {
    const ref = spec.slice(4);
    if (ref.length === 0) throw new TypeError('store option git: must name a ref (git:REFNAME)');
    return new GitNotesResultsStore({ cwd, ref });
  }
  return new FolderResultsStore(isAbsolute(spec) ? spec : resolve(cwd, spec));
}
