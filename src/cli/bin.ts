#!/usr/bin/env node
// The `rune-bench` executable: wires process streams, env and Ctrl-C to the command tree and exits with its code.
import { setMaxListeners } from 'node:events';
import { createCli } from './cli.js';

const controller = new AbortController();
// Suites hand this one signal to many tasks, workers and timers: each may listen to it.
setMaxListeners(256, controller.signal);
let interrupts = 0;

function onSignal(signal: NodeJS.Signals): void {
  interrupts += 1;
  if (interrupts > 1) {
    // A second Ctrl-C: the user wants out now. Restore the cursor in case the dashboard hid it.
    if (process.stderr.isTTY) process.stderr.write('\x1b[?25h\n');
    process.exit(130);
  }
  controller.abort(new Error(`received ${signal}`));
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // `rune-bench list | head -1`: the reader went away; that is not our failure.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await createCli({ signal: controller.signal }).run(process.argv.slice(2));
process.exitCode = code;
// Let pending output flush, then leave even if a stray handle (timer, socket) would keep the loop alive.
process.stdout.write('', () => {
  process.stderr.write('', () => {
    process.exit(code);
  });
});
