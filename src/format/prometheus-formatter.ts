// The Prometheus formatter: text exposition (format 0.0.4, or OpenMetrics 1.0) with `rune_bench_` names
// in base units. Exporters rename, never change meaning: values are written as stored.
import { Severity as SEVERITIES, type BottleneckFinding } from '../core/findings.js';
import { TIME_TO_LIMIT_EVIDENCE } from '../detect/forecast/time-to-limit-rule.js';
import type { MetricDescriptor, MetricUnit } from '../core/metric.js';
import type { KeyFigure, SuiteResult } from '../core/results.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { buildReport } from './report.js';
import type { FormatInput, Formatter, TrendSeries } from './formatter.js';

/**
 * Options for {@link createPrometheusFormatter}.
 *
 * @public
 */
export interface PrometheusFormatterOptions {
  /** Write OpenMetrics 1.0 (`# UNIT`, counter families without `_total`, `# EOF`). @defaultValue `false` */
  readonly openMetrics?: boolean;
  /** Prefix of every metric name. @defaultValue `'rune_bench_'` */
  readonly prefix?: string;
}

type Labels = Readonly<Record<string, string>>;

interface Family {
  readonly name: string;
  readonly type: 'gauge' | 'counter';
  readonly help: string;
  readonly samples: { readonly labels: Labels; readonly value: number }[];
  readonly keys: Set<string>;
}

const UNIT_SUFFIX: Readonly<Record<MetricUnit, string>> = {
  s: 'seconds',
  By: 'bytes',
  '1': 'ratio',
  '{count}': '',
  'By/s': 'bytes_per_second',
  '{count}/s': 'per_second',
  's/s': 'ratio',
};

