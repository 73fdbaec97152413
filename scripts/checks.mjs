#!/usr/bin/env node
// The static checks `npm test` runs after the build and before the tests, two at a time: the type check, the
// linter and the API reports (each one single-threaded TypeScript program). Run one alone with its npm script
// (`npm run typecheck`, `npm run lint`, `npm run api:check`).
import { apiReportJobs } from './api-reports.mjs';
import { bin, runJobs } from './jobs.mjs';

const jobs = [
  // the longest first, so the two workers finish close together
  { name: 'lint', args: [bin('eslint/bin/eslint.js'), 'src', 'tests', 'examples', 'bench'] },
  { name: 'typecheck', args: [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  ...apiReportJobs(false),
];
const failed = await runJobs(jobs, { prefix: 'checks' });
if (failed.length > 0) {
  console.error(`checks: ${String(failed.length)} of ${String(jobs.length)} failed: ${failed.join(', ')}`);
  process.exit(1);
}
