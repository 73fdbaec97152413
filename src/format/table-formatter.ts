// The table formatter: what a person reads in a terminal after `rune-bench run`.
import type { BottleneckFinding } from '../core/findings.js';
import type { SuiteResult, TaskResult, TaskStatus } from '../core/results.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { paint, severityStyle, type AnsiStyle } from './color.js';
import {
  allFindings,
  chunk,
  describeDelta,
  evidenceText,
  makeComparer,
  noFindingsText,
  quantileSorted,
  safeText,
  sortFindings,
  taskFigureMatrix,
  thresholdOption,
  walkSuites,
  linearFit,
} from './common.js';
import type { FormatInput, FormatOptions, Formatter, SuiteFormatInput, TrendSeries } from './formatter.js';
import { renderTextTable, type TextTableColumn } from './text-table.js';
import {
  formatByteRate,
  formatBytes,
  formatChange,
  formatCount,
  formatDuration,
  formatOps,
  formatPercent,
  formatRme,
  formatValue,
  formatPerOp,
} from './units.js';

const STATUS_STYLE: Readonly<Record<TaskStatus | SuiteResult['status'], AnsiStyle>> = {
  ok: 'green',
  partial: 'yellow',
  failed: 'red',
  timeout: 'red',
  aborted: 'yellow',
};

function heading(text: string, color: boolean): string {
  return paint(text, 'bold', color);
}

function envLine(result: SuiteResult): string {
  const e = result.env;
  const git = e.gitCommit === undefined ? '' : ` · commit ${e.gitCommit.slice(0, 10)}${e.gitDirty === true ? ' (dirty)' : ''}`;
  return safeText(`node ${e.node} · ${e.platform} ${e.arch} · ${e.cpuModel} · ${e.cores} cores · ${formatBytes(e.totalMemory)}${git}`);
}

