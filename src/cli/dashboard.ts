// The monitor dashboard: a pure renderer from snapshots and findings to lines of text.
import { compareSeverity, type BottleneckFinding } from '../core/findings.js';
import type { MetricUnit } from '../core/metric.js';
import type { MetricName } from '../core/metric-names.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { paint, severityStyle } from '../format/color.js';
import { formatValue } from '../format/units.js';
import { sparkline } from './sparkline.js';

/** A dashboard row: the metric shown and its label. */
interface Row {
  readonly metric: MetricName;
  readonly label: string;
  /** Lower bound for the sparkline scale (0 for utilisations). */
  readonly floor?: number;
  /** Shows a value; by default by the metric's unit. */
  readonly show?: (value: number) => string;
}

/** Load per CPU is a plain number (1.00 = every core busy), not a percentage. */
const plainNumber = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');

const ROWS: readonly Row[] = [
  { metric: 'process.cpu.utilization', label: 'CPU (process, 1 core)', floor: 0 },
  { metric: 'system.cpu.utilization', label: 'CPU (machine)', floor: 0 },
  { metric: 'system.cpu.load_average.1m.per_cpu', label: 'load / CPU (machine, 1m)', floor: 0, show: plainNumber },
  { metric: 'process.memory.usage', label: 'memory (RSS)' },
  { metric: 'v8js.heap.used', label: 'heap used' },
  { metric: 'nodejs.eventloop.delay.p99', label: 'event loop delay p99', floor: 0 },
  { metric: 'nodejs.eventloop.utilization', label: 'event loop utilisation', floor: 0 },
  { metric: 'v8js.gc.duration', label: 'GC pause / interval', floor: 0 },
  { metric: 'process.disk.io.read.rate', label: 'disk read (process)', floor: 0 },
  { metric: 'process.disk.io.write.rate', label: 'disk write (process)', floor: 0 },
  { metric: 'system.disk.io.read.rate', label: 'disk read (machine)', floor: 0 },
  { metric: 'system.disk.io.write.rate', label: 'disk write (machine)', floor: 0 },
  { metric: 'system.disk.utilization', label: 'disk busy (machine)', floor: 0 },
  { metric: 'process.network.io.receive.rate', label: 'network in (machine)', floor: 0 },
  { metric: 'process.network.io.transmit.rate', label: 'network out (machine)', floor: 0 },
  { metric: 'process.open_fds', label: 'open file descriptors' },
  { metric: 'system.memory.free', label: 'memory free (machine)' },
];

const CHILD = /^process\.child\.(.+)\.(cpu\.utilization|memory\.usage)$/;
const CACHE = /^cache\.(.+)\.hit_ratio$/;

/**
 * What the dashboard shows.
 *
 * @internal
 */
export interface DashboardView {
  /** Header line (program, interval, pid...). */
  readonly title: string;
  /** Snapshots, oldest first (the sparkline uses the newest that fit). */
  readonly snapshots: readonly MetricSnapshot[];
  /** Current findings. */
  readonly findings: readonly BottleneckFinding[];
  /** Terminal width. */
  readonly columns: number;
  /** Use ANSI colour. */
  readonly color: boolean;
  /** Extra status lines (for example the /metrics URL, source errors). */
  readonly status?: readonly string[];
}

/** The rows to show for `latest`: the fixed list, then watched children and caches. @internal */
export function dashboardRows(latest: MetricSnapshot): Row[] {
  const rows = ROWS.filter((row) => latest.get(row.metric) !== undefined);
  for (const name of Object.keys(latest.values).sort()) {
    const child = CHILD.exec(name);
    if (child !== null) {
      const label = child[1] ?? '';
      const memory = child[2] === 'memory.usage';
      const metric = memory ? (`process.child.${label}.memory.usage` as const) : (`process.child.${label}.cpu.utilization` as const);
      rows.push({ metric, label: `${label} ${memory ? 'memory' : 'CPU'}`, floor: 0 });
      continue;
    }
    const cache = CACHE.exec(name);
    if (cache !== null) rows.push({ metric: `cache.${cache[1] ?? ''}.hit_ratio`, label: `cache ${cache[1] ?? ''} hit ratio`, floor: 0 });
  }
  return rows;
}

