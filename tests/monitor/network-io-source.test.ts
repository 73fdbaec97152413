import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo } from 'node:net';
import { PerformanceMonitor } from '../../src/monitor/performance-monitor.js';
import { NetworkIoSource, parseNetDev } from '../../src/monitor/sources/network-io.js';
import { readFileSync } from 'node:fs';

const linux = process.platform === 'linux';

void test('parseNetDev reads the real /proc/net/dev', { skip: !linux }, () => {
  const parsed = parseNetDev(readFileSync('/proc/net/dev', 'latin1'));
  assert.ok(parsed.has('lo'));
  assert.ok(parsed.get('lo')!.rx >= 0);
});

void test('loopback receive and transmit rates rise while 16 MB cross a local socket', { skip: !linux }, async () => {
  const server = createServer((socket) => {
    socket.resume();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const lo = new PerformanceMonitor({ sources: [new NetworkIoSource({ interfaces: ['lo'] })] });
  const none = new PerformanceMonitor({ sources: [new NetworkIoSource({ interfaces: /^no-such-interface$/ })] });
  await lo.start();
  await none.start();
  await lo.sample();
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(client, 'connect');
  const chunk = Buffer.alloc(1 << 20, 1);
  for (let i = 0; i < 16; i++) if (!client.write(chunk)) await once(client, 'drain');
  client.end();
  await once(client, 'close');
  const after = await lo.sample();
  const other = await none.sample();
  await lo.stop();
  await none.stop();
  server.close();
  const rx = after.get('process.network.io.receive.rate')!;
  const tx = after.get('process.network.io.transmit.rate')!;
  const seconds = after.monotonic - lo.history.at(0)!.monotonic;
  assert.ok(rx * seconds >= 16 << 20, `received ${rx * seconds} bytes`);
  assert.ok(tx * seconds >= 16 << 20, `sent ${tx * seconds} bytes`);
  assert.equal(other.get('process.network.io.receive.rate'), 0);
  assert.throws(() => new NetworkIoSource({ interfaces: 5 as never }), TypeError);
});
