/** The sample schemas of test/fixtures/samples as databases, and what the fidelity tests ask of them. */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pgTool } from '../pg-tools';
import { withConnection } from '../../src/db/connect';
import type { Change } from '../../src/diff/changes';
import { changeObject } from '../../src/diff/describe';
import { introspect } from '../../src/introspect';
import type { Schema, UnmanagedObject } from '../../src/schema/model';
import { quoteIdent, quoteQualified } from '../../src/sql/quote';
import { createTestDatabase, execSql, serverUrl, type TestDatabase } from '../../src/testing/database';

// Vendored with their licences, so a fresh clone has them.
const ROOT = path.resolve(__dirname, '../fixtures/samples');

export interface Fixture {
  name: string;
  file: string;
  /** Every user schema the file creates (SOURCE.md), in the model's (byte) order, so that all of it is read. */
  schemas: string[];
}

export const PAGILA: Fixture = {
  name: 'pagila',
  file: `${ROOT}/pagila/pagila-schema.sql`,
  schemas: ['public'],
};

export const ADVENTUREWORKS: Fixture = {
  name: 'adventureworks',
  file: `${ROOT}/adventureworks-pg/adventureworks-schema-pg15.sql`,
  schemas: ['hr', 'humanresources', 'pe', 'person', 'pr', 'production', 'pu', 'public', 'purchasing', 'sa', 'sales'],
};

/** A fresh database with the fixture loaded the way its SOURCE.md says (psql, stopping at the first error). */
export async function loadFixture(fixture: Fixture): Promise<TestDatabase> {
  const db = await createTestDatabase(`ormdiff_fid_${fixture.name}`);
  try {
    execFileSync(pgTool('psql'), ['-X', '-v', 'ON_ERROR_STOP=1', '-q', '-f', fixture.file, db.url], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    await db.drop();
    throw error;
  }
  return db;
}

/** A copy of `source` (which must have no open connections). */
export async function copyDatabase(source: TestDatabase): Promise<TestDatabase> {
  const copy = await createTestDatabase(`ormdiff_fid_copy`);
  await copy.drop();
  await execSql(serverUrl(), `CREATE DATABASE ${quoteIdent(copy.name)} TEMPLATE ${quoteIdent(source.name)}`);
  return copy;
}

export async function readModel(url: string, schemas: string[]): Promise<Schema> {
  return withConnection(url, async (client) => (await introspect(client, { schemas })).schema);
}

/** What a model asks to be built: everything but the report of unmanaged objects. */
export const managed = (schema: Schema): Omit<Schema, 'unmanaged'> => {
  const { unmanaged: _unmanaged, ...rest } = schema;
  return rest;
};

/** The dotted name describe.ts gives changes (`schema.name`, or `schema.table.name` for what sits on a table). */
export const unmanagedKey = (u: UnmanagedObject): string =>
  u.table !== undefined ? `${u.schema}.${u.table}.${u.name}` : `${u.schema}.${u.name}`;

/** The unmanaged objects a change is about: itself or anything inside it. */
export function unmanagedTouched(change: Change, unmanaged: UnmanagedObject[]): UnmanagedObject[] {
  const object = changeObject(change);
  return unmanaged.filter((u) => object === unmanagedKey(u) || object.startsWith(`${unmanagedKey(u)}.`));
}

/**
 * How a statement would name an unmanaged object: the renderer quotes every identifier, so a relation
 * or routine appears as `"schema"."name"`, and a trigger, rule or policy (named only next to its
 * table) as `"name"`.
 */
const spelling = (u: UnmanagedObject): string => (u.table === undefined ? quoteQualified(u) : quoteIdent(u.name));

/** The unmanaged objects that appear in any of the SQL statements. */
export function unmanagedMentioned(statements: string[], unmanaged: UnmanagedObject[]): UnmanagedObject[] {
  return unmanaged.filter((u) => statements.some((sql) => sql.includes(spelling(u))));
}

/** A model with some tables gone, and the foreign keys of the remaining tables that pointed at them. */
export function withoutTables(schema: Schema, gone: (t: { schema: string; name: string }) => boolean): Schema {
  return {
    ...schema,
    tables: schema.tables
      .filter((t) => !gone(t))
      .map((t) => ({ ...t, foreignKeys: t.foreignKeys.filter((fk) => !gone(fk.references)) })),
  };
}

const count = <T>(items: T[], key: (item: T) => string | undefined): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
};

/** The column types a plain-SQL round trip is most likely to get wrong: user-defined, extension-fed and special ones. */
const NOTABLE_TYPE = /^(public\.|xml$|tsvector$|uuid$)/;

/** What a model holds, in numbers and names: shows that an equality of two models covers these features. */
export function features(schema: Schema) {
  const columns = schema.tables.flatMap((t) => t.columns);
  return {
    domains: schema.domains.map((d) => d.name),
    enums: schema.enums.map((e) => e.name),
    sequences: schema.sequences.length,
    extensions: schema.extensions.map((e) => e.name),
    arrayColumns: columns.filter((c) => c.arrayDims > 0).length,
    notableTypes: count(columns, (c) => (NOTABLE_TYPE.test(c.dataType) ? c.dataType : undefined)),
    valueSources: count(columns, (c) => c.valueSource.kind),
    comments: [...schema.tables, ...columns].filter((o) => o.comment !== undefined).length,
    checks: schema.tables.reduce((n, t) => n + t.checks.length, 0),
    foreignKeys: schema.tables.reduce((n, t) => n + t.foreignKeys.length, 0),
    indexMethods: count(
      schema.tables.flatMap((t) => t.indexes),
      (i) => i.method,
    ),
  };
}