/**
 * Renders one frame of the dashboard as lines (no trailing newline, no cursor movement).
 *
 * @internal
 */
export function renderDashboard(view: DashboardView): string[] {
  const { snapshots, color } = view;
  const columns = Math.max(60, view.columns);
  const lines: string[] = [paint(truncate(view.title, columns), 'bold', color)];
  for (const status of view.status ?? []) lines.push(paint(truncate(status, columns), 'dim', color));
  lines.push('');
  const latest = snapshots.at(-1);
  if (latest === undefined) {
    lines.push('waiting for the first sample...');
    return lines;
  }
  const labelWidth = 26;
  const valueWidth = 11;
  // What is left after the label and three values goes to the sparkline (none on a very narrow terminal).
  const room = columns - labelWidth - valueWidth * 3 - 2;
  const sparkWidth = room >= 4 ? room : 0;
  const header = `${'metric'.padEnd(labelWidth)}${'now'.padStart(valueWidth)}${'min'.padStart(valueWidth)}${'max'.padStart(valueWidth)}`;
  lines.push(paint(sparkWidth > 0 ? `${header}  history` : header, 'dim', color));
  const window = snapshots.slice(-Math.max(sparkWidth, 1));
  for (const row of dashboardRows(latest)) {
    const unit: MetricUnit = latest.descriptors[row.metric]?.unit ?? '1';
    const values = window.map((s) => s.get(row.metric) ?? Number.NaN);
    const finite = values.filter((v) => Number.isFinite(v));
    const now = latest.get(row.metric) ?? Number.NaN;
    const min = finite.length > 0 ? Math.min(...finite) : Number.NaN;
    const max = finite.length > 0 ? Math.max(...finite) : Number.NaN;
    const label = truncate(row.label, labelWidth - 1);
    const show = row.show ?? ((value: number): string => formatValue(value, unit));
    const spark = sparkWidth > 0 ? `  ${paint(sparkline(values, sparkWidth, row.floor), 'cyan', color)}` : '';
    lines.push(
      `${label.padEnd(labelWidth)}${paint(show(now).padStart(valueWidth), 'bold', color)}` +
        `${show(min).padStart(valueWidth)}${show(max).padStart(valueWidth)}${spark}`,
    );
  }
  lines.push('');
  const findings = [...view.findings].sort((a, b) => compareSeverity(b.severity, a.severity) || b.impact - a.impact);
  if (findings.length === 0) {
    lines.push(`${paint('findings', 'bold', color)}  none`);
  } else {
    lines.push(paint(`findings (${findings.length})`, 'bold', color));
    for (const finding of findings) {
      const severity = paint(finding.severity.toUpperCase().padEnd(8), severityStyle(finding.severity), color);
      lines.push(`  ${severity} ${truncate(`${finding.title} (impact ${Math.round(finding.impact)}%)`, columns - 11)}`);
      lines.push(paint(`           ${truncate(finding.recommendation, columns - 11)}`, 'dim', color));
    }
  }
  return lines;
}

/** Cuts plain text (no ANSI codes) to `columns` code points. */
function truncate(text: string, columns: number): string {
  const points = Array.from(text);
  return points.length <= columns ? text : `${points.slice(0, Math.max(0, columns - 1)).join('')}…`;
}

/**
 * One plain line for a non-terminal: ISO time and the key metrics.
 *
 * @internal
 */
export function plainLine(snapshot: MetricSnapshot): string {
  const parts = [new Date(snapshot.timestamp).toISOString()];
  for (const row of dashboardRows(snapshot)) {
    const unit: MetricUnit = snapshot.descriptors[row.metric]?.unit ?? '1';
    const value = snapshot.get(row.metric);
    const text = row.show === undefined ? formatValue(value ?? Number.NaN, unit) : row.show(value ?? Number.NaN);
    if (value !== undefined) parts.push(`${row.metric}=${text.replace(' ', '')}`);
  }
  return parts.join(' ');
}
