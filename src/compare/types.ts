// Public types of the same-window comparison of two revisions: options, progress and the comparison record.
import type { Clock } from '../core/clock.js';
import type { ConfidenceInterval, PerOperationUnit } from '../core/results.js';
import type { Instrument } from '../bench/instruments/instrument-options.js';
import type { SuiteParameter, SuiteScale } from '../core/suite.js';
import type { ConditionsExplanation, HostConditions } from '../bench/host-conditions.js';
import type { Verdict } from '../detect/regression/verdict.js';

/**
 * Which side of a revision comparison: the base revision (the reference) or the head (the change).
 *
 * @public
 */
export type RevisionSide = 'base' | 'head';

/**
 * Options of {@link compareRevisions}.
 *
 * @public
 */
export interface CompareRevisionsOptions {
  /** The base revision (a branch, tag, commit or any git revision), checked out into a temporary worktree. */
  readonly base: string;
  /** The head revision. @defaultValue the working tree of `repository`, as it is (uncommitted changes included) */
  readonly head?: string;
  /** A directory inside the git repository. @defaultValue `process.cwd()` */
  readonly repository?: string;
  /**
   * The module that defines the suite, inside the repository (absolute, or relative to `repository`). It is
   * loaded from each side's tree, so each side measures its own code. It exports the suite as `default`,
   * `suite` or in an array `suites`, or registers it with `registerSuite`.
   */
  readonly suiteModule: string;
  /** The id of the suite to run. */
  readonly suite: string;
  /** Rounds; each runs both sides once, in fresh processes, in the order A B, B A, A B... @defaultValue `6` */
  readonly rounds?: number;
  /**
   * Most rounds: when after `rounds` a task's interval excludes no change and its estimate lies past the
   * threshold, but the interval still reaches inside it (a change is likely, its size not yet shown), the
   * comparison runs on to this many rounds once and decides on all of them. `rounds` turns it off.
   * @defaultValue twice `rounds`
   */
  readonly maxRounds?: number;
  /** Minimum time per side per round, ms: the suite runs again in the same process until it is spent. @defaultValue `0` (one run) */
  readonly timeMs?: number;
  /** A shell command run in each side's tree before measuring (for example `npm run build`). */
  readonly build?: string;
  /** Smallest change counted as a regression or improvement, as a ratio (0.02 = 2%). @defaultValue `0.02` */
  readonly threshold?: number;
  /** Scale passed to the suite on both sides. @defaultValue `'quick'` */
  readonly scale?: SuiteScale;
  /** Suite parameters passed on both sides. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  /** Seed passed to the suite on both sides. @defaultValue `1` */
  readonly seed?: number;
  /**
   * What measures each task on both sides: `time`, or `instructions` counted under valgrind (the suite must
   * list it in its `instruments`). Instruction counts barely move with the host's load, so the default
   * threshold is 0.5% and host conditions do not turn a verdict inconclusive. @defaultValue `'time'`
   */
  readonly instrument?: Instrument;
  /** With `instrument: 'instructions'`: simulate the caches and compare estimated cycles (a model). @defaultValue `false` */
  readonly cacheSim?: boolean;
  /** Cancels the comparison: the child process is killed and the worktrees removed before the promise rejects. */
  readonly signal?: AbortSignal;
  /** Called as the comparison advances. Must not throw; errors it throws are ignored. */
  readonly onProgress?: (progress: CompareProgress) => void;
  /** Time source for durations and the ETA. @defaultValue `systemClock` */
  readonly clock?: Clock;
}

/**
 * Progress of {@link compareRevisions}.
 *
 * @public
 */
export interface CompareProgress {
  /** What is happening: preparing the trees, building, or measuring. */
  readonly phase: 'prepare' | 'build' | 'measure';
  /** The round running (1-based) while measuring, else 0. */
  readonly round: number;
  /** Rounds in all. */
  readonly rounds: number;
  /** The side running, while building or measuring. */
  readonly side?: RevisionSide;
  /** Fraction of the measurement done, 0-1. */
  readonly fraction: number;
  /** Estimated seconds left, once a side has been measured. */
  readonly etaSeconds?: number;
  /** A short line for people. */
  readonly message: string;
}

