// The report model: a suite run prepared once (tree walked, verdicts looked up, findings gathered) so
// that each formatter only renders it.
import { compareSeverity, type BottleneckFinding, type FindingEvidence } from '../core/findings.js';
import type { MetricUnit } from '../core/metric.js';
import type { KeyFigure, SuiteResult, TaskResult } from '../core/results.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { walkSuites } from '../core/walk.js';
import { benchmarkKey } from '../core/walk.js';
import { compareTrees, DEFAULT_GATE } from '../detect/regression/compare-results.js';
import type { BenchmarkComparison, ComparisonReport } from '../detect/regression/regression-types.js';
import { VERDICTS, type Verdict } from '../detect/regression/verdict.js';
import { quantileSorted } from '../stats/quantile.js';
import { compareWithBaseline, type RelativeComparison } from '../bench/relative.js';
import { runHistorySnapshots } from '../monitor/run-history.js';
import type { SuiteFormatInput, TrendSeries } from './formatter.js';

/**
 * One task as a report shows it: the task, its key, and the detector's verdict when it was compared.
 *
 * @beta
 */
export interface ReportTask {
  /** Benchmark key (`suite/child/task`). */
  readonly key: string;
  /** The task's result. */
  readonly task: TaskResult;
  /** The detector's comparison with the baseline, when compared. */
  readonly comparison?: BenchmarkComparison;
  /** Why it was not compared, when a baseline was given but this task was not compared. */
  readonly notCompared?: string;
  /** 25th percentile of the kept samples (s/op), when at least four were kept: the box plot's lower quartile. */
  readonly p25?: number;
}

/**
 * Task figures as a matrix: one row per task that has figures, one column per figure name.
 *
 * @beta
 */
export interface FigureMatrix {
  /** Figure names in first-seen order. */
  readonly names: readonly string[];
  /** One row per task with figures. */
  readonly rows: readonly { readonly task: string; readonly figures: ReadonlyMap<string, KeyFigure> }[];
  /** The first description seen per figure name. */
  readonly descriptions: ReadonlyMap<string, string>;
}

/**
 * One suite of the result tree as a report shows it.
 *
 * @beta
 */
export interface ReportSuite {
  /** The suite's own result. */
  readonly suite: SuiteResult;
  /** Suite names from the root down, the root's included. */
  readonly path: readonly string[];
  /** 0 for the root. */
  readonly depth: number;
  /** The suite's own tasks. */
  readonly tasks: readonly ReportTask[];
  /** The suite's own figures. */
  readonly figures: readonly KeyFigure[];
  /** The suite's tasks' figures, pivoted; undefined when no task has figures. */
  readonly taskFigures?: FigureMatrix;
  /** The suite's own notices. */
  readonly notices: readonly string[];
  /** Whether the suite has tasks, figures or notices of its own. */
  readonly hasContent: boolean;
  /**
   * The suite's completed tasks compared with its baseline task (tagged `baseline`, else the fastest), from
   * their kept samples; undefined when fewer than two tasks kept samples.
   */
  readonly relative?: RelativeComparison;
  /**
   * What the "Next run" column means and where its noise came from, when a task has a prediction interval
   * (`TaskStatistics.predictionInterval`); undefined otherwise.
   */
  readonly prediction?: string;
}

/**
 * A bottleneck finding as a report shows it.
 *
 * @beta
 */
export interface ReportFinding {
  /** The finding. */
  readonly finding: BottleneckFinding;
  /** Its evidence, with the unit of each value filled in from the metric descriptors when the rule gave none. */
  readonly evidence: readonly FindingEvidence[];
}

/**
 * A suite run prepared for rendering, built once by {@link buildReport}.
 *
 * @beta
 */
