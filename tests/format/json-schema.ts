// A small JSON Schema (2020-12) validator for the keywords schema/suite-result.schema.json uses:
// $ref (local `#/$defs/...`), type (incl. arrays of types and "integer"), const, enum, properties,
// required, additionalProperties (boolean), items, minimum, maximum, minLength, pattern.
// An unknown keyword throws, so the schema cannot silently use something this validator ignores.

type Schema = Readonly<Record<string, unknown>>;

const KNOWN = new Set([
  '$schema', '$id', '$defs', 'title', 'description', '$ref', 'type', 'const', 'enum', 'properties', 'required',
  'additionalProperties', 'items', 'minimum', 'maximum', 'minLength', 'pattern',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return typeOf(value) === 'object';
    default:
      return typeOf(value) === type;
  }
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
  if (typeof node !== 'object' || node === null) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

/** Validates `value` against `schema`; returns the errors as `path: problem` lines (empty when valid). */
export function validateSchema(schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const visit = (s: Schema, v: unknown, path: string): void => {
    for (const key of Object.keys(s)) if (!KNOWN.has(key)) throw new Error(`validator does not support keyword "${key}" at ${path}`);
    if (typeof s.$ref === 'string') visit(resolve(schema, s.$ref), v, path);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => matchesType(v, t))) {
        errors.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(v)} ${JSON.stringify(v)}`);
        return;
      }
    }
    if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(v)) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
    if (Array.isArray(s.enum) && !s.enum.some((x) => JSON.stringify(x) === JSON.stringify(v))) errors.push(`${path}: ${JSON.stringify(v)} not in ${JSON.stringify(s.enum)}`);
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) errors.push(`${path}: ${v} < minimum ${s.minimum}`);
      if (typeof s.maximum === 'number' && v > s.maximum) errors.push(`${path}: ${v} > maximum ${s.maximum}`);
    }
    if (typeof v === 'string') {
      if (typeof s.minLength === 'number' && Array.from(v).length < s.minLength) errors.push(`${path}: shorter than ${s.minLength}`);
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) errors.push(`${path}: ${JSON.stringify(v)} does not match ${s.pattern}`);
    }
    if (Array.isArray(v) && typeof s.items === 'object' && s.items !== null) {
      v.forEach((item, i) => {
        visit(s.items as Schema, item, `${path}[${i}]`);
      });
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const req of (s.required ?? []) as string[]) if (!(req in obj)) errors.push(`${path}: missing required "${req}"`);
      for (const [k, val] of Object.entries(obj)) {
        const p = props[k];
        if (p !== undefined) visit(p, val, `${path}.${k}`);
        else if (s.additionalProperties === false) errors.push(`${path}: unexpected property "${k}"`);
      }
    }
  };
  visit(schema, value, '$');
  return errors;
}
