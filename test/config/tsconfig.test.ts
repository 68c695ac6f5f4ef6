/** tsconfig reading for require-time alias resolution: JSONC, `extends`, tsc's pattern matching. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aliasCandidates, parseJsonc, readPathAliases, tsconfigChain } from '../../src/config/tsconfig';

describe('tsconfig', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ormdiff-tsconfig-'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'tsconfig.base.json'), '{ /* shared */ "compilerOptions": { "paths": { "@lib/*": ["libs/*/src", "vendor/*"], "@config": ["config/index.ts"] }, }, }');
    writeFileSync(join(dir, 'app', 'tsconfig.json'), '{\n  // the app\n  "extends": "../tsconfig.base",\n  "compilerOptions": { "target": "ES2022", "outDir": "http://not-a-comment" }\n}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads JSON with comments and trailing commas, leaving // inside strings alone', () => {
    expect(parseJsonc('{ "a": "x//y,}", /* c */ "b": [1, 2, /* e */], // d\n }')).toEqual({ a: 'x//y,}', b: [1, 2] });
  });

  it("takes paths through extends, relative to the tsconfig that declares them when there is no baseUrl", () => {
    const aliases = readPathAliases(join(dir, 'app', 'tsconfig.json'))!;
    expect(aliases.projectDir).toBe(join(dir, 'app'));
    expect(aliases.baseUrl).toBeUndefined();
    expect(aliasCandidates('@lib/money', aliases)).toEqual([join(dir, 'libs/money/src'), join(dir, 'vendor/money')]);
    expect(aliasCandidates('@config', aliases)).toEqual([join(dir, 'config/index.ts')]);
    expect(aliasCandidates('typeorm', aliases)).toEqual([]);
    expect(tsconfigChain(join(dir, 'app', 'tsconfig.json'))).toEqual([join(dir, 'app', 'tsconfig.json'), join(dir, 'tsconfig.base.json')]);
  });

  it('prefers the longest prefix, as tsc does', () => {
    const aliases = { projectDir: dir, paths: [['@/*', ['/a/*']], ['@/model/*', ['/b/*']]] as [string, string[]][] };
    expect(aliasCandidates('@/model/user', aliases)).toEqual(['/b/user']);
    expect(aliasCandidates('@/util', aliases)).toEqual(['/a/util']);
  });
});
