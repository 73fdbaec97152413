// The git-notes results store: each run a line in the note of the commit it measured, carried by push/fetch.
import type * as BuiltinsModule from '../core/builtins.js';
import { RuneBenchError, abortError, isRuneBenchError } from '../core/errors.js';
import type * as FilesModule from '../core/files.js';
import { lazyModule } from '../core/lazy.js';
import type { SuiteResult } from '../core/results.js';
import { suiteResultFromJSON, suiteResultToJSON } from '../bench/suite-result-json.js';
import type * as GitModule from './git.js';
import { benchmarksOf, byStartTime, checkBaselineName, keysOf, parseRecord, recordHeader, seriesOf, storedResult } from './stored-records.js';
import type { HistorySeries, ResultsStore, ResultsStoreAppendOptions, ResultsStoreContents, ResultsStoreSeriesOptions, StoredRun } from './results-store.js';

// git, record files and their format load on the first use of a store, not with rune-bench (which exports it).
const builtins = lazyModule<typeof BuiltinsModule>(import.meta.url, '../core/builtins.js');
const randomHex: typeof BuiltinsModule.randomHex = (...args) => builtins().randomHex(...args);
const files = lazyModule<typeof FilesModule>(import.meta.url, '../core/files.js');
const decodeJson: typeof FilesModule.decodeJson = (...args) => files().decodeJson(...args);
const encodeJson: typeof FilesModule.encodeJson = (...args) => files().encodeJson(...args);
const gitModule = lazyModule<typeof GitModule>(import.meta.url, './git.js');
const git: typeof GitModule.git = (...args) => gitModule().git(...args);
const gitText: typeof GitModule.gitText = (...args) => gitModule().gitText(...args);

/** Default notes ref of the git store. @beta */
export const DEFAULT_NOTES_REF = 'refs/notes/rune-bench';
/** Tag starting every record line of a note. */
const LINE_TAG = 'rune-bench1';
/** Tries before an append gives up on a notes ref that keeps moving. */
const MAX_TRIES = 50;

/**
 * Options of the {@link GitNotesResultsStore} constructor.
 *
 * @beta
 */
export interface GitNotesResultsStoreOptions {
  /** A directory inside the repository. */
  readonly cwd: string;
  /** Notes ref holding the runs. @defaultValue `refs/notes/rune-bench` */
  readonly ref?: string;
}

/**
 * Options of {@link GitNotesResultsStore.push} and {@link GitNotesResultsStore.fetch}.
 *
 * @beta
 */
export interface GitNotesTransferOptions {
  /** Aborts the transfer (the git process is killed). */
  readonly signal?: AbortSignal;
}

/**
 * What {@link GitNotesResultsStore.fetch} did.
 *
 * @beta
 */
export interface GitNotesFetchResult {
  /** `false` when the remote has no notes ref yet. */
  readonly fetched: boolean;
}

function fullRef(ref: string): string {
  if (ref.startsWith('refs/notes/')) return ref;
  if (ref.startsWith('notes/')) return `refs/${ref}`;
  return `refs/notes/${ref}`;
}

function execGit(cwd: string, args: readonly string[], signal: AbortSignal | undefined): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    builtins().nodeChildProcess().execFile('git', args, { cwd, ...(signal === undefined ? {} : { signal }) }, (error, _stdout, stderr) => {
      if (signal?.aborted === true) {
        reject(abortError(signal, `git ${args[0] ?? ''}`));
        return;
      }
      if (error !== null && typeof error.code !== 'number') {
        reject(new RuneBenchError('ERR_FILE_IO', `could not run git ${args[0] ?? ''}: ${error.message}`, { cause: error, path: cwd }));
        return;
      }
      resolve({ code: error === null ? 0 : (error.code as number), stderr });
    });
  });
}

