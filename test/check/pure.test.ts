/** The pure parts: where a scratch database comes from, and nesting a plan's Markdown report. */
import { demoteHeadings } from '../../src/api/check-report';
import { scratchSourceFor } from '../../src/scratch';

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
