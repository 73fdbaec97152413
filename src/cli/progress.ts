// Progress on stderr: a redrawn bar with ETA on a terminal, plain lines otherwise.
import type { SuiteProgress } from '../core/suite.js';
import type { CliStream } from './context.js';

/**
 * Shows suite progress on a stream. On a TTY it redraws one line (`[#####-----]  45%  phase  ETA 12s`)
 * at most ten times a second; otherwise it prints a plain line when the phase changes or another 10% is done.
 *
 * @internal
 */
export class ProgressView {
  readonly #stream: CliStream;
  readonly #tty: boolean;
  readonly #now: () => number;
  #lastDraw = -Infinity;
  #lastPhase = '';
  #lastDecile = -1;
  #drawn = false;
  #pending: SuiteProgress | undefined;

  /**
   * @param stream - where to draw (stderr)
   * @param now - clock in milliseconds, for tests
   */
  constructor(stream: CliStream, now: () => number = () => performance.now()) {
    this.#stream = stream;
    this.#tty = stream.isTTY === true;
    this.#now = now;
  }

  /** Takes one progress record. Never throws. */
  update(progress: SuiteProgress): void {
    try {
      if (this.#tty) this.#drawBar(progress);
      else this.#printLine(progress);
    } catch {
      // progress must never break a run
    }
  }

  /** Clears the bar (TTY) so the report that follows starts on a clean line. */
  done(): void {
    if (this.#tty && this.#drawn) {
      if (this.#pending !== undefined) this.#render(this.#pending);
      this.#stream.write('\r\x1b[K');
      this.#drawn = false;
    }
  }

  #drawBar(progress: SuiteProgress): void {
    this.#pending = progress;
    const now = this.#now();
    if (now - this.#lastDraw < 100 && progress.fraction < 1) return;
    this.#lastDraw = now;
    this.#render(progress);
  }

  #render(progress: SuiteProgress): void {
    const columns = Math.max(40, this.#stream.columns ?? 80);
    const width = Math.min(30, Math.max(10, Math.floor(columns / 4)));
    const fraction = clamp(progress.fraction);
    const filled = Math.round(fraction * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    const eta = progress.eta === undefined ? '' : `  ETA ${formatDuration(progress.eta)}`;
    const label = `${progress.suite}: ${progressText(progress)}`;
    const room = columns - bar.length - percent.length - eta.length - 4;
    const text = label.length > room ? `${label.slice(0, Math.max(0, room - 1))}…` : label;
    this.#stream.write(`\r\x1b[K${bar} ${percent}  ${text}${eta}`);
    this.#drawn = true;
  }

  #printLine(progress: SuiteProgress): void {
    const fraction = clamp(progress.fraction);
    const decile = Math.floor(fraction * 10);
    if (progress.phase === this.#lastPhase && decile === this.#lastDecile) return;
    this.#lastPhase = progress.phase;
    this.#lastDecile = decile;
    const eta = progress.eta === undefined ? '' : ` (ETA ${formatDuration(progress.eta)})`;
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    this.#stream.write(`[${percent}] ${progress.suite} ${progressText(progress)}${eta}\n`);
  }
}

function clamp(fraction: number): number {
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
}

/** `1h02m`, `3m05s`, `12s` for a number of seconds. @internal */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * The phase and message of a progress report, without saying the task twice. A nested suite's phase
 * carries its path (`disk_io: seq-read`), and the message often starts with the task's own name
 * (`seq-read: ok`, `walk + lstat (1 of 15)`): the message then replaces the phase's last segment.
 */
function progressText(progress: SuiteProgress): string {
  const { phase, message } = progress;
  if (message === undefined || message === phase) return phase;
  const cut = phase.lastIndexOf(': ');
  const task = cut < 0 ? phase : phase.slice(cut + 2);
  const path = cut < 0 ? '' : phase.slice(0, cut + 2);
  if (message === task || message.startsWith(`${task}:`) || message.startsWith(`${task} `)) return `${path}${message}`;
  return `${phase}: ${message}`;
}
