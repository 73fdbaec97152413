// Validates documents against a JSON Schema (2020-12) with ajv in strict mode, so a schema keyword that
// is misspelt or unsupported is an error, not silently ignored. Errors read as `path: message`, with
// paths like `children[0].tasks[0].duration`.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';

function readablePath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}

function describe(error: ErrorObject): string {
  const missing = error.keyword === 'required' ? ` (${String((error.params as { missingProperty?: string }).missingProperty)})` : '';
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
      : '';
  return `${readablePath(error.instancePath)}: ${error.message ?? error.keyword}${missing}${extra}`;
}

/** Returns one line per violation of `schema` by `value`; empty when it is valid. */
export function validateSchema(schema: Readonly<Record<string, unknown>>, value: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map(describe);
}