/**
 * One revision as compared.
 *
 * @public
 */
export interface ComparedRevision {
  /** The revision as given (`HEAD~1`, `main`), or `working tree`. */
  readonly ref: string;
  /** The commit it resolved to; absent for the working tree. */
  readonly commit?: string;
  /** The suite's declared parameters in this revision. */
  readonly parameters: readonly SuiteParameter[];
}

/**
 * One task's figure on one side in one round.
 *
 * @public
 */
export interface SideTaskMeasurement {
  /** Task name. */
  readonly name: string;
  /** `ok`, or what went wrong. */
  readonly status: 'ok' | 'failed' | 'timeout' | 'aborted';
  /** Median time per operation, seconds (the median of the suite runs' medians in this process). */
  readonly median?: number;
  /** The error message, when not ok. */
  readonly error?: string;
}

/**
 * One side's run within one round: a fresh process.
 *
 * @public
 */
export interface SideRun {
  /** Which side. */
  readonly side: RevisionSide;
  /** Suite runs made in the process (more than one when `timeMs` asked for more time). */
  readonly suiteRuns: number;
  /** Wall time of the process, seconds. */
  readonly seconds: number;
  /** The host's conditions while it ran. */
  readonly conditions: HostConditions;
  /** Per-task figures. */
  readonly tasks: readonly SideTaskMeasurement[];
}

/**
 * One round: both sides, one after the other, in the round's order.
 *
 * @public
 */
export interface CompareRound {
  /** 1-based round number. */
  readonly round: number;
  /** Which side ran first. */
  readonly first: RevisionSide;
  /** The base side's run. */
  readonly base: SideRun;
  /** The head side's run. */
  readonly head: SideRun;
}

/**
 * One task compared over the rounds.
 *
 * @public
 */
export interface TaskRevisionComparison {
  /** Task name. */
  readonly name: string;
  /** Median over rounds of the base side's medians, s/op (absent when no round measured it). */
  readonly baseMedian?: number;
  /** Median over rounds of the head side's medians, s/op. */
  readonly headMedian?: number;
  /** Head median / base median per round (absent where a side failed in that round). */
  readonly roundRatios: readonly (number | undefined)[];
  /** Geometric mean of the round ratios (NaN when no round gave one). */
  readonly ratio: number;
  /** 95% t interval of the ratio over rounds. */
  readonly ci: ConfidenceInterval;
  /** The verdict. */
  readonly verdict: Verdict;
  /** The verdict's reason in words. */
  readonly reason: string;
}

/**
 * A same-window comparison of two revisions: both sides, every round, each task's verdict and the overall one.
 *
 * @public
 */
export interface RevisionComparison {
  /** Suite id. */
  readonly suite: string;
  /** Scale passed to both sides. */
  readonly scale: SuiteScale;
  /** Parameters passed to both sides. */
  readonly params: Readonly<Record<string, string | number | boolean>>;
  /** ISO 8601 start time. */
  readonly startedAt: string;
  /** Wall time, seconds. */
  readonly seconds: number;
  /** Threshold the verdicts used, as a ratio. */
  readonly threshold: number;
  /** Unit of the per-task medians: `seconds`, or `instructions` / `cycles (estimated)` with the instructions instrument. */
  readonly unit: PerOperationUnit;
  /** The base revision. */
  readonly base: ComparedRevision;
  /** The head revision. */
  readonly head: ComparedRevision;
  /** Every round measured (fewer than asked when the sides turned out not comparable). */
  readonly rounds: readonly CompareRound[];
  /** Per-task comparisons (empty when `incomparable`). */
  readonly tasks: readonly TaskRevisionComparison[];
  /** The host's conditions per side over all rounds, and whether they differed enough to explain a change. */
  readonly conditions: { readonly base: HostConditions; readonly head: HostConditions; readonly explanation: ConditionsExplanation } | undefined;
  /** Overall verdict: `incomparable` when the sides measure different things, else the worst task verdict. */
  readonly verdict: Verdict;
  /** The overall verdict's reason in words. */
  readonly reason: string;
  /** Notices for people (linked dependencies, lockfiles that differ...). */
  readonly notices: readonly string[];
}
