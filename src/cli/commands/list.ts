// `list`: the registered suites with their descriptions and parameters.
import type { Flags } from '../args.js';
import type { CommandContext } from '../context.js';
import { ExitCode } from '../command.js';
import { listSuites } from '../../suites/registry.js';
import { paint } from '../../format/color.js';
import { loadSuiteModules, suiteModules } from '../load-suites.js';
import { wantsColor } from '../context.js';

/** Runs `list`. @internal */
export async function runList(ctx: CommandContext, flags: Flags): Promise<number> {
  const format = flags.choice('format', ['table', 'json'] as const, 'table');
  await loadSuiteModules(suiteModules(flags.strings('require'), ctx.env.RUNE_BENCH_SUITES, ctx.cwd));
  const suites = listSuites();
  if (format === 'json') {
    const json = suites.map((s) => ({ id: s.id, description: s.description, parameters: s.parameters }));
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return ExitCode.Ok;
  }
  const color = wantsColor(ctx.stdout, ctx.env);
  const width = Math.max(5, ...suites.map((s) => s.id.length)) + 2;
  const lines = [paint(`${'SUITE'.padEnd(width)}DESCRIPTION`, 'bold', color)];
  for (const suite of suites) {
    lines.push(`${paint(suite.id.padEnd(width), 'cyan', color)}${suite.description}`);
    for (const p of suite.parameters) {
      const fallback = p.default === undefined ? '' : ` (default: ${String(p.default)})`;
      lines.push(paint(`${''.padEnd(width)}  --param ${p.name}=${p.type.toUpperCase()}  ${p.description}${fallback}`, 'dim', color));
    }
  }
  if (suites.length === 0) lines.push('(no suites registered)');
  lines.push('', `Run one with: ${ctx.program} run --suite ID [--scale quick|standard|linux]`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.Ok;
}
