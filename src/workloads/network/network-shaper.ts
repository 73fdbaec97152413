// A loopback TCP proxy that applies a network condition profile to every connection through it.
import { TypedEventEmitter } from '../../core/typed-events.js';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { RuneBenchError, abortError } from '../../core/errors.js';
import { defineNetworkProfile, type NetworkProfile } from '../../suites/network/profiles.js';
import { TcpLinkModel, type LinkStats } from './tcp-link-model.js';
import { TCP_MSS, effectiveBandwidth } from './tcp-model.js';

/**
 * Options for {@link NetworkShaper}.
 *
 * @public
 */
export interface NetworkShaperOptions {
  /** Where to forward connections: a TCP port on loopback (or `host`). */
  readonly target: { readonly port: number; readonly host?: string };
  /** The condition applied in both directions. */
  readonly profile: NetworkProfile;
  /** Seed of loss and jitter; connection `i` uses `seed + 2i` upstream and `seed + 2i + 1` downstream. @defaultValue `1` */
  readonly seed?: number;
  /** Segment size, bytes. @defaultValue `1448` */
  readonly mss?: number;
  /** Closes the shaper when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * Counters of a shaper, per direction, summed over its connections.
 *
 * @public
 */
export interface NetworkShaperStats {
  /** Connections accepted so far. */
  readonly connections: number;
  /** Client to target. */
  readonly up: Omit<LinkStats, 'srtt' | 'rttvar'>;
  /** Target to client. */
  readonly down: Omit<LinkStats, 'srtt' | 'rttvar'>;
}

/**
 * Events of {@link NetworkShaper}.
 *
 * @public
 */
export interface NetworkShaperEvents {
  /** A client connected; `id` counts from 0. */
  connection: (info: { readonly id: number }) => void;
  /** A connection failed (the target refused, a socket errored). The shaper keeps serving. */
  error: (error: RuneBenchError) => void;
  /** The shaper closed. */
  close: () => void;
}

type Counters = { -readonly [K in keyof NetworkShaperStats['up']]: number };

function zero(): Counters {
  return { segments: 0, bytes: 0, retransmissions: 0, fastRetransmits: 0, timeouts: 0 };
}

function add(into: Counters, from: LinkStats): void {
  into.segments += from.segments;
  into.bytes += from.bytes;
  into.retransmissions += from.retransmissions;
  into.fastRetransmits += from.fastRetransmits;
  into.timeouts += from.timeouts;
}

const now = (): number => performance.now() / 1000;

/** Moves bytes from `source` to `dest` through a link model, on real time. */
class ShapedPipe {
  readonly model: TcpLinkModel;
  readonly #source: Socket;
  readonly #dest: Socket;
  readonly #high: number;
  #timer: NodeJS.Timeout | undefined;
  #ended = false;
  #paused = false;
  #closed = false;

