/** docs/warnings.md documents every warning code, each with an example message, and nothing else. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, WARNING_CODES } from '../../src/plan/rules';

const doc = readFileSync(join(__dirname, '../../docs/warnings.md'), 'utf8');
const sections = new Map(
  doc
    .split(/^## /m)
    .slice(1)
    .map((s) => [s.slice(0, 5), s] as const)
    .filter(([code]) => /^[A-Z]{2}\d{3}$/.test(code)),
);

describe('docs/warnings.md', () => {
  test('has one section per code, in the registry order, and none for unknown codes', () => {
    expect([...sections.keys()]).toEqual(WARNING_CODES);
  });

  test.each(WARNING_CODES)('%s: titled, grouped and with an example in a code block', (code) => {
    const section = sections.get(code)!;
    expect(section.split('\n')[0]).toBe(`${code} — ${RULES[code].title}`);
    expect(section).toMatch(/Group (destructive|data-dependent|type change|rename|lock)/);
    expect(section).toMatch(new RegExp('```[\\s\\S]*' + code + ' (info|warning|error): [\\s\\S]*```'));
  });
});
