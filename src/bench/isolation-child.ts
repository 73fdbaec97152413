// Entry point of an isolated child process: import the suite module, run one task, send the result back.
import type { SuiteResult } from '../core/results.js';
import { taskDefinitionOf } from './benchmark-suite.js';
import { runCounted } from './instruments/counted-run.js';
import type { ChildReply, ChildRequest } from './isolation.js';

interface RunnableSuite {
  run(selection: { tasks: readonly string[] }): Promise<SuiteResult>;
}

function isRunnable(value: unknown): value is RunnableSuite {
  return typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function';
}

function reply(message: ChildReply): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) {
      resolve();
      return;
    }
    process.send(message, () => {
      resolve();
    });
  });
}

async function handle(request: ChildRequest): Promise<void> {
  try {
    const mod = (await import(request.module)) as Record<string, unknown>;
    const suite = mod[request.exportName];
    if (!isRunnable(suite)) throw new TypeError(`${request.module} does not export a BenchmarkSuite as "${request.exportName}"`);
    if (request.iterations !== undefined) {
      // the instructions instrument's counting child: the task N times, nothing timed
      const def = taskDefinitionOf(suite, request.task);
      if (def === undefined) throw new Error(`${request.module} has no task "${request.task}" in a BenchmarkSuite exported as "${request.exportName}"`);
      await runCounted(def, request.iterations);
      await reply({ ok: true, result: { name: def.name, status: 'ok', duration: 0, tags: [] }, cpuSeconds: 0 });
      process.disconnect();
      return;
    }
    const cpu = process.cpuUsage();
    const result = await suite.run({ tasks: [request.task] });
    const used = process.cpuUsage(cpu);
    const task = result.tasks[0];
    if (task === undefined) throw new Error(`task "${request.task}" produced no result`);
    await reply({ ok: true, result: task, cpuSeconds: (used.user + used.system) / 1e6 });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    await reply({ ok: false, error: { name: e.name, message: e.message, ...(e.stack === undefined ? {} : { stack: e.stack }) } });
  }
  process.disconnect();
}

process.once('message', (request: ChildRequest) => {
  void handle(request);
});
