// parallel-safe: waits for the server and the scrape within 10-15 s deadlines (about 1 s quiet) and asserts the exposition and a plausible RSS, no timing
// A real Prometheus server (Debian's /usr/bin/prometheus) scrapes `rune-bench monitor --serve` and we read a metric back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BIN, ensureBuilt, tempDir } from './helpers.js';

const PROMETHEUS = '/usr/bin/prometheus';
const skip = existsSync(PROMETHEUS) ? false : `${PROMETHEUS} not found: install Debian's prometheus package to run this test`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return (async () => {
    let lastError: unknown;
    for (;;) {
      try {
        const value = await probe();
        if (value !== undefined) return value;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
}

interface QueryResponse {
  status: string;
  data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
}

void describe('Prometheus scrapes rune-bench monitor --serve', { skip, timeout: 30_000 }, () => {
  const dir = tempDir('rune-bench-prom-');
  const children: ChildProcess[] = [];
  let monitorStderr = '';
  let prometheusLog = '';
  let metricsUrl = '';
  let apiBase = '';

  before(async () => {
    ensureBuilt();
    const monitor = spawn(process.execPath, [BIN, 'monitor', '--interval', '0.5', '--serve', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    children.push(monitor);
    monitor.stderr.setEncoding('utf8').on('data', (chunk: string) => (monitorStderr += chunk));
    metricsUrl = await waitFor('monitor to print its /metrics URL', 10_000, () =>
      Promise.resolve(/serving metrics at (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(monitorStderr)?.[1]),
    );
    const target = new URL(metricsUrl).host;
    const webPort = await freePort();
    apiBase = `http://127.0.0.1:${webPort}`;
    const config = join(dir, 'prometheus.yml');
    writeFileSync(
      config,
      [
        'global:',
        '  scrape_interval: 1s',
        '  scrape_timeout: 1s',
        '  evaluation_interval: 1s',
        'scrape_configs:',
        '  - job_name: rune-bench',
        '    static_configs:',
        `      - targets: ['${target}']`,
        '',
      ].join('\n'),
    );
    const prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${webPort}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir },
    );
    children.push(prometheus);
    prometheus.stderr.setEncoding('utf8').on('data', (chunk: string) => (prometheusLog += chunk));
    await waitFor('Prometheus to be ready', 15_000, async () => ((await fetch(`${apiBase}/-/ready`)).ok ? true : undefined));
  });

  after(async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const closed = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await closed;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  void test('the scrape succeeds and a metric reads back through /api/v1/query', async () => {
    const direct = await fetch(metricsUrl);
    assert.equal(direct.status, 200);
    const exposition = await direct.text();
    assert.match(exposition, /^# TYPE rune_bench_/m);

    const query = async (promql: string): Promise<QueryResponse['data']['result']> => {
      const response = await fetch(`${apiBase}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await response.json()) as QueryResponse;
      assert.equal(body.status, 'success');
      return body.data.result;
    };
    const up = await waitFor('a successful scrape (up == 1)', 15_000, async () => {
      const result = await query('up{job="rune-bench"}');
      return result[0]?.value[1] === '1' ? result : undefined;
    }).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\nprometheus log:\n${prometheusLog}\nmonitor stderr:\n${monitorStderr}`);
    });
    assert.equal(up.length, 1);

    // The resident set size of the monitor process, as Prometheus stored it.
    const rss = await waitFor('rune_bench resident memory in Prometheus', 10_000, async () => {
      const result = await query('{job="rune-bench", __name__=~"rune_bench_process_memory_usage.*"}');
      return result.length > 0 ? result : undefined;
    });
    const bytes = Number(rss[0]!.value[1]);
    assert.ok(bytes > 1024 * 1024 && bytes < 64 * 1024 ** 3, `plausible RSS in bytes, got ${bytes}`);
  });
});
