// `monitor --pid` on a plain stream: a busy child's CPU shows up through pidusage, and the monitor stops when it exits.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ensureBuilt, runCli } from './helpers.js';

void describe('monitor --pid', () => {
  before(() => {
    ensureBuilt();
  });

  void test('reports the watched process and stops with exit 0 when it exits', async () => {
    // A child that spins for 3 s, reports the CPU it really used, then exits by itself.
    const spin =
      'const t0 = Date.now(); const end = t0 + 3000; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1);' +
      'const u = process.cpuUsage(); process.stdout.write(JSON.stringify({ share: (u.user + u.system) / 1e3 / (Date.now() - t0) }));';
    const child = spawn(process.execPath, ['-e', spin], { stdio: ['ignore', 'pipe', 'ignore'] });
    let report = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (report += chunk));
    const pid = child.pid!;
    const r = await runCli(['monitor', '--pid', String(pid), '--interval', '0.25', '--duration', '30'], { timeout: 25_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`process ${pid} exited; monitor stopped`));
    const cpu = [...r.stdout.matchAll(new RegExp(`process\\.child\\.pid${pid}\\.cpu\\.utilization=([\\d.]+)%`, 'g'))].map((m) => Number(m[1]));
    assert.ok(cpu.length >= 3, `samples of the child's CPU: ${r.stdout}`);
    // What the child really got (the machine may be busy): the monitor's readings must be of that order.
    if (child.exitCode === null) await new Promise((resolve) => child.once('close', resolve));
    const truth = (JSON.parse(report) as { share: number }).share * 100;
    assert.ok(truth > 1, `the child used ${truth}% of a core`);
    assert.ok(Math.max(...cpu) >= truth / 2, `max reading ${Math.max(...cpu)}% vs the child's own average ${truth.toFixed(1)}%`);
    assert.ok(Math.max(...cpu) <= 130, `one thread cannot use much more than one core: ${cpu.join(', ')}%`);
    assert.match(r.stdout, new RegExp(`process\\.child\\.pid${pid}\\.memory\\.usage=[\\d.]+ ?MB`));
  });
});
