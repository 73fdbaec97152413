// Inline SVG charts for the HTML report: no scripts, no external resources, every label escaped.
import type { MetricUnit } from '../core/metric.js';
import type { Verdict } from '../detect/regression/verdict.js';
import { escapeHtml } from './common.js';
import { linearFit } from '../stats/linear-fit.js';
import { quantileSorted } from '../stats/quantile.js';
import { formatValue } from './units.js';

/** One line of a line chart. @internal */
export interface LineSeries {
  readonly name: string;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** CSS class suffix picking the colour: `c0`..`c5`. */
  readonly tone: number;
  /** A tooltip per point (by index), shown on its dot. */
  readonly pointTitles?: readonly string[];
}

/** A vertical marker (change point). @internal */
export interface ChartMarker {
  readonly x: number;
  readonly label: string;
  readonly tone: 'bad' | 'good' | 'neutral';
}

/** Options of {@link lineChart}. @internal */
export interface LineChartOptions {
  readonly title: string;
  readonly unit: MetricUnit;
  readonly series: readonly LineSeries[];
  /** Draw a least-squares trend line per series. */
  readonly trend?: boolean;
  readonly markers?: readonly ChartMarker[];
  /** Label of x values (ticks); defaults to the number itself. */
  readonly xLabel?: (x: number) => string;
  /** Also draw a dot per point (few points). */
  readonly dots?: boolean;
}

const W = 640;
const H = 220;
const PAD = { left: 64, right: 16, top: 28, bottom: 30 } as const;

function fmt(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0';
}

function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const step0 = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) ?? step0;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(t);
  return ticks;
}

function open(title: string, cls: string): string {
  return `<svg class="chart ${cls}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>`;
}

