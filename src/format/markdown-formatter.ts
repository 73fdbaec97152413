// The Markdown formatter: GitHub-flavoured Markdown for pull-request comments and CI job summaries.
import { neutralizeControls } from '../core/safe-text.js';
import type { BottleneckFinding, Severity } from '../core/findings.js';
import { VERDICTS } from '../detect/regression/verdict.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { describeVerdict, evidenceText, thresholdOption } from './common.js';
import type { FormatOptions, Formatter, FormatInput, SuiteFormatInput, TrendSeries } from './formatter.js';
import { reportFindings, reportOf, type ReportFinding, type ReportTask } from './report.js';
import { historyRows } from './history-report.js';
import { formatByteRate, formatBytes, formatChange, formatCount, formatDuration, formatPercent, formatPredicted, formatRme, formatValue, formatPerOp } from './units.js';

/**
 * Escapes text for GitHub-flavoured Markdown, including inside table cells: Markdown punctuation is
 * backslash-escaped, `<`, `>` and `&` become entities (GitHub renders inline HTML), newlines become spaces.
 */
function md(text: string): string {
  return neutralizeControls(text.replace(/[\r\n\t]+/g, ' '))
    .replace(/[\\`*_{}[\]()|~]/g, (c) => `\\${c}`)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** Inline code that cannot be broken out of: backticks in the text get a longer fence. */
function code(text: string): string {
  const clean = text.replace(/[\r\n\t]+/g, ' ').replaceAll('|', '\\|');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest > 0 ? ' ' : ''}${clean}${longest > 0 ? ' ' : ''}${fence}`;
}

function mdTable(headers: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
  const head = `| ${headers.join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (align[i] === 'r' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [head, rule, ...rows.map((r) => `| ${headers.map((_, i) => r[i] ?? '').join(' | ')} |`)].join('\n');
}

const SEVERITY_ICON: Readonly<Record<Severity, string>> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵' };
const STATUS_ICON: Readonly<Record<string, string>> = { ok: '✅', partial: '⚠️', failed: '❌', timeout: '⏱️', aborted: '⏹️' };

function status(s: string): string {
  return `${STATUS_ICON[s] ?? ''} ${s}`.trim();
}

function findingsMd(findings: readonly ReportFinding[], none = 'No bottleneck rule fired.'): string {
  if (findings.length === 0) return `_${md(none)}_`;
  return findings
    .map(({ finding: f, evidence: shown }) => {
      const evidence = shown
        .map((ev) => {
          const t = evidenceText(ev);
          return `${code(ev.metric)} = ${t.value}${t.threshold === undefined ? '' : ` (threshold ${t.threshold})`}`;
        })
        .join('; ');
      const lines = [`- ${SEVERITY_ICON[f.severity]} **${f.severity.toUpperCase()}** ${md(f.title)} (impact ${f.impact.toFixed(0)}%, confidence ${formatPercent(f.confidence)}, ${code(f.ruleId)})`];
      if (evidence !== '') lines.push(`  ${evidence}`);
      lines.push(`  ${md(f.recommendation)}`);
      return lines.join('  \n');
    })
    .join('\n');
}

function taskRow({ task, comparison }: ReportTask, withBaseline: boolean, predicted: boolean): string[] {
  const s = task.stats;
  const below = s?.belowResolution === true;
  const through = [s?.bytesPerSecond === undefined ? '' : formatByteRate(s.bytesPerSecond), s?.itemsPerSecond === undefined ? '' : `${formatCount(s.itemsPerSecond)} items/s`]
    .filter((x) => x !== '')
    .join(', ');
  const row = [
    md(task.name),
    s === undefined ? '—' : below ? `_below timer resolution (${formatDuration(s.resolution)})_` : formatPerOp(s.median, s.unit),
    s === undefined || below ? '—' : formatPerOp(s.p99, s.unit),
    s === undefined || below || s.samples < 2 ? '—' : formatRme(s.rme),
    ...(predicted ? [s === undefined || below ? '—' : formatPredicted(s)] : []),
    s === undefined || below || (s.unit ?? 'seconds') !== 'seconds' ? '—' : formatCount(s.opsPerSecond),
    through,
    task.status === 'ok' ? status('ok') : `${status(task.status)} ${md(task.error?.message ?? '')}`,
  ];
  if (withBaseline) {
    const shown = comparison === undefined ? 'not compared' : describeVerdict(comparison);
    row.push(comparison?.verdict === 'regressed' || comparison?.verdict === 'improved' ? `**${shown}**` : shown);
  }
  return row;
}

function formatSuite(input: SuiteFormatInput, options: FormatOptions): string {
  const r = input.result;
  const report = reportOf(input, thresholdOption(options.threshold));
  const compared = report.comparison !== undefined;
  const s = r.summary;
  const out: string[] = [`## ${md(options.title ?? `rune-bench: ${r.name}`)} ${status(r.status)}`, ''];
  const commit = r.env.gitCommit === undefined ? '' : ` · commit ${code(r.env.gitCommit.slice(0, 12))}${r.env.gitDirty === true ? ' (dirty)' : ''}`;
  out.push(`<sub>${md(r.startedAt)} · Node ${md(r.env.node)} · ${md(`${r.env.platform} ${r.env.arch}`)} · ${md(r.env.cpuModel)} × ${r.env.cores}${commit}</sub>`, '');
  const heads = ['Duration', 'Peak memory', 'Peak CPU', ...(s.cacheHitRatio === undefined ? [] : ['Cache hit ratio']), 'Success rate'];
  const vals = [formatDuration(s.duration), formatBytes(s.peakMemory), formatPercent(s.peakCpu), ...(s.cacheHitRatio === undefined ? [] : [formatPercent(s.cacheHitRatio)]), formatPercent(s.successRate)];
  out.push(mdTable(heads, heads.map(() => 'r'), [vals]), '');
  const sections: string[] = [];
  for (const node of report.suites) {
    const res = node.suite;
    const figs = node.figures;
    const matrix = node.taskFigures;
    if (node.depth === 0 && !node.hasContent) continue;
    sections.push(`### ${md(node.path.join(' › '))} ${status(res.status)}`, '');
    if (figs.length > 0) {
      sections.push(mdTable(['Figure', 'Value', 'Meaning'], ['l', 'r', 'l'], figs.map((f) => [code(f.name), formatValue(f.value, f.unit), md(f.description ?? '')])), '');
    }
    if (matrix !== undefined) {
      const rows = matrix.rows.map((r) => [md(r.task), ...matrix.names.map((n) => {
        const f = r.figures.get(n);
        return f === undefined ? '' : formatValue(f.value, f.unit);
      })]);
      sections.push(mdTable(['Task', ...matrix.names.map(code)], ['l', ...matrix.names.map(() => 'r' as const)], rows), '');
    }
    if (node.tasks.length > 0) {
      const predicted = node.prediction !== undefined;
      const rows = node.tasks.map((t) => taskRow(t, compared, predicted));
      const headers = ['Task', 'Median', 'p99', '±RME', ...(predicted ? ['Next run'] : []), 'ops/s', 'Throughput', 'Status', ...(compared ? ['vs baseline'] : [])];
      sections.push(mdTable(headers, ['l', 'r', 'r', 'r', ...(predicted ? ['r' as const] : []), 'r', 'r', 'l', 'l'], rows), '');
    }
    if (node.prediction !== undefined) sections.push(`_${md(node.prediction)}_`, '');
    if (node.relative !== undefined) {
      sections.push('**Relative** (ratio of medians, 95% bootstrap interval):', '', ...node.relative.rows.map((r) => `- ${md(r.sentence)}`), '');
    }
    for (const n of node.notices) sections.push(`> [!NOTE]\n> ${md(n)}`, '');
  }
  if (report.comparison !== undefined) {
    const counts = VERDICTS.map((v) => `${report.verdictCounts[v]} ${v}`);
    if (report.comparison.notCompared.length > 0) counts.push(`${report.comparison.notCompared.length} not compared`);
    out.push(`**Compared with baseline** from ${md(report.comparison.baselineStartedAt)}: ${counts.join(', ')}.`, '');
    const regressed = report.comparison.comparisons.filter((c) => c.verdict === 'regressed');
    if (regressed.length > 0) {
      out.push('> [!WARNING]', `> Regressed against the baseline: ${regressed.map((c) => `${md(c.key)} ${formatChange(c.ratio - 1)}`).join(', ')}`, '');
    }
  }
  out.push(...sections);
  out.push('### Bottleneck findings', '', findingsMd(report.findings, report.noFindings), '');
  return out.join('\n');
}

function formatHistory(snapshots: readonly MetricSnapshot[], findings: readonly BottleneckFinding[] | undefined, title: string): string {
  const last = snapshots.at(-1);
  const first = snapshots[0];
  const out = [`## ${md(title)}`, ''];
  if (last === undefined || first === undefined) return `${out.join('\n')}_No snapshots._\n`;
  out.push(`${snapshots.length} snapshots over ${formatDuration(last.monotonic - first.monotonic)}.`, '');
  const rows = historyRows(snapshots).map((r) => {
    const show = (v: number): string => (r.count === 0 ? '—' : formatValue(v, r.unit));
    return [code(r.metric), r.latest === undefined ? '—' : formatValue(r.latest, r.unit), show(r.min), show(r.mean), show(r.max)];
  });
  out.push(mdTable(['Metric', 'Latest', 'Min', 'Mean', 'Max'], ['l', 'r', 'r', 'r', 'r'], rows), '');
  if (findings !== undefined) out.push('### Bottleneck findings', '', findingsMd(reportFindings(findings, snapshots)), '');
  return out.join('\n');
}

function formatTrends(series: readonly TrendSeries[], title: string): string {
  const rows = series.map((s) => {
    const unit = s.unit ?? 's';
    const first = s.points[0];
    const last = s.points.at(-1);
    const cps = (s.changePoints ?? []).map((cp) => {
      const p = s.points[cp.index];
      const icon = cp.direction === 'regression' ? '🔺' : cp.direction === 'improvement' ? '🔻' : '◆';
      return `${icon} ${p?.commit === undefined ? `#${cp.index}` : code(p.commit.slice(0, 10))}${cp.label === undefined ? '' : ` ${md(cp.label)}`}`;
    });
    s.points.forEach((p, i) => {
      if (p.otherSettings !== undefined) cps.push(`⚠ ${p.commit === undefined ? `#${i}` : code(p.commit.slice(0, 10))} ${md(`other settings (${p.otherSettings})`)}`);
    });
    return [
      md(s.key),
      String(s.points.length),
      first === undefined ? '—' : formatValue(first.value, unit),
      last === undefined ? '—' : formatValue(last.value, unit),
      first === undefined || last === undefined || first.value === 0 ? '—' : formatChange(last.value / first.value - 1),
      cps.length === 0 ? 'none' : cps.join('<br>'),
    ];
  });
  const budgets = series.flatMap((s) => (s.budget === undefined ? [] : [`- ${md(s.key)}: ${s.budget.forecast?.state === 'over' ? '🔺 ' : ''}${md(s.budget.message)}`]));
  return [
    `## ${md(title)}`,
    '',
    mdTable(['Benchmark', 'Runs', 'First', 'Latest', 'Change', 'Change points'], ['l', 'r', 'r', 'r', 'r', 'l'], rows),
    '',
    ...(budgets.length === 0 ? [] : ['### Budgets', '', ...budgets, '']),
  ].join('\n');
}

/**
 * The built-in `markdown` formatter: GitHub-flavoured Markdown (tables, alerts) for pull-request
 * comments and `$GITHUB_STEP_SUMMARY`. With a baseline it leads with the verdict and a warning listing
 * the slower tasks. User strings are escaped so a task name cannot inject Markdown or HTML.
 *
 * @public
 */
export const markdownFormatter: Formatter = Object.freeze({
  id: 'markdown',
  extension: 'md',
  mediaType: 'text/markdown; charset=utf-8',
  description: 'GitHub-flavoured Markdown for PR comments and CI job summaries',
  format(input: FormatInput, options: FormatOptions = {}): string {
    switch (input.kind) {
      case 'suite':
        return formatSuite(input, options);
      case 'history':
        return formatHistory(input.snapshots, input.findings, options.title ?? 'rune-bench: monitor history');
      case 'findings':
        return `## ${md(options.title ?? 'rune-bench: bottleneck findings')}\n\n${findingsMd(reportFindings(input.findings))}\n`;
      case 'trends':
        return formatTrends(input.series, options.title ?? 'rune-bench: trends');
    }
  },
});

