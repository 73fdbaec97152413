// `monitor`: a live dashboard of the process (or a watched pid), optionally served to Prometheus.
import { isRuneBenchError } from '../../core/errors.js';
import type { BottleneckFinding } from '../../core/findings.js';
import type { MetricSnapshot } from '../../core/snapshot.js';
import { getFormatter } from '../../format/registry.js';
import { PerformanceMonitor } from '../../monitor/performance-monitor.js';
import type { Flags } from '../args.js';
import { ExitCode } from '../command.js';
import { note, wantsColor, type CommandContext } from '../context.js';
import { plainLine, renderDashboard } from '../dashboard.js';
import { LiveScreen } from '../live-screen.js';
import { startMetricsServer, type MetricsServer } from '../metrics-server.js';
import { UsageError } from '../usage-error.js';
import { monitorSources, startFindings, type FindingsTracker } from './monitor-wiring.js';

/** Runs `monitor`. @internal */
export async function runMonitor(ctx: CommandContext, flags: Flags): Promise<number> {
  const interval = flags.number('interval', { min: 0.01, max: 3600, what: 'seconds' }) ?? 1;
  const historySize = flags.number('history', { integer: true, min: 2, max: 1_000_000 }) ?? 600;
  const duration = flags.number('duration', { min: 0.001, what: 'seconds' });
  const port = flags.number('serve', { integer: true, min: 0, max: 65535 });
  const host = flags.string('host');
  if (host !== undefined && port === undefined) throw new UsageError('--host only applies with --serve PORT', 'monitor');
  const pid = flags.number('pid', { integer: true, min: 1 });
  if (pid !== undefined && !processExists(pid)) {
    throw new UsageError(`no process with pid ${pid} is running: check --pid`, 'monitor');
  }

  const watched = monitorSources(pid);
  const monitor = new PerformanceMonitor({ intervalMs: interval * 1000, historySize, sources: watched.sources });
  const findings: FindingsTracker = startFindings(monitor, interval * 1000);
  const tty = ctx.stdout.isTTY === true;
  const color = wantsColor(ctx.stdout, ctx.env);
  const screen = tty ? new LiveScreen(ctx.stdout) : undefined;
  const errors = new Map<string, string>();
  let server: MetricsServer | undefined;
  const pidState = { gone: false };

  const title = (): string =>
    `${ctx.program} monitor  pid ${pid ?? process.pid}${pid === undefined ? ' (self)' : ''}  every ${interval}s` +
    `  ${monitor.history.size} samples${duration === undefined ? '  Ctrl-C to quit' : `  for ${duration}s`}`;

  const draw = (): void => {
    if (screen === undefined) return;
    const status: string[] = [];
    if (server !== undefined) status.push(`serving ${server.url}`);
    for (const [source, message] of errors) status.push(`source ${source}: ${message}`);
    screen.draw(
      renderDashboard({
        title: title(),
        snapshots: monitor.history.toArray(),
        findings: findings.current(),
        columns: ctx.stdout.columns !== undefined && ctx.stdout.columns > 0 ? ctx.stdout.columns : 100,
        color,
        status,
      }),
    );
  };

  const stopped = new AbortController();
  const stop = (): void => {
    stopped.abort();
  };
  monitor.on('sample', (snapshot: MetricSnapshot) => {
    if (screen !== undefined) draw();
    else ctx.stdout.write(`${plainLine(snapshot)}\n`);
  });
  watched.onPidExit(() => {
    pidState.gone = true;
    stop();
  });
  monitor.on('error', ({ sourceId, error }) => {
    const message = error.message;
    if (errors.get(sourceId) === message) return;
    errors.set(sourceId, message);
    if (screen === undefined) note(ctx, `source ${sourceId} failed: ${message}`);
  });
  findings.onChange((finding: BottleneckFinding, change: 'new' | 'changed' | 'cleared') => {
    if (screen !== undefined) return;
    const text = `${finding.severity.toUpperCase()} ${finding.title} (impact ${Math.round(finding.impact)}%): ${finding.recommendation}`;
    ctx.stdout.write(change === 'cleared' ? `finding cleared: ${finding.title}\n` : `finding ${change}: ${text}\n`);
  });

  if (ctx.signal.aborted) return ExitCode.Ok;
  ctx.signal.addEventListener('abort', stop, { once: true });
  // The monitor's timers are unref'd: this ref'd timer keeps the process alive until we stop.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const deadline = duration === undefined ? undefined : setTimeout(stop, duration * 1000);
  try {
    if (port !== undefined) {
      const prometheus = getFormatter('prometheus');
      server = await startMetricsServer(host ?? '127.0.0.1', port, () => {
        const latest = monitor.latest;
        const snapshots = latest === undefined ? [] : [latest];
        return { body: prometheus.format({ kind: 'history', snapshots, findings: findings.current() }), contentType: prometheus.mediaType };
      });
      note(ctx, `serving metrics at ${server.url}`);
    }
    screen?.start();
    draw();
    await monitor.start();
    if (!stopped.signal.aborted) {
      await new Promise<void>((resolve) => {
        stopped.signal.addEventListener('abort', () => {
          resolve();
        }, { once: true });
      });
    }
  } finally {
    clearInterval(keepAlive);
    if (deadline !== undefined) clearTimeout(deadline);
    ctx.signal.removeEventListener('abort', stop);
    try {
      await monitor.stop();
    } catch (error) {
      if (!isRuneBenchError(error)) throw error;
    }
    findings.dispose();
    if (screen !== undefined) {
      draw();
      screen.stop();
    }
    await server?.close();
  }
  if (pidState.gone) note(ctx, `process ${pid ?? ''} exited; monitor stopped`);
  return ExitCode.Ok;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
