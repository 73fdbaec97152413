#!/usr/bin/env node
// Runs API Extractor for every entry point (api-extractor.json and api-extractor.<entry>.json), two at a time:
// each run is one single-threaded TypeScript program, so on two cores this halves `npm test`'s API check.
//
//   node scripts/api-reports.mjs            check: fails when a report in etc/ differs from the build (CI)
//   node scripts/api-reports.mjs --local    update the reports in etc/
//
// A run's output is printed when it fails, whole and not interleaved with another's.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const local = process.argv.includes('--local');
const configs = readdirSync(root)
  .filter((name) => /^api-extractor(\.[a-z-]+)?\.json$/.test(name) && name !== 'api-extractor.base.json')
  .sort();
const bin = fileURLToPath(new URL('../node_modules/@microsoft/api-extractor/bin/api-extractor', import.meta.url));

function run(config) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', ...(local ? ['--local'] : []), '-c', config], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ config, code: code ?? 1, output }));
  });
}

const failed = [];
let next = 0;
async function worker() {
  while (next < configs.length) {
    const config = configs[next++];
    const result = await run(config);
    if (result.code === 0) console.log(`api-reports: ${config} ok`);
    else {
      failed.push(config);
      process.stderr.write(`api-reports: ${config} failed (exit ${String(result.code)}):\n${result.output}\n`);
    }
  }
}
await Promise.all([worker(), worker()]);
if (failed.length > 0) {
  console.error(`api-reports: ${String(failed.length)} of ${String(configs.length)} failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`api-reports: ${String(configs.length)} reports ${local ? 'updated' : 'match the build'}`);
