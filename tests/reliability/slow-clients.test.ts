// parallel-safe: the server closes held sockets; bounded by the test's timeout, not asserted on time
// The /metrics server closes sockets that trickle a request in (one header byte at a time) or send nothing,
// so held-open connections cannot pile up; a normal scrape still works while they are held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { startMetricsServer } from '../../src/cli/metrics-server.js';

void test('slow and silent clients are disconnected by the header and idle timeouts', async () => {
  const server = await startMetricsServer('127.0.0.1', 0, () => ({ body: 'up 1\n', contentType: 'text/plain' }), {
    headersTimeoutMs: 300,
    requestTimeoutMs: 600,
    keepAliveTimeoutMs: 300,
  });
  const sockets: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const closed: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      sockets.push(socket);
      // Not events.once: it rejects on the EPIPE a trickling writer gets when the server hangs up.
      closed.push(new Promise((resolve) => socket.once('close', resolve)));
      if (i % 2 === 0) {
        // Trickle: one byte of a request head every 100 ms, never finishing it.
        const head = 'GET /metrics HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(10_000);
        let at = 0;
        timers.push(
          setInterval(() => {
            if (socket.destroyed || !socket.writable) return;
            try {
              socket.write(head[at++ % head.length] ?? 'a', () => undefined);
            } catch {
              // the server closed it between the check and the write
            }
          }, 100),
        );
      }
    }
    const response = await fetch(server.url);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'up 1\n');
    // Every held socket is closed by the server; the test's own timeout (not a timing assertion) bounds it.
    await Promise.all(closed);
    assert.ok(sockets.every((s) => s.destroyed));
  } finally {
    for (const t of timers) clearInterval(t);
    for (const s of sockets) s.destroy();
    await server.close();
  }
});