export interface SuiteReport {
  /** The run reported (the root of the tree). */
  readonly result: SuiteResult;
  /** Every suite of the tree, depth first, the root first. */
  readonly suites: readonly ReportSuite[];
  /** Tasks of the whole tree. */
  readonly taskCount: number;
  /** Tasks of the whole tree with status `ok`. */
  readonly okCount: number;
  /** The detector's comparison with a baseline, when there is one. */
  readonly comparison?: ComparisonReport;
  /** Number of comparisons per verdict (all zero without a comparison). */
  readonly verdictCounts: Readonly<Record<Verdict, number>>;
  /** Findings of the whole tree, each once, most severe first, then by impact. */
  readonly findings: readonly ReportFinding[];
  /** What to say when there are no findings. */
  readonly noFindings: string;
  /**
   * The monitor's snapshots during the run, for time-series charts: the `history` option when given, else the
   * points of the result's own `monitorHistory`.
   */
  readonly history?: readonly MetricSnapshot[];
  /**
   * When `history` holds the points of the result's `monitorHistory` and they were reduced: how many snapshots the
   * monitor took (each point then holds the worst values of its share of them).
   */
  readonly historyReducedFrom?: number;
  /** Histories of the benchmarks across stored runs. */
  readonly trends?: readonly TrendSeries[];
}

/**
 * What {@link buildReport} needs besides the result.
 *
 * @beta
 */
export interface BuildReportOptions {
  /** The detector's comparison with a baseline (for example from `RegressionDetector.compare`). */
  readonly comparison?: ComparisonReport;
  /**
   * A baseline run, compared by the regression detector (defaults, `threshold` below) when no
   * `comparison` is given.
   */
  readonly baseline?: SuiteResult;
  /** Threshold of that comparison (0.02 = 2%). @defaultValue `0.02` */
  readonly threshold?: number;
  /** The monitor's snapshots during the run. @defaultValue the points of `result.monitorHistory`, when it has one */
  readonly history?: readonly MetricSnapshot[];
  /** Benchmark histories across stored runs. */
  readonly trends?: readonly TrendSeries[];
  /** Findings to report besides those in the result tree. */
  readonly findings?: readonly BottleneckFinding[];
}

/** Pivots tasks' figures into a {@link FigureMatrix}, or undefined when no task has figures. */
function figureMatrix(tasks: readonly TaskResult[]): FigureMatrix | undefined {
  const names: string[] = [];
  const descriptions = new Map<string, string>();
  const rows: { task: string; figures: Map<string, KeyFigure> }[] = [];
  for (const t of tasks) {
    if (t.figures === undefined || t.figures.length === 0) continue;
    const figures = new Map<string, KeyFigure>();
    for (const f of t.figures) {
      if (!names.includes(f.name)) names.push(f.name);
      if (f.description !== undefined && !descriptions.has(f.name)) descriptions.set(f.name, f.description);
      figures.set(f.name, f);
    }
    rows.push({ task: t.name, figures });
  }
  return rows.length === 0 ? undefined : { names, rows, descriptions };
}

/** Units of the metrics the snapshots describe. */
function unitsOf(history: readonly MetricSnapshot[] | undefined): ReadonlyMap<string, MetricUnit> {
  const units = new Map<string, MetricUnit>();
  for (const s of history ?? []) for (const [name, d] of Object.entries(s.descriptors)) if (!units.has(name)) units.set(name, d.unit);
  return units;
}

/**
 * Findings most severe first, then by impact, each once, with the units of their evidence.
 *
 * @beta
 */
