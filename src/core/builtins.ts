// Node built-ins loaded on first use. node:crypto, node:child_process and node:vm are not in node's start-up
// snapshot: a static import of one costs every process that imports rune-bench (a pre-commit hook) its load
// time, even one that never writes a file, runs git or benchmarks. These load them synchronously when first called
// (process.getBuiltinModule: an import of node:module, for createRequire, would load node's source-map support).
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import type * as Vm from 'node:vm';

/** node:crypto, loaded on the first call. @internal */
export function nodeCrypto(): typeof Crypto {
  return process.getBuiltinModule('node:crypto');
}

/** node:child_process, loaded on the first call. @internal */
export function nodeChildProcess(): typeof ChildProcess {
  return process.getBuiltinModule('node:child_process');
}

/** node:vm, loaded on the first call. @internal */
export function nodeVm(): typeof Vm {
  return process.getBuiltinModule('node:vm');
}

/** `bytes` random bytes as hex, for unique temporary names. @internal */
export function randomHex(bytes: number): string {
  return nodeCrypto().randomBytes(bytes).toString('hex');
}
