// Helpers shared by the built-in formatters (not exported from the package).
import { neutralizeControls } from '../core/safe-text.js';
import type { FindingEvidence } from '../core/findings.js';
import type { MetricName } from '../core/metric-names.js';
import type { MetricSnapshot } from '../core/snapshot.js';
import type { BenchmarkComparison } from '../detect/regression/regression-types.js';
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

/** Validates the shared `threshold` option. @internal */
export function thresholdOption(value: number | undefined): number {
  if (value === undefined) return 0.02;
  if (!Number.isFinite(value) || value < 0) throw new RangeError('threshold option must be a finite number >= 0');
  return value;
}

/** A verdict for a table cell, e.g. `+12.0% regressed`; `ratio` as the detector measured it. @internal */
export function describeVerdict(c: BenchmarkComparison): string {
  return `${formatChange(c.ratio - 1)} ${c.verdict}`;
}

/** The latest snapshot's metrics plus their descriptors, for history inputs. @internal */
export const HISTORY_CHARTS: readonly { readonly title: string; readonly metrics: readonly (MetricName | RegExp)[] }[] = [
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
export function chartMetrics(snapshots: readonly MetricSnapshot[], wanted: readonly (MetricName | RegExp)[]): string[] {
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

/** Splits a list into chunks of at most `size`. @internal */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Evidence value and threshold for people: in the evidence's unit when known, else four significant digits. @internal */
export function evidenceText(ev: FindingEvidence): { readonly value: string; readonly threshold: string | undefined } {
  const unit = ev.unit;
  const show = (v: number): string => (unit === undefined ? String(Number(v.toPrecision(4))) : formatValue(v, unit));
  return { value: show(ev.value), threshold: ev.threshold === undefined ? undefined : show(ev.threshold) };
}
