/** The JSON and Markdown forms of a plan. */
import { diffSchemas } from '../../src/diff/diff';
import { planChanges } from '../../src/plan/plan';
import { renderJson } from '../../src/render/json';
import { renderMarkdown } from '../../src/render/markdown';
import { emptySchema } from '../../src/schema/model';
import { column, table } from '../diff/helpers/build';

const users = table('public', 'users', {
  columns: [column('id', 'integer'), column('age', 'integer')],
  comment: 'a | b',
});
const before = { ...emptySchema(), tables: [users] };
const after = {
  ...emptySchema(),
  enums: [{ schema: 'public', name: 'kind', values: ['x'] }],
  tables: [{ ...users, columns: [column('id', 'bigint')], comment: 'a | c' }],
};
const plan = planChanges(diffSchemas(before, after));

describe('renderJson', () => {
  test('a versioned object: counts, changes with their object, table and destructiveness, warnings pointing at them, SQL both ways', () => {
    const json = renderJson(plan);
    expect(json).toEqual({
      format: 'ormdiff.plan/v1',
      transactional: true,
      summary: { changes: 4, destructive: 1, warnings: { info: 0, warning: 2, error: 0 } },
      changes: [
        { kind: 'dropColumn', object: 'public.users.age', table: 'public.users', description: 'drop column public.users.age', destructive: true },
        { kind: 'createEnum', object: 'public.kind', table: null, description: 'create enum public.kind', destructive: false },
        {
          kind: 'alterColumnType',
          object: 'public.users.id',
          table: 'public.users',
          description: 'alter type of column public.users.id (integer → bigint)',
          destructive: false,
        },
        { kind: 'setTableComment', object: 'public.users', table: 'public.users', description: 'set comment on public.users', destructive: false },
      ],
      warnings: [
        expect.objectContaining({ code: 'DS102', severity: 'warning', object: 'public.users.age', change: 0 }),
        expect.objectContaining({ code: 'TC202', severity: 'warning', object: 'public.users.id', change: 2 }),
      ],
      up: [
        'ALTER TABLE "public"."users" DROP COLUMN "age"',
        `CREATE TYPE "public"."kind" AS ENUM ('x')`,
        'ALTER TABLE "public"."users" ALTER COLUMN "id" TYPE bigint USING "id"::bigint',
        `COMMENT ON TABLE "public"."users" IS 'a | c'`,
      ],
      down: [
        'ALTER TABLE "public"."users" ADD COLUMN "age" integer',
        'ALTER TABLE "public"."users" ALTER COLUMN "id" TYPE integer USING "id"::integer',
        'DROP TYPE "public"."kind"',
        `COMMENT ON TABLE "public"."users" IS 'a | b'`,
      ],
    });
    expect(Object.keys(json.warnings[0]).sort()).toEqual(['change', 'code', 'help', 'message', 'object', 'severity']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(plan);

  test('one summary row per table or type, with its changes and warning codes', () => {
    expect(md).toContain('| Object | Changes | Warnings |');
    expect(md).toContain(
      '| public\\.users | drop column public\\.users\\.age **(destructive)**<br>alter type of column public\\.users\\.id (integer → bigint)<br>set comment on public\\.users | DS102 (warning), TC202 (warning) |',
    );
    expect(md).toContain('| public\\.kind | create enum public\\.kind | — |');
  });

  test('warnings with their help, and SQL in fences both ways', () => {
    expect(md).toMatch(
      /- \*\*DS102\*\* \(warning\) public\\\.users\\\.age: drop column public\\\.users\\\.age \(its values are deleted\)\n  \S/,
    );
    expect(md).toContain(
      '## Up (4 statements)\n\n```sql\n-- ormdiff up: 4 statements\nBEGIN;\nALTER TABLE "public"."users" DROP COLUMN "age";\n',
    );
    expect(md).toContain(
      '## Down (4 statements)\n\n```sql\n-- ormdiff down: 4 statements\nBEGIN;\nALTER TABLE "public"."users" ADD COLUMN "age" integer;\n',
    );
  });

  test('pipes and line breaks in names cannot break the table', () => {
    const odd = planChanges([{ kind: 'setTableComment', table: { schema: 'public', name: 'a|b\nc' }, to: 'x' }]);
    expect(renderMarkdown(odd)).toContain('| public\\.a\\|b\\\\u000Ac | set comment on public\\.a\\|b\\\\u000Ac | — |');
  });

  test('an empty plan says so', () => {
    expect(renderMarkdown(planChanges([]))).toBe('# Migration plan\n\nNo changes: the database matches the model.\n');
  });
});
