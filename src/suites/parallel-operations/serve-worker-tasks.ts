// The worker side of WorkerPool: answer each task message with the handler's result.
import { isMainThread, parentPort } from 'node:worker_threads';

/**
 * Call from a worker module started by a `WorkerPool`: runs `handler` for each task and replies with its
 * result (or the error it threw). Type the handler's parameter with your task type.
 *
 * @param handler - computes a task's result from the posted task; may be async
 * @throws Error when called on the main thread
 * @public
 */
export function serveWorkerTasks(handler: (task: never) => unknown): void {
  const port = parentPort;
  if (isMainThread || port === null) throw new Error('serveWorkerTasks must be called inside a worker thread');
  port.on('message', (task: unknown) => {
    void (async () => {
      try {
        const result = await handler(task as never);
        port.postMessage({ ok: true, result });
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        const code = (e as { code?: unknown }).code;
        port.postMessage({ ok: false, error: { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) } });
      }
    })();
  });
}
