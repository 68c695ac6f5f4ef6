/**
 * Just enough JSON Schema to hold renderJson's output to docs/json-format.md. A keyword this validator
 * does not know is an error rather than ignored, so the doc cannot promise a constraint nobody checks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type JsonSchema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);
const KEYWORDS = new Set(['type', 'const', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'minimum', 'minLength']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const matchesType = (actual: string, wanted: string): boolean => actual === wanted || (wanted === 'number' && actual === 'integer');

/** Every violation, each as `<path>: <problem>`; empty when the value is valid. */
export function validate(schema: JsonSchema, value: unknown, at = '$'): string[] {
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !KEYWORDS.has(key)) throw new Error(`${at}: unsupported schema keyword ${key}`);
  }
  const errors: string[] = [];
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => matchesType(actual, t))) return [`${at}: ${actual}, expected ${types.join(' or ')}`];
  }
  if ('const' in schema && JSON.stringify(value) !== JSON.stringify(schema.const)) {
    errors.push(`${at}: ${JSON.stringify(value)}, expected ${JSON.stringify(schema.const)}`);
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) errors.push(`${at}: ${value} < ${schema.minimum}`);
  if (typeof schema.minLength === 'number' && typeof value === 'string' && value.length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) errors.push(`${at}: missing ${key}`);
    for (const [key, v] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(properties[key], v, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property ${key}`);
    }
  }
  if (actual === 'array' && schema.items) {
    (value as unknown[]).forEach((item, i) => errors.push(...validate(schema.items as JsonSchema, item, `${at}[${i}]`)));
  }
  return errors;
}

export const DOC = path.resolve(__dirname, '../../docs/json-format.md');

/**
 * The part of the doc about one format: from the top-level heading naming it (`# … (`<format>`)`) to
 * the next top-level heading. Lines in fenced code are never headings.
 */
export function formatSection(format: string, markdown = readFileSync(DOC, 'utf8')): string {
  const parts: string[][] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && /^# /.test(line)) parts.push([]);
    parts.at(-1)?.push(line);
  }
  const part = parts.find((p) => p[0].includes(`(\`${format}\`)`));
  if (!part) throw new Error(`docs/json-format.md has no top-level heading naming \`${format}\``);
  return part.join('\n');
}

const PLAN = 'ormdiff.plan/v1';

/** The JSON Schema block under the section's "JSON Schema…" heading. */
export function schemaFromDoc(markdown = formatSection(PLAN)): JsonSchema {
  const section = markdown.split(/^## JSON Schema.*$/m)[1];
  const block = section && /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('docs/json-format.md has no ```json block under "## JSON Schema"');
  return JSON.parse(block[1]) as JsonSchema;
}

/** The field paths the section's table documents, as written in its first column (`changes[].kind`). */
export function documentedFields(markdown = formatSection(PLAN)): string[] {
  return [...markdown.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
}

/** The field paths a schema defines, spelled as the doc's table spells them. */
export function schemaFields(schema: JsonSchema, prefix = ''): string[] {
  const out: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [key, sub] of Object.entries(properties)) {
    const name = prefix + key;
    out.push(name);
    out.push(...schemaFields(sub, `${name}.`));
    const items = sub.items as JsonSchema | undefined;
    if (items?.properties) out.push(...schemaFields(items, `${name}[].`));
  }
  return out;
}
