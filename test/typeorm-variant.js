/**
 * The TypeORM version matrix. A variant is a devDependency such as `typeorm-0.3.0`, installed as
 * `npm:typeorm@0.3.0`; on one, every `typeorm` and `typeorm/…` import of a test resolves to that copy
 * instead of the default one: ormdiff's own and the fixture projects' entity, config and migration files
 * alike (two copies would mean two sets of classes that do not recognise each other).
 *
 * - `ORMDIFF_TEST_TYPEORM=typeorm-0.3.0 npx jest <files>`: any test file on that copy (jest.config.js
 *   maps the imports through `moduleNameMapper(alias)`).
 * - `npm run test:typeorm-0.3` (`node test/typeorm-variant.js matrix`): one jest run with one project per
 *   0.3 release in MATRIX, over MATRIX_TESTS, the projects running side by side.
 * - Spawned CLI processes run without jest's mapper: `nodeArgs()` gives them `--require
 *   typeorm-preload.js`, which installs the same mapping into Node's resolver.
 *
 * Plain JavaScript: jest.config.js and `node --require` load it untranspiled.
 */
'use strict';
const path = require('node:path');
const Module = require('node:module');

const ROOT = path.resolve(__dirname, '..');
const ENV = 'ORMDIFF_TEST_TYPEORM';
/** Set per jest project (config `globals`), since the projects of one run share their workers' env. */
const GLOBAL = '__ORMDIFF_TEST_TYPEORM__';

/** The oldest and the newest supported 0.3 release; the default `typeorm` devDependency is 1.x. */
const MATRIX = ['typeorm-0.3.0', 'typeorm-0.3-latest'];
/** What reads entities and replays round trips; test/realworld is the real applications. */
const MATRIX_TESTS = ['entities', 'pipeline', 'scenarios', 'realworld', 'compat'];
/**
 * rich-model.test.ts pins the exact metadata 1.x builds for features older releases lack or name
 * differently (key names given in the entity, table comments, junction CASCADE); the same fixture is
 * checked on every release against that release's own synchronize() (synchronize.test.ts).
 */
const MATRIX_IGNORED = ['/test/entities/rich-model\\.test\\.ts$'];

function checkAlias(name) {
  if (!/^typeorm-[\w.-]+$/.test(name)) throw new Error(`${ENV}=${name}: expected the name of a typeorm-<version> devDependency`);
  return name;
}

/** The variant in use here, or undefined for the default `typeorm` devDependency. */
function variant() {
  const name = globalThis[GLOBAL] || process.env[ENV];
  return !name || name === 'typeorm' ? undefined : checkAlias(name);
}

const variantDir = (alias) => path.join(ROOT, 'node_modules', alias);
const variantVersion = (alias) => require(path.join(variantDir(alias), 'package.json')).version;

function moduleNameMapper(alias = variant()) {
  if (!alias) return {};
  const dir = variantDir(alias);
  return { '^typeorm$': dir, '^typeorm/(.*)$': `${dir}/$1` };
}

/** Node flags that give a spawned process the copy this test runs on. */
function nodeArgs() {
  const alias = variant();
  return alias ? ['--require', path.join(__dirname, 'typeorm-preload.js')] : [];
}

/** Node's resolver, redirected: `typeorm` → the variant's directory, `typeorm/x` → inside it. */
function installResolver() {
  const alias = variant();
  if (!alias) return;
  const dir = variantDir(alias);
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (request === 'typeorm') request = dir;
    else if (request.startsWith('typeorm/')) request = path.join(dir, request.slice('typeorm/'.length));
    return original.call(this, request, ...rest);
  };
}

/** The jest projects of the matrix, each the base config on one variant. */
function matrixProjects(base) {
  return MATRIX.map((alias) => ({
    ...base,
    displayName: `typeorm ${variantVersion(alias)}`,
    testMatch: MATRIX_TESTS.map((dir) => `<rootDir>/test/${dir}/**/*.test.ts`),
    testPathIgnorePatterns: ['/node_modules/', ...MATRIX_IGNORED],
    moduleNameMapper: moduleNameMapper(alias),
    globals: { [GLOBAL]: alias },
  }));
}

module.exports = { ENV, MATRIX, variant, moduleNameMapper, nodeArgs, installResolver, matrixProjects };

if (require.main === module) {
  if (process.argv[2] !== 'matrix') {
    process.stderr.write('usage: node test/typeorm-variant.js matrix [jest args…]\n');
    process.exit(2);
  }
  const { spawnSync } = require('node:child_process');
  process.stderr.write(`TypeORM ${MATRIX.map(variantVersion).join(' and ')}: ${MATRIX_TESTS.map((d) => `test/${d}`).join(', ')}\n`);
  const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...process.argv.slice(3)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ORMDIFF_TEST_MATRIX: '1', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() },
  });
  process.exit(result.status ?? 1);
}
