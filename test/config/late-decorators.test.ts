/** Decorators applied after the config module has loaded are read, not mistaken for columns to drop. */
import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { readEntities } from '../../src/entities/read';

const fixtures = join(__dirname, '..', 'fixtures', 'config');

describe('late decorators', () => {
  it('reads columns an entity file applies in setImmediate, from a config that exports a promise of its DataSource', async () => {
    const loaded = await loadConfig('ormconfig.ts', join(fixtures, 'late-decorators'));
    const read = await readEntities(loaded.dataSourceOptions);
    const features = read.schema.tables.find((t) => t.name === 'features');
    expect(features?.columns.map((c) => c.name).sort()).toEqual(['beta', 'id', 'rollout']);
  });

  it('awaits a named export that is a promise of the DataSource, and an @Entity applied late', async () => {
    const loaded = await loadConfig('ormconfig.ts', join(fixtures, 'promise-named'));
    expect(loaded.url).toBe('postgres://app@localhost/flags');
    const read = await readEntities(loaded.dataSourceOptions);
    expect(read.schema.tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()])).toEqual([['flags', ['enabled', 'key']]]);
  });
});
