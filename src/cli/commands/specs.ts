// What each command accepts and says in `--help`: data only, so help and flag errors load nothing heavy.
import type { CommandSpec } from '../args.js';

/** Flags and help of `run`. @internal */
export const RUN_SPEC: CommandSpec = {
  name: 'run',
  summary: 'Run a benchmark suite, print its report and record it in the results store.',
  usage: '--suite NAME [options]',
  details: [
    'The report goes to stdout (or --output FILE), progress to stderr. Every completed run is appended to the',
    'results store (.rune-bench/ in the working directory, or --store DIR), which `report --trends` reads.',
    'With --baseline FILE each task is compared with the baseline (bootstrap interval of the median ratio,',
    'Mann-Whitney U); --fail-on-regression then exits 1 when a task regressed. Without --baseline,',
    '--fail-on-regression compares with the previous stored run of the suite on this machine.',
  ],
  flags: {
    suite: { type: 'string', short: 's', value: 'NAME', description: 'suite to run (see `list`)' },
    scale: { type: 'string', value: 'quick|standard|linux', description: 'size of the run (default: quick)' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'table, json, html or markdown (default: table)' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write the report to FILE (atomically) instead of stdout' },
    baseline: { type: 'string', short: 'b', value: 'FILE', description: 'compare with a result saved by --save-baseline' },
    'save-baseline': { type: 'string', value: 'FILE', description: 'save this run as a baseline (JSON; gzip when FILE ends in .gz)' },
    'fail-on-regression': { type: 'boolean', description: 'exit 1 when a task regressed against the baseline' },
    threshold: { type: 'string', value: 'RATIO', description: 'smallest slowdown counted as a regression (default: 0.02 = 2%)' },
    store: { type: 'string', value: 'DIR', description: 'results store folder (default: .rune-bench)' },
    'no-store': { type: 'boolean', description: 'do not record this run in the results store' },
    param: { type: 'string', short: 'P', multiple: true, value: 'KEY=VALUE', description: 'suite parameter (repeatable; see `list`)' },
    seed: { type: 'string', value: 'N', description: 'seed for generators and bootstrap (default: 1)' },
    instrument: {
      type: 'string',
      value: 'time|instructions',
      description: 'what measures each task: time (default), or instructions counted under valgrind (Debian package valgrind; suites that support it)',
    },
    'cache-sim': { type: 'boolean', description: 'with --instrument instructions: simulate the caches and report estimated cycles (a model)' },
    require: {
      type: 'string',
      short: 'r',
      multiple: true,
      value: 'FILE',
      description: 'load a module that exports or registers extra suites (repeatable; also env RUNE_BENCH_SUITES)',
    },
  },
  examples: [
    'run --suite comprehensive',
    'run --suite disk_io --format markdown --output report.md',
    'run --suite large_repository --param dir=/src/linux --scale linux',
    'run --suite network --save-baseline base.json',
    'run --suite network --baseline base.json --fail-on-regression',
    'run --require ./my-suites.js --suite hashing --instrument instructions',
  ],
};

/** Flags and help of `list`. @internal */
export const LIST_SPEC: CommandSpec = {
  name: 'list',
  summary: 'List the benchmark suites you can run, with their parameters.',
  usage: '[--format table|json]',
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
  usage: '[--trends] [--suite NAME] [--format FORMAT] [--output FILE] [--store DIR]',
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
    store: { type: 'string', value: 'DIR', description: 'results store folder (default: .rune-bench)' },
    last: { type: 'string', value: 'N', description: 'with --trends: only the newest N runs (default: all)' },
    seed: { type: 'string', value: 'N', description: 'seed for the change-point bootstrap (default: 1)' },
  },
  examples: ['report', 'report --suite disk_io --format markdown', 'report --trends', 'report --trends --format html --output trends.html'],
};
