#!/usr/bin/env node
// The static checks `npm test` runs after the build and before the tests, two at a time: the type check, the
// linter and the API reports (each one single-threaded TypeScript program). Run one alone with its npm script
// (`npm run typecheck`, `npm run lint`, `npm run api:check`).
import { apiReportJobs } from './api-reports.mjs';
import { pathToFileURL } from 'node:url';
import { bin, runJobsOrExit } from './jobs.mjs';

/** The checks, longest first so two workers finish close together. */
export function checkJobs() {
  return [
    { name: 'lint', args: [bin('eslint/bin/eslint.js'), 'src', 'tests', 'examples', 'bench'] },
    { name: 'typecheck', args: [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'] },
    ...apiReportJobs(false),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runJobsOrExit(checkJobs(), { prefix: 'checks' });
