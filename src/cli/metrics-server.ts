// A tiny HTTP server for `monitor --serve`: GET /metrics answers with the Prometheus exposition text.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from './usage-error.js';

/**
 * A running metrics endpoint.
 *
 * @internal
 */
export interface MetricsServer {
  /** `http://host:port/metrics`. */
  readonly url: string;
  /** The bound port (useful with port 0). */
  readonly port: number;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/**
 * What the server answers on `/metrics`.
 *
 * @internal
 */
export interface MetricsPage {
  /** Exposition text. */
  readonly body: string;
  /** Content-Type header. */
  readonly contentType: string;
}

/**
 * How long a client may take, in milliseconds: a scraper sends its request at once, so anything slower is
 * a held-open socket and is closed.
 *
 * @internal
 */
export interface MetricsServerTimeouts {
  /** Time to receive the whole request head. @defaultValue 5000 */
  readonly headersTimeoutMs?: number;
  /** Time to receive the whole request. @defaultValue 10000 */
  readonly requestTimeoutMs?: number;
  /** Idle time on a kept-alive connection. @defaultValue 5000 */
  readonly keepAliveTimeoutMs?: number;
}

/**
 * Starts the server on `host:port`. `render` is called for each scrape; if it throws, the scrape gets a 500.
 *
 * @internal
 */
export async function startMetricsServer(
  host: string,
  port: number,
  render: () => MetricsPage,
  timeouts: MetricsServerTimeouts = {},
): Promise<MetricsServer> {
  const { headersTimeoutMs = 5_000, requestTimeoutMs = 10_000, keepAliveTimeoutMs = 5_000 } = timeouts;
  const options = { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, keepAliveTimeout: keepAliveTimeoutMs };
  const server: Server = createServer(options, (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    if (path === '/metrics') {
      let page: MetricsPage;
      try {
        page = render();
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`could not render metrics: ${error instanceof Error ? error.message : String(error)}\n`);
        return;
      }
      response.writeHead(200, { 'content-type': page.contentType, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : page.body);
      return;
    }
    if (path === '/' || path === '') {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('rune-bench monitor: metrics at /metrics\n');
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: try /metrics\n');
  });
  // Node checks the two request timeouts above only every 30 s, and a connection it expires that way can
  // stay open on the client's side; a socket that sends nothing at all is not checked at all. So close
  // every connection that has not delivered a whole request within the header timeout of connecting.
  // After a response, the keep-alive timeout takes over.
  const served = new WeakSet<object>();
  server.on('request', (request) => {
    served.add(request.socket);
  });
  server.on('connection', (socket) => {
    const timer = setTimeout(() => {
      if (!served.has(socket)) socket.destroy();
    }, headersTimeoutMs);
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new UsageError(`port ${port} on ${host} is already in use: choose another --serve PORT`, 'monitor'));
      } else if (error.code === 'EACCES') {
        reject(new UsageError(`not allowed to listen on ${host}:${port}: use a port above 1023`, 'monitor'));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new UsageError(`cannot listen on address ${JSON.stringify(host)}: pass a local address to --host`, 'monitor'));
      } else {
        reject(error);
      }
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/metrics`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
