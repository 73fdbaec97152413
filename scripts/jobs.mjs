// A small pool for the checks `npm test` runs before the tests: each job is one command, the pool runs `width` at a
// time (two: one single-threaded TypeScript program per core), and a failing job's output is printed whole, not
// interleaved with another's.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = fileURLToPath(new URL('..', import.meta.url));

/** A tool's bin script in node_modules, run with this node. */
export const bin = (path) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));

function run(job) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, job.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Runs `jobs` ({ name, args }: node arguments) `width` at a time; resolves with the names of the failed ones.
 * `prefix` starts each line it prints.
 */
export async function runJobs(jobs, { width = 2, prefix }) {
  const failed = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const started = performance.now();
      const { code, output } = await run(job);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (code === 0) console.log(`${prefix}: ${job.name} ok (${seconds} s)`);
      else {
        failed.push(job.name);
        process.stderr.write(`${prefix}: ${job.name} failed (exit ${String(code)}, ${seconds} s):\n${output}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return failed;
}

/** {@link runJobs} for a command line: exits 1, naming the failed jobs, when any failed. */
export async function runJobsOrExit(jobs, options) {
  const failed = await runJobs(jobs, options);
  if (failed.length > 0) {
    console.error(`${options.prefix}: ${String(failed.length)} of ${String(jobs.length)} failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}
