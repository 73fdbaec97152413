// Flags and help of `exec`: data only, so help and flag errors load nothing heavy.
import type { CommandSpec } from '../args.js';

/** Flags and help of `exec`. @internal */
export const EXEC_SPEC: CommandSpec = {
  name: 'exec',
  summary: 'Benchmark shell commands (like hyperfine), in a generated repository or your own tree.',
  usage: '[options] CMD...',
  positionals: 'CMD...',
  details: [
    'Each command runs --warmup times, then at least --min-runs times and until its runs add up to --min-time. ' +
      'Per run: wall time, user and system CPU of the command and all its descendants, peak RSS and the exit code ' +
      '(measured by a small python3 helper that spawns and waits for each run).',
    'Commands run through --shell (default sh), whose start-up time is measured on an empty command and ' +
      'subtracted, as hyperfine does; --shell none runs them without a shell. {NAME} in a command is replaced by ' +
      'each value of --parameter-scan or --parameter-list (one task per value). A run that exits non-zero fails ' +
      'its command unless --ignore-failure.',
    "The result is a suite result like `run`'s: recorded in the results store, compared with --baseline, gated " +
      'by --fail-on-regression; the --export-* files are the ones hyperfine writes. With --tree quick|standard|linux ' +
      'the commands run in a generated repository (committed with git, removed afterwards); --tree DIR runs them in DIR.',
  ],
  flags: {
    warmup: { type: 'string', short: 'w', value: 'N', description: 'runs of each command before measuring (default: 0)' },
    'min-runs': { type: 'string', short: 'm', value: 'N', description: 'fewest measured runs per command (default: 10)' },
    'max-runs': { type: 'string', short: 'M', value: 'N', description: 'most measured runs per command (default: no limit)' },
    runs: { type: 'string', short: 'r', value: 'N', description: 'exactly N measured runs per command' },
    'min-time': { type: 'string', value: 'SECONDS', description: 'measure each command at least this long (default: 3)' },
    prepare: { type: 'string', short: 'p', value: 'CMD', description: 'run CMD before every run of every command (not timed)' },
    setup: { type: 'string', short: 's', value: 'CMD', description: 'run CMD once before each command\'s runs (not timed)' },
    cleanup: { type: 'string', short: 'c', value: 'CMD', description: 'run CMD once after each command\'s runs (not timed)' },
    cwd: { type: 'string', value: 'DIR', description: 'working directory of the commands (default: the current one)' },
    tree: { type: 'string', short: 't', value: 'quick|standard|linux|DIR', description: 'run in a generated git repository of that size, or in DIR' },
    shell: { type: 'string', short: 'S', value: 'SHELL|none', description: 'shell that runs each command (default: sh); none: no shell' },
    'no-shell': { type: 'boolean', short: 'N', description: 'same as --shell none' },
    'parameter-scan': { type: 'string', short: 'P', arity: 3, value: 'NAME LO HI', description: 'one task per number LO..HI, as {NAME} in the commands' },
    'parameter-step-size': { type: 'string', short: 'D', value: 'N', description: 'step of --parameter-scan (default: 1)' },
    'parameter-list': { type: 'string', short: 'L', arity: 2, multiple: true, value: 'NAME a,b,c', description: 'one task per value, as {NAME} (repeatable)' },
    'command-name': { type: 'string', short: 'n', multiple: true, value: 'NAME', description: 'display name of the next command (repeatable, in order)' },
    'ignore-failure': { type: 'boolean', short: 'i', description: 'accept runs that exit non-zero' },
    'export-json': { type: 'string', value: 'FILE', description: 'write hyperfine\'s JSON export' },
    'export-csv': { type: 'string', value: 'FILE', description: 'write hyperfine\'s CSV export' },
    'export-markdown': { type: 'string', value: 'FILE', description: 'write hyperfine\'s Markdown table' },
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'table, json, html or markdown (default: table)' },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write the report to FILE (atomically) instead of stdout' },
    name: { type: 'string', value: 'NAME', description: 'suite name in the results store (default: exec)' },
    baseline: { type: 'string', short: 'b', value: 'FILE', description: 'compare with a result saved by --save-baseline' },
    'save-baseline': { type: 'string', value: 'FILE', description: 'save this run as a baseline (JSON; gzip when FILE ends in .gz)' },
    'fail-on-regression': { type: 'boolean', description: 'exit 1 when a command regressed against the baseline' },
    threshold: { type: 'string', value: 'RATIO', description: 'smallest slowdown counted as a regression (default: 0.02 = 2%)' },
    store: { type: 'string', value: 'DIR', description: 'results store folder (default: .rune-bench)' },
    'no-store': { type: 'boolean', description: 'do not record this run in the results store' },
    seed: { type: 'string', value: 'N', description: 'seed for the generated tree and the bootstrap (default: 1)' },
  },
  examples: [
    "exec 'git status' 'rune status'",
    "exec --tree linux --warmup 3 'git status' 'rune status'",
    "exec --parameter-scan n 1 4 'git log -n {n}00' --export-json out.json",
    "exec --parameter-list flags '-s,-uno' 'git status {flags}'",
    "exec --prepare 'sync; echo 3 | sudo tee /proc/sys/vm/drop_caches' 'git status'",
    "exec --shell none --runs 50 'git rev-parse HEAD' --baseline base.json --fail-on-regression",
  ],
};
