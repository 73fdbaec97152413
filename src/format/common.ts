// Helpers shared by the built-in formatters (not exported from the package).
import { neutralizeControls } from '../core/safe-text.js';
import { compareSeverity, type BottleneckFinding } from '../core/findings.js';
import type { FindingEvidence } from '../core/findings.js';
import type { MetricUnit } from '../core/metric.js';
import type { KeyFigure, SuiteResult, TaskResult } from '../core/results.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { compare } from '../bench/compare.js';
import type { SuiteFormatInput, TaskComparison } from './formatter.js';
import { formatChange, formatValue } from './units.js';

/** Escapes text for HTML element content and attribute values. @internal */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Findings, most severe first, then by impact. @internal */
export function sortFindings(findings: readonly BottleneckFinding[]): BottleneckFinding[] {
  return [...findings].sort((a, b) => compareSeverity(b.severity, a.severity) || b.impact - a.impact);
}

/** A suite and its nested suites, depth first, with the path of names leading to each. @internal */
export interface SuiteNode {
  readonly result: SuiteResult;
  readonly path: readonly string[];
  readonly depth: number;
}

/**
 * A suite that runs others (`comprehensive`) also carries flattened copies of its children's content:
 * tasks named `<child> / <task>`, figures named `<child>.<figure>` and notices `<child>: <notice>`.
 * Reports show each child in its own section, so the parent's view drops those copies; likewise a suite
 * figure that repeats one of its own tasks' figures (shown in the task figure table).
 * @internal
 */
export function ownContent(result: SuiteResult): SuiteResult {
  const children = result.children ?? [];
  if (children.length === 0) return withoutTaskFigureCopies(result, new Set(), new Set());
  const taskCopies = new Set<string>();
  const figureCopies = new Set<string>();
  const noticeCopies = new Set<string>();
  for (const c of children) {
    for (const t of c.tasks) taskCopies.add(`${c.name} / ${t.name}`);
    for (const f of c.figures ?? []) figureCopies.add(`${c.name}.${f.name}\u0000${f.value}`);
    for (const n of c.notices ?? []) noticeCopies.add(`${c.name}: ${n}`);
  }
  const view: SuiteResult = { ...result, tasks: result.tasks.filter((t) => !taskCopies.has(t.name)) };
  return withoutTaskFigureCopies(view, figureCopies, noticeCopies);
}

/** Suite figures that repeat a task's figure (`<prefix>.<figure>` with the same value and unit) are dropped. */
function withoutTaskFigureCopies(result: SuiteResult, figureCopies: ReadonlySet<string>, noticeCopies: ReadonlySet<string>): SuiteResult {
  const taskFigures = result.tasks.flatMap((t) => [...(t.figures ?? [])]);
  const repeatsTask = (f: KeyFigure): boolean =>
    taskFigures.some((tf) => f.name.endsWith(`.${tf.name}`) && tf.value === f.value && tf.unit === f.unit);
  const figures = result.figures?.filter((f) => !figureCopies.has(`${f.name}\u0000${f.value}`) && !repeatsTask(f));
  const notices = result.notices?.filter((n) => !noticeCopies.has(n));
  return { ...result, ...(figures === undefined ? {} : { figures }), ...(notices === undefined ? {} : { notices }) };
}

/** Walks a result and its children depth first; each node's `result` is its {@link ownContent}. @internal */
export function walkSuites(result: SuiteResult, path: readonly string[] = [], depth = 0): SuiteNode[] {
  const here = [...path, result.name];
  const out: SuiteNode[] = [{ result: ownContent(result), path: here, depth }];
  for (const child of result.children ?? []) out.push(...walkSuites(child, here, depth + 1));
  return out;
}

/** Whether a bottleneck detector ran anywhere in a result tree (some suite has a `findings` array). @internal */
export function detectorRan(result: SuiteResult): boolean {
  return walkSuites(result).some((node) => node.result.findings !== undefined);
}

/** What to say when a result tree has no findings. @internal */
export function noFindingsText(result: SuiteResult): string {
  return detectorRan(result) ? 'No bottleneck rule fired.' : 'None: no bottleneck detector ran on this result.';
}

