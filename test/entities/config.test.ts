/** loadConfig: what it accepts, and the one-line ConfigError (code 2) for each way a config can be wrong. */
import 'reflect-metadata';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/load';
import { globFiles } from '../../src/config/glob';
import { connectionUrl } from '../../src/config/url';
import { readEntities } from '../../src/entities/read';

const fixtures = join(__dirname, '..', 'fixtures', 'config');

async function configError(dir: string, file = 'ormconfig.ts'): Promise<ConfigError> {
  try {
    await loadConfig(file, join(fixtures, dir));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig(${dir}/${file}) did not fail`);
}

describe('loadConfig', () => {
  it('loads a DataSource default export, the ormdiff named export, and entity globs relative to the config file', async () => {
    const loaded = await loadConfig('ormconfig.ts', join(fixtures, 'valid'));
    expect(loaded.configPath).toBe(join(fixtures, 'valid', 'ormconfig.ts'));
    expect(loaded.ormdiff).toEqual({ migrationsDir: 'db/migrations', schemas: ['public'], exclude: ['public.audit_*'] });
    expect(loaded.dataSourceOptions.type).toBe('postgres');
    // Both classes once (two patterns match widget.entity.ts); the helper function and the .d.ts are not entities.
    expect((loaded.dataSourceOptions.entities as { name: string }[]).map((e) => e.name).sort()).toEqual(['Gadget', 'Widget']);
    expect(loaded.url).toBe('postgres://shop_app:p%40ss%3Aw%2Frd@db.internal:6543/shop');
    expect(new URL(loaded.url!).password).toBe('p%40ss%3Aw%2Frd');
    expect(decodeURIComponent(new URL(loaded.url!).password)).toBe('p@ss:w/rd');

    const read = await readEntities(loaded.dataSourceOptions);
    expect(read.schema.tables.map((t) => t.name)).toEqual(['gadgets', 'widgets']);
  });

  it('accepts module.exports = options with EntitySchema entities and a url', async () => {
    const loaded = await loadConfig('ormconfig.js', join(fixtures, 'options-js'));
    expect(loaded.url).toBe('postgres://notes@pg.example:5432/notes');
    expect(loaded.ormdiff).toEqual({});
    const read = await readEntities(loaded.dataSourceOptions);
    expect(read.schema.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['app.notes']);
  });

  it('accepts a config whose only DataSource is a named export, as the TypeORM CLI does', async () => {
    const loaded = await loadConfig('ormconfig.ts', join(fixtures, 'named-export'));
    expect(loaded.url).toBe('postgres://app@localhost/app');
    expect((await readEntities(loaded.dataSourceOptions)).schema.tables.map((t) => t.name)).toEqual(['settings']);
  });

  it('fails for a missing config file', async () => {
    const error = await configError('valid', 'nope.ts');
    expect(error.code).toBe(2);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('config file nope.ts not found');
  });

  it('fails for a config that does not export a DataSource or options', async () => {
    expect((await configError('not-datasource')).message).toBe(
      'config file ormconfig.ts does not export a TypeORM DataSource or DataSourceOptions as its default export',
    );
  });

  it('fails for a non-postgres DataSource', async () => {
    expect((await configError('mysql')).message).toBe('config file ormconfig.ts: ormdiff supports only type "postgres", not "mysql"');
  });

  it('fails for a config file that throws, with the first line of the error', async () => {
    expect((await configError('throws')).message).toBe(
      "config file ormconfig.ts failed to load: Cannot read properties of undefined (reading 'DB_HOST')",
    );
  });

  it('names an entity file that throws, with only the first line of its error', async () => {
    const error = await configError('broken-entity');
    expect(error.message).toBe('entity file entities/zz-broken.entity.ts failed to load: Broken entity: missing table prefix');
    expect(error.message).not.toContain('\n');
  });

  it('names the entity file when an entity the config imports throws', async () => {
    expect((await configError('imports-broken')).message).toBe(
      'config file ormconfig.ts failed to load (thrown in invoice.entity.ts): currencyColumn: precision must be between 1 and 38',
    );
  });

  it('fails when the entity patterns match no entity', async () => {
    expect((await configError('no-entities')).message).toBe('ormconfig.ts: no entities found (patterns "models/*.entity.ts")');
  });
});

describe('connectionUrl', () => {
  it('prefers options.url', () => {
    expect(connectionUrl({ type: 'postgres', url: 'postgres://a@b/c', host: 'ignored' })).toBe('postgres://a@b/c');
  });

  it('builds from parts with defaults for host and port, brackets for IPv6', () => {
    expect(connectionUrl({ type: 'postgres', database: 'app' })).toBe('postgres://localhost:5432/app');
    expect(connectionUrl({ type: 'postgres', host: '::1', username: 'me' })).toBe('postgres://me@[::1]:5432/');
  });

  it('is undefined when the options name no server at all', () => {
    expect(connectionUrl({ type: 'postgres', entities: [] })).toBeUndefined();
  });
});

describe('globFiles', () => {
  const valid = join(fixtures, 'valid');

  it('expands braces, ** (including zero directories) and *, relative to the given directory', () => {
    expect(globFiles('entities/**/*.entity.{ts,js}', valid)).toEqual([
      join(valid, 'entities', 'nested', 'gadget.entity.ts'),
      join(valid, 'entities', 'widget.entity.ts'),
    ]);
    expect(globFiles('entities/*.ts', valid).map((f) => f.slice(valid.length + 1))).toEqual([
      'entities/helpers.ts',
      'entities/widget.entity.d.ts',
      'entities/widget.entity.ts',
    ]);
  });

  it('takes plain paths and absolute patterns, and ignores what does not exist', () => {
    expect(globFiles('ormconfig.ts', valid)).toEqual([join(valid, 'ormconfig.ts')]);
    expect(globFiles(join(valid, 'entities', '?idget.*.ts'), '/')).toHaveLength(2);
    expect(globFiles('missing/**/*.ts', valid)).toEqual([]);
  });

  it('matches the extglobs TypeORM accepts, file for file as TypeORM 1.x lists them', () => {
    const rel = (files: string[]) => files.map((f) => f.slice(valid.length + 1));
    expect(rel(globFiles('entities/!(helpers).ts', valid))).toEqual(['entities/widget.entity.d.ts', 'entities/widget.entity.ts']);
    expect(rel(globFiles('entities/**/@(widget|gadget).entity.ts', valid))).toEqual(['entities/nested/gadget.entity.ts', 'entities/widget.entity.ts']);
    expect(rel(globFiles('entities/+(nested)/*.ts', valid))).toEqual(['entities/nested/gadget.entity.ts']);
    // The glob TypeORM's DirectoryExportedClassesLoader itself requires, given the absolute pattern TypeORM builds.
    const typeormGlob = require(require.resolve('tinyglobby', { paths: [dirname(require.resolve('typeorm'))] })) as typeof import('tinyglobby');
    for (const pattern of ['entities/!(helpers).ts', 'entities/**/*.entity.{ts,js}', 'entities/?(nested/)*.entity.ts']) {
      expect(globFiles(pattern, valid)).toEqual(typeormGlob.globSync(join(valid, pattern)).map((f) => resolve(f)).sort());
    }
  });
});
