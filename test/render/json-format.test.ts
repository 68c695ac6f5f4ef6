/** renderJson's output against docs/json-format.md: its JSON Schema block and its table of fields. */
import { diffSchemas } from '../../src/diff/diff';
import { planChanges } from '../../src/plan/plan';
import { PLAN_JSON_FORMAT, renderJson } from '../../src/render/json';
import { column, schema, table } from '../diff/helpers/build';
import { documentedFields, schemaFields, schemaFromDoc, validate } from './json-schema';

const docSchema = schemaFromDoc();

const users = table('public', 'users', { columns: [column('id', 'integer'), column('age', 'integer')] });
const before = schema({ tables: [users, table('public', 'old', { columns: [column('x', 'text')] })] });
const after = schema({
  enums: [{ schema: 'public', name: 'kind', values: ['x'] }],
  tables: [{ ...users, columns: [column('id', 'bigint', { nullable: false })] }],
});
const plans = {
  'with changes and warnings': planChanges(diffSchemas(before, after)),
  empty: planChanges([]),
};

describe.each(Object.entries(plans))('a plan %s', (_, plan) => {
  test('validates against the JSON Schema in the doc, also after a round trip through JSON text', () => {
    const json = renderJson(plan);
    expect(validate(docSchema, json)).toEqual([]);
    expect(validate(docSchema, JSON.parse(JSON.stringify(json)))).toEqual([]);
  });

  test('the summary counts what the lists hold', () => {
    const json = renderJson(plan);
    expect(json.summary.changes).toBe(json.changes.length);
    expect(json.summary.destructive).toBe(json.changes.filter((c) => c.destructive).length);
    const { info, warning, error } = json.summary.warnings;
    expect(info + warning + error).toBe(json.warnings.length);
  });
});

test('the sample plan exercises what the schema allows: warnings, destructive changes, null tables', () => {
  const json = renderJson(plans['with changes and warnings']);
  expect(json.warnings.length).toBeGreaterThan(1);
  expect(json.summary.destructive).toBeGreaterThan(0);
  expect(json.changes.some((c) => c.table === null)).toBe(true);
  for (const w of json.warnings) expect(json.changes[w.change!].object).toBe(w.object);
});

test('the format name in the output is the one the doc names', () => {
  expect(docSchema.properties).toMatchObject({ format: { const: PLAN_JSON_FORMAT } });
});

test('every field the schema defines is in the doc\'s table, and the table lists nothing else', () => {
  expect(documentedFields().sort()).toEqual(schemaFields(docSchema).sort());
});

describe('the validator is not vacuous', () => {
  const json = () => JSON.parse(JSON.stringify(renderJson(plans['with changes and warnings'])));

  test('a missing, extra or mistyped field is reported with its path', () => {
    const missing = json();
    delete missing.changes[0].destructive;
    expect(validate(docSchema, missing)).toEqual(['$.changes[0]: missing destructive']);
    const extra = json();
    extra.warnings[0].hint = 'x';
    expect(validate(docSchema, extra)).toEqual(['$.warnings[0]: unexpected property hint']);
    const retyped = json();
    retyped.summary.changes = '4';
    expect(validate(docSchema, retyped)).toEqual(['$.summary.changes: string, expected integer']);
    const severity = json();
    severity.warnings[0].severity = 'fatal';
    expect(validate(docSchema, severity)).toHaveLength(1);
    const version = json();
    version.format = 'ormdiff.plan/v2';
    expect(validate(docSchema, version)).toHaveLength(1);
  });

  test('a schema keyword it does not implement is an error, not ignored', () => {
    expect(() => validate({ type: 'string', pattern: '^a' }, 'b')).toThrow(/unsupported schema keyword pattern/);
  });
});
