// Refuses to compare what is not comparable: the two revisions' suites must declare the same parameters and tasks.
import type { SuiteParameter } from '../core/suite.js';

/**
 * What one side's suite declared and ran, for {@link whatDiffers}.
 *
 * @internal
 */
export interface SideShape {
  /** Declared parameters. */
  readonly parameters: readonly SuiteParameter[];
  /** Names of the tasks its run produced, in order. */
  readonly tasks: readonly string[];
}

function describeParameter(p: SuiteParameter): string {
  return `${p.name} (${p.type}${p.default === undefined ? '' : `, default ${JSON.stringify(p.default)}`})`;
}

/**
 * What differs between the two sides in words (parameters declared, their types and defaults, the task set),
 * or `undefined` when they measure the same thing.
 *
 * @internal
 */
export function whatDiffers(base: SideShape, head: SideShape): string | undefined {
  const problems: string[] = [];
  const baseParams = new Map(base.parameters.map((p) => [p.name, describeParameter(p)]));
  const headParams = new Map(head.parameters.map((p) => [p.name, describeParameter(p)]));
  for (const [name, text] of baseParams) {
    const other = headParams.get(name);
    if (other === undefined) problems.push(`parameter ${name} only in base`);
    else if (other !== text) problems.push(`parameter ${text} in base, ${other} in head`);
  }
  for (const name of headParams.keys()) if (!baseParams.has(name)) problems.push(`parameter ${name} only in head`);
  const baseTasks = new Set(base.tasks);
  const headTasks = new Set(head.tasks);
  const onlyBase = base.tasks.filter((t) => !headTasks.has(t));
  const onlyHead = head.tasks.filter((t) => !baseTasks.has(t));
  if (onlyBase.length > 0) problems.push(`task${onlyBase.length === 1 ? '' : 's'} only in base: ${onlyBase.join(', ')}`);
  if (onlyHead.length > 0) problems.push(`task${onlyHead.length === 1 ? '' : 's'} only in head: ${onlyHead.join(', ')}`);
  return problems.length === 0 ? undefined : problems.join('; ');
}
