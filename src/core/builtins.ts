// Node built-ins loaded on first use. node:crypto and node:child_process are not in node's start-up snapshot:
// a static import of either costs every process that imports rune-bench (a pre-commit hook) their load time,
// even one that never writes a file or runs git. These load them synchronously when first called.
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let crypto: typeof Crypto | undefined;
let childProcess: typeof ChildProcess | undefined;

/** node:crypto, loaded on the first call. @internal */
export function nodeCrypto(): typeof Crypto {
  return (crypto ??= load('node:crypto') as typeof Crypto);
}

/** node:child_process, loaded on the first call. @internal */
export function nodeChildProcess(): typeof ChildProcess {
  return (childProcess ??= load('node:child_process') as typeof ChildProcess);
}

/** `bytes` random bytes as hex, for unique temporary names. @internal */
export function randomHex(bytes: number): string {
  return nodeCrypto().randomBytes(bytes).toString('hex');
}
