/**
 * The round-trip invariant on a real Postgres: applying diff(from→to) to a database built from
 * `from` gives the same schema (pg_dump text) as building `to` at once, and its `down` gives back
 * the `from` database.
 */
import { diffSchemas } from '../../src/diff/diff';
import { planChanges } from '../../src/plan/plan';
import { renderPlanSql } from '../../src/render/sql';
import { emptySchema, type Schema } from '../../src/schema/model';
import { createTestDatabase, execSql, type TestDatabase } from '../../src/testing/database';
import { FROM, TO } from './helpers/models';
import { dumpSchema } from './helpers/pgdump';

const EMPTY = emptySchema(['public']);

const plan = (from: Schema, to: Schema) => planChanges(diffSchemas(from, to));

describe('diff → plan → SQL on Postgres', () => {
  let stepwise: TestDatabase;
  let direct: TestDatabase;
  let emptyDump: string;

  beforeAll(async () => {
    [stepwise, direct] = await Promise.all([createTestDatabase('ormdiff_inv'), createTestDatabase('ormdiff_inv')]);
    emptyDump = await dumpSchema(direct.url);
  });
  afterAll(async () => {
    await Promise.all([stepwise?.drop(), direct?.drop()]);
  });

  test('a model diffed against itself gives no changes', () => {
    expect(diffSchemas(FROM, FROM)).toEqual([]);
    expect(diffSchemas(TO, TO)).toEqual([]);
  });

  test('∅→from then from→to equals ∅→to; down of from→to restores from; down of ∅→to empties', async () => {
    await execSql(stepwise.url, renderPlanSql(plan(EMPTY, FROM), 'up'));
    const fromDump = await dumpSchema(stepwise.url);
    expect(fromDump).toContain('CREATE TABLE legacy.archive');

    const step = plan(FROM, TO);
    await execSql(stepwise.url, renderPlanSql(step, 'up'));
    const toAtOnce = plan(EMPTY, TO);
    await execSql(direct.url, renderPlanSql(toAtOnce, 'up'));
    const toDump = await dumpSchema(direct.url);
    expect(toDump).toContain('CREATE TABLE public.tasks');
    expect(await dumpSchema(stepwise.url)).toBe(toDump);

    await execSql(stepwise.url, renderPlanSql(step, 'down'));
    expect(await dumpSchema(stepwise.url)).toBe(fromDump);

    await execSql(direct.url, renderPlanSql(toAtOnce, 'down'));
    expect(await dumpSchema(direct.url)).toBe(emptyDump);
  });
});
