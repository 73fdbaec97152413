#!/usr/bin/env node
// The `rune-bench` executable: wires process streams, env and Ctrl-C to the command tree and exits with its code.
// `--version` is answered here, before the command tree (and the library behind it) is imported.
import { setMaxListeners } from 'node:events';
import { packageVersion } from './package-version.js';

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

const argv = process.argv.slice(2);
let code: number;
if (argv[0] === '--version' || argv[0] === '-v') {
  process.stdout.write(`${packageVersion()}\n`);
  code = 0;
} else {
  const { createCli } = await import('./cli.js');
  code = await createCli({ signal: controller.signal }).run(argv);
}
process.exitCode = code;
// Let pending output flush, then leave even if a stray handle (timer, socket) would keep the loop alive.
process.stdout.write('', () => {
  process.stderr.write('', () => {
    process.exit(code);
  });
});
