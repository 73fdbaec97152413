// parallel-safe: asserts on generated files, figures and clean-up, not on timings
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { ProcessTreeMemory } from '../../../src/suites/common/process-tree-memory.js';

// The child fills 300 MB, reports its RSS, and waits for a line on stdin before exiting.
const CHILD = `
const b = Buffer.alloc(300 * 1024 * 1024, 1);
process.stdout.write(String(process.memoryUsage.rss() + b[7]) + '\\n');
process.stdin.once('data', () => process.exit(0));
`;

void describe('process tree memory', { skip: process.platform !== 'linux' ? 'reads /proc' : false }, () => {
  void test("a spawned child's peak is included", async () => {
    const tracker = new ProcessTreeMemory();
    tracker.sample();
    const own = tracker.peak;
    const child = spawn(process.execPath, ['-e', CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const childRss = Number(line.toString().trim()) - 1;
    tracker.sample();
    child.stdin.write('x\n');
    await once(child, 'exit');
    tracker.sample();
    assert.ok(childRss > 300 * 1024 * 1024);
    assert.ok(tracker.childrenSeen);
    assert.ok(tracker.childPeak >= childRss * 0.95, `child peak ${String(tracker.childPeak)} vs its own ${String(childRss)}`);
    assert.ok(tracker.peak >= own + childRss * 0.95, `tree peak ${String(tracker.peak)} includes the child's ${String(childRss)}`);
  });
});
