/**
 * The TypeORM version matrix: with ORMDIFF_TEST_TYPEORM=<alias> (a devDependency such as
 * `typeorm-0.3.0`, installed as `npm:typeorm@0.3.0`), every `typeorm` and `typeorm/…` import of the
 * test process resolves to that copy instead of the default one: ormdiff's own and the fixture
 * projects' entity, config and migration files alike, since two copies would keep two metadata stores.
 *
 * Used three ways: jest.config.js takes `moduleNameMapper()` (in-process tests); spawned CLIs get
 * `nodeArgs()` (`--require` typeorm-preload.js), which installs the same mapping into Node's resolver; and
 * `npm test` runs the matrix through `node test/typeorm-variant.js matrix`.
 * Plain JavaScript: jest.config.js and `node --require` load it untranspiled.
 */
'use strict';
const path = require('node:path');
const Module = require('node:module');

const ROOT = path.resolve(__dirname, '..');
const ENV = 'ORMDIFF_TEST_TYPEORM';

/** The alias in use, or undefined for the default `typeorm` devDependency. */
function variant() {
  const name = process.env[ENV];
  if (!name || name === 'typeorm') return undefined;
  if (!/^typeorm-[\w.-]+$/.test(name)) throw new Error(`${ENV}=${name}: expected the name of a typeorm-<version> devDependency`);
  return name;
}

function variantDir(name) {
  return path.join(ROOT, 'node_modules', name);
}

function moduleNameMapper() {
  const name = variant();
  if (!name) return {};
  const dir = variantDir(name);
  return { '^typeorm$': dir, '^typeorm/(.*)$': `${dir}/$1` };
}

/** Node flags for a spawned process (which runs without jest's mapper) to see the same copy. */
function nodeArgs() {
  return variant() ? ['--require', path.join(__dirname, 'typeorm-preload.js')] : [];
}

/** Node's resolver, redirected: `typeorm` → the variant's directory, `typeorm/x` → inside it. */
function installResolver() {
  const name = variant();
  if (!name) return;
  const dir = variantDir(name);
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (request === 'typeorm') request = dir;
    else if (request.startsWith('typeorm/')) request = path.join(dir, request.slice('typeorm/'.length));
    return original.call(this, request, ...rest);
  };
}

module.exports = { ENV, variant, moduleNameMapper, nodeArgs, installResolver };

/**
 * The matrix `npm test` runs after the full suite on the default copy: the tests that read entities and
 * replay round trips, once per supported 0.3 release (the oldest and the newest).
 */
const MATRIX = ['typeorm-0.3.0', 'typeorm-0.3-latest'];
const MATRIX_TESTS = ['test/entities', 'test/pipeline', 'test/scenarios', 'test/realworld', 'test/compat'];
/**
 * rich-model.test.ts pins the exact metadata 1.x builds for features older releases lack or name
 * differently (primary key and FK names given in the entity, table comments, junction CASCADE); the
 * same fixture is checked on every release against that release's own synchronize() (synchronize.test.ts).
 */
const MATRIX_IGNORED = ['/test/entities/rich-model\\.test\\.ts$'];

function runMatrix(extra) {
  const { spawnSync } = require('node:child_process');
  for (const alias of MATRIX) {
    const version = require(path.join(variantDir(alias), 'package.json')).version;
    process.stderr.write(`\n=== TypeORM ${version} (${alias}) ===\n`);
    const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...MATRIX_TESTS, ...MATRIX_IGNORED.map((p) => `--testPathIgnorePatterns=${p}`), ...extra], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, [ENV]: alias, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

if (require.main === module) {
  if (process.argv[2] !== 'matrix') {
    process.stderr.write('usage: node test/typeorm-variant.js matrix [jest args…]\n');
    process.exit(2);
  }
  runMatrix(process.argv.slice(3));
}
