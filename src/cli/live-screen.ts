// Redraws a block of lines in place on a terminal, hides the cursor meanwhile and always shows it again.
import { visibleWidth } from '../format/color.js';
import type { CliStream } from './context.js';

const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';

/**
 * A block of lines redrawn in place: each frame moves the cursor back to the top of the previous one
 * and clears below, so scrollback above the dashboard is left alone. The cursor is hidden while active
 * and shown again by {@link LiveScreen.stop}, and also when the process exits unexpectedly.
 *
 * @internal
 */
export class LiveScreen {
  readonly #stream: CliStream;
  #height = 0;
  #active = false;
  readonly #onExit = (): void => {
    if (this.#active) this.#stream.write(SHOW_CURSOR);
  };

  /** @param stream - a TTY stream */
  constructor(stream: CliStream) {
    this.#stream = stream;
  }

  /** Whether the screen is between `start` and `stop`. */
  get active(): boolean {
    return this.#active;
  }

  /** Hides the cursor. */
  start(): void {
    if (this.#active) return;
    this.#active = true;
    process.once('exit', this.#onExit);
    this.#stream.write(HIDE_CURSOR);
  }

  /** Replaces the previous frame with `lines` (cut to the terminal's height and width by the caller). */
  draw(lines: readonly string[]): void {
    const rows = this.#stream.rows;
    const visible = rows !== undefined && rows > 2 && lines.length > rows - 1 ? lines.slice(0, rows - 1) : lines;
    const up = this.#height > 0 ? `\x1b[${this.#height}F` : '\r';
    this.#stream.write(`${up}\x1b[J${visible.join('\n')}\n`);
    // A line wider than the terminal wraps onto several rows: count rows, not lines, to move back up.
    const columns = this.#stream.columns !== undefined && this.#stream.columns > 0 ? this.#stream.columns : Infinity;
    this.#height = visible.reduce((rows, line) => rows + Math.max(1, Math.ceil(visibleWidth(line) / columns)), 0);
  }

  /** Shows the cursor again; the last frame stays on screen. Safe to call twice. */
  stop(): void {
    if (!this.#active) return;
    this.#active = false;
    process.off('exit', this.#onExit);
    this.#stream.write(SHOW_CURSOR);
  }
}
