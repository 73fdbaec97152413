// parallel-safe: checks output, files and exit codes, not timings
// Small frictions a new user hit: help text wrapped into blank-line paragraphs, progress lines that said
// the task twice, `--threshold 5%` refused, usage lines without their options, exit code 3 undocumented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandHelp, programHelp } from '../../src/cli/help.js';
import { LIST_SPEC, REPORT_SPEC, RUN_SPEC } from '../../src/cli/commands/specs.js';
import { parseFlags } from '../../src/cli/args.js';
import { ProgressView } from '../../src/cli/progress.js';
import type { CliStream } from '../../src/cli/context.js';

void test('help text keeps wrapped lines together: no blank line between the lines of a paragraph', () => {
  for (const spec of [RUN_SPEC, LIST_SPEC, REPORT_SPEC]) {
    const text = commandHelp('rune-bench', spec);
    for (const detail of spec.details ?? []) {
      if (detail === '') continue;
      const at = text.indexOf(detail);
      assert.ok(at >= 0);
      const after = text.slice(at + detail.length, at + detail.length + 2);
      assert.notEqual(after, '\n\n', `blank line after "${detail}" unless it ends the paragraph`);
      break;
    }
  }
});

void test('top-level help documents every exit code, including 3', () => {
  const text = programHelp('rune-bench', [RUN_SPEC], '0.0.0');
  for (const code of ['0 success', '1 regression', '2 bad usage', '3 the run failed', '130 interrupted']) assert.ok(text.includes(code), code);
});

void test('usage lines name the options that exist only on that command', () => {
  assert.match(commandHelp('rune-bench', REPORT_SPEC).split('\n')[0] ?? '', /--last N.*--seed N/);
  assert.match(commandHelp('rune-bench', LIST_SPEC).split('\n')[0] ?? '', /--require FILE/);
});

void test('a ratio flag takes 0.05, 5% and "5 %", and refuses what is not one', () => {
  for (const [text, value] of [['0.05', 0.05], ['5%', 0.05], ['5 %', 0.05], ['12.5%', 0.125]] as const) {
    assert.equal(parseFlags(RUN_SPEC, ['--threshold', text]).ratio('threshold'), value);
  }
  for (const bad of ['abc', '-1', '150%', '']) {
    assert.throws(() => parseFlags(RUN_SPEC, ['--threshold', bad]).ratio('threshold', { max: 0.99 }), { name: 'UsageError' });
  }
});

void test('plain progress lines do not repeat the task name', () => {
  let out = '';
  const stream: CliStream = { write: (text: string) => ((out += text), true) };
  const view = new ProgressView(stream, () => 0);
  view.update({ suite: 'disk_io', phase: 'seq-read', fraction: 0.5, message: 'seq-read: ok' });
  view.update({ suite: 'disk_io', phase: 'seq-write', fraction: 0.6, message: 'warming up' });
  view.update({ suite: 'disk_io', phase: 'rand-read', fraction: 0.7 });
  // a nested suite's phase carries its path, and the message may start with the task's name
  view.update({ suite: 'comprehensive', phase: 'disk_io: seq-read', fraction: 0.71, message: 'seq-read: ok' });
  view.update({ suite: 'comprehensive', phase: 'large_repository: walk + lstat', fraction: 0.8, message: 'walk + lstat (1 of 15)' });
  view.update({ suite: 'comprehensive', phase: 'network: start', fraction: 0.9, message: '5 profiles' });
  assert.deepEqual(out.trim().split('\n'), [
    '[ 50%] disk_io seq-read: ok',
    '[ 60%] disk_io seq-write: warming up',
    '[ 70%] disk_io rand-read',
    '[ 71%] comprehensive disk_io: seq-read: ok',
    '[ 80%] comprehensive large_repository: walk + lstat (1 of 15)',
    '[ 90%] comprehensive network: start: 5 profiles',
  ]);
});
