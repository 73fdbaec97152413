// The table formatter: what a person reads in a terminal after `rune-bench run`.
import type { BottleneckFinding } from '../core/findings.js';
import type { SuiteResult, TaskResult, TaskStatus } from '../core/results.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { paint, severityStyle, type AnsiStyle } from './color.js';
import { chunk, describeVerdict, evidenceText, safeText, thresholdOption } from './common.js';
import { historyRows } from './history-report.js';
import { reportFindings, reportOf, type ReportFinding, type ReportSuite, type SuiteReport } from './report.js';
import type { Verdict } from '../detect/regression/verdict.js';
import type { FormatInput, FormatOptions, Formatter, SuiteFormatInput, TrendSeries } from './formatter.js';
import { renderTextTable, type TextTableColumn } from './text-table.js';
import {
  formatPredicted,
  formatByteRate,
  formatBytes,
  formatChange,
  formatCount,
  formatDuration,
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

/** Colour of each verdict in a terminal. */
const VERDICT_STYLE: Readonly<Record<Verdict, AnsiStyle>> = {
  regressed: 'red',
  improved: 'green',
  unchanged: 'gray',
  inconclusive: 'yellow',
  incomparable: 'yellow',
};

function summaryLines(report: SuiteReport, color: boolean): string[] {
  const s = report.result.summary;
  const rows: [string, string][] = [
    ['Duration', formatDuration(s.duration)],
    ['Peak memory', formatBytes(s.peakMemory)],
    ['Peak CPU', `${formatPercent(s.peakCpu)} of one core`],
  ];
  if (s.cacheHitRatio !== undefined) rows.push(['Cache hit ratio', formatPercent(s.cacheHitRatio)]);
  rows.push(['Success rate', `${formatPercent(s.successRate)} (${report.okCount}/${report.taskCount} tasks ok)`]);
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

function taskTable(section: ReportSuite, compared: boolean, color: boolean, indent: string): string {
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
  // where a fresh run should land, shown when the run knew its between-run noise (processes or the store)
  const predicted = section.prediction !== undefined;
  if (predicted) columns.splice(4, 0, { header: 'Next run', align: 'right' });
  if (compared) columns.push({ header: 'vs baseline' });
  const rows = section.tasks.map(({ task, comparison }) => {
    const s = task.stats;
    const below = s?.belowResolution === true;
    const row = [
      safeText(task.name),
      s === undefined ? '—' : below ? 'below res.' : formatPerOp(s.median, s.unit),
      s === undefined || below ? '—' : formatPerOp(s.p99, s.unit),
      s === undefined || below || s.samples < 2 ? '—' : formatRme(s.rme),
      ...(predicted ? [s === undefined || below ? '—' : formatPredicted(s)] : []),
      s === undefined || below || (s.unit ?? 'seconds') !== 'seconds' ? '—' : formatCount(s.opsPerSecond),
      throughput(task),
      s === undefined ? '0' : formatCount(s.samples),
      below ? `${statusCell(task, color)} ${paint(`(median below timer resolution ${formatDuration(s.resolution)})`, 'yellow', color)}` : statusCell(task, color),
    ];
    if (compared) row.push(comparison === undefined ? paint('not compared', 'gray', color) : paint(describeVerdict(comparison), VERDICT_STYLE[comparison.verdict], color));
    return row;
  });
  return renderTextTable(columns, rows, { color, indent });
}

function figureTables(section: ReportSuite, color: boolean, indent: string): string[] {
  const out: string[] = [];
  const suiteFigures = section.figures.map((f) => [safeText(f.name), formatValue(f.value, f.unit), safeText(f.description ?? '')]);
  if (suiteFigures.length > 0) {
    out.push(`${indent}${paint('Key figures', 'bold', color)}`);
    out.push(renderTextTable([{ header: 'Figure' }, { header: 'Value', align: 'right' }, { header: 'Meaning' }], suiteFigures, { color, indent }));
  }
  const matrix = section.taskFigures;
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

function findingLines(findings: readonly ReportFinding[], color: boolean, indent: string): string[] {
  const lines: string[] = [];
  for (const { finding: f, evidence } of findings) {
    const tag = paint(`[${f.severity.toUpperCase()}]`, severityStyle(f.severity), color);
    const strong = f.severity === 'critical' ? paint(safeText(f.title), 'bold', color) : safeText(f.title);
    lines.push(`${indent}${tag} ${strong}  ${paint(`impact ${f.impact.toFixed(0)}% · confidence ${formatPercent(f.confidence)} · ${safeText(f.ruleId)}`, 'dim', color)}`);
    for (const e of evidence) {
      const t = evidenceText(e);
      lines.push(`${indent}    ${safeText(e.metric)} = ${t.value}${t.threshold === undefined ? '' : ` (threshold ${t.threshold})`}`);
    }
    lines.push(`${indent}    → ${safeText(f.recommendation)}`);
  }
  return lines;
}

function formatSuite(input: SuiteFormatInput, options: FormatOptions): string {
  const { result } = input;
  const color = options.color === true;
  const report = reportOf(input, thresholdOption(options.threshold));
  const compared = report.comparison !== undefined;
  const out: string[] = [];
  out.push(`${heading(`rune-bench · ${safeText(result.name)}`, color)} · ${paint(result.status, STATUS_STYLE[result.status], color)} · ${safeText(result.startedAt)}`);
  out.push(paint(envLine(result), 'dim', color));
  const first = report.comparison?.comparisons[0];
  if (report.comparison !== undefined) {
    const threshold = first === undefined ? '' : ` (threshold ${formatPercent(first.threshold)})`;
    out.push(paint(`compared with baseline from ${safeText(report.comparison.baselineStartedAt)}${threshold}`, 'dim', color));
  }
  out.push('', ...summaryLines(report, color));
  for (const section of report.suites) {
    const r = section.suite;
    const indent = '  '.repeat(section.depth);
    if (section.depth > 0 || section.hasContent) {
      out.push('', `${indent}${heading(safeText(section.path.join(' › ')), color)} · ${paint(r.status, STATUS_STYLE[r.status], color)}${section.depth > 0 ? ` · ${formatDuration(r.summary.duration)}` : ''}`);
    }
    if (!section.hasContent) continue;
    const figs = figureTables(section, color, `${indent}  `);
    out.push(...figs);
    if (section.tasks.length > 0) {
      if (figs.length > 0) out.push('');
      out.push(taskTable(section, compared, color, `${indent}  `));
    }
    if (section.relative !== undefined) {
      out.push('', `${indent}  ${paint('Relative', 'bold', color)} (ratio of medians, 95% bootstrap interval)`);
      for (const row of section.relative.rows) out.push(`${indent}    ${safeText(row.sentence)}`);
    }
    if (section.prediction !== undefined) out.push(`${indent}  ${paint(safeText(section.prediction), 'dim', color)}`);
    for (const notice of section.notices) out.push(`${indent}  ${paint('note:', 'yellow', color)} ${safeText(notice)}`);
  }
  out.push('', heading('Findings', color));
  out.push(...(report.findings.length === 0 ? [`  ${report.noFindings}`] : findingLines(report.findings, color, '  ')));
  return `${out.join('\n')}\n`;
}

function formatHistory(snapshots: readonly MetricSnapshot[], findings: readonly BottleneckFinding[] | undefined, color: boolean): string {
  const out: string[] = [];
  const first = snapshots[0];
  const last = snapshots.at(-1);
  if (first === undefined || last === undefined) return 'No snapshots.\n';
  out.push(`${heading('Monitor history', color)} · ${snapshots.length} snapshots over ${formatDuration(last.monotonic - first.monotonic)} · ${new Date(first.timestamp).toISOString()}`);
  const arrow = { rising: '↗', falling: '↘', flat: '→' } as const;
  const rows = historyRows(snapshots).map((r) => {
    const show = (v: number): string => (r.count === 0 ? '—' : formatValue(v, r.unit));
    return [safeText(r.metric), r.latest === undefined ? '—' : formatValue(r.latest, r.unit), show(r.min), show(r.mean), show(r.p95), show(r.max), arrow[r.trend]];
  });
  out.push(
    renderTextTable(
      [{ header: 'Metric' }, { header: 'Latest', align: 'right' }, { header: 'Min', align: 'right' }, { header: 'Mean', align: 'right' }, { header: 'p95', align: 'right' }, { header: 'Max', align: 'right' }, { header: 'Trend' }],
      rows,
      { color },
    ),
  );
  if (findings !== undefined) out.push('', heading('Findings', color), ...(findings.length === 0 ? ['  none'] : findingLines(reportFindings(findings, snapshots), color, '  ')));
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
    // runs that measured something else are named, not drawn (no spike in the sparkline)
    s.points.forEach((p, i) => {
      if (p.otherSettings !== undefined) cps.push(paint(safeText(`${p.commit?.slice(0, 10) ?? `#${i}`} other settings (${p.otherSettings})`), 'yellow', color));
    });
    const usual = s.points.filter((p) => p.otherSettings === undefined);
    return [
      safeText(s.key),
      String(s.points.length),
      first === undefined ? '—' : formatValue(first.value, unit),
      last === undefined ? '—' : formatValue(last.value, unit),
      change === undefined ? '—' : formatChange(change),
      sparkline(usual.map((p) => p.value)),
      cps.length === 0 ? paint('none', 'gray', color) : cps.join(', '),
    ];
  });
  const table = renderTextTable(
    [{ header: 'Benchmark' }, { header: 'Runs', align: 'right' }, { header: 'First', align: 'right' }, { header: 'Latest', align: 'right' }, { header: 'Change', align: 'right' }, { header: 'History' }, { header: 'Change points' }],
    rows,
    { color },
  );
  const budgets = series.flatMap((s) => {
    if (s.budget === undefined) return [];
    const tone = s.budget.forecast?.state === 'over' ? 'red' : s.budget.forecast === undefined ? 'gray' : 'yellow';
    return [`  ${safeText(s.key)}: ${paint(safeText(s.budget.message), tone, color)}`];
  });
  return `${heading('Trends', color)}\n${table}\n${budgets.length === 0 ? '' : `\n${heading('Budgets', color)}\n${budgets.join('\n')}\n`}`;
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
        return `${heading('Findings', color)}\n${input.findings.length === 0 ? '  none' : findingLines(reportFindings(input.findings), color, '  ').join('\n')}\n`;
      case 'trends':
        return formatTrends(input.series, color);
    }
  },
});
