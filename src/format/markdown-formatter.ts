// The Markdown formatter: GitHub-flavoured Markdown for pull-request comments and CI job summaries.
import type { BottleneckFinding, Severity } from '../core/findings.js';
import type { TaskResult } from '../core/results.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import { allFindings, describeDelta, evidenceText, makeComparer, noFindingsText, sortFindings, taskFigureMatrix, thresholdOption, walkSuites } from './common.js';
import type { FormatOptions, Formatter, FormatInput, SuiteFormatInput, TaskComparison, TrendSeries } from './formatter.js';
import { formatByteRate, formatBytes, formatChange, formatCount, formatDuration, formatOps, formatPercent, formatRme, formatValue, formatPerOp } from './units.js';

/**
 * Escapes text for GitHub-flavoured Markdown, including inside table cells: Markdown punctuation is
 * backslash-escaped, `<`, `>` and `&` become entities (GitHub renders inline HTML), newlines become spaces.
 */
function md(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
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

function findingsMd(findings: readonly BottleneckFinding[], none = 'No bottleneck rule fired.'): string {
  if (findings.length === 0) return `_${md(none)}_`;
  return sortFindings(findings)
    .map((f) => {
      const evidence = f.evidence
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

function taskRow(task: TaskResult, delta: TaskComparison | undefined, withBaseline: boolean): string[] {
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
    s === undefined || below || (s.unit ?? 'seconds') !== 'seconds' ? '—' : formatCount(s.opsPerSecond),
    through,
    task.status === 'ok' ? status('ok') : `${status(task.status)} ${md(task.error?.message ?? '')}`,
  ];
  if (withBaseline) row.push(delta === undefined ? '—' : delta.verdict === 'same' ? describeDelta(delta) : `**${describeDelta(delta)}**`);
  return row;
}

function formatSuite(input: SuiteFormatInput, options: FormatOptions): string {
  const r = input.result;
  const base = input.baseline;
  const threshold = thresholdOption(options.threshold);
  const comparer = base === undefined && input.comparisons === undefined ? undefined : makeComparer(input, threshold);
  const s = r.summary;
  const out: string[] = [`## ${md(options.title ?? `rune-bench: ${r.name}`)} ${status(r.status)}`, ''];
  const commit = r.env.gitCommit === undefined ? '' : ` · commit ${code(r.env.gitCommit.slice(0, 12))}${r.env.gitDirty === true ? ' (dirty)' : ''}`;
  out.push(`<sub>${md(r.startedAt)} · Node ${md(r.env.node)} · ${md(`${r.env.platform} ${r.env.arch}`)} · ${md(r.env.cpuModel)} × ${r.env.cores}${commit}</sub>`, '');
  const heads = ['Duration', 'Operations', 'Peak memory', 'Peak CPU', ...(s.cacheHitRatio === undefined ? [] : ['Cache hit ratio']), 'Success rate'];
  const vals = [formatDuration(s.duration), formatOps(s.operationsPerSecond), formatBytes(s.peakMemory), formatPercent(s.peakCpu), ...(s.cacheHitRatio === undefined ? [] : [formatPercent(s.cacheHitRatio)]), formatPercent(s.successRate)];
  out.push(mdTable(heads, heads.map(() => 'r'), [vals]), '');
  const deltas: TaskComparison[] = [];
  const sections: string[] = [];
  for (const node of walkSuites(r)) {
    const res = node.result;
    const figs = res.figures ?? [];
    const matrix = taskFigureMatrix(res.tasks);
    if (node.depth === 0 && res.tasks.length === 0 && figs.length === 0 && (res.notices?.length ?? 0) === 0) continue;
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
    if (res.tasks.length > 0) {
      const rows = res.tasks.map((t) => {
        const d = comparer?.(node.path, t);
        if (d !== undefined) deltas.push(d);
        return taskRow(t, d, comparer !== undefined);
      });
      const headers = ['Task', 'Median', 'p99', '±RME', 'ops/s', 'Throughput', 'Status', ...(comparer === undefined ? [] : ['vs baseline'])];
      sections.push(mdTable(headers, ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'l'], rows), '');
    }
    for (const n of res.notices ?? []) sections.push(`> [!NOTE]\n> ${md(n)}`, '');
  }
  if (comparer !== undefined) {
    const slower = deltas.filter((d) => d.verdict === 'slower');
    const faster = deltas.filter((d) => d.verdict === 'faster');
    const from = base === undefined ? '' : ` from ${md(base.startedAt)}`;
    out.push(`**Compared with baseline**${from}: ${slower.length} slower, ${faster.length} faster, ${deltas.length - slower.length - faster.length} the same.`, '');
    if (slower.length > 0) {
      out.push('> [!WARNING]', `> Slower than the baseline: ${slower.map((d) => `${md(d.key)} ${formatChange(d.change)}`).join(', ')}`, '');
    }
  }
  out.push(...sections);
  out.push('### Bottleneck findings', '', findingsMd(allFindings(r), noFindingsText(r)), '');
  return out.join('\n');
}

function formatHistory(snapshots: readonly MetricSnapshot[], findings: readonly BottleneckFinding[] | undefined, title: string): string {
  const last = snapshots.at(-1);
  const first = snapshots[0];
  const out = [`## ${md(title)}`, ''];
  if (last === undefined || first === undefined) return `${out.join('\n')}_No snapshots._\n`;
  out.push(`${snapshots.length} snapshots over ${formatDuration(last.monotonic - first.monotonic)}.`, '');
  const names = [...new Set(snapshots.flatMap((s) => s.metrics()))].sort();
  const rows = names.map((name) => {
    const unit = last.descriptors[name]?.unit ?? snapshots.find((s) => s.descriptors[name] !== undefined)?.descriptors[name]?.unit ?? '1';
    const vals = snapshots.map((s) => s.get(name)).filter((v): v is number => v !== undefined && Number.isFinite(v));
    const latest = last.get(name);
    const mean = vals.reduce((a, b) => a + b, 0) / Math.max(1, vals.length);
    return [code(name), latest === undefined ? '—' : formatValue(latest, unit), vals.length === 0 ? '—' : formatValue(Math.min(...vals), unit), vals.length === 0 ? '—' : formatValue(mean, unit), vals.length === 0 ? '—' : formatValue(Math.max(...vals), unit)];
  });
  out.push(mdTable(['Metric', 'Latest', 'Min', 'Mean', 'Max'], ['l', 'r', 'r', 'r', 'r'], rows), '');
  if (findings !== undefined) out.push('### Bottleneck findings', '', findingsMd(findings), '');
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
    return [
      md(s.key),
      String(s.points.length),
      first === undefined ? '—' : formatValue(first.value, unit),
      last === undefined ? '—' : formatValue(last.value, unit),
      first === undefined || last === undefined || first.value === 0 ? '—' : formatChange(last.value / first.value - 1),
      cps.length === 0 ? 'none' : cps.join('<br>'),
    ];
  });
  return [`## ${md(title)}`, '', mdTable(['Benchmark', 'Runs', 'First', 'Latest', 'Change', 'Change points'], ['l', 'r', 'r', 'r', 'r', 'l'], rows), ''].join('\n');
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
        return `## ${md(options.title ?? 'rune-bench: bottleneck findings')}\n\n${findingsMd(input.findings)}\n`;
      case 'trends':
        return formatTrends(input.series, options.title ?? 'rune-bench: trends');
    }
  },
});

