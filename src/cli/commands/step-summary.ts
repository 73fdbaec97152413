// GitHub Actions job summary: the Markdown report appended to $GITHUB_STEP_SUMMARY when it is set.
import { appendFileSync } from 'node:fs';
import type { FormatInput } from '../../format/formatter.js';
import { note, type CommandContext } from '../context.js';
import { findFormatter } from '../inputs.js';

/**
 * Appends the Markdown form of `input` to the file named by `$GITHUB_STEP_SUMMARY` (GitHub Actions shows it on
 * the job's page); does nothing when the variable is unset. A failure to write is a warning, never fatal.
 *
 * @internal
 */
export function appendStepSummary(ctx: CommandContext, input: FormatInput, command: string): void {
  const path = ctx.env.GITHUB_STEP_SUMMARY;
  if (path === undefined || path === '') return;
  try {
    const text = findFormatter('markdown', input.kind, command).format(input, { color: false });
    appendFileSync(path, text.endsWith('\n') ? `${text}\n` : `${text}\n\n`);
  } catch (error) {
    note(ctx, `warning: could not append the summary to GITHUB_STEP_SUMMARY (${path}): ${error instanceof Error ? error.message : String(error)}`);
  }
}