/** A line chart with axes, optional trend lines and change-point markers. @internal */
export function lineChart(options: LineChartOptions): string {
  const all = options.series.flatMap((s) => s.ys.filter(Number.isFinite));
  const xsAll = options.series.flatMap((s) => s.xs.filter(Number.isFinite));
  if (all.length === 0 || xsAll.length === 0) return `<p class="empty">${escapeHtml(options.title)}: no data</p>`;
  let yMin = Math.min(0, ...all);
  let yMax = Math.max(...all);
  if (yMax === yMin) yMax = yMin + (yMin === 0 ? 1 : Math.abs(yMin));
  const ticks = niceTicks(yMin, yMax, 4);
  yMin = Math.min(yMin, ticks[0] ?? yMin);
  yMax = Math.max(yMax, ticks.at(-1) ?? yMax);
  let xMin = Math.min(...xsAll);
  let xMax = Math.max(...xsAll);
  if (xMax === xMin) {
    xMin -= 1;
    xMax += 1;
  }
  const px = (x: number): number => PAD.left + ((x - xMin) / (xMax - xMin)) * (W - PAD.left - PAD.right);
  const py = (y: number): number => H - PAD.bottom - ((y - yMin) / (yMax - yMin)) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [open(options.title, 'line-chart')];
  parts.push(`<text class="title" x="${PAD.left}" y="16">${escapeHtml(options.title)}</text>`);
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${fmt(py(t))}" y2="${fmt(py(t))}"/>`);
    parts.push(`<text class="tick" x="${PAD.left - 6}" y="${fmt(py(t) + 4)}" text-anchor="end">${escapeHtml(formatValue(t, options.unit))}</text>`);
  }
  const xl = options.xLabel ?? ((x: number) => String(x));
  // the first label starts at the axis and the last ends at it, so neither is clipped at the edge
  for (const [x, anchor] of [[xMin, 'start'], [(xMin + xMax) / 2, 'middle'], [xMax, 'end']] as const) {
    parts.push(`<text class="tick" x="${fmt(px(x))}" y="${H - 10}" text-anchor="${anchor}">${escapeHtml(xl(x))}</text>`);
  }
  for (const m of options.markers ?? []) {
    const x = fmt(px(m.x));
    parts.push(`<line class="marker ${m.tone}" x1="${x}" x2="${x}" y1="${PAD.top}" y2="${H - PAD.bottom}"><title>${escapeHtml(m.label)}</title></line>`);
    parts.push(`<text class="marker-label ${m.tone}" x="${fmt(px(m.x) + 3)}" y="${PAD.top + 10}">${escapeHtml(m.label)}</text>`);
  }
  options.series.forEach((s, i) => {
    const pts: string[] = [];
    const titles: (string | undefined)[] = [];
    const fx: number[] = [];
    const fy: number[] = [];
    for (let k = 0; k < Math.min(s.xs.length, s.ys.length); k++) {
      const x = s.xs[k] ?? Number.NaN;
      const y = s.ys[k] ?? Number.NaN;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      pts.push(`${fmt(px(x))},${fmt(py(y))}`);
      titles.push(s.pointTitles?.[k]);
      fx.push(x);
      fy.push(y);
    }
    parts.push(`<polyline class="series c${s.tone % 6}" points="${pts.join(' ')}"><title>${escapeHtml(s.name)}</title></polyline>`);
    if (options.dots === true) {
      for (const [k, p] of pts.entries()) {
        const [cx, cy] = p.split(',');
        const title = titles[k];
        const tip = title === undefined ? '/>' : `><title>${escapeHtml(title)}</title></circle>`;
        parts.push(`<circle class="dot c${s.tone % 6}" cx="${cx ?? '0'}" cy="${cy ?? '0'}" r="2.5"${tip}`);
      }
    }
    const fit = options.trend === true ? linearFit(fx, fy) : undefined;
    if (fit !== undefined) {
      const y0 = fit.intercept + fit.slope * xMin;
      const y1 = fit.intercept + fit.slope * xMax;
      parts.push(`<line class="trend c${s.tone % 6}" x1="${fmt(px(xMin))}" x2="${fmt(px(xMax))}" y1="${fmt(py(y0))}" y2="${fmt(py(y1))}"><title>${escapeHtml(`${s.name} trend`)}</title></line>`);
    }
    parts.push(`<rect class="swatch c${s.tone % 6}" x="${W - PAD.right - 200}" y="${6 + i * 14}" width="10" height="4"/>`);
    parts.push(`<text class="legend" x="${W - PAD.right - 186}" y="${12 + i * 14}">${escapeHtml(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A histogram of per-operation times, with the median marked. @internal */
export function histogram(title: string, samples: readonly number[], unit: MetricUnit, bins = 24): string {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return `<p class="empty">${escapeHtml(title)}: no samples</p>`;
  const lo = sorted[0] ?? 0;
  // Bins span min..min(p99, Q3 + 3 IQR) so a few slow outliers do not squash the distribution into one bar;
  // the samples beyond are counted and said.
  const max = sorted.at(-1) ?? lo;
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  let hi = sorted.length >= 20 ? Math.min(quantileSorted(sorted, 0.99), q3 + 3 * (q3 - q1)) : max;
  if (hi <= lo) hi = max;
  if (hi === lo) hi = lo + (lo === 0 ? 1e-9 : lo * 0.01);
  const n = Math.max(1, Math.min(bins, Math.ceil(Math.sqrt(sorted.length)) * 2));
  const counts = new Array<number>(n).fill(0);
  let beyond = 0;
  for (const v of sorted) {
    if (v > hi) {
      beyond += 1;
      continue;
    }
    const i = Math.min(n - 1, Math.floor(((v - lo) / (hi - lo)) * n));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const peak = Math.max(...counts);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = plotW / n;
  const parts = [open(title, 'histogram'), `<text class="title" x="${PAD.left}" y="16">${escapeHtml(title)}</text>`];
  counts.forEach((c, i) => {
    const h = (c / peak) * plotH;
    const from = lo + ((hi - lo) * i) / n;
    const label = `${formatValue(from, unit)} – ${formatValue(from + (hi - lo) / n, unit)}: ${c} samples`;
    parts.push(`<rect class="bar" x="${fmt(PAD.left + i * bw + 1)}" y="${fmt(H - PAD.bottom - h)}" width="${fmt(Math.max(1, bw - 2))}" height="${fmt(h)}"><title>${escapeHtml(label)}</title></rect>`);
  });
  const median = quantileSorted(sorted, 0.5);
  const mx = PAD.left + ((median - lo) / (hi - lo)) * plotW;
  parts.push(`<line class="median" x1="${fmt(mx)}" x2="${fmt(mx)}" y1="${PAD.top}" y2="${H - PAD.bottom}"/>`);
  parts.push(`<text class="tick" x="${fmt(mx + 3)}" y="${PAD.top + 10}">median ${escapeHtml(formatValue(median, unit))}</text>`);
  parts.push(`<text class="tick" x="${PAD.left}" y="${H - 10}">${escapeHtml(formatValue(lo, unit))}</text>`);
  parts.push(`<text class="tick" x="${W - PAD.right}" y="${H - 10}" text-anchor="end">${escapeHtml(formatValue(hi, unit))}</text>`);
  if (beyond > 0) {
    parts.push(`<text class="tick" x="${fmt((PAD.left + W - PAD.right) / 2)}" y="${H - 10}" text-anchor="middle">${beyond} slower samples (up to ${escapeHtml(formatValue(max, unit))}) beyond the axis</text>`);
  }
  parts.push(`<text class="tick" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${peak}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** Percentiles for {@link boxPlot}. @internal */
export interface BoxStats {
  readonly min: number;
  readonly median: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Lower quartile when known (from samples); otherwise the box starts at the median's mirror. */
  readonly p25?: number;
}

/**
 * A horizontal box plot: whiskers min..p99, box p25..p75 (median mirrored when p25 is unknown),
 * median line, ticks at p90 and p95, a dot at max.
 * @internal
 */
export function boxPlot(title: string, stats: BoxStats, unit: MetricUnit): string {
  const h = 90;
  const lo = stats.min;
  let hi = stats.max;
  if (!(hi > lo)) hi = lo + (lo === 0 ? 1e-9 : Math.abs(lo) * 0.01);
  const px = (v: number): number => PAD.left + ((v - lo) / (hi - lo)) * (W - PAD.left - PAD.right);
  const p25 = stats.p25 ?? Math.max(lo, stats.median - (stats.p75 - stats.median));
  const y = 46;
  const parts = [
    `<svg class="chart box-plot" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>`,
    `<text class="title" x="${PAD.left}" y="16">${escapeHtml(title)}</text>`,
    `<line class="whisker" x1="${fmt(px(lo))}" x2="${fmt(px(stats.p99))}" y1="${y}" y2="${y}"/>`,
    `<line class="whisker" x1="${fmt(px(lo))}" x2="${fmt(px(lo))}" y1="${y - 8}" y2="${y + 8}"/>`,
    `<line class="whisker" x1="${fmt(px(stats.p99))}" x2="${fmt(px(stats.p99))}" y1="${y - 8}" y2="${y + 8}"/>`,
    `<rect class="box" x="${fmt(px(p25))}" y="${y - 14}" width="${fmt(Math.max(1, px(stats.p75) - px(p25)))}" height="28"/>`,
    `<line class="median" x1="${fmt(px(stats.median))}" x2="${fmt(px(stats.median))}" y1="${y - 14}" y2="${y + 14}"/>`,
    `<circle class="dot c1" cx="${fmt(px(stats.max))}" cy="${y}" r="3"><title>max ${escapeHtml(formatValue(stats.max, unit))}</title></circle>`,
  ];
  for (const [name, v] of [['p90', stats.p90], ['p95', stats.p95]] as const) {
    parts.push(`<line class="pct" x1="${fmt(px(v))}" x2="${fmt(px(v))}" y1="${y - 6}" y2="${y + 6}"><title>${name} ${escapeHtml(formatValue(v, unit))}</title></line>`);
  }
  const labels: [string, number, string][] = [
    ['min', lo, 'start'],
    ['median', stats.median, 'middle'],
    ['p99', stats.p99, 'middle'],
    ['max', stats.max, 'end'],
  ];
  for (const [name, v, anchor] of labels) {
    const above = name === 'median' || name === 'max';
    parts.push(`<text class="tick" x="${fmt(px(v))}" y="${above ? y - 20 : y + 30}" text-anchor="${anchor}">${name} ${escapeHtml(formatValue(v, unit))}</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** One bar of {@link changeBars}. @internal */
export interface ChangeBar {
  readonly label: string;
  /** Relative change (0.1 = 10% slower). */
  readonly change: number;
  /** The detector's verdict, used as the bar's class. */
  readonly verdict: Verdict;
}

/** Horizontal bars of relative change against a baseline, centred on zero. @internal */
export function changeBars(title: string, bars: readonly ChangeBar[]): string {
  if (bars.length === 0) return `<p class="empty">${escapeHtml(title)}: no tasks in common with the baseline</p>`;
  const row = 22;
  const h = PAD.top + bars.length * row + 24;
  const labelW = 220;
  const mid = labelW + (W - labelW - PAD.right) / 2;
  const span = Math.max(0.05, ...bars.map((b) => Math.abs(b.change)).filter(Number.isFinite));
  const half = (W - labelW - PAD.right) / 2 - 50;
  const parts = [
    `<svg class="chart change-bars" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>`,
    `<text class="title" x="8" y="16">${escapeHtml(title)}</text>`,
    `<line class="axis" x1="${fmt(mid)}" x2="${fmt(mid)}" y1="${PAD.top - 4}" y2="${h - 20}"/>`,
    `<text class="tick" x="${fmt(mid - half)}" y="${h - 6}" text-anchor="middle">faster</text>`,
    `<text class="tick" x="${fmt(mid + half)}" y="${h - 6}" text-anchor="middle">slower</text>`,
  ];
  bars.forEach((b, i) => {
    const y = PAD.top + i * row;
    const c = Number.isFinite(b.change) ? b.change : 0;
    const w = (Math.abs(c) / span) * half;
    const x = c >= 0 ? mid : mid - w;
    const label = b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label;
    const pct = `${c > 0 ? '+' : ''}${(c * 100).toFixed(1)}%`;
    parts.push(`<text class="tick" x="${labelW - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(label)}</text>`);
    parts.push(`<rect class="delta ${b.verdict}" x="${fmt(x)}" y="${y + 3}" width="${fmt(Math.max(1, w))}" height="14"><title>${escapeHtml(`${b.label}: ${pct} (${b.verdict})`)}</title></rect>`);
    parts.push(`<text class="tick" x="${fmt(c >= 0 ? mid + w + 4 : mid - w - 4)}" y="${y + 13}" text-anchor="${c >= 0 ? 'start' : 'end'}">${escapeHtml(pct)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
