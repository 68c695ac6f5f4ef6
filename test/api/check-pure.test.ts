/** The pure parts: where a scratch database comes from, nesting a plan's Markdown report, and the findings. */
import { checkFindings } from '../../src/api/check';
import { demoteHeadings } from '../../src/api/check-report';
import { planChanges } from '../../src/plan/plan';
import { scratchSourceFor } from '../../src/scratch';
import { column, schema, table } from '../diff/helpers/build';

test('scratch source: --scratch-url, else the configured server, else the embedded server in the project', () => {
  const project = { configPath: '/app/ormconfig.ts', url: 'postgres://u@db:5432/app' };
  expect(scratchSourceFor(project, 'postgres://u@other:5433/x')).toEqual({ kind: 'server', url: 'postgres://u@other:5433/x' });
  expect(scratchSourceFor(project)).toEqual({ kind: 'server', url: 'postgres://u@db:5432/app' });
  expect(scratchSourceFor({ configPath: '/app/ormconfig.ts', url: undefined })).toEqual({ kind: 'embedded', projectDir: '/app' });
});

test('headings are demoted outside fenced code only', () => {
  // A longer fence around SQL that itself holds a fence, as the plan renderer writes it.
  const report = ['# Plan', 'text', '````sql', '```', '# not a heading', '````', '## Up', '~~~', '# neither', '~~~', '#hashtag'].join('\n');
  expect(demoteHeadings(report, 2).split('\n')).toEqual([
    '### Plan',
    'text',
    '````sql',
    '```',
    '# not a heading',
    '````',
    '#### Up',
    '~~~',
    '# neither',
    '~~~',
    '#hashtag',
  ]);
});

test("a drift plan is checked against the live database's unmanaged objects: a view it would break is named (DS105)", () => {
  const orders = table('public', 'orders', { columns: [column('id', 'integer'), column('legacy', 'text')] });
  const live = schema({
    tables: [orders],
    unmanaged: [{ kind: 'view', schema: 'public', name: 'old_report', dependsOn: [{ table: { schema: 'public', name: 'orders' }, columns: ['legacy'] }] }],
  });
  const migrated = schema({ tables: [{ ...orders, columns: [column('id', 'integer')] }] });
  const [finding] = checkFindings({ missing: planChanges([]), migrated, live: { heads: ['a'], pending: [], unknown: [], fileHeads: [], schema: live } });
  expect(finding.kind).toBe('databaseDrifted');
  const warnings = finding.kind === 'databaseDrifted' ? finding.plan.warnings : [];
  expect(warnings.filter((w) => w.code === 'DS105').map((w) => w.message)).toStrictEqual([
    'drop column public.orders.legacy: view public.old_report depends on it; Postgres will refuse (2BP01)',
  ]);
});