export function reportFindings(findings: readonly BottleneckFinding[], history?: readonly MetricSnapshot[]): ReportFinding[] {
  const units = unitsOf(history);
  const seen = new Set<string>();
  const out: BottleneckFinding[] = [];
  for (const f of findings) {
    const key = JSON.stringify([f.ruleId, f.title, f.severity, f.impact, f.recommendation]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  out.sort((a, b) => compareSeverity(b.severity, a.severity) || b.impact - a.impact);
  return out.map((finding) => ({
    finding,
    evidence: finding.evidence.map((ev) => {
      // a metric name may carry a note for people: "process.memory.usage (window median)"
      const unit = ev.unit ?? units.get(ev.metric) ?? units.get(ev.metric.replace(/\s*\(.*\)$/, ''));
      return unit === undefined ? ev : { ...ev, unit };
    }),
  }));
}

/**
 * Prepares a suite run for rendering: walks the result tree once, attaches the regression detector's
 * verdicts to the tasks (comparing with `baseline` through the detector when no `comparison` is given),
 * gathers the findings, and takes the monitor history from the result when none is passed. Formatters
 * render this record and decide nothing.
 *
 * @param result - the run to report
 * @param options - comparison or baseline, history, trends, extra findings
 * @beta
 */
export function buildReport(result: SuiteResult, options: BuildReportOptions = {}): SuiteReport {
  const comparison =
    options.comparison ??
    (options.baseline === undefined ? undefined : compareTrees(options.baseline, result, { ...DEFAULT_GATE, threshold: options.threshold ?? DEFAULT_GATE.threshold }));
  const byKey = new Map((comparison?.comparisons ?? []).map((c) => [c.key, c]));
  const skipped = new Map((comparison?.notCompared ?? []).map((n) => [n.key, n.reason]));
  const suites: ReportSuite[] = [];
  const findings: BottleneckFinding[] = [...(options.findings ?? [])];
  let detectorRan = options.findings !== undefined;
  let taskCount = 0;
  let okCount = 0;
  for (const { suite, path, depth } of walkSuites(result)) {
    const tasks = suite.tasks.map((task): ReportTask => {
      const key = benchmarkKey(path, task.name);
      const c = byKey.get(key);
      const samples = task.samples ?? [];
      const p25 = samples.length >= 4 ? { p25: quantileSorted([...samples].sort((a, b) => a - b), 0.25) } : {};
      if (c !== undefined) return { key, task, comparison: c, ...p25 };
      if (comparison !== undefined) return { key, task, notCompared: skipped.get(key) ?? 'not compared', ...p25 };
      return { key, task, ...p25 };
    });
    taskCount += tasks.length;
    okCount += suite.tasks.filter((t) => t.status === 'ok').length;
    const figures = suite.figures ?? [];
    const notices = suite.notices ?? [];
    const taskFigures = figureMatrix(suite.tasks);
    const relative = compareWithBaseline(
      suite.tasks.filter((t) => t.status === 'ok').map((t) => ({ name: t.name, samples: t.samples ?? [] })),
      { seed: 1, baseline: suite.tasks.find((t) => t.tags.includes('baseline'))?.name },
    );
    const predictedFrom = [...new Set(suite.tasks.flatMap((t) => (t.stats?.predictionInterval === undefined ? [] : [t.stats.predictionInterval.from])))];
    suites.push({
      suite,
      path,
      depth,
      tasks,
      figures,
      ...(predictedFrom.length === 0
        ? {}
        : { prediction: `Next run: where a fresh run's median should fall (95%), from the between-run noise of ${predictedFrom.join('; ')}` }),
      ...(taskFigures === undefined ? {} : { taskFigures }),
      notices,
      hasContent: tasks.length > 0 || figures.length > 0 || notices.length > 0,
      ...(relative === undefined ? {} : { relative }),
    });
    if (suite.findings !== undefined) {
      detectorRan = true;
      findings.push(...suite.findings);
    }
  }
  // A history passed in wins; else the one the run's attached monitor left in the result.
  const own = options.history === undefined ? result.monitorHistory : undefined;
  const history = options.history ?? (own === undefined ? undefined : runHistorySnapshots(own));
  const verdictCounts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of comparison?.comparisons ?? []) verdictCounts[c.verdict] += 1;
  return {
    result,
    suites,
    taskCount,
    okCount,
    ...(comparison === undefined ? {} : { comparison }),
    verdictCounts,
    findings: reportFindings(findings, history),
    noFindings: detectorRan ? 'No bottleneck rule fired.' : 'None: no bottleneck detector ran on this result.',
    ...(history === undefined ? {} : { history }),
    ...(own === undefined || own.snapshotCount <= own.points.length ? {} : { historyReducedFrom: own.snapshotCount }),
    ...(options.trends === undefined ? {} : { trends: options.trends }),
  };
}

/**
 * The report of a formatter's `suite` input.
 *
 * @internal
 */
export function reportOf(input: SuiteFormatInput, threshold: number | undefined): SuiteReport {
  return buildReport(input.result, {
    ...(input.comparison === undefined ? {} : { comparison: input.comparison }),
    ...(input.baseline === undefined ? {} : { baseline: input.baseline }),
    ...(threshold === undefined ? {} : { threshold }),
    ...(input.history === undefined ? {} : { history: input.history }),
    ...(input.trends === undefined ? {} : { trends: input.trends }),
  });
}