/**
 * The git-notes results store: every run is one line (a gzip-compressed, base64 JSON record) in the git note
 * of the commit it measured, under a notes ref (default `refs/notes/rune-bench`) in the repository's own object
 * database. Runs of one commit from several machines sit side by side, keyed by machine fingerprint. An append
 * builds the new notes commit on a private ref and moves the shared ref with a compare-and-swap, retrying when
 * another process moved it first, so concurrent appends lose nothing. {@link GitNotesResultsStore.push} and
 * {@link GitNotesResultsStore.fetch} carry the history with a remote; fetch merges
 * (`git notes merge -s cat_sort_uniq`), never overwrites.
 *
 * @example
 * ```ts
 * const store = new GitNotesResultsStore({ cwd: process.cwd() });
 * await store.fetch('origin');
 * store.append(await suite.run());
 * await store.push('origin');
 * ```
 * @beta
 */
export class GitNotesResultsStore implements ResultsStore {
  /** Store kind. */
  readonly id = 'git';
  readonly #cwd: string;
  readonly #ref: string;

  /**
   * @throws TypeError when `cwd` or `ref` is not a non-empty string
   */
  constructor(options: GitNotesResultsStoreOptions) {
    if (typeof options.cwd !== 'string' || options.cwd.length === 0) throw new TypeError('cwd option must be a non-empty string');
    const ref = options.ref ?? DEFAULT_NOTES_REF;
    if (typeof ref !== 'string' || ref.length === 0 || /\s|\.\.|[~^:?*[\\]/.test(ref)) throw new TypeError('ref option must be a valid ref name');
    this.#cwd = options.cwd;
    this.#ref = fullRef(ref);
  }

  /** The notes ref. */
  get ref(): string {
    return this.#ref;
  }

  /** `git:<ref>`, for messages. */
  get location(): string {
    return `git:${this.#ref}`;
  }

  /**
   * Appends one run to the note of the commit it measured.
   *
   * @param result - the suite result
   * @param options - `commit`: a revision (default `result.env.gitCommit`, else `HEAD`), resolved to its commit id;
   *   `machine`: the fingerprint (default `result.env.id`)
   * @throws RuneBenchError `ERR_NOT_FOUND` when the revision is not a commit; `ERR_BUSY` when the ref kept moving
   */
  append(result: SuiteResult, options: ResultsStoreAppendOptions = {}): StoredRun {
    const stored = storedResult(result);
    const commit = this.#resolveCommit(options.commit ?? result.env.gitCommit ?? 'HEAD');
    const machine = options.machine ?? result.env.id;
    const run = randomHex(8);
    const bytes = encodeJson({ ...recordHeader(), commit, machine, run, result: stored }, true);
    const line = `${LINE_TAG} ${Buffer.from(bytes).toString('base64')}`;
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      if (this.#tryAppend(commit, line)) {
        return { file: `${commit}:${run}`, suite: result.name, commit, machine, startedAt: result.startedAt, benchmarks: benchmarksOf(stored), result: stored };
      }
    }
    throw new RuneBenchError('ERR_BUSY', `${this.#ref} kept moving: gave up appending after ${MAX_TRIES} tries`, { path: this.#cwd });
  }

  /**
   * Reads every run under the notes ref (one `git notes list` and one `git cat-file --batch`).
   *
   * @throws RuneBenchError `ERR_FILE_IO` when git fails (not a repository...)
   */
  read(): ResultsStoreContents {
    const listing = gitText(this.#cwd, ['notes', `--ref=${this.#ref}`, 'list']);
    const records: StoredRun[] = [];
    const errors: RuneBenchError[] = [];
    if (listing === '') return { records, errors };
    const notes = listing.split('\n').map((l) => l.split(' ') as [string, string]);
    const out = git(this.#cwd, ['cat-file', '--batch'], notes.map(([blob]) => `${blob}\n`).join(''));
    if (out.status !== 0) throw new RuneBenchError('ERR_FILE_IO', `git cat-file --batch failed: ${out.stderr.trim()}`, { path: this.#cwd });
    const buf = out.stdout;
    let at = 0;
    for (const [, commit] of notes) {
      const eol = buf.indexOf(10, at);
      const size = Number(buf.subarray(at, eol).toString('latin1').split(' ')[2]);
      const text = buf.subarray(eol + 1, eol + 1 + size).toString('utf8');
      at = eol + 1 + size + 1;
      text.split('\n').forEach((line, index) => {
        if (!line.startsWith(`${LINE_TAG} `)) return;
        const where = `${this.location} note of ${commit}, line ${index + 1}`;
        try {
          const json = decodeJson(Buffer.from(line.slice(LINE_TAG.length + 1), 'base64'), where);
          const run = (json as { run?: unknown }).run;
          records.push({ ...parseRecord(json, where), file: `${commit}:${typeof run === 'string' ? run : String(index)}` });
        } catch (cause) {
          errors.push(isRuneBenchError(cause) ? cause : new RuneBenchError('ERR_CORRUPT_FILE', `could not read ${where}: ${(cause as Error).message}`, { cause, path: where }));
        }
      });
    }
    records.sort(byStartTime);
    return { records, errors };
  }

  /** Benchmark keys present in readable records, sorted. */
  keys(): string[] {
    return keysOf(this.read().records);
  }

  /** One benchmark's history on one machine, oldest first (see {@link ResultsStore.series}). */
  series(key: string, options: ResultsStoreSeriesOptions = {}): HistorySeries {
    return seriesOf(options.records ?? this.read().records, key, options.machine);
  }

  /**
   * Pushes the notes ref to `remote`; when the remote moved on, fetches (merging) and pushes again.
   *
   * @throws RuneBenchError `ERR_FILE_IO` when the push fails; `ERR_ABORTED` when the signal fires
   */
  async push(remote = 'origin', options: GitNotesTransferOptions = {}): Promise<void> {
    let last = '';
    for (let attempt = 0; attempt < 5; attempt++) {
      const baselines = `+${this.#baselinePrefix()}/*:${this.#baselinePrefix()}/*`;
      const { code, stderr } = await execGit(this.#cwd, ['push', '--quiet', remote, `${this.#ref}:${this.#ref}`, baselines], options.signal);
      if (code === 0) return;
      last = stderr.trim();
      if (!/rejected|non-fast-forward|fetch first|stale info/i.test(stderr)) break;
      await this.fetch(remote, options);
    }
    throw new RuneBenchError('ERR_FILE_IO', `git push ${remote} ${this.#ref} failed: ${last.split('\n')[0] ?? ''}`, { path: this.#cwd });
  }

  /**
   * Fetches the remote's notes ref and merges it into the local one (union of the runs).
   *
   * @throws RuneBenchError `ERR_FILE_IO` when the fetch or the merge fails; `ERR_ABORTED` when the signal fires
   */
  async fetch(remote = 'origin', options: GitNotesTransferOptions = {}): Promise<GitNotesFetchResult> {
    const incoming = `${this.#ref}-fetch/${String(process.pid)}-${randomHex(4)}`;
    try {
      const { code, stderr } = await execGit(this.#cwd, ['fetch', '--quiet', '--no-tags', remote, `+${this.#ref}:${incoming}`], options.signal);
      if (code !== 0) {
        if (/couldn't find remote ref/i.test(stderr)) return { fetched: false };
        throw new RuneBenchError('ERR_FILE_IO', `git fetch ${remote} ${this.#ref} failed: ${stderr.trim().split('\n')[0] ?? ''}`, { path: this.#cwd });
      }
      const baselines = `+${this.#baselinePrefix()}/*:${this.#baselinePrefix()}/*`;
      const fetchedBaselines = await execGit(this.#cwd, ['fetch', '--quiet', '--no-tags', remote, baselines], options.signal);
      if (fetchedBaselines.code !== 0 && !/couldn't find remote ref/i.test(fetchedBaselines.stderr)) {
        throw new RuneBenchError('ERR_FILE_IO', `git fetch ${remote} baselines failed: ${fetchedBaselines.stderr.trim().split('\n')[0] ?? ''}`, { path: this.#cwd });
      }
      for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
        if (options.signal?.aborted === true) throw abortError(options.signal, 'notes merge');
        if (this.#tryMerge(incoming)) return { fetched: true };
      }
      throw new RuneBenchError('ERR_BUSY', `${this.#ref} kept moving: gave up merging after ${MAX_TRIES} tries`, { path: this.#cwd });
    } finally {
      git(this.#cwd, ['update-ref', '-d', incoming]);
    }
  }

  /**
   * Saves `result` as the named baseline: a compressed blob under `refs/rune-bench/<notes ref name>/baselines/NAME`,
   * carried by {@link GitNotesResultsStore.push} and {@link GitNotesResultsStore.fetch} (the remote's wins on fetch).
   *
   * @throws TypeError when the name is not a baseline name; RuneBenchError `ERR_FILE_IO` when git fails
   */
  saveBaseline(name: string, result: SuiteResult): void {
    checkBaselineName(name);
    const blob = gitText(this.#cwd, ['hash-object', '-w', '--stdin'], encodeJson(suiteResultToJSON(storedResult(result)), true));
    gitText(this.#cwd, ['update-ref', `${this.#baselinePrefix()}/${name}`, blob]);
  }

  /**
   * The named baseline, or `undefined` when none was saved.
   *
   * @throws TypeError when the name is not a baseline name; RuneBenchError when the stored one is unreadable
   */
  readBaseline(name: string): SuiteResult | undefined {
    checkBaselineName(name);
    const ref = `${this.#baselinePrefix()}/${name}`;
    const found = git(this.#cwd, ['rev-parse', '--verify', '--quiet', ref]);
    if (found.status !== 0) return undefined;
    const blob = git(this.#cwd, ['cat-file', 'blob', found.stdout.toString('utf8').trim()]);
    if (blob.status !== 0) throw new RuneBenchError('ERR_FILE_IO', `could not read ${ref}: ${blob.stderr.trim()}`, { path: this.#cwd });
    return suiteResultFromJSON(decodeJson(blob.stdout, ref), ref);
  }

  /** Where named baselines live: beside, not under, the notes ref (a ref cannot also be a folder). */
  #baselinePrefix(): string {
    return `refs/rune-bench/${this.#ref.slice('refs/notes/'.length)}/baselines`;
  }

  #resolveCommit(rev: string): string {
    const out = git(this.#cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
    if (out.status !== 0) throw new RuneBenchError('ERR_NOT_FOUND', `${rev} is not a commit in ${this.#cwd}`, { path: this.#cwd });
    return out.stdout.toString('utf8').trim();
  }

  #current(): string | undefined {
    const out = git(this.#cwd, ['rev-parse', '--verify', '--quiet', this.#ref]);
    return out.status === 0 ? out.stdout.toString('utf8').trim() : undefined;
  }

  /** Builds the new notes commit on a private ref from the current value, then moves the shared ref only if unmoved. */
  #withPrivateRef(build: (scratch: string, old: string | undefined) => void): boolean {
    const old = this.#current();
    const scratch = `${this.#ref}-tmp/${String(process.pid)}-${randomHex(4)}`;
    try {
      if (old !== undefined) gitText(this.#cwd, ['update-ref', scratch, old]);
      build(scratch, old);
      const next = gitText(this.#cwd, ['rev-parse', '--verify', scratch]);
      return git(this.#cwd, ['update-ref', '-m', 'rune-bench', this.#ref, next, old ?? '']).status === 0;
    } finally {
      git(this.#cwd, ['update-ref', '-d', scratch]);
    }
  }

  #tryAppend(commit: string, line: string): boolean {
    return this.#withPrivateRef((scratch, old) => {
      let text = '';
      if (old !== undefined) {
        const existing = git(this.#cwd, ['notes', `--ref=${scratch}`, 'list', commit]);
        if (existing.status === 0) text = gitText(this.#cwd, ['cat-file', 'blob', existing.stdout.toString('utf8').trim()]);
      }
      const blob = gitText(this.#cwd, ['hash-object', '-w', '--stdin'], `${text === '' ? '' : `${text}\n`}${line}\n`);
      gitText(this.#cwd, ['notes', `--ref=${scratch}`, 'add', '-f', '-C', blob, commit]);
    });
  }

  #tryMerge(incoming: string): boolean {
    return this.#withPrivateRef((scratch, old) => {
      if (old === undefined) gitText(this.#cwd, ['update-ref', scratch, incoming]);
      else gitText(this.#cwd, ['notes', `--ref=${scratch}`, 'merge', '--quiet', '-s', 'cat_sort_uniq', incoming]);
    });
  }
}
