// A loopback request/response server and client: fetch, push and ref negotiation as sized exchanges.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { RuneBenchError, abortError } from '../../core/errors.js';

const HEADER = 8;
const CHUNK = 64 * 1024;
const FILL = Buffer.alloc(CHUNK, 0x5a);

/**
 * A server on 127.0.0.1 that answers requests framed as `[request bytes: u32][response bytes: u32]`
 * followed by the request body: once the body is in, it streams back the response size in 64 KiB chunks.
 *
 * @internal
 */
export class ExchangeServer {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #port = 0;

  constructor() {
    this.#server = createServer({ noDelay: true }, (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      this.#serve(socket);
    });
  }

  get port(): number {
    return this.#port;
  }

  async listen(): Promise<number> {
    const server = this.#server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    this.#port = typeof address === 'object' && address !== null ? address.port : 0;
    return this.#port;
  }

  #serve(socket: Socket): void {
    let header = Buffer.alloc(0);
    let bodyLeft = -1;
    let respond = 0;
    // responses are serialised: a request that arrives while one is streaming waits its turn
    let writing: Promise<void> = Promise.resolve();
    const stream = async (bytes: number): Promise<void> => {
      let left = bytes;
      while (left > 0 && !socket.destroyed) {
        const n = Math.min(left, CHUNK);
        left -= n;
        if (!socket.write(n === CHUNK ? FILL : FILL.subarray(0, n))) {
          await new Promise<void>((resolve) => {
            const done = (): void => {
              socket.off('drain', done);
              socket.off('close', done);
              resolve();
            };
            socket.on('drain', done);
            socket.on('close', done);
          });
        }
      }
    };
    socket.on('data', (chunk: Buffer) => {
      let data = chunk;
      while (data.length > 0) {
        if (bodyLeft < 0) {
          const need = HEADER - header.length;
          header = Buffer.concat([header, data.subarray(0, need)]);
          data = data.subarray(need);
          if (header.length < HEADER) return;
          bodyLeft = header.readUInt32BE(0);
          respond = header.readUInt32BE(4);
          header = Buffer.alloc(0);
        }
        const take = Math.min(bodyLeft, data.length);
        bodyLeft -= take;
        data = data.subarray(take);
        if (bodyLeft === 0) {
          const bytes = respond;
          bodyLeft = -1;
          writing = writing.then(() => stream(bytes));
        }
      }
    });
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    if (!this.#server.listening) return;
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }
}

/**
 * Timing of one exchange, seconds.
 *
 * @internal
 */
export interface ExchangeTiming {
  /** From the first request byte written to the first response byte read. */
  readonly ttfb: number;
  /** From the first request byte written to the last response byte read. */
  readonly duration: number;
}

/**
 * A client connection to an {@link ExchangeServer} (directly or through a shaper). One exchange at a time.
 *
 * @internal
 */
export class ExchangeClient {
  readonly #socket: Socket;
  #waiting: { left: number; start: number; first: number; resolve: (t: ExchangeTiming) => void; reject: (e: Error) => void } | undefined;
  #failure: Error | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      const w = this.#waiting;
      if (w === undefined) return;
      const t = performance.now();
      if (w.first < 0) w.first = t;
      w.left -= chunk.length;
      if (w.left <= 0) {
        this.#waiting = undefined;
        w.resolve({ ttfb: (w.first - w.start) / 1000, duration: (t - w.start) / 1000 });
      }
    });
    const fail = (error: Error): void => {
      this.#failure = error;
      const w = this.#waiting;
      this.#waiting = undefined;
      w?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => {
      fail(new RuneBenchError('ERR_CHILD_FAILED', 'the exchange connection closed'));
    });
  }

  #busy(): boolean {
    return this.#waiting !== undefined;
  }

  static async connect(port: number, signal?: AbortSignal): Promise<ExchangeClient> {
    if (signal?.aborted === true) throw abortError(signal, 'network connect');
    const socket = connect({ port, host: '127.0.0.1', noDelay: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new ExchangeClient(socket);
  }

  /**
   * Sends a request of `requestBytes` and waits for `responseBytes` back (at least 1). The request body
   * is written in 64 KiB chunks, respecting backpressure.
   */
  async exchange(requestBytes: number, responseBytes: number, signal?: AbortSignal): Promise<ExchangeTiming> {
    if (this.#failure !== undefined) throw this.#failure;
    if (signal?.aborted === true) throw abortError(signal, 'network exchange');
    if (this.#waiting !== undefined) throw new RuneBenchError('ERR_DUPLICATE', 'one exchange at a time per connection');
    const respond = Math.max(1, responseBytes);
    const socket = this.#socket;
    const done = new Promise<ExchangeTiming>((resolve, reject) => {
      this.#waiting = { left: respond, start: performance.now(), first: -1, resolve, reject };
    });
    done.catch(() => undefined); // handled by the await below; avoids an unhandled rejection while writing
    const onAbort = (): void => {
      const w = this.#waiting;
      this.#waiting = undefined;
      w?.reject(abortError(signal, 'network exchange'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const header = Buffer.alloc(HEADER);
      header.writeUInt32BE(requestBytes, 0);
      header.writeUInt32BE(respond, 4);
      socket.write(header);
      let left = requestBytes;
      while (left > 0 && this.#busy()) {
        const n = Math.min(left, CHUNK);
        left -= n;
        if (!socket.write(n === CHUNK ? FILL : FILL.subarray(0, n))) {
          await new Promise<void>((resolve) => {
            const go = (): void => {
              socket.off('drain', go);
              socket.off('close', go);
              signal?.removeEventListener('abort', go);
              resolve();
            };
            socket.on('drain', go);
            socket.on('close', go);
            signal?.addEventListener('abort', go, { once: true });
          });
        }
      }
      return await done;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  close(): void {
    this.#socket.destroy();
  }
}
