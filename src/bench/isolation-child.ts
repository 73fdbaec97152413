// Entry point of an isolated child process: import the suite module, run one task, send the result back.
// It reports a heartbeat while its event loop is free, and exits when its parent is gone: at once when the
// IPC channel closes, and through a watchdog thread when a task blocks the event loop.
import { Worker } from 'node:worker_threads';
import type { SuiteResult } from '../core/results.js';
import type { ChildMessage, ChildReply, ChildRequest } from './isolation-process.js';
import { errorInfo } from './thrown.js';
import { timerProfile } from './timer.js';
import { taskDefinitionOf } from './benchmark-suite.js';
import { runCounted } from './instruments/counted-run.js';

interface RunnableSuite {
  run(selection: { tasks: readonly string[] }): Promise<SuiteResult>;
}

function isRunnable(value: unknown): value is RunnableSuite {
  return typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function';
}

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) {
      resolve();
      return;
    }
    process.send(message, () => {
      resolve();
    });
  });
}

// A thread of its own, so it runs while a task keeps the main thread busy: when the parent dies, this process
// is re-parented and the thread kills the whole process.
const PARENT_WATCH = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.ppid) process.kill(process.pid, 'SIGKILL');
}, 200);
`;

function watchParent(): void {
  // A counting child (instructions under cachegrind, single-threaded V8) must not run a timer thread whose
  // wake-ups would be counted in proportion to the run's length; its parent kills it on exit instead.
  if (process.execArgv.includes('--single-threaded')) return;
  try {
    const worker = new Worker(PARENT_WATCH, { eval: true, workerData: { ppid: process.ppid }, stdout: true, stderr: true });
    worker.unref();
  } catch {
    // no worker threads here: the closed IPC channel still ends the child whenever its event loop is free
  }
}

async function handle(request: ChildRequest): Promise<void> {
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let reply: ChildReply;
  try {
    // Importing the module (compiling it, for a TypeScript suite) and profiling the timer block the event loop
    // for a while on a loaded machine: both happen within the parent's start-up allowance, before the first
    // heartbeat; from then on the event loop is blocked only by the task's own operations (and for at most
    // about 20 ms between samples).
    const mod = (await import(request.module)) as Record<string, unknown>;
    if (request.iterations !== undefined) {
      // the instructions instrument's counting child: the task N times, nothing timed, no heartbeat timer
      // (its wake-ups would add instructions in proportion to the run's length)
      const counted = mod[request.exportName];
      if (!isRunnable(counted)) throw new TypeError(`${request.module} does not export a BenchmarkSuite as "${request.exportName}"`);
      const def = taskDefinitionOf(counted, request.task);
      if (def === undefined) throw new Error(`${request.module} has no task "${request.task}" in a BenchmarkSuite exported as "${request.exportName}"`);
      await runCounted(def, request.iterations);
      await send({ type: 'reply', reply: { ok: true, result: { name: def.name, status: 'ok', duration: 0, tags: [] }, cpuSeconds: 0 } });
      if (process.connected) process.disconnect();
      return;
    }
    timerProfile();
    heartbeat = setInterval(() => {
      void send({ type: 'alive' });
    }, request.heartbeatMs);
    heartbeat.unref();
    void send({ type: 'alive' });
    const suite = mod[request.exportName];
    if (!isRunnable(suite)) throw new TypeError(`${request.module} does not export a BenchmarkSuite as "${request.exportName}"`);
    const cpu = process.cpuUsage();
    const result = await suite.run({ tasks: [request.task] });
    const used = process.cpuUsage(cpu);
    const task = result.tasks[0];
    if (task === undefined) throw new Error(`task "${request.task}" produced no result`);
    reply = { ok: true, result: task, cpuSeconds: (used.user + used.system) / 1e6 };
  } catch (error) {
    const info = errorInfo(error);
    reply = { ok: false, error: { name: info.name, message: info.message, ...(info.stack === undefined ? {} : { stack: info.stack }) } };
  }
  if (heartbeat !== undefined) clearInterval(heartbeat);
  await send({ type: 'reply', reply });
  if (process.connected) process.disconnect();
}

process.once('disconnect', () => {
  // the parent closed the channel (it replied, exited or was killed): nothing more to do here
  process.exit(0);
});
watchParent();
process.once('message', (request: ChildRequest) => {
  void handle(request);
});
