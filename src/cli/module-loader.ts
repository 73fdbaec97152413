// Imports a user's module (suite file, config file): JavaScript directly, TypeScript through Node's own type
// stripping when this Node has it, else through tsx when the project can resolve it, else an error that says
// what to install.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './usage-error.js';

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);

/** Whether `file` is a TypeScript file by its extension. @internal */
export function isTypeScriptFile(file: string): boolean {
  return TYPESCRIPT.has(extname(file).toLowerCase());
}

/** The part of tsx's ESM API we use (tsx >= 4.8). */
interface TsxApi {
  tsImport(specifier: string, parentURL: string): Promise<unknown>;
}

/**
 * Where to find an optional TypeScript loader. `resolveTsx` returns the path of `tsx/esm/api` as the project
 * resolves it, or `undefined`; tests replace it to simulate a project without tsx.
 *
 * @internal
 */
export interface ModuleLoaderOptions {
  /** Folder whose `node_modules` may hold tsx (the config file's folder, else the working directory). */
  readonly projectDir: string;
  /** Finds tsx's ESM API from `projectDir`. @defaultValue Node's module resolution from `projectDir` */
  readonly resolveTsx?: (projectDir: string) => string | undefined;
}

/** Resolves tsx's ESM API (`tsx/esm/api`, its `import` entry) the way a module in `projectDir` would. @internal */
export function resolveTsxFrom(projectDir: string): string | undefined {
  try {
    const manifest = createRequire(join(projectDir, 'package.json')).resolve('tsx/package.json');
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: unknown } | undefined } | undefined> };
    const entry = json.exports?.['./esm/api']?.import?.default;
    return typeof entry === 'string' ? join(dirname(manifest), entry) : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * Imports `file` (an absolute path). A TypeScript file that this Node cannot load by itself
 * (`ERR_UNKNOWN_FILE_EXTENSION`) is loaded through tsx when `projectDir` resolves it; when it does not, the
 * {@link UsageError} says to install tsx or use a Node with type stripping. `what` names the file's role in
 * messages ("suite module", "config file").
 *
 * @internal
 */
export async function importUserModule(file: string, what: string, options: ModuleLoaderOptions): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const unknownExtension = errorCode(error) === 'ERR_UNKNOWN_FILE_EXTENSION';
    if (!(unknownExtension && isTypeScriptFile(file))) throw new UsageError(`could not load ${what} ${file}: ${firstLine(error)}`);
  }
  const tsx = (options.resolveTsx ?? resolveTsxFrom)(options.projectDir);
  if (tsx === undefined) {
    throw new UsageError(
      `could not load ${what} ${file}: Node ${process.version} cannot load TypeScript by itself and tsx is not installed in ` +
        `${options.projectDir}; install it (npm install --save-dev tsx), use Node >= 22.18 (type stripping), or compile the file to JavaScript`,
    );
  }
  try {
    const api = (await import(pathToFileURL(tsx).href)) as TsxApi;
    const module = (await api.tsImport(url, import.meta.url)) as Record<string, unknown>;
    // Outside a "type": "module" package tsx compiles to CommonJS: the ES exports are then under `default`.
    const inner = module.default;
    const commonJs = typeof inner === 'object' && inner !== null && (inner as { __esModule?: unknown }).__esModule === true;
    return commonJs ? (inner as Record<string, unknown>) : module;
  } catch (error) {
    throw new UsageError(`could not load ${what} ${file} through tsx (${tsx}): ${firstLine(error)}`);
  }
}
