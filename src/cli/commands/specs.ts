// What each command accepts and says in `--help`: data only, so help and flag errors load nothing heavy.
import type { CommandSpec } from '../args.js';
import { instrumentFlagSpecs } from '../instrument-flags.js';

/** Flags and help of `run`. @internal */
export const RUN_SPEC: CommandSpec = {
  name: 'run',
  summary: 'Run a benchmark suite, print its report and record it in the results store.',
  usage: '[--suite NAME] [--filter PATTERN] [options]',
  details: [
    'Without --suite, runs the bench files found below the project root (*.bench.{ts,mts,js,mjs}; each exports',
    'a BenchmarkSuite). A rune-bench.config.{ts,mts,js,mjs,json} found from the working directory upward sets',
    'require, bench (patterns), store, threshold and format; flags override it. TypeScript files load through',
    'Node\'s type stripping where present, else through tsx installed in the project.',
    'The report goes to stdout (or --output FILE), progress to stderr. Every completed run is appended to the',
    'results store (.rune-bench/ in the working directory, or --store DIR), which `report --trends` reads.',
    'With --baseline FILE each task is compared with the baseline (bootstrap interval of the median ratio,',
    'Mann-Whitney U); --fail-on-regression then exits 1 when a task regressed. Without --baseline,',
    '--fail-on-regression compares with the previous stored run of the suite on this machine.',
    'Each run records its scale, parameters and the host\'s conditions (load, run queue, other processes\' CPU).',
    'Runs with other parameters, scale or tasks are not compared: exit 2 with what differs. When the host\'s',
    'conditions differ enough to explain a change, verdicts are inconclusive with a notice naming what changed:',
    'exit 0, or 4 with --strict.',
  ],
  flags: {
    suite: { type: 'string', short: 's', value: 'NAME', description: 'suite to run (see `list`; default: the bench files)' },
    filter: { type: 'string', value: 'PATTERN', description: 'only the tasks whose name contains PATTERN (or matches /REGEX/)' },
    scale: { type: 'string', value: 'quick|standard|linux', description: 'size of the run (default: quick)' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'table, json, html or markdown (default: table)' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write the report to FILE (atomically) instead of stdout' },
    baseline: { type: 'string', short: 'b', value: 'FILE|NAME', description: 'compare with a result saved by --save-baseline (a file, or a name in the store)' },
    'save-baseline': {
      type: 'string',
      value: 'FILE|NAME',
      description: 'save this run as a baseline: FILE (JSON; gzip when it ends in .gz) or a NAME kept in the store',
    },
    'fail-on-regression': { type: 'boolean', description: 'exit 1 when a task regressed against the baseline' },
    strict: { type: 'boolean', description: 'exit 4 when a verdict against the baseline is inconclusive (for example a changed host load)' },
    threshold: { type: 'string', value: 'RATIO', description: 'smallest slowdown counted as a regression: 0.05 or 5% (default: 2%)' },
    store: { type: 'string', value: 'DIR|git|git:REF', description: 'results store: a folder, or git notes (default: .rune-bench)' },
    'no-store': { type: 'boolean', description: 'do not record this run in the results store' },
    param: { type: 'string', short: 'P', multiple: true, value: 'KEY=VALUE', description: 'suite parameter (repeatable; see `list`)' },
    seed: { type: 'string', value: 'N', description: 'seed for generators and bootstrap (default: 1)' },
    ...instrumentFlagSpecs({
      instrument: ': time (default), or instructions counted under valgrind (Debian package valgrind; suites that support it)',
      cacheSim: 'report',
    }),
    require: {
      type: 'string',
      short: 'r',
      multiple: true,
      value: 'FILE',
      description: 'load a module that exports or registers extra suites (repeatable; also env RUNE_BENCH_SUITES)',
    },
  },
  examples: [
    'run',
    'run --filter sha1',
    'run --suite comprehensive',
    'run --suite disk_io --format markdown --output report.md',
    'run --suite large_repository --param dir=/src/linux --scale linux',
    'run --suite network --save-baseline base.json',
    'run --suite network --baseline base.json --fail-on-regression',
    'run --require ./my-suites.js --suite hashing --instrument instructions',
  ],
};

/** Flags and help of `compare`. @internal */
export const COMPARE_SPEC: CommandSpec = {
  name: 'compare',
  summary: 'Compare two revisions in the same time window: interleaved fresh processes, a verdict per task.',
  usage: '--base REF [--head REF] --require SUITE_MODULE --suite ID [options]',
  details: [
    'The base (and --head REF; default: the working tree as it is) is checked out into a temporary git worktree,',
    'removed afterwards (also on Ctrl-C or an error), with the working tree\'s node_modules linked in (a notice',
    'says when the lockfiles differ); --build CMD runs in each tree first. The suite module is loaded from each',
    'tree, so each side measures its own code. The sides run interleaved in fresh processes (A B, B A, A B...);',
    'each task\'s ratio per round (head / base) gives a 95% t interval over rounds and the verdict: regressed,',
    'improved, unchanged or inconclusive. When a task shows a change (interval excludes none, estimate past the',
    'threshold) whose interval still reaches inside the threshold, the comparison runs on once to --max-rounds',
    '(default: twice --rounds) and decides on all rounds. Exit codes: 0 (also for inconclusive), 1 regressed with',
    '--fail-on-regression, 2 the revisions are not comparable (different parameters or task set) or bad usage,',
    '3 a side failed, 4 inconclusive with --strict, 130 interrupted.',
  ],
  flags: {
    base: { type: 'string', value: 'REF', description: 'base revision (branch, tag, commit...)' },
    head: { type: 'string', value: 'REF', description: 'head revision (default: the working tree)' },
    require: { type: 'string', short: 'r', multiple: true, value: 'FILE', description: 'the suite module, a file in the repository' },
    suite: { type: 'string', short: 's', value: 'ID', description: 'suite to run on both sides' },
    rounds: { type: 'string', value: 'N', description: 'rounds, each running both sides once (default: 6, at least 2)' },
    'max-rounds': { type: 'string', value: 'N', description: 'rounds to run on to when a change is likely but unsettled (default: twice --rounds; --rounds turns it off)' },
    'time-ms': { type: 'string', value: 'MS', description: 'minimum time per side per round; the suite reruns until spent (default: 0, one run)' },
    build: { type: 'string', value: 'CMD', description: 'shell command run in each tree before measuring (e.g. "npm run build")' },
    threshold: { type: 'string', value: 'RATIO', description: 'smallest change counted (default: 0.02 = 2%; 0.005 with --instrument instructions)' },
    ...instrumentFlagSpecs({
      instrument: ' on both sides: time (default), or instructions counted under valgrind (suites that support it; load barely moves the counts, so 3 rounds usually decide)',
      cacheSim: 'compare',
    }),
    scale: { type: 'string', value: 'quick|standard|linux', description: 'size of the run on both sides (default: quick)' },
    param: { type: 'string', short: 'P', multiple: true, value: 'KEY=VALUE', description: 'suite parameter for both sides (repeatable)' },
    seed: { type: 'string', value: 'N', description: 'seed passed to the suite (default: 1)' },
    format: { type: 'string', short: 'f', value: 'table|json', description: 'report format on stdout (default: table)' },
    'fail-on-regression': { type: 'boolean', description: 'exit 1 when a task regressed' },
    strict: { type: 'boolean', description: 'exit 4 when the verdict is inconclusive' },
  },
  examples: [
    'compare --base main --require bench/suite.js --suite core',
    'compare --base origin/main --head HEAD --require bench/suite.ts --suite core --build "npm run build" --fail-on-regression',
    'compare --base HEAD~1 --require bench/suite.js --suite core --rounds 10 --time-ms 2000 --format json',
    'compare --base main --require bench/counted.js --suite hashing --instrument instructions --rounds 3 --fail-on-regression',
  ],
};

/** Flags and help of `list`. @internal */
export const LIST_SPEC: CommandSpec = {
  name: 'list',
  summary: 'List the benchmark suites you can run, with their parameters.',
  usage: '[--format table|json] [--require FILE]...',
  flags: {
    format: { type: 'string', short: 'f', value: 'table|json', description: 'output format (default: table)' },
    require: {
      type: 'string',
      short: 'r',
      multiple: true,
      value: 'FILE',
      description: 'load a module that exports or registers extra suites (repeatable; also env RUNE_BENCH_SUITES)',
    },
  },
  examples: ['list', 'list --format json', 'list --require ./my-suites.js'],
};

/** Flags and help of `monitor`. @internal */
export const MONITOR_SPEC: CommandSpec = {
  name: 'monitor',
  summary: 'Watch CPU, memory, event loop, GC and I/O live, with bottleneck findings; serve /metrics to Prometheus.',
  usage: '[--interval SECONDS] [--history N] [--pid PID] [--duration SECONDS] [--serve PORT [--host ADDR]]',
  details: [
    'On a terminal the dashboard redraws in place (current value, min, max and a sparkline per metric, then the',
    'bottleneck findings); press Ctrl-C to quit. When the output is not a terminal it prints one line per sample.',
    'With --serve, GET http://HOST:PORT/metrics answers in the Prometheus text format (bound to 127.0.0.1',
    'unless --host says otherwise; --serve 0 picks a free port, printed on stderr).',
  ],
  flags: {
    interval: { type: 'string', short: 'i', value: 'SECONDS', description: 'seconds between samples (default: 1)' },
    history: { type: 'string', value: 'N', description: 'snapshots kept for sparklines and findings (default: 600)' },
    pid: { type: 'string', short: 'p', value: 'PID', description: 'also watch this process (CPU and memory via pidusage); stops when it exits' },
    duration: { type: 'string', short: 'd', value: 'SECONDS', description: 'stop after this many seconds (default: until Ctrl-C)' },
    serve: { type: 'string', value: 'PORT', description: 'serve the metrics at http://HOST:PORT/metrics for Prometheus' },
    host: { type: 'string', value: 'ADDR', description: 'address --serve binds to (default: 127.0.0.1)' },
  },
  examples: ['monitor', 'monitor --pid 4242 --interval 0.5', 'monitor --duration 60 > samples.log', 'monitor --serve 9464'],
};

/** Flags and help of `report`. @internal */
export const REPORT_SPEC: CommandSpec = {
  name: 'report',
  summary: 'Report on recorded runs: the latest run, or trends across runs with change points.',
  usage: '[--trends [--last N] [--branch REF] [--seed N] [--budget KEY=LIMIT]...] [--suite NAME] [--format FORMAT] [--output FILE] [--store DIR|git]',
  details: [
    'Reads the results store that `run` records into (.rune-bench/ in the working directory, or --store DIR).',
    'Without --trends: the latest run (of --suite NAME when given), compared with the run of the same suite',
    'before it on the same machine. With --trends: each benchmark\'s median across runs on this machine, with',
    'the change points the regression detector finds. Damaged records are reported on stderr and skipped.',
  ],
  flags: {
    trends: { type: 'boolean', short: 't', description: 'show every benchmark across runs, with change points' },
    suite: { type: 'string', short: 's', value: 'NAME', description: 'only this suite' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'table, json, html or markdown (default: table)' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write the report to FILE (atomically) instead of stdout' },
    store: { type: 'string', value: 'DIR|git|git:REF', description: 'results store: a folder, or git notes (default: .rune-bench)' },
    last: { type: 'string', value: 'N', description: 'with --trends: only the newest N runs (default: all)' },
    branch: {
      type: 'string',
      value: 'REF',
      description: 'with --trends: runs in the first-parent history of REF, in commit order (default with --store git: HEAD)',
    },
    seed: { type: 'string', value: 'N', description: 'seed for the change-point bootstrap (default: 1)' },
    budget: {
      type: 'string',
      multiple: true,
      value: 'KEY=LIMIT',
      description: "with --trends: a benchmark's budget, a time ('40ms') or a ratio to a named baseline ('1.2x@main'); says when the trend crosses it (repeatable)",
    },
  },
  examples: ['report', 'report --suite disk_io --format markdown', 'report --trends', "report --trends --budget 'large_repository/walk + lstat=40ms'", 'report --trends --format html --output trends.html'],
};

/** Flags and help of `store`. @internal */
export const STORE_SPEC: CommandSpec = {
  name: 'store',
  summary: 'Move the git-notes results store with a remote: push it, or fetch and merge it.',
  usage: 'push|fetch [REMOTE] [--store git|git:REFNAME]',
  details: [
    'With --store git (or git:REFNAME) runs are kept as git notes on the commits they measured',
    '(refs/notes/rune-bench by default). `store fetch` fetches the remote\'s notes ref and merges it into',
    'the local one (the union of the runs, never an overwrite); `store push` pushes it, fetching and',
    'merging first when the remote moved on. REMOTE defaults to origin.',
  ],
  positionals: 'push|fetch [REMOTE]',
  flags: {
    store: { type: 'string', value: 'git|git:REFNAME', description: 'the git store to move (default: git)' },
  },
  examples: ['store fetch', 'store push origin', 'store fetch upstream --store git:perf'],
};

/** Flags and help of `bisect`. @internal */
export const BISECT_SPEC: CommandSpec = {
  name: 'bisect',
  summary: 'Find the first commit where a task got slower: a binary search of same-window comparisons.',
  usage: '--good REF --bad REF --require SUITE_MODULE --suite ID --task NAME [options]',
  details: [
    'Walks the first-parent path from --good to --bad. Each step compares a commit with the good side in the',
    'same time window (as `compare` does, in temporary worktrees removed afterwards); a commit is bad when the',
    'task\'s verdict is regressed. --bad is measured first, so a range without a regression says so. Prints the',
    'first bad commit and its verdict. Exit codes: 0 found, 1 no regression between the ends, 2 bad usage, 130',
    'interrupted.',
  ],
  flags: {
    good: { type: 'string', value: 'REF', description: 'a revision where the task is fast' },
    bad: { type: 'string', value: 'REF', description: 'a later revision where it is slower (default: HEAD)' },
    require: { type: 'string', short: 'r', multiple: true, value: 'FILE', description: 'the suite module, a file in the repository' },
    suite: { type: 'string', short: 's', value: 'ID', description: 'suite to run' },
    task: { type: 'string', short: 't', value: 'NAME', description: 'the task to follow' },
    rounds: { type: 'string', value: 'N', description: 'rounds per step (default: 6, at least 2)' },
    threshold: { type: 'string', value: 'RATIO', description: 'smallest slowdown counted (default: 0.02 = 2%)' },
    build: { type: 'string', value: 'CMD', description: 'shell command run in each tree before measuring' },
  },
  examples: ['bisect --good v1.0 --bad main --require bench/suite.js --suite core --task parse'],
};
