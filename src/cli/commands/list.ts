// `list`: the registered suites with their descriptions and parameters.
import type { Flags } from '../args.js';
import type { CommandContext } from '../context.js';
import { ExitCode } from '../command.js';
import { listSuites } from '../../suites/registry.js';
import { paint } from '../../format/color.js';
import { loadSuiteModules, suiteModules } from '../load-suites.js';
import { loadConfig } from '../config.js';
import { wantsColor } from '../context.js';

/** Runs `list`. @internal */
export async function runList(ctx: CommandContext, flags: Flags): Promise<number> {
  const format = flags.choice('format', ['table', 'json'] as const, 'table');
  const config = await loadConfig(ctx.cwd);
  await loadSuiteModules([...config.require, ...suiteModules(flags.strings('require'), ctx.env.RUNE_BENCH_SUITES, ctx.cwd)], { projectDir: config.root });
  const suites = listSuites();
  if (format === 'json') {
    const json = suites.map((s) => ({ id: s.id, description: s.description, parameters: s.parameters }));
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return ExitCode.Ok;
  }
  const color = wantsColor(ctx.stdout, ctx.env);
  const width = Math.max(5, ...suites.map((s) => s.id.length)) + 2;
  const lines = [paint(`${'SUITE'.padEnd(width)}DESCRIPTION`, 'bold', color)];
  const columns = ctx.stdout.isTTY === true && ctx.stdout.columns !== undefined && ctx.stdout.columns > 40 ? ctx.stdout.columns : Infinity;
  for (const suite of suites) {
    const [first = '', ...rest] = wrap(suite.description, columns - width);
    lines.push(`${paint(suite.id.padEnd(width), 'cyan', color)}${first}`, ...rest.map((l) => `${''.padEnd(width)}${l}`));
    for (const p of suite.parameters) {
      const fallback = p.default === undefined ? '' : ` (default: ${String(p.default)})`;
      const head = `  --param ${p.name}=${p.type.toUpperCase()}  `;
      const [line = '', ...more] = wrap(`${p.description}${fallback}`, columns - width - head.length);
      lines.push(paint(`${''.padEnd(width)}${head}${line}`, 'dim', color));
      for (const l of more) lines.push(paint(`${''.padEnd(width + head.length)}${l}`, 'dim', color));
    }
  }
  if (suites.length === 0) lines.push('(no suites registered)');
  lines.push('', `Run one with: ${ctx.program} run --suite ID [--scale quick|standard|linux]`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.Ok;
}

/** Splits `text` into lines of at most `width` characters at spaces (a longer word keeps its own line). */
function wrap(text: string, width: number): string[] {
  if (!Number.isFinite(width) || text.length <= width) return [text];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') out.push(line);
  return out;
}
