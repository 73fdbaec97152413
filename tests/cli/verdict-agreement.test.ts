// One verdict, rendered everywhere: for a nested (comprehensive-shaped) run compared with a baseline, the
// table, the Markdown, the JSON and the exit code all say what the regression detector decided.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT, runCli, tempDir } from './helpers.js';

/** A suite that runs two child suites and keeps them as children, like `comprehensive`. */
function writeNestedSuite(dir: string): string {
  const index = pathToFileURL(join(ROOT, 'dist/index.js')).href;
  const path = join(dir, 'nested-suite.mjs');
  writeFileSync(
    path,
    `import { BenchmarkSuite, SuiteResultBuilder } from ${JSON.stringify(index)};
async function child(name, work, seed) {
  const data = Float64Array.from({ length: work }, (_, i) => (i * 7919) % 1000);
  const suite = new BenchmarkSuite(name, { timeMs: 60, minSamples: 12, maxSamples: 40, warmupMs: 10, keepSamples: true, seed });
  suite.add('sum', () => { let s = 0; for (let i = 0; i < data.length; i++) s += data[i]; return s; });
  return suite.run();
}
export default {
  id: 'nested',
  description: 'two child suites kept as children',
  parameters: [{ name: 'work', type: 'number', description: 'numbers summed per operation in the hashing child', default: 2000 }],
  async run(options = {}) {
    const builder = new SuiteResultBuilder('nested');
    builder.child(await child('hashing', Number(options.params?.work ?? process.env.RUNE_TINY_WORK ?? 2000), options.seed ?? 1));
    builder.child(await child('steady', 2000, options.seed ?? 1));
    return builder.build();
  },
};
`,
  );
  return path;
}

void describe('verdict agreement on a nested result', () => {
  let dir = '';
  let suiteModule = '';
  let baseline = '';
  before(async () => {
    ensureBuilt();
    dir = tempDir();
    suiteModule = writeNestedSuite(dir);
    baseline = join(dir, 'base.json');
    const saved = await runCli(['run', '--suite', 'nested', '--require', suiteModule, '--no-store', '--save-baseline', baseline], { cwd: dir });
    assert.equal(saved.code, 0, saved.stderr);
    // This file is about the formats agreeing with the exit code, not the host's conditions (tested in
    // baseline-comparable.test.ts): a baseline without `host` (as older files are) leaves that check out, so a
    // busy runner's changed run queue cannot turn the 50x slowdown inconclusive here.
    const json = JSON.parse(readFileSync(baseline, 'utf8')) as { host?: unknown };
    assert.ok(json.host !== undefined, 'the CLI records the host conditions');
    delete json.host;
    writeFileSync(baseline, JSON.stringify(json));
  });

  const slower = (format: string) =>
    runCli(['run', '--suite', 'nested', '--require', suiteModule, '--no-store', '--baseline', baseline, '--fail-on-regression', '--format', format], {
      // more work in the same code, the parameters unchanged: a slower revision, not another measurement
      cwd: dir,
      env: { RUNE_TINY_WORK: '100000' },
    });

  void test('table, Markdown and JSON show the regressed child task; the exit code fails on it', async () => {
    const key = 'nested/hashing/sum';
    const table = await slower('table');
    assert.equal(table.code, 1, table.stderr);
    assert.match(table.stderr, /regressed: nested\/hashing\/sum: the 95% interval \+[\d.]+% to \+[\d.]+% lies wholly above the 2\.0% threshold/);
    // the child's section in the table: its one task carries the verdict
    assert.match(table.stdout, /nested › hashing[\s\S]*?^\s*sum\s.*\+[\d.]+% regressed\s*$/m);

    const markdown = await slower('markdown');
    assert.equal(markdown.code, 1, markdown.stderr);
    assert.match(markdown.stdout, /: [1-9]\d* regressed, /);
    assert.match(markdown.stdout, /> Regressed against the baseline: nested\/hashing\/sum \+[\d.]+%/);
    assert.match(markdown.stdout, /### nested › hashing[\s\S]*?\| sum \|.*\| \*\*\+[\d.]+% regressed\*\* \|/);

    const json = await slower('json');
    assert.equal(json.code, 1, json.stderr);
    const doc = JSON.parse(json.stdout) as {
      tasks: unknown[];
      comparison: { regressed: string[]; comparisons: { key: string; verdict: string; reason: string }[] };
    };
    assert.deepEqual(doc.tasks, [], 'the parent has no tasks of its own');
    assert.ok(doc.comparison.regressed.includes(key), JSON.stringify(doc.comparison.regressed));
    const c = doc.comparison.comparisons.find((x) => x.key === key);
    assert.equal(c?.verdict, 'regressed');
    assert.match(c.reason, /lies wholly above the 2\.0% threshold/);
    // the stderr summary of a run counts what its report shows
    const counted = (stderr: string): number => Number(/compared with .*base\.json: (\d+) regressed/.exec(stderr)?.[1]);
    assert.equal(counted(json.stderr), doc.comparison.regressed.length);
    assert.equal(counted(markdown.stderr), Number(/: (\d+) regressed, /.exec(markdown.stdout)?.[1]));
    assert.ok(counted(table.stderr) >= 1);
  });
});