/** A Prometheus metric name from a dotted OpenTelemetry-style name: invalid characters become `_`. */
function sanitize(name: string): string {
  const clean = name.replace(/[^a-zA-Z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
  return /^[0-9]/.test(clean) ? `_${clean}` : clean;
}

/** `prefix + name + unit suffix (+ _total for counters)`, without repeating a suffix already there. */
function metricName(prefix: string, base: string, unit: MetricUnit, counter: boolean): string {
  let name = `${prefix}${sanitize(base)}`;
  // `_count`, `_sum` and `_bucket` are reserved for histogram and summary series.
  if (!counter) name = name.replace(/_(count|sum|bucket)$/, (_m: string, s: string) => (s === 'count' ? '_number' : `_${s}_value`));
  const suffix = UNIT_SUFFIX[unit];
  if (suffix !== '' && !name.endsWith(`_${suffix}`)) name += `_${suffix}`;
  if (counter && !name.endsWith('_total')) name += '_total';
  return name;
}

function escapeLabel(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"');
}

function escapeHelp(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

class Exposition {
  readonly #families = new Map<string, Family>();
  readonly #prefix: string;

  constructor(prefix: string) {
    this.#prefix = prefix;
  }

  get prefix(): string {
    return this.#prefix;
  }

  /** Adds a sample; the first HELP and TYPE seen for a name win, a repeated label set is dropped. */
  add(name: string, type: Family['type'], help: string, labels: Labels, value: number): void {
    let family = this.#families.get(name);
    if (family === undefined) {
      family = { name, type, help, samples: [], keys: new Set() };
      this.#families.set(name, family);
    }
    if (family.type !== type) return;
    const key = JSON.stringify(labels);
    if (family.keys.has(key)) return;
    family.keys.add(key);
    family.samples.push({ labels, value });
  }

  render(openMetrics: boolean): string {
    const lines: string[] = [];
    for (const f of this.#families.values()) {
      const familyName = openMetrics && f.type === 'counter' ? f.name.replace(/_total$/, '') : f.name;
      lines.push(`# HELP ${familyName} ${escapeHelp(f.help)}`, `# TYPE ${familyName} ${f.type}`);
      if (openMetrics) {
        const unit = ['seconds', 'bytes', 'ratio'].find((u) => familyName.endsWith(`_${u}`));
        if (unit !== undefined) lines.push(`# UNIT ${familyName} ${unit}`);
      }
      for (const s of f.samples) {
        const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
        lines.push(`${f.name}${labels.length === 0 ? '' : `{${labels.join(',')}}`} ${formatNumber(s.value)}`);
      }
    }
    if (openMetrics) lines.push('# EOF');
    return `${lines.join('\n')}\n`;
  }
}

function figureFamily(x: Exposition, figure: KeyFigure, labels: Labels): void {
  const name = metricName(`${x.prefix}figure_`, figure.name, figure.unit, false);
  x.add(name, 'gauge', figure.description ?? `Key figure ${figure.name} (${figure.unit}).`, labels, figure.value);
}

function addSuite(x: Exposition, result: SuiteResult): void {
  const p = x.prefix;
  const report = buildReport(result);
  for (const node of report.suites) {
    const r = node.suite;
    const suite = { suite: node.path.join('/') };
    const s = r.summary;
    x.add(`${p}suite_duration_seconds`, 'gauge', 'Wall time of the suite run.', suite, s.duration);
    x.add(`${p}suite_operations_per_second`, 'gauge', 'Sum over ok tasks of operations per second.', suite, s.operationsPerSecond);
    x.add(`${p}suite_peak_memory_bytes`, 'gauge', 'Peak resident set size during the run.', suite, s.peakMemory);
    x.add(`${p}suite_peak_cpu_ratio`, 'gauge', 'Peak process CPU utilization during the run, share of one core.', suite, s.peakCpu);
    if (s.cacheHitRatio !== undefined) x.add(`${p}suite_cache_hit_ratio`, 'gauge', 'Cache hit ratio during the run.', suite, s.cacheHitRatio);
    x.add(`${p}suite_success_ratio`, 'gauge', 'Share of tasks that completed ok.', suite, s.successRate);
    for (const status of ['ok', 'partial', 'failed', 'aborted'] as const) {
      x.add(`${p}suite_status`, 'gauge', 'Suite status: 1 for the current status, 0 otherwise.', { ...suite, status }, r.status === status ? 1 : 0);
    }
    for (const f of r.figures ?? []) figureFamily(x, f, suite);
    for (const t of r.tasks) {
      const labels = { ...suite, task: t.name };
      x.add(`${p}task_ok`, 'gauge', 'Whether the task completed ok (1) or not (0).', labels, t.status === 'ok' ? 1 : 0);
      x.add(`${p}task_duration_seconds`, 'gauge', 'Wall time spent on the task including harness overhead.', labels, t.duration);
      for (const f of t.figures ?? []) figureFamily(x, f, labels);
      const st = t.stats;
      if (st === undefined) continue;
      if (st.unit !== undefined && st.unit !== 'seconds') {
        // a counted figure (instructions instrument): its own family, never mixed into the seconds ones
        const u = st.unit === 'instructions' ? 'instructions' : 'estimated_cycles';
        x.add(`${p}task_median_${u}`, 'gauge', `Median ${st.unit} per operation.`, labels, st.median);
        x.add(`${p}task_operations_total`, 'counter', 'Operations counted.', labels, st.operations);
        continue;
      }
      x.add(`${p}task_below_resolution`, 'gauge', 'Whether the median is below the timer resolution (1) and so not a reliable number.', labels, st.belowResolution ? 1 : 0);
      x.add(`${p}task_median_seconds`, 'gauge', 'Median time per operation.', labels, st.median);
      x.add(`${p}task_mean_seconds`, 'gauge', 'Mean time per operation.', labels, st.mean);
      x.add(`${p}task_p99_seconds`, 'gauge', '99th percentile time per operation.', labels, st.p99);
      x.add(`${p}task_min_seconds`, 'gauge', 'Fastest sample, time per operation.', labels, st.min);
      x.add(`${p}task_max_seconds`, 'gauge', 'Slowest sample, time per operation.', labels, st.max);
      x.add(`${p}task_rme_ratio`, 'gauge', 'Relative margin of error of the median at 95% (half-width of its bootstrap interval over the median).', labels, st.rme);
      x.add(`${p}task_operations_per_second`, 'gauge', 'Operations per second (1 / median).', labels, st.opsPerSecond);
      x.add(`${p}task_samples`, 'gauge', 'Number of samples taken.', labels, st.samples);
      x.add(`${p}task_operations_total`, 'counter', 'Operations timed.', labels, st.operations);
      x.add(`${p}task_timer_resolution_seconds`, 'gauge', 'Timer resolution measured for the run.', labels, st.resolution);
      if (st.bytesPerSecond !== undefined) x.add(`${p}task_throughput_bytes_per_second`, 'gauge', 'Bytes processed per second.', labels, st.bytesPerSecond);
      if (st.itemsPerSecond !== undefined) x.add(`${p}task_items_per_second`, 'gauge', 'Items processed per second.', labels, st.itemsPerSecond);
      if (st.heapBytesPerOp !== undefined) x.add(`${p}task_heap_allocated_bytes`, 'gauge', 'Heap bytes allocated per operation.', labels, st.heapBytesPerOp);
    }
  }
  addFindings(x, report.findings.map((f) => f.finding));
}

function addFindings(x: Exposition, findings: readonly BottleneckFinding[]): void {
  const p = x.prefix;
  for (const severity of Object.values(SEVERITIES)) {
    x.add(`${p}findings`, 'gauge', 'Bottleneck findings by severity.', { severity }, findings.filter((f) => f.severity === severity).length);
  }
  for (const f of findings) {
    x.add(`${p}finding_impact_ratio`, 'gauge', 'Share of time or resource lost according to the rule.', { rule: f.ruleId, severity: f.severity }, f.impact / 100);
  }
  // Time-to-limit forecasts (detect/forecast): seconds to the limit, with the interval's ends.
  for (const f of findings) {
    for (const [bound, metric] of [['point', TIME_TO_LIMIT_EVIDENCE.seconds], ['earliest', TIME_TO_LIMIT_EVIDENCE.low], ['latest', TIME_TO_LIMIT_EVIDENCE.high]] as const) {
      const value = f.evidence.find((e) => e.metric === metric)?.value;
      if (value !== undefined) x.add(`${p}seconds_to_limit`, 'gauge', 'Forecast seconds until a metric reaches its limit.', { rule: f.ruleId, bound }, value);
    }
  }
}

function addHistory(x: Exposition, snapshots: readonly MetricSnapshot[]): void {
  const last = snapshots.at(-1);
  if (last === undefined) return;
  for (const metric of last.metrics().sort()) {
    const value = last.getUnchecked(metric);
    if (value === undefined) continue;
    const d: MetricDescriptor = last.descriptors[metric] ?? { name: metric, unit: '1', kind: 'gauge', description: metric };
    const counter = d.kind === 'counter';
    const name = metricName(x.prefix, metric, d.unit, counter);
    const help = `${d.description} (${metric}, ${d.unit}, ${d.kind})`;
    x.add(name, counter ? 'counter' : 'gauge', help, {}, value);
  }
  const first = snapshots[0];
  x.add(`${x.prefix}monitor_snapshots`, 'gauge', 'Snapshots in the exposed history window.', {}, snapshots.length);
  x.add(`${x.prefix}monitor_last_sample_timestamp_seconds`, 'gauge', 'Wall-clock time of the latest snapshot, seconds since the Unix epoch.', {}, last.timestamp / 1000);
  if (first !== undefined) x.add(`${x.prefix}monitor_window_seconds`, 'gauge', 'Time covered by the exposed history window.', {}, last.monotonic - first.monotonic);
}

function addTrends(x: Exposition, series: readonly TrendSeries[]): void {
  for (const s of series) {
    const last = s.points.at(-1);
    const labels = { benchmark: s.key };
    if (last !== undefined) {
      const name = metricName(`${x.prefix}trend_latest_`, 'value', s.unit ?? 's', false);
      x.add(name, 'gauge', 'Latest stored value of the benchmark.', labels, last.value);
    }
    x.add(`${x.prefix}trend_runs`, 'gauge', 'Stored runs of the benchmark.', labels, s.points.length);
    x.add(`${x.prefix}trend_change_points`, 'gauge', 'Change points detected in the benchmark history.', labels, s.changePoints?.length ?? 0);
  }
}

/**
 * Creates a Prometheus text-exposition formatter. A `suite` input gives per-suite and per-task gauges
 * (labels `suite` and `task`), a `history` input the latest snapshot's metrics with HELP and TYPE from
 * their descriptors (counters end in `_total`), `findings` counts per severity, `trends` the latest value
 * and change-point count per benchmark. Names are `rune_bench_...` in base units (`_seconds`, `_bytes`,
 * `_ratio`); label values are escaped.
 *
 * @public
 */
export function createPrometheusFormatter(options: PrometheusFormatterOptions = {}): Formatter {
  const openMetrics = options.openMetrics === true;
  const prefix = options.prefix ?? 'rune_bench_';
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(prefix)) throw new TypeError('prefix option must match [a-zA-Z_][a-zA-Z0-9_]*');
  return Object.freeze({
    id: openMetrics ? 'openmetrics' : 'prometheus',
    extension: openMetrics ? 'om' : 'prom',
    mediaType: openMetrics ? 'application/openmetrics-text; version=1.0.0; charset=utf-8' : 'text/plain; version=0.0.4; charset=utf-8',
    description: openMetrics ? 'OpenMetrics 1.0 text exposition' : 'Prometheus text exposition (format 0.0.4)',
    format(input: FormatInput): string {
      const x = new Exposition(prefix);
      switch (input.kind) {
        case 'suite':
          addSuite(x, input.result);
          break;
        case 'history':
          addHistory(x, input.snapshots);
          if (input.findings !== undefined) addFindings(x, input.findings);
          break;
        case 'findings':
          addFindings(x, input.findings);
          break;
        case 'trends':
          addTrends(x, input.series);
          break;
      }
      return x.render(openMetrics);
    },
  });
}

/**
 * The built-in `prometheus` formatter (text format 0.0.4, what `/metrics` serves).
 *
 * @public
 */
export const prometheusFormatter: Formatter = createPrometheusFormatter();

/**
 * The built-in `openmetrics` formatter (OpenMetrics 1.0 text, ends with `# EOF`).
 *
 * @public
 */
export const openMetricsFormatter: Formatter = createPrometheusFormatter({ openMetrics: true });
