#!/usr/bin/env node
// Runs API Extractor for every entry point (api-extractor.json and api-extractor.<entry>.json) in this one process,
// through its programmatic API, sharing one TypeScript program (a CompilerState over all the entry points): each
// `api-extractor run` built the same program again, most of its time, twelve times over.
//
//   node scripts/api-reports.mjs            check: fails when a report in etc/ differs from the build (CI)
//   node scripts/api-reports.mjs --local    update the reports in etc/
//
// As with `api-extractor run`, a check fails on any error or warning (a changed report is one; the new report is
// left in temp/), an update only on errors. A config's messages are printed when it fails.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './jobs.mjs';

/** The API Extractor config files, one per entry point. */
export function apiReportConfigs() {
  return readdirSync(root)
    .filter((name) => /^api-extractor(\.[a-z-]+)?\.json$/.test(name) && name !== 'api-extractor.base.json')
    .sort();
}

/** Runs every config; resolves with the names of the failed ones. */
export async function runApiReports(local, { prefix = 'api-reports' } = {}) {
  // loaded here, not at the top: `npm run lint` and the others that import this file do not pay for it
  const { CompilerState, Extractor, ExtractorConfig } = await import('@microsoft/api-extractor');
  const configs = apiReportConfigs().map((name) => ({ name, config: ExtractorConfig.loadFileAndPrepare(join(root, name)) }));
  const started = performance.now();
  const compilerState = CompilerState.create(configs[0].config, { additionalEntryPoints: configs.map((c) => c.config.mainEntryPointFilePath) });
  console.log(`${prefix}: one TypeScript program for ${String(configs.length)} entry points (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const failed = [];
  for (const { name, config } of configs) {
    const t0 = performance.now();
    const messages = [];
    const result = Extractor.invoke(config, {
      localBuild: local,
      compilerState,
      messageCallback: (message) => {
        if (message.logLevel !== 'none' && message.logLevel !== 'verbose') messages.push(`${message.logLevel}: ${message.formatMessageWithLocation(root)}`);
        message.handled = true;
      },
    });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const changed = result.apiReportChanged ? (local ? ', report updated' : ', report differs from the build') : '';
    if (result.succeeded) console.log(`${prefix}: ${name} ok (${seconds} s${changed})`);
    else {
      failed.push(name);
      process.stderr.write(`${prefix}: ${name} failed (${String(result.errorCount)} errors, ${String(result.warningCount)} warnings${changed}, ${seconds} s):\n${messages.join('\n')}\n`);
    }
  }
  return failed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const local = process.argv.includes('--local');
  const failed = await runApiReports(local);
  if (failed.length > 0) {
    console.error(`api-reports: ${String(failed.length)} of ${String(apiReportConfigs().length)} failed: ${failed.join(', ')}`);
    process.exit(1);
  }
  console.log(`api-reports: ${String(apiReportConfigs().length)} reports ${local ? 'updated' : 'match the build'}`);
}