  constructor(source: Socket, dest: Socket, model: TcpLinkModel, rate: number) {
    this.model = model;
    this.#source = source;
    this.#dest = dest;
    this.#high = Math.max(256 * 1024, rate * 0.25);
    source.on('data', (chunk: Buffer) => {
      this.model.enqueue(chunk, now());
      if (this.model.queuedBytes > this.#high && !this.#paused) {
        this.#paused = true;
        source.pause();
      }
      if (this.#timer === undefined) this.#pump();
    });
    source.on('end', () => {
      this.#ended = true;
      if (this.#timer === undefined) this.#pump();
    });
  }

  #pump(): void {
    this.#timer = undefined;
    if (this.#closed) return;
    const t = now();
    const { chunks, next } = this.model.poll(t);
    if (chunks.length > 0 && !this.#dest.destroyed) this.#dest.write(chunks.length === 1 ? (chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(chunks));
    if (this.#paused && this.model.queuedBytes <= this.#high / 2) {
      this.#paused = false;
      this.#source.resume();
    }
    if (next !== undefined) {
      this.#timer = setTimeout(() => {
        this.#pump();
      }, Math.max(0, (next - t) * 1000));
    } else if (this.#ended && !this.#dest.destroyed) {
      this.#dest.end();
    }
  }

  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/**
 * A TCP proxy on 127.0.0.1 that forwards each connection to `target` while applying a
 * {@link NetworkProfile} in both directions: bytes are cut into MSS-sized segments, paced by a token
 * bucket at the profile's bandwidth (capped at the Mathis limit), delayed by the one-way delay with
 * jitter, and lost by the profile's loss model, with TCP's recovery (fast retransmit or timeout) modelled
 * as delay, since userspace cannot drop packets on loopback. See {@link TcpLinkModel}.
 *
 * @example
 * ```ts
 * const shaper = new NetworkShaper({ target: { port: serverPort }, profile: NETWORK_PROFILES.wan! });
 * const port = await shaper.listen();
 * // connect clients to 127.0.0.1:port instead of serverPort
 * await shaper.close();
 * ```
 * @public
 */
export class NetworkShaper extends TypedEventEmitter<NetworkShaperEvents> {
  readonly #target: { readonly port: number; readonly host: string };
  readonly #profile: NetworkProfile;
  readonly #seed: number;
  readonly #mss: number;
  readonly #signal: AbortSignal | undefined;
  readonly #sockets = new Set<Socket>();
  readonly #pairs = new Set<{ readonly up: ShapedPipe; readonly down: ShapedPipe }>();
  readonly #closedUp = zero();
  readonly #closedDown = zero();
  #server: Server | undefined;
  #connections = 0;
  #port = 0;
  #onAbort: (() => void) | undefined;

  /** @param options - target, profile, seed, segment size and abort signal */
  constructor(options: NetworkShaperOptions) {
    super();
    if (typeof options !== 'object') throw new TypeError('options must be an object');
    const port = (options.target as { readonly port?: number } | undefined)?.port ?? Number.NaN;
    if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError('target.port option must be an integer in [1, 65535]');
    const { seed = 1, mss = TCP_MSS } = options;
    if (!Number.isFinite(seed)) throw new TypeError('seed option must be a finite number');
    if (!Number.isInteger(mss) || mss < 64 || mss > 65_535) throw new RangeError('mss option must be an integer in [64, 65535]');
    this.#target = { port, host: options.target.host ?? '127.0.0.1' };
    this.#profile = defineNetworkProfile(options.profile);
    this.#seed = seed;
    this.#mss = mss;
    this.#signal = options.signal;
  }

  /** The profile applied. */
  get profile(): NetworkProfile {
    return this.#profile;
  }

  /** The port the shaper listens on (0 before {@link NetworkShaper.listen}). */
  get port(): number {
    return this.#port;
  }

  /** Counters summed over all connections so far. */
  stats(): NetworkShaperStats {
    const up = { ...this.#closedUp };
    const down = { ...this.#closedDown };
    for (const pair of this.#pairs) {
      add(up, pair.up.model.stats);
      add(down, pair.down.model.stats);
    }
    return { connections: this.#connections, up, down };
  }

  /** Starts listening on 127.0.0.1 (an ephemeral port unless `port` is given) and resolves the port. */
  async listen(port = 0): Promise<number> {
    if (this.#server !== undefined) throw new RuneBenchError('ERR_DUPLICATE', 'NetworkShaper.listen was called twice');
    if (this.#signal?.aborted === true) throw abortError(this.#signal, 'NetworkShaper.listen');
    const server = createServer({ noDelay: true, allowHalfOpen: true }, (client) => {
      this.#accept(client);
    });
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    this.#port = typeof address === 'object' && address !== null ? address.port : 0;
    if (this.#signal !== undefined) {
      const onAbort = (): void => {
        void this.close();
      };
      this.#onAbort = onAbort;
      this.#signal.addEventListener('abort', onAbort, { once: true });
    }
    return this.#port;
  }

  #accept(client: Socket): void {
    const id = this.#connections++;
    const upstream = connect({ port: this.#target.port, host: this.#target.host, noDelay: true, allowHalfOpen: true });
    client.setNoDelay(true);
    this.#sockets.add(client);
    this.#sockets.add(upstream);
    const rate = effectiveBandwidth(this.#profile, this.#mss);
    const model = (n: number): TcpLinkModel => new TcpLinkModel({ profile: this.#profile, seed: this.#seed + 2 * id + n, mss: this.#mss });
    const up = new ShapedPipe(client, upstream, model(0), rate);
    const down = new ShapedPipe(upstream, client, model(1), rate);
    const pair = { up, down };
    this.#pairs.add(pair);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      up.close();
      down.close();
      add(this.#closedUp, up.model.stats);
      add(this.#closedDown, down.model.stats);
      this.#pairs.delete(pair);
      client.destroy();
      upstream.destroy();
      this.#sockets.delete(client);
      this.#sockets.delete(upstream);
    };
    const onError = (error: Error): void => {
      finish();
      this.emit('error', new RuneBenchError('ERR_CHILD_FAILED', `shaped connection ${id} failed: ${error.message}`, { cause: error }));
    };
    client.on('error', onError);
    upstream.on('error', onError);
    client.on('close', finish);
    upstream.on('close', finish);
    this.emit('connection', { id });
  }

  /** Stops listening and destroys every open connection. */
  async close(): Promise<void> {
    const server = this.#server;
    if (this.#onAbort !== undefined) this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#onAbort = undefined;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    if (server === undefined || !server.listening) return;
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    this.emit('close');
  }
}
