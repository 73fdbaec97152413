// One rule for every text output: a user-supplied string must never drive the terminal or reorder what a
// reader sees. C0/C1 control characters (ESC, BEL, CSI...), DEL, line/paragraph separators and the Unicode
// bidirectional controls (RLO U+202E and friends) are shown as visible escapes instead.

// C0 (except none: newline and tab are escaped too, callers that keep lines split first), DEL, C1.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * `text` with every control or bidirectional-control character replaced by a visible escape (`\x1b`,
 * `\u202e`), so it is safe to write to a terminal, a Markdown file or a log line.
 *
 * @public
 */
export function neutralizeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Whether `text` holds any character {@link neutralizeControls} would replace.
 *
 * @public
 */
export function hasControls(text: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(text);
  CONTROL.lastIndex = 0;
  return found;
}