/** Every finding in a result tree (the root's and its children's), each once. @internal */
export function allFindings(result: SuiteResult): BottleneckFinding[] {
  const seen = new Set<string>();
  const out: BottleneckFinding[] = [];
  for (const node of walkSuites(result)) {
    for (const f of node.result.findings ?? []) {
      const key = JSON.stringify([f.ruleId, f.title, f.severity, f.impact, f.recommendation]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/** Finds the suite with the same name path in `baseline` (root names may differ). @internal */
export function findBaselineSuite(baseline: SuiteResult, path: readonly string[]): SuiteResult | undefined {
  let node: SuiteResult | undefined = baseline;
  for (const name of path.slice(1)) {
    node = node.children?.find((c) => c.name === name);
    if (node === undefined) return undefined;
  }
  return node;
}

/** The key of a task in a result tree: nested suite names below the root, then the task name. @internal */
export function taskKey(path: readonly string[], task: TaskResult): string {
  return [...path.slice(1), task.name].join('/');
}

function usableSamples(task: TaskResult): boolean {
  return task.status === 'ok' && (task.samples?.length ?? 0) >= 2 && task.stats?.belowResolution !== true;
}

/** Without kept samples: different when the medians differ beyond the threshold and their CIs do not overlap. */
function byIntervals(task: TaskResult, base: TaskResult, threshold: number): TaskComparison | undefined {
  const a = base.stats;
  const b = task.stats;
  if (a === undefined || b === undefined || !(a.median > 0)) return undefined;
  const change = b.median / a.median - 1;
  const overlap = b.medianCI.lower <= a.medianCI.upper && a.medianCI.lower <= b.medianCI.upper;
  let verdict: TaskComparison['verdict'] = 'same';
  if (!overlap && Math.abs(change) > threshold && !a.belowResolution && !b.belowResolution) verdict = change > 0 ? 'slower' : 'faster';
  return { key: task.name, change, verdict };
}

/**
 * Returns how each task of `input.result` compares with the baseline: the caller's `comparisons` when
 * given, else `compare()` on kept samples (Mann-Whitney and a bootstrap interval), else CI overlap.
 * @internal
 */
export function makeComparer(input: SuiteFormatInput, threshold: number): (path: readonly string[], task: TaskResult) => TaskComparison | undefined {
  if (input.comparisons !== undefined) {
    const byKey = new Map(input.comparisons.map((c) => [c.key, c]));
    return (path, task) => byKey.get(taskKey(path, task));
  }
  const baseline = input.baseline;
  if (baseline === undefined) return () => undefined;
  return (path, task) => {
    const base = findBaselineSuite(baseline, path)?.tasks.find((t) => t.name === task.name);
    if (base === undefined || task.status !== 'ok' || base.status !== 'ok') return undefined;
    const key = taskKey(path, task);
    if (usableSamples(task) && usableSamples(base)) {
      const c = compare(base, task, { threshold: Math.min(threshold, 0.99) });
      if (Number.isFinite(c.ratio)) return { key, change: c.ratio - 1, verdict: c.verdict, ci: c.ci };
    }
    const fallback = byIntervals(task, base, threshold);
    return fallback === undefined ? undefined : { ...fallback, key };
  };
}

/** Validates the shared `threshold` option. @internal */
export function thresholdOption(value: number | undefined): number {
  if (value === undefined) return 0.02;
  if (!Number.isFinite(value) || value < 0) throw new RangeError('threshold option must be a finite number >= 0');
  return value;
}

/** A short text for a baseline delta, e.g. `+12.0% slower`. @internal */
export function describeDelta(delta: TaskComparison): string {
  return delta.verdict === 'same' ? `${formatChange(delta.change)} (same)` : `${formatChange(delta.change)} ${delta.verdict}`;
}

/** Percentile of sorted values by linear interpolation. @internal */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

/** Least-squares line through (x, y): slope and intercept, or undefined with fewer than 2 points. @internal */
export function linearFit(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i] ?? 0;
    sy += ys[i] ?? 0;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    sxy += dx * ((ys[i] ?? 0) - my);
    sxx += dx * dx;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** The latest snapshot's metrics plus their descriptors, for history inputs. @internal */
export const HISTORY_CHARTS: readonly { readonly title: string; readonly metrics: readonly (string | RegExp)[] }[] = [
  { title: 'CPU', metrics: ['process.cpu.utilization', 'system.cpu.utilization'] },
  { title: 'Memory', metrics: ['process.memory.usage', 'v8js.heap.used', 'v8js.heap.total'] },
  { title: 'Event loop delay', metrics: ['nodejs.eventloop.delay.p99', 'nodejs.eventloop.delay.p50'] },
  { title: 'Event loop utilization', metrics: ['nodejs.eventloop.utilization'] },
  { title: 'GC pause', metrics: ['v8js.gc.duration'] },
  { title: 'Disk I/O', metrics: ['process.disk.io.read.rate', 'process.disk.io.write.rate'] },
  { title: 'Network I/O', metrics: ['process.network.io.receive.rate', 'process.network.io.transmit.rate'] },
  { title: 'Cache hit ratio', metrics: [/^cache\.[^.]+\.hit_ratio$/] },
];

/** The metric names of `snapshots` a chart entry selects (names as given, or every name a pattern matches). @internal */
export function chartMetrics(snapshots: readonly MetricSnapshot[], wanted: readonly (string | RegExp)[]): string[] {
  const names = new Set<string>();
  for (const s of snapshots) for (const m of s.metrics()) names.add(m);
  const out: string[] = [];
  for (const w of wanted) {
    if (typeof w === 'string') {
      if (names.has(w)) out.push(w);
    } else {
      out.push(...[...names].filter((n) => w.test(n)).sort().slice(0, 6));
    }
  }
  return out;
}

/** A user-supplied string made safe for a terminal (see neutralizeControls). @internal */
export function safeText(text: string): string {
  return neutralizeControls(text);
}

/** Task figures as a matrix: one row per task that has figures, one column per figure name. @internal */
export interface FigureMatrix {
  /** Figure names in first-seen order. */
  readonly names: readonly string[];
  /** One row per task with figures. */
  readonly rows: readonly { readonly task: string; readonly figures: ReadonlyMap<string, KeyFigure> }[];
  /** The first description seen per figure name. */
  readonly descriptions: ReadonlyMap<string, string>;
}

/** Pivots the tasks' figures into a {@link FigureMatrix}, or undefined when no task has figures. @internal */
export function taskFigureMatrix(tasks: readonly TaskResult[]): FigureMatrix | undefined {
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

/** Splits a list into chunks of at most `size`. @internal */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// Units of the documented metric names (see the monitor's sources), for evidence that carries no unit.
const KNOWN_UNITS: readonly (readonly [RegExp, MetricUnit])[] = [
  [/^nodejs\.eventloop\.delay\b/, 's'],
  [/^v8js\.gc\.duration\b/, 's'],
  [/^process\.cpu\.time\b/, 's'],
  [/^(process\.memory\.|v8js\.heap\.|system\.memory\.)/, 'By'],
  [/^process\.child\.[^.]+\.memory\.usage\b/, 'By'],
  [/^process\.(disk|network)\.io\.[a-z]+\.rate\b/, 'By/s'],
  [/^process\.disk\.io\.(read|write)\b/, 'By'],
  [/(\.utilization|\.hit_ratio|\.steal)\b/, '1'],
  [/^monitor\.overhead\.cpu\b/, 's/s'],
];

/** The unit of a documented metric name (ignoring a trailing note such as "(window median)"), if known. @internal */
export function knownUnit(metric: string): MetricUnit | undefined {
  return KNOWN_UNITS.find(([re]) => re.test(metric))?.[1];
}

/** Evidence value and threshold for people: in the metric's unit when known, else four significant digits. @internal */
export function evidenceText(ev: FindingEvidence): { readonly value: string; readonly threshold: string | undefined } {
  const unit = knownUnit(ev.metric);
  const show = (v: number): string => (unit === undefined ? String(Number(v.toPrecision(4))) : formatValue(v, unit));
  return { value: show(ev.value), threshold: ev.threshold === undefined ? undefined : show(ev.threshold) };
}
