// Entry point of one side's process in a revision comparison: load the suite module from that side's tree,
// run the suite (again until the time budget is spent), and send each task's median back.
import type { SuiteResult, TaskResult } from '../core/results.js';
import type { SuiteDefinition } from '../core/suite.js';
import { instrumentRefusal } from '../bench/instruments/instrument-options.js';
import { benchmarkSuiteDefinition, isBenchmarkSuiteLike, type BenchmarkSuiteLike } from '../bench/suite-definition.js';
import { medianOf } from '../stats/pelt.js';
import type { SideTaskMeasurement } from './types.js';
import type { SideChildReply, SideChildRequest } from './side-runner.js';

function isSuite(value: unknown, id: string): value is SuiteDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SuiteDefinition>;
  return v.id === id && typeof v.run === 'function';
}

async function findSuite(module: Record<string, unknown>, id: string, file: string): Promise<SuiteDefinition> {
  const exported = [module.default, module.suites, module.suite].flatMap((v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]));
  const found = exported.find((v) => isSuite(v, id));
  if (found !== undefined) return found;
  // a module that exports a BenchmarkSuite, as `run --require` accepts it (its name is the id)
  const bench = exported.find((v): v is BenchmarkSuiteLike => isBenchmarkSuiteLike(v) && v.name === id);
  if (bench !== undefined) return benchmarkSuiteDefinition(bench);
  try {
    // the registry loads every built-in suite: only for a module that registered its suite itself
    const { getSuite } = await import('../suites/registry.js');
    return getSuite(id);
  } catch {
    throw new Error(`suite ${JSON.stringify(id)} is not exported or registered by ${file}`);
  }
}

/** Top-level tasks, or (for a suite that only nests others) its children's tasks keyed `child/task`. */
function tasksOf(result: SuiteResult, prefix = ''): [string, TaskResult][] {
  const own: [string, TaskResult][] = result.tasks.map((t) => [`${prefix}${t.name}`, t]);
  if (own.length > 0) return own;
  return (result.children ?? []).flatMap((c) => tasksOf(c, `${prefix}${c.name}/`));
}

function reply(message: SideChildReply): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) resolve();
    else process.send(message, () => { resolve(); });
  });
}

async function handle(request: SideChildRequest): Promise<void> {
  try {
    const cpu = process.cpuUsage();
    const module = (await import(request.module)) as Record<string, unknown>;
    const suite = await findSuite(module, request.suite, request.module);
    const instrument = request.instrument;
    // also refuses a BenchmarkSuite built to count instructions compared by time: its figures would be counts
    const refusal = instrumentRefusal(request.suite, suite.instruments, instrument?.kind ?? 'time');
    if (refusal !== undefined) throw new Error(refusal);
    const counting = instrument === undefined ? {} : { instrument: instrument.kind, instructions: { cacheSim: instrument.cacheSim } };
    const started = performance.now();
    const perTask = new Map<string, { medians: number[]; status: SideTaskMeasurement['status']; error?: string }>();
    const notices = new Set<string>();
    let runs = 0;
    do {
      const result = await suite.run({ scale: request.scale, params: request.params, seed: request.seed, ...counting });
      runs += 1;
      for (const n of result.notices ?? []) notices.add(n);
      for (const [name, task] of tasksOf(result)) {
        const entry = perTask.get(name) ?? { medians: [], status: 'ok' };
        if (task.status === 'ok' && task.stats !== undefined) entry.medians.push(task.stats.median);
        else if (entry.status === 'ok') {
          entry.status = task.status === 'ok' ? 'failed' : task.status;
          entry.error = task.error?.message ?? 'no statistics';
        }
        perTask.set(name, entry);
      }
    } while (performance.now() - started < request.timeMs);
    const tasks: SideTaskMeasurement[] = [...perTask].map(([name, e]) =>
      e.status === 'ok' && e.medians.length > 0
        ? { name, status: 'ok', median: medianOf(e.medians) }
        : { name, status: e.status, error: e.error ?? 'no statistics' },
    );
    const used = process.cpuUsage(cpu);
    await reply({ ok: true, parameters: suite.parameters, tasks, suiteRuns: runs, notices: [...notices], cpuSeconds: (used.user + used.system) / 1e6 });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    await reply({ ok: false, error: { name: e.name, message: e.message.split('\n')[0] ?? e.message } });
  }
  // leave even if the suite left a timer or handle behind: the parent waits for this process to exit
  process.exit(0);
}

process.once('message', (request: SideChildRequest) => {
  void handle(request);
});
