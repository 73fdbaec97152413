#!/usr/bin/env node
// Runs API Extractor for every entry point (api-extractor.json and api-extractor.<entry>.json), two at a time:
// each run is one single-threaded TypeScript program, so on two cores this halves `npm test`'s API check.
//
//   node scripts/api-reports.mjs            check: fails when a report in etc/ differs from the build (CI)
//   node scripts/api-reports.mjs --local    update the reports in etc/
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bin, root, runJobsOrExit } from './jobs.mjs';

/** One job per entry point's API Extractor config. */
export function apiReportJobs(local) {
  return readdirSync(root)
    .filter((name) => /^api-extractor(\.[a-z-]+)?\.json$/.test(name) && name !== 'api-extractor.base.json')
    .sort()
    .map((config) => ({ name: config, args: [bin('@microsoft/api-extractor/bin/api-extractor'), 'run', ...(local ? ['--local'] : []), '-c', config] }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const local = process.argv.includes('--local');
  const jobs = apiReportJobs(local);
  await runJobsOrExit(jobs, { prefix: 'api-reports' });
  console.log(`api-reports: ${String(jobs.length)} reports ${local ? 'updated' : 'match the build'}`);
}
