/**
 * Runs one scenario folder (before.ts, after.ts, seed.sql, expected.json) on a real database:
 * build `before`, seed it, compare with `after` (hints, --online), check the warnings and their
 * counts, apply `up`, check the seeded values, diff again (empty), apply `down`, and check that
 * pg_dump --schema-only and (where the edit keeps them) the values are what they were.
 */
import { Client } from 'pg';
import type { DataSourceOptions, EntitySchema } from 'typeorm';
import { compareWithClient, type Comparison, type DesiredModel } from '../../src/api/compare';
import { parseHints } from '../../src/api/hints';
import { readEntities } from '../../src/entities/read';
import type { Plan } from '../../src/plan/plan';
import { renderMigration } from '../../src/render/migration';
import { renderPlanSql } from '../../src/render/sql';
import type { QualifiedName, Schema, Table } from '../../src/schema/model';
import { restrictToScope, type Scope } from '../../src/schema/scope';
import { quoteIdent, quoteQualified } from '../../src/sql/quote';
import { dumpSchema } from '../diff/helpers/pgdump';
import type { Expected } from './load';

export { type Expected, type ExpectedWarning, loadScenarios, type Scenario } from './load';

export async function desiredOf(entities: EntitySchema[]): Promise<DesiredModel> {
  const read = await readEntities({ type: 'postgres', entities } as DataSourceOptions);
  const scope: Scope = { schemas: ['public'], include: [], exclude: [], ignoredTables: read.ignoredTables };
  return { schema: restrictToScope(read.schema, scope), scope, ignoredIndexes: read.ignoredIndexes, columnRoles: read.columnRoles };
}

import { withClient } from '../../src/testing/database';

export { withClient };

/** Runs one direction of a plan as the runner would: one transaction, or statement by statement outside one. */
export async function applyPlan(url: string, plan: Plan, direction: 'up' | 'down'): Promise<void> {
  if (plan.transactional) return withClient(url, async (c) => void (await c.query(renderPlanSql(plan, direction))));
  const statements = direction === 'up' ? plan.up : plan.down;
  await withClient(url, async (c) => {
    for (const sql of [...plan.settings.start, ...statements.map((s) => s.sql), ...plan.settings.end]) await c.query(sql);
  });
}

/** Rows of every table, keyed `schema.table` → primary key text → column → value text. */
export type Rows = Map<string, Map<string, Record<string, string | null>>>;

const key = (t: QualifiedName): string => `${t.schema}.${t.name}`;

async function tableRows(c: Client, table: QualifiedName, pk: string[], columns: Array<{ name: string; as: string }>) {
  const pkText = pk.map((p) => `${quoteIdent(p)}::text`).join(` || ',' || `);
  const select = columns.map((col, i) => `(${quoteIdent(col.name)})${col.as}::text AS c${i}`).join(', ');
  const { rows } = await c.query(`SELECT ${pkText} AS pk${select ? `, ${select}` : ''} FROM ${quoteQualified(table)} ORDER BY 1`);
  return new Map(
    rows.map((r: Record<string, string | null>) => [r.pk as string, Object.fromEntries(columns.map((col, i) => [col.name, r[`c${i}`]]))]),
  );
}

export async function snapshot(url: string, schema: Schema): Promise<Rows> {
  return withClient(url, async (c) => {
    const out: Rows = new Map();
    for (const t of schema.tables) {
      out.set(key(t), await tableRows(c, t, t.primaryKey!.columns, t.columns.map((col) => ({ name: col.name, as: '' }))));
    }
    return out;
  });
}

/** Where each table and column of `before` ended up, from the renames in the plan. */
function newNames(plan: Plan) {
  const tables = new Map<string, string>();
  const columns = new Map<string, string>();
  for (const c of plan.changes) {
    if (c.kind === 'renameTable') tables.set(`${c.schema}.${c.from}`, c.to);
    if (c.kind === 'renameColumn') columns.set(`${key(c.table)}.${c.from}`, c.to);
  }
  return {
    table: (t: QualifiedName): QualifiedName => ({ schema: t.schema, name: tables.get(key(t)) ?? t.name }),
    column: (t: QualifiedName, name: string): string => columns.get(`${key(t)}.${name}`) ?? name,
  };
}

/**
 * The seeded values where the target keeps their column, read through the old type (enums as text),
 * so a safe type change compares equal value for value.
 */
export async function keptValues(
  url: string,
  seeded: Rows,
  before: Schema,
  after: Schema,
  plan: Plan,
  changed: string[],
): Promise<Array<[string, unknown, unknown]>> {
  const names = newNames(plan);
  const mismatches: Array<[string, unknown, unknown]> = [];
  await withClient(url, async (c) => {
    for (const t of before.tables) {
      const target = after.tables.find((x) => key(x) === key(names.table(t)));
      if (!target) continue;
      const kept = t.columns.filter(
        (col) => !changed.includes(`${key(t)}.${col.name}`) && target.columns.some((x) => x.name === names.column(t, col.name)),
      );
      const cast = (col: Table['columns'][number]) => (col.enumType ? '::text' : `::${col.dataType}${'[]'.repeat(col.arrayDims)}`);
      const now = await tableRows(
        c,
        target,
        t.primaryKey!.columns.map((p) => names.column(t, p)),
        kept.map((col) => ({ name: names.column(t, col.name), as: cast(col) })),
      );
      const then = seeded.get(key(t))!;
      for (const [pk, row] of then) {
        for (const col of kept) {
          const was = row[col.name];
          const is = now.get(pk)?.[names.column(t, col.name)];
          if (was !== is) mismatches.push([`${key(t)}.${col.name}#${pk}`, was, is]);
        }
      }
    }
  });
  return mismatches;
}

export async function valuesAt(url: string, column: string): Promise<Record<string, string | null>> {
  const [schema, table, name] = column.split('.');
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT id::text AS pk, ${quoteIdent(name)}::text AS v FROM ${quoteQualified({ schema, name: table })} ORDER BY id`,
    );
    return Object.fromEntries(rows.map((r: { pk: string; v: string | null }) => [r.pk, r.v]));
  });
}

export async function compare(url: string, entities: EntitySchema[], expected?: Expected): Promise<Comparison> {
  const desired = await desiredOf(entities);
  return withClient(url, (c) =>
    compareWithClient(c, desired, {
      hints: parseHints(expected?.hints ?? {}),
      online: expected?.online,
      policy: expected?.policy,
      facts: expected !== undefined,
    }),
  );
}

export const dump = (url: string): Promise<string> => dumpSchema(url);

export async function migrationSource(plan: Plan): Promise<string> {
  const meta = { revision: 'abc123def456', downRevision: null, message: 'scenario', createdAt: new Date(Date.UTC(2024, 0, 1)) };
  return (await renderMigration(plan, meta)).source;
}
