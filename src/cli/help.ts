// Help text for the program and for each command.
import { COMMON_FLAGS, type CommandSpec, type FlagSpec } from './args.js';

/**
 * The help text of one command.
 *
 * @internal
 */
export function commandHelp(program: string, spec: CommandSpec): string {
  const lines = [`Usage: ${program} ${spec.name} ${spec.usage}`.trimEnd(), '', spec.summary];
  // Details are lines of text as they should appear; an empty string separates paragraphs.
  if (spec.details !== undefined && spec.details.length > 0) lines.push('', ...spec.details);
  lines.push('', 'Options:');
  const flags = Object.entries({ ...spec.flags, ...COMMON_FLAGS });
  const labels = flags.map(([name, flag]) => label(name, flag));
  const width = Math.min(32, Math.max(...labels.map((l) => l.length)) + 2);
  flags.forEach(([, flag], i) => {
    const text = labels[i] ?? '';
    lines.push(`  ${text.padEnd(width)}${text.length >= width ? `\n  ${' '.repeat(width)}` : ''}${flag.description}`);
  });
  if (spec.examples !== undefined && spec.examples.length > 0) {
    lines.push('', 'Examples:');
    for (const example of spec.examples) lines.push(`  ${program} ${example}`);
  }
  return lines.join('\n') + '\n';
}

function label(name: string, flag: FlagSpec): string {
  const short = flag.short === undefined ? '    ' : `-${flag.short}, `;
  const value = flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : '';
  return `${short}--${name}${value}`;
}

/**
 * The program's top-level help: commands and global flags.
 *
 * @internal
 */
export function programHelp(program: string, commands: readonly CommandSpec[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const lines = [
    `Usage: ${program} <command> [options]`,
    '',
    `Benchmark and monitor version-control tooling (rune-bench ${version}).`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}show help for a command (${program} help run)`,
    '',
    'Options:',
    '  -h, --help       show help (also after any command)',
    '  -v, --version    print the version',
    '      --verbose    print stack traces on errors',
    '',
    'Exit codes: 0 success, 1 regression (with --fail-on-regression), 2 bad usage or input (or revisions that cannot be',
    'compared), 3 the run failed, 4 inconclusive (compare --strict), 130 interrupted.',
    `Run \`${program} <command> --help\` for a command's options.`,
  ];
  return lines.join('\n') + '\n';
}
