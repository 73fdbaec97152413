#!/usr/bin/env node
// The static checks `npm test` runs after the build and before the tests, two at a time: the type check, the
// linter and the API reports (each one single-threaded TypeScript program). Run one alone with its npm script
// (`npm run typecheck`, `npm run lint`, `npm run api:check`).
//
// The linter runs as two jobs (the sources with the examples and benches, and the tests), so it no longer holds
// one worker for as long as everything else takes on the other. CPU seconds on a 2-core AMD EPYC at load 7-13:
// lint 70 as one job, 44 + 29 as two; type check 20; the twelve API reports 7 on one program (58 as twelve
// `api-extractor run`s). Two workers taking the jobs in this order end within a few seconds of each other.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bin, runJobsOrExit } from './jobs.mjs';

/** The checks, longest first so two workers finish close together. */
export function checkJobs() {
  return [
    { name: 'lint src examples bench', args: [bin('eslint/bin/eslint.js'), 'src', 'examples', 'bench'] },
    { name: 'lint tests', args: [bin('eslint/bin/eslint.js'), 'tests'] },
    { name: 'typecheck', args: [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'] },
    // the twelve reports in one process, on one TypeScript program (scripts/api-reports.mjs)
    { name: 'api-reports', args: [fileURLToPath(new URL('./api-reports.mjs', import.meta.url))] },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runJobsOrExit(checkJobs(), { prefix: 'checks' });
