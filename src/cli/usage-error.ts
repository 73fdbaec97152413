// The error a command throws when its arguments or inputs are wrong: exit code 2 with a one-line message.

/**
 * Bad usage or bad input: the CLI prints `name: error: message` on one line and exits with code 2.
 * `hint` names the help command to read.
 *
 * @internal
 */
export class UsageError extends Error {
  /** A short pointer to what to read, e.g. `see rune-bench run --help`. */
  readonly hint: string | undefined;

  /**
   * @param message - what is wrong and what to do, one line
   * @param hint - where to read more
   */
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}
