// Node built-ins loaded on first use. node:crypto, node:child_process and node:vm are not in node's start-up
// snapshot: a static import of one costs every process that imports rune-bench (a pre-commit hook) its load
// time, even one that never writes a file, runs git or benchmarks. These load them synchronously when first called.
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Vm from 'node:vm';

const load = createRequire(import.meta.url);
let crypto: typeof Crypto | undefined;
let childProcess: typeof ChildProcess | undefined;
let vm: typeof Vm | undefined;

/** node:crypto, loaded on the first call. @internal */
export function nodeCrypto(): typeof Crypto {
  return (crypto ??= load('node:crypto') as typeof Crypto);
}

/** node:child_process, loaded on the first call. @internal */
export function nodeChildProcess(): typeof ChildProcess {
  return (childProcess ??= load('node:child_process') as typeof ChildProcess);
}

/** node:vm, loaded on the first call. @internal */
export function nodeVm(): typeof Vm {
  return (vm ??= load('node:vm') as typeof Vm);
}

/** `bytes` random bytes as hex, for unique temporary names. @internal */
export function randomHex(bytes: number): string {
  return nodeCrypto().randomBytes(bytes).toString('hex');
}
