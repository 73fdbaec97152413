// The counting child's work: a task's setup, exactly N operations, its teardown, and nothing that depends on time.
import { compileBatch, isThenable, sink } from '../timer.js';
import type { TaskDefinition } from '../task-runner.js';
import type { BenchmarkHook } from '../types.js';

async function call(hook: BenchmarkHook | undefined): Promise<void> {
  if (hook === undefined) return;
  const r = hook();
  if (isThenable(r)) await r;
}

/**
 * Runs `def` exactly `iterations` times: setup, beforeEach, the operations back to back (awaited one by one
 * when the task is async), afterEach, teardown. No calibration, no timer loops, no sampling: everything
 * else the process does is the same at any `iterations`, so it cancels out of the difference of two counts.
 *
 * @internal
 */
export async function runCounted(def: TaskDefinition, iterations: number): Promise<void> {
  const { fn, options } = def;
  await call(options.setup);
  try {
    await call(options.beforeEach);
    if (iterations > 0) {
      let first = fn();
      if (isThenable(first)) {
        first = await first;
        for (let i = 1; i < iterations; i++) {
          let r = fn();
          if (isThenable(r)) r = await r;
          sink.value = r;
        }
      } else if (iterations > 1) {
        // the same compiled loop as the time instrument, so the JIT sees the same call site
        compileBatch()(fn, iterations - 1);
      }
      sink.value = first;
    }
    await call(options.afterEach);
  } finally {
    await call(options.teardown);
  }
}
