/**
 * The two invariants an entity model must keep on a real database: the plan from an empty database
 * applies and leaves nothing to do, and a database TypeORM's own synchronize() built diffs empty.
 */
import 'reflect-metadata';
import { DataSource, type EntitySchema } from 'typeorm';
import type { Comparison } from '../../src/api/compare';
import { renderPlanSql } from '../../src/render/sql';
import { createTestDatabase } from '../../src/testing/database';
import { applyPlan, compare } from '../scenarios/harness';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entities = (Function | EntitySchema)[];

export interface FromEmpty {
  /** The up SQL of the plan from an empty database. */
  upSql: string;
  first: Comparison;
  /** The comparison after applying `first`'s up. */
  second: Comparison;
}

export async function planFromEmpty(entities: Entities): Promise<FromEmpty> {
  const db = await createTestDatabase('ormdiff_inv');
  try {
    const first = await compare(db.url, entities as EntitySchema[]);
    await applyPlan(db.url, first.plan, 'up');
    const second = await compare(db.url, entities as EntitySchema[]);
    return { upSql: renderPlanSql(first.plan, 'up'), first, second };
  } finally {
    await db.drop();
  }
}

/** What ormdiff finds to change in a database TypeORM's synchronize() created from the entities. */
export async function afterSynchronize(entities: Entities): Promise<Comparison> {
  const db = await createTestDatabase('ormdiff_inv');
  try {
    const ds = new DataSource({ type: 'postgres', url: db.url, entities, logging: false, synchronize: true });
    await ds.initialize();
    await ds.destroy();
    return await compare(db.url, entities as EntitySchema[]);
  } finally {
    await db.drop();
  }
}