function summaryLines(result: SuiteResult, color: boolean): string[] {
  const s = result.summary;
  const tasks = walkSuites(result).flatMap((n) => n.result.tasks);
  const ok = tasks.filter((t) => t.status === 'ok').length;
  const rows: [string, string][] = [
    ['Duration', formatDuration(s.duration)],
    ['Operations', formatOps(s.operationsPerSecond)],
    ['Peak memory', formatBytes(s.peakMemory)],
    ['Peak CPU', `${formatPercent(s.peakCpu)} of one core`],
  ];
  if (s.cacheHitRatio !== undefined) rows.push(['Cache hit ratio', formatPercent(s.cacheHitRatio)]);
  rows.push(['Success rate', `${formatPercent(s.successRate)} (${ok}/${tasks.length} tasks ok)`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return [heading('Summary', color), ...rows.map(([k, v]) => `  ${paint(k.padEnd(width), 'dim', color)}  ${v}`)];
}

function throughput(task: TaskResult): string {
  const s = task.stats;
  if (s === undefined) return '';
  const parts: string[] = [];
  if (s.bytesPerSecond !== undefined) parts.push(formatByteRate(s.bytesPerSecond));
  if (s.itemsPerSecond !== undefined) parts.push(`${formatCount(s.itemsPerSecond)} items/s`);
  return parts.join(', ');
}

function statusCell(task: TaskResult, color: boolean): string {
  const text = task.status === 'ok' ? 'ok' : `${task.status}${task.error === undefined ? '' : `: ${safeText(task.error.message)}`}`;
  return paint(text.length > 60 ? `${text.slice(0, 59)}…` : text, STATUS_STYLE[task.status], color);
}

type Comparer = ReturnType<typeof makeComparer>;

function taskTable(result: SuiteResult, path: readonly string[], comparer: Comparer | undefined, color: boolean, indent: string): string {
  const columns: TextTableColumn[] = [
    { header: 'Task' },
    { header: 'Median', align: 'right' },
    { header: 'p99', align: 'right' },
    { header: '±RME', align: 'right' },
    { header: 'ops/s', align: 'right' },
    { header: 'Throughput', align: 'right' },
    { header: 'Samples', align: 'right' },
    { header: 'Status' },
  ];
  if (comparer !== undefined) columns.push({ header: 'vs baseline' });
  const rows = result.tasks.map((task) => {
    const s = task.stats;
    const below = s?.belowResolution === true;
    const row = [
      safeText(task.name),
      s === undefined ? '—' : below ? 'below res.' : formatPerOp(s.median, s.unit),
      s === undefined || below ? '—' : formatPerOp(s.p99, s.unit),
      s === undefined || below || s.samples < 2 ? '—' : formatRme(s.rme),
      s === undefined || below || (s.unit ?? 'seconds') !== 'seconds' ? '—' : formatCount(s.opsPerSecond),
      throughput(task),
      s === undefined ? '0' : formatCount(s.samples),
      below ? `${statusCell(task, color)} ${paint(`(median below timer resolution ${formatDuration(s.resolution)})`, 'yellow', color)}` : statusCell(task, color),
    ];
    if (comparer !== undefined) {
      const delta = comparer(path, task);
      const style: AnsiStyle = delta?.verdict === 'slower' ? 'red' : delta?.verdict === 'faster' ? 'green' : 'gray';
      row.push(delta === undefined ? paint('not compared', 'gray', color) : paint(describeDelta(delta), style, color));
    }
    return row;
  });
  return renderTextTable(columns, rows, { color, indent });
}

function figureTables(result: SuiteResult, color: boolean, indent: string): string[] {
  const out: string[] = [];
  const suiteFigures = (result.figures ?? []).map((f) => [safeText(f.name), formatValue(f.value, f.unit), safeText(f.description ?? '')]);
  if (suiteFigures.length > 0) {
    out.push(`${indent}${paint('Key figures', 'bold', color)}`);
    out.push(renderTextTable([{ header: 'Figure' }, { header: 'Value', align: 'right' }, { header: 'Meaning' }], suiteFigures, { color, indent }));
  }
  const matrix = taskFigureMatrix(result.tasks);
  if (matrix !== undefined) {
    if (out.length > 0) out.push('');
    out.push(`${indent}${paint('Task figures', 'bold', color)}`);
    // At most six figure columns per table, so a table stays readable in a terminal.
    for (const [i, names] of chunk(matrix.names, 6).entries()) {
      if (i > 0) out.push('');
      const columns: TextTableColumn[] = [{ header: 'Task' }, ...names.map((n) => ({ header: safeText(n), align: 'right' as const }))];
      const rows = matrix.rows.map((r) => [safeText(r.task), ...names.map((n) => {
        const f = r.figures.get(n);
        return f === undefined ? '' : formatValue(f.value, f.unit);
      })]);
      out.push(renderTextTable(columns, rows, { color, indent }));
    }
  }
  return out;
}

function findingLines(findings: readonly BottleneckFinding[], color: boolean, indent: string): string[] {
  const lines: string[] = [];
  for (const f of sortFindings(findings)) {
    const tag = paint(`[${f.severity.toUpperCase()}]`, severityStyle(f.severity), color);
    const strong = f.severity === 'critical' ? paint(safeText(f.title), 'bold', color) : safeText(f.title);
    lines.push(`${indent}${tag} ${strong}  ${paint(`impact ${f.impact.toFixed(0)}% · confidence ${formatPercent(f.confidence)} · ${safeText(f.ruleId)}`, 'dim', color)}`);
    for (const e of f.evidence) {
      const t = evidenceText(e);
      lines.push(`${indent}    ${safeText(e.metric)} = ${t.value}${t.threshold === undefined ? '' : ` (threshold ${t.threshold})`}`);
    }
    lines.push(`${indent}    → ${safeText(f.recommendation)}`);
  }
  return lines;
}

function formatSuite(input: SuiteFormatInput, options: FormatOptions): string {
  const { result, baseline } = input;
  const color = options.color === true;
  const threshold = thresholdOption(options.threshold);
  const comparer = baseline === undefined && input.comparisons === undefined ? undefined : makeComparer(input, threshold);
  const out: string[] = [];
  out.push(`${heading(`rune-bench · ${safeText(result.name)}`, color)} · ${paint(result.status, STATUS_STYLE[result.status], color)} · ${safeText(result.startedAt)}`);
  out.push(paint(envLine(result), 'dim', color));
  if (baseline !== undefined) out.push(paint(`compared with baseline from ${safeText(baseline.startedAt)} (threshold ${formatPercent(threshold)})`, 'dim', color));
  out.push('', ...summaryLines(result, color));
  for (const node of walkSuites(result)) {
    const r = node.result;
    const indent = '  '.repeat(node.depth);
    const hasContent = r.tasks.length > 0 || (r.figures?.length ?? 0) > 0 || (r.notices?.length ?? 0) > 0;
    if (node.depth > 0 || hasContent) {
      out.push('', `${indent}${heading(safeText(node.path.join(' › ')), color)} · ${paint(r.status, STATUS_STYLE[r.status], color)}${node.depth > 0 ? ` · ${formatDuration(r.summary.duration)}` : ''}`);
    }
    if (!hasContent) continue;
    const figs = figureTables(r, color, `${indent}  `);
    out.push(...figs);
    if (r.tasks.length > 0) {
      if (figs.length > 0) out.push('');
      out.push(taskTable(r, node.path, comparer, color, `${indent}  `));
    }
    for (const notice of r.notices ?? []) out.push(`${indent}  ${paint('note:', 'yellow', color)} ${safeText(notice)}`);
  }
  const findings = allFindings(result);
  out.push('', heading('Findings', color));
  out.push(...(findings.length === 0 ? [`  ${noFindingsText(result)}`] : findingLines(findings, color, '  ')));
  return `${out.join('\n')}\n`;
}

function formatHistory(snapshots: readonly MetricSnapshot[], findings: readonly BottleneckFinding[] | undefined, color: boolean): string {
  const out: string[] = [];
  const first = snapshots[0];
  const last = snapshots.at(-1);
  if (first === undefined || last === undefined) return 'No snapshots.\n';
  out.push(`${heading('Monitor history', color)} · ${snapshots.length} snapshots over ${formatDuration(last.monotonic - first.monotonic)} · ${new Date(first.timestamp).toISOString()}`);
  const names = [...new Set(snapshots.flatMap((s) => s.metrics()))].sort();
  const rows = names.map((name) => {
    const unit = last.descriptors[name]?.unit ?? snapshots.find((s) => s.descriptors[name] !== undefined)?.descriptors[name]?.unit ?? '1';
    const points = snapshots.filter((s) => Number.isFinite(s.get(name)));
    const values = points.map((s) => s.get(name) ?? 0);
    const sorted = [...values].sort((a, b) => a - b);
    const fit = linearFit(points.map((s) => s.monotonic), values);
    const span = Math.max(1e-9, (sorted.at(-1) ?? 0) - (sorted[0] ?? 0));
    const duration = (points.at(-1)?.monotonic ?? 0) - (points[0]?.monotonic ?? 0);
    const rel = fit === undefined ? 0 : (fit.slope * duration) / span;
    const trend = fit === undefined || Math.abs(rel) < 0.2 || span === 1e-9 ? '→' : rel > 0 ? '↗' : '↘';
    const latest = last.get(name);
    return [
      safeText(name),
      latest === undefined ? '—' : formatValue(latest, unit),
      values.length === 0 ? '—' : formatValue(sorted[0] ?? 0, unit),
      values.length === 0 ? '—' : formatValue(values.reduce((a, b) => a + b, 0) / values.length, unit),
      values.length === 0 ? '—' : formatValue(quantileSorted(sorted, 0.95), unit),
      values.length === 0 ? '—' : formatValue(sorted.at(-1) ?? 0, unit),
      trend,
    ];
  });
  out.push(
    renderTextTable(
      [{ header: 'Metric' }, { header: 'Latest', align: 'right' }, { header: 'Min', align: 'right' }, { header: 'Mean', align: 'right' }, { header: 'p95', align: 'right' }, { header: 'Max', align: 'right' }, { header: 'Trend' }],
      rows,
      { color },
    ),
  );
  if (findings !== undefined) out.push('', heading('Findings', color), ...(findings.length === 0 ? ['  none'] : findingLines(findings, color, '  ')));
  return `${out.join('\n')}\n`;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** The last `width` values as block characters scaled between their min and max. */
function sparkline(values: readonly number[], width = 24): string {
  const v = values.filter(Number.isFinite).slice(-width);
  if (v.length === 0) return '';
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  return v.map((x) => BLOCKS[hi === lo ? 3 : Math.min(7, Math.floor(((x - lo) / (hi - lo)) * 8))] ?? '').join('');
}

function formatTrends(series: readonly TrendSeries[], color: boolean): string {
  const rows = series.map((s) => {
    const unit = s.unit ?? 's';
    const first = s.points[0];
    const last = s.points.at(-1);
    const change = first !== undefined && last !== undefined && first.value !== 0 ? last.value / first.value - 1 : undefined;
    const cps = (s.changePoints ?? []).map((cp) => {
      const p = s.points[cp.index];
      const where = p?.commit === undefined ? `#${cp.index}` : p.commit.slice(0, 10);
      const text = safeText(`${where}${cp.label === undefined ? '' : ` ${cp.label}`}`);
      return paint(text, cp.direction === 'regression' ? 'red' : cp.direction === 'improvement' ? 'green' : 'yellow', color);
    });
    return [
      safeText(s.key),
      String(s.points.length),
      first === undefined ? '—' : formatValue(first.value, unit),
      last === undefined ? '—' : formatValue(last.value, unit),
      change === undefined ? '—' : formatChange(change),
      sparkline(s.points.map((p) => p.value)),
      cps.length === 0 ? paint('none', 'gray', color) : cps.join(', '),
    ];
  });
  const table = renderTextTable(
    [{ header: 'Benchmark' }, { header: 'Runs', align: 'right' }, { header: 'First', align: 'right' }, { header: 'Latest', align: 'right' }, { header: 'Change', align: 'right' }, { header: 'History' }, { header: 'Change points' }],
    rows,
    { color },
  );
  return `${heading('Trends', color)}\n${table}\n`;
}

/**
 * The built-in `table` formatter: aligned plain-text tables for a terminal, with human units,
 * "below resolution" for medians the timer cannot resolve, and colour (status, severity, baseline
 * verdicts) only when `options.color` is true. Control characters in names are shown escaped.
 *
 * @public
 */
export const tableFormatter: Formatter = Object.freeze({
  id: 'table',
  extension: 'txt',
  mediaType: 'text/plain; charset=utf-8',
  description: 'aligned terminal tables (human units, colour on a TTY)',
  format(input: FormatInput, options: FormatOptions = {}): string {
    const color = options.color === true;
    switch (input.kind) {
      case 'suite':
        return formatSuite(input, options);
      case 'history':
        return formatHistory(input.snapshots, input.findings, color);
      case 'findings':
        return `${heading('Findings', color)}\n${input.findings.length === 0 ? '  none' : findingLines(input.findings, color, '  ').join('\n')}\n`;
      case 'trends':
        return formatTrends(input.series, color);
    }
  },
});
