/** renderJson's output against docs/json-format.md: its JSON Schema block and its table of fields. */
import { diffSchemas } from '../../src/diff/diff';
import { factKey } from '../../src/plan/facts';
import { factsNeeded } from '../../src/plan/hazards';
import { planChanges, withCounts } from '../../src/plan/plan';
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
const uncounted = planChanges(diffSchemas(before, after));
/** The same plan with every fact its checks ask for counted as 3, as if read on a live database. */
const counted = withCounts(uncounted, new Map(factsNeeded(uncounted.changes, uncounted.options).map((f) => [factKey(f), 3])));
const plans = {
  'with changes and warnings': uncounted,
  'with counted warnings': counted,
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

test('a counted warning carries its count; an uncounted one has no count field at all', () => {
  const json = renderJson(plans['with counted warnings']);
  const withCount = json.warnings.filter((w) => 'count' in w);
  expect(withCount.length).toBeGreaterThan(0);
  for (const w of withCount) expect(w.count).toBe(plans['with counted warnings'].warnings[json.warnings.indexOf(w)].count);
  expect(withCount.map((w) => w.count)).toContain(3);
  expect(renderJson(plans['with changes and warnings']).warnings.filter((w) => 'count' in w)).toStrictEqual([]);
  const mistyped = JSON.parse(JSON.stringify(json));
  mistyped.warnings[json.warnings.indexOf(withCount[0])].count = 1.5;
  expect(validate(docSchema, mistyped)).toHaveLength(1);
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
