// What `monitor` samples and how it learns about bottlenecks: the monitor's sources and the live detector.
import type { BottleneckFinding } from '../../core/findings.js';
import type { MetricSource } from '../../core/source.js';
import { BottleneckDetector, compareFindings } from '../../detect/bottleneck/bottleneck-detector.js';
import { timeToLimitRules } from '../../detect/forecast/time-to-limit-rule.js';
import type { BottleneckEvent } from '../../detect/bottleneck/bottleneck-tracker.js';
import type { PerformanceMonitor } from '../../monitor/performance-monitor.js';
import { ChildProcessSource } from '../../monitor/sources/child-process.js';
import { defaultSources } from '../../monitor/sources/defaults.js';
import { DiskIoSource } from '../../monitor/sources/disk-io.js';
import { DiskstatsSource } from '../../monitor/sources/diskstats-source.js';
import { NetworkIoSource } from '../../monitor/sources/network-io.js';
import { OpenFdsSource } from '../../monitor/sources/open-fds.js';
import { SystemSource } from '../../monitor/sources/system.js';

/**
 * What `monitor` samples.
 *
 * @internal
 */
export interface MonitorSources {
  /** The sources for the monitor. */
  readonly sources: readonly MetricSource[];
  /** Calls `listener` once when the `--pid` process exits (never without `--pid`). */
  onPidExit(listener: () => void): void;
}

/**
 * The sources `monitor` samples: the monitor's defaults (process CPU, memory, event loop, GC), the whole machine
 * (system CPU, load, free memory, every disk's reads, writes and busy time, the network's traffic), this
 * process's disk I/O and open descriptors, and for `--pid` a
 * pidusage source watching that process under the label `pid<PID>`.
 *
 * @internal
 */
export function monitorSources(pid: number | undefined): MonitorSources {
  // the whole machine (CPU, memory, every disk, the network) as well as this process, labelled apart
  const sources: MetricSource[] = [...defaultSources(), new SystemSource(), new DiskIoSource(), new OpenFdsSource(), new DiskstatsSource(), new NetworkIoSource()];
  let child: ChildProcessSource | undefined;
  if (pid !== undefined) {
    child = new ChildProcessSource();
    child.register(pid);
    sources.push(child);
  }
  return {
    sources,
    onPidExit(listener: () => void): void {
      child?.once('exit', () => {
        listener();
      });
    },
  };
}

/**
 * Live findings for the dashboard: the current set and a callback when one appears, changes or clears.
 *
 * @internal
 */
export interface FindingsTracker {
  /** Findings active now. */
  current(): readonly BottleneckFinding[];
  /** Called when a finding appears (`new`), changes severity (`changed`) or clears (`cleared`). */
  onChange(listener: (finding: BottleneckFinding, change: 'new' | 'changed' | 'cleared') => void): void;
  /** Detaches from the monitor. */
  dispose(): void;
}

/** Window of the live time-to-limit forecasts, ms. */
const FORECAST_WINDOW_MS = 120_000;

/**
 * Attaches a live bottleneck detector (the built-in rules, with its hysteresis) to `monitor`, and a second one
 * with the time-to-limit rules over a two-minute window (a trend needs a longer window than a stall), so the
 * dashboard and /metrics show forecasts such as "heap reaches its 4.00 GB limit in 3m 40s [..]".
 *
 * @internal
 */
export function startFindings(monitor: PerformanceMonitor, intervalMs: number): FindingsTracker {
  // At least ten samples per evaluation, and at least the detector's default ten seconds.
  const detectors = [
    new BottleneckDetector({ windowMs: Math.max(10_000, intervalMs * 10) }),
    // a two-minute trend changes little between samples: fit it about once a second, not on every sample
    new BottleneckDetector({ rules: timeToLimitRules(), windowMs: Math.max(FORECAST_WINDOW_MS, intervalMs * 20), evaluateEvery: Math.max(1, Math.round(1000 / intervalMs)) }),
  ];
  const listeners: ((finding: BottleneckFinding, change: 'new' | 'changed' | 'cleared') => void)[] = [];
  const detaches = detectors.map((detector) => {
    detector.on('bottleneck', (event: BottleneckEvent) => {
      const change = event.change === 'raised' ? 'new' : event.change;
      for (const listener of listeners) listener(event.finding, change);
    });
    return detector.attach(monitor);
  });
  return {
    current: () => detectors.flatMap((d) => d.active).sort(compareFindings),
    onChange: (listener) => {
      listeners.push(listener);
    },
    dispose: () => {
      for (const detach of detaches) detach();
    },
  };
}
