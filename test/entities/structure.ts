/**
 * A structural fingerprint of a schema, read two ways: from the live catalog (queried here directly, not
 * through src/introspect) and from a model. Expressions are left out on purpose (the entity reader emits
 * TypeORM's spelling; src/normalize canonicalizes it); everything else must match exactly.
 */
import { Client } from 'pg';
import type { Column, Schema } from '../../src/schema/model';

export interface Structure {
  extensions: string[];
  enums: Record<string, string[]>;
  tables: Record<string, TableStructure>;
}

export interface TableStructure {
  comment: string | null;
  columns: string[];
  primaryKey: string | null;
  foreignKeys: string[];
  uniques: string[];
  checks: string[];
  exclusions: string[];
  indexes: string[];
}

const sorted = (xs: string[]): string[] => [...xs].sort();

function columnLine(c: {
  name: string;
  type: string;
  nullable: boolean;
  source: string;
  collation: string | null;
  comment: string | null;
}): string {
  return [c.name, c.type, c.nullable ? 'NULL' : 'NOT NULL', c.source, `collate=${c.collation ?? '-'}`, `comment=${c.comment ?? '-'}`].join(' | ');
}

function sourceOf(c: Column): string {
  const s = c.valueSource;
  switch (s.kind) {
    case 'serial':
      return `serial ${s.sequence.schema}.${s.sequence.name}`;
    case 'identity': {
      const q = s.sequence;
      return `identity ${s.generation} ${q.schema}.${q.name} ${q.dataType} ${q.start} ${q.increment} ${q.min} ${q.max} ${q.cache} ${q.cycle}`;
    }
    default:
      return s.kind;
  }
}

export function modelStructure(schema: Schema): Structure {
  const tables: Record<string, TableStructure> = {};
  for (const t of schema.tables) {
    tables[`${t.schema}.${t.name}`] = {
      comment: t.comment ?? null,
      columns: t.columns.map((c) =>
        columnLine({
          name: c.name,
          type: c.dataType + '[]'.repeat(c.arrayDims),
          nullable: c.nullable,
          source: sourceOf(c),
          collation: c.collation ?? null,
          comment: c.comment ?? null,
        }),
      ),
      primaryKey: t.primaryKey ? `${t.primaryKey.name} (${t.primaryKey.columns.join(', ')})` : null,
      foreignKeys: sorted(
        t.foreignKeys.map(
          (f) =>
            `${f.name} (${f.columns.join(', ')}) -> ${f.references.schema}.${f.references.name} (${f.references.columns.join(', ')}) ` +
            `ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate} ${f.deferrable}`,
        ),
      ),
      uniques: sorted(t.uniques.map((u) => `${u.name} (${u.columns.join(', ')}) ${u.deferrable}`)),
      checks: sorted(t.checks.map((c) => c.name)),
      exclusions: sorted(t.exclusions.map((x) => x.name)),
      indexes: sorted(
        t.indexes.map(
          (i) => `${i.name} ${i.unique ? 'UNIQUE ' : ''}USING ${i.method} (${i.elements.map((e) => e.value).join(', ')})${i.where ? ' WHERE …' : ''}`,
        ),
      ),
    };
  }
  return {
    extensions: sorted(schema.extensions.map((e) => `${e.schema}.${e.name}`)),
    enums: Object.fromEntries(schema.enums.map((e) => [`${e.schema}.${e.name}`, e.values])),
    tables,
  };
}

const DEFERRABLE = (deferrable: boolean, deferred: boolean): string =>
  !deferrable ? 'NOT DEFERRABLE' : deferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE';

const ACTION: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/** Reads the same fingerprint from a database, for tables in `schemas` except those in `skipTables`. */
export async function catalogStructure(url: string, schemas: string[], skipTables: string[] = []): Promise<Structure> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path = ''`);
    const q = async <R>(sql: string, params: unknown[] = []): Promise<R[]> => (await client.query(sql, params)).rows as R[];

    const extensions = await q<{ e: string }>(
      `SELECT n.nspname || '.' || x.extname AS e FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace WHERE x.extname <> 'plpgsql'`,
    );
    const enums = await q<{ k: string; vals: string[] }>(
      `SELECT n.nspname || '.' || t.typname AS k, ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS vals
         FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype = 'e' AND n.nspname = ANY($1)`,
      [schemas],
    );
    const tables = await q<{ oid: number; k: string; comment: string | null }>(
      `SELECT c.oid::int AS oid, n.nspname || '.' || c.relname AS k, pg_catalog.obj_description(c.oid, 'pg_class') AS comment
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = ANY($1) AND NOT (n.nspname || '.' || c.relname = ANY($2))`,
      [schemas, skipTables],
    );
    const columns = await q<{
      rel: number;
      name: string;
      type: string;
      notnull: boolean;
      identity: string;
      generated: string;
      has_default: boolean;
      seq: string | null;
      seqinfo: string | null;
      collation: string | null;
      comment: string | null;
    }>(
      `SELECT a.attrelid::int AS rel, a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
              a.attidentity AS identity, a.attgenerated AS generated, ad.adbin IS NOT NULL AS has_default,
              (SELECT sn.nspname || '.' || s.relname FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON s.oid = d.objid
                 JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
                WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum
                  AND s.relkind = 'S' AND d.deptype IN ('a', 'i')) AS seq,
              (SELECT pg_catalog.format_type(sq.seqtypid, NULL) || ' ' || sq.seqstart || ' ' || sq.seqincrement || ' ' || sq.seqmin || ' ' || sq.seqmax || ' ' || sq.seqcache || ' ' || sq.seqcycle
                 FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = d.objid
                WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i') AS seqinfo,
              CASE WHEN a.attcollation <> t.typcollation THEN pg_catalog.quote_ident(co.collname) END AS collation,
              pg_catalog.col_description(a.attrelid, a.attnum) AS comment
         FROM pg_catalog.pg_attribute a
         JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
         LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
         LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
        WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum`,
      [tables.map((t) => t.oid)],
    );
    const constraints = await q<{
      rel: number;
      name: string;
      type: string;
      cols: string[];
      ref: string | null;
      refcols: string[] | null;
      del: string;
      upd: string;
      deferrable: boolean;
      deferred: boolean;
    }>(
      `SELECT c.conrelid::int AS rel, c.conname AS name, c.contype AS type,
              ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
              (SELECT n.nspname || '.' || r.relname FROM pg_catalog.pg_class r JOIN pg_catalog.pg_namespace n ON n.oid = r.relnamespace WHERE r.oid = c.confrelid) AS ref,
              CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) END AS refcols,
              c.confdeltype AS del, c.confupdtype AS upd, c.condeferrable AS deferrable, c.condeferred AS deferred
         FROM pg_catalog.pg_constraint c WHERE c.conrelid = ANY($1::oid[])`,
      [tables.map((t) => t.oid)],
    );
    const indexes = await q<{ rel: number; name: string; unique: boolean; method: string; cols: string[]; partial: boolean }>(
      `SELECT i.indrelid::int AS rel, ic.relname AS name, i.indisunique AS unique, am.amname AS method,
              ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o) JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o) AS cols,
              i.indpred IS NOT NULL AS partial
         FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        WHERE i.indrelid = ANY($1::oid[]) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
      [tables.map((t) => t.oid)],
    );

    const result: Structure = {
      extensions: sorted(extensions.map((e) => e.e)),
      enums: Object.fromEntries(enums.map((e) => [e.k, e.vals])),
      tables: {},
    };
    for (const t of tables) {
      const cons = constraints.filter((c) => c.rel === t.oid);
      const pk = cons.find((c) => c.type === 'p');
      result.tables[t.k] = {
        comment: t.comment,
        columns: columns
          .filter((c) => c.rel === t.oid)
          .map((c) => {
            const isArray = c.type.endsWith('[]');
            const source =
              c.identity !== ''
                ? `identity ${c.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'} ${c.seq} ${c.seqinfo}`
                : c.generated !== ''
                  ? 'generated'
                  : c.seq !== null
                    ? `serial ${c.seq}`
                    : c.has_default
                      ? 'default'
                      : 'none';
            return columnLine({
              name: c.name,
              type: isArray ? c.type.replace(/(\[\])+$/, '[]') : c.type,
              nullable: !c.notnull,
              source,
              collation: c.collation,
              comment: c.comment,
            });
          }),
        primaryKey: pk ? `${pk.name} (${pk.cols.join(', ')})` : null,
        foreignKeys: sorted(
          cons
            .filter((c) => c.type === 'f')
            .map(
              (c) =>
                `${c.name} (${c.cols.join(', ')}) -> ${c.ref} (${c.refcols!.join(', ')}) ON DELETE ${ACTION[c.del]} ON UPDATE ${ACTION[c.upd]} ` +
                DEFERRABLE(c.deferrable, c.deferred),
            ),
        ),
        uniques: sorted(cons.filter((c) => c.type === 'u').map((c) => `${c.name} (${c.cols.join(', ')}) ${DEFERRABLE(c.deferrable, c.deferred)}`)),
        checks: sorted(cons.filter((c) => c.type === 'c').map((c) => c.name)),
        exclusions: sorted(cons.filter((c) => c.type === 'x').map((c) => c.name)),
        indexes: sorted(
          indexes
            .filter((i) => i.rel === t.oid)
            .map((i) => `${i.name} ${i.unique ? 'UNIQUE ' : ''}USING ${i.method} (${i.cols.join(', ')})${i.partial ? ' WHERE …' : ''}`),
        ),
      };
    }
    return result;
  } finally {
    await client.end();
  }
}

/** Every expression of a table, as Postgres prints it back with `search_path = ''`. */
export interface TableExpressions {
  columns: Record<string, string>;
  constraints: Record<string, string>;
  indexPredicates: Record<string, string>;
}

const EXPRESSIONS_SQL = `
  SELECT c.oid::int AS rel,
         (SELECT json_object_agg(a.attname, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid))
            FROM pg_catalog.pg_attrdef ad JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
           WHERE ad.adrelid = c.oid AND a.attidentity = '' AND NOT EXISTS (
                 SELECT 1 FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                  WHERE d.refobjid = c.oid AND d.refobjsubid = a.attnum AND d.deptype = 'a'
                    AND d.classid = 'pg_catalog.pg_class'::regclass)) AS columns,
         (SELECT json_object_agg(k.conname, pg_catalog.pg_get_constraintdef(k.oid))
            FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid AND k.contype IN ('c', 'x')) AS constraints,
         (SELECT json_object_agg(ic.relname, pg_catalog.pg_get_expr(i.indpred, i.indrelid))
            FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
           WHERE i.indrelid = c.oid AND i.indpred IS NOT NULL) AS preds
    FROM pg_catalog.pg_class c WHERE c.oid = ANY($1::oid[])`;

type ExpressionRow = { rel: number; columns: Record<string, string> | null; constraints: Record<string, string> | null; preds: Record<string, string> | null };

const toExpressions = (r: ExpressionRow): TableExpressions => ({
  columns: r.columns ?? {},
  constraints: r.constraints ?? {},
  indexPredicates: r.preds ?? {},
});

/** The live tables' expressions (defaults but not serial ones, generated columns, CHECK/EXCLUDE, index predicates). */
export async function liveExpressions(url: string, tables: string[]): Promise<Record<string, TableExpressions>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET search_path = ''`);
    const oids = await client.query<{ oid: number; k: string }>(
      `SELECT c.oid::int AS oid, n.nspname || '.' || c.relname AS k FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname || '.' || c.relname = ANY($1)`,
      [tables],
    );
    const rows = (await client.query<ExpressionRow>(EXPRESSIONS_SQL, [oids.rows.map((o) => o.oid)])).rows;
    return Object.fromEntries(oids.rows.map((o) => [o.k, toExpressions(rows.find((r) => r.rel === o.oid)!)]));
  } finally {
    await client.end();
  }
}

const ident = (s: string): string => '"' + s.replace(/"/g, '""') + '"';

/**
 * The model's expressions, each put through Postgres the way TypeORM would: a temporary copy of every
 * table (same types, the model's DEFAULT/GENERATED/CHECK/EXCLUDE/WHERE text) created with the usual
 * search path, then printed back with `search_path = ''`. Run on the database whose types exist.
 */
export async function modelExpressions(url: string, schema: Schema): Promise<Record<string, TableExpressions>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const scratch: { key: string; name: string }[] = [];
    for (const [n, t] of schema.tables.entries()) {
      const name = `scratch_${n}`;
      const cols = t.columns.map((c) => {
        const s = c.valueSource;
        const tail = s.kind === 'default' ? ` DEFAULT ${s.expression}` : s.kind === 'generated' ? ` GENERATED ALWAYS AS (${s.expression}) STORED` : '';
        return `${ident(c.name)} ${c.dataType}${'[]'.repeat(c.arrayDims)}${tail}`;
      });
      const cons = [
        ...t.checks.map((k) => `CONSTRAINT ${ident(k.name)} CHECK ${k.expression}`),
        ...t.exclusions.map((x) => `CONSTRAINT ${ident(x.name)} EXCLUDE ${x.definition}`),
      ];
      await client.query(`CREATE TEMPORARY TABLE ${ident(name)} (${[...cols, ...cons].join(', ')})`);
      for (const i of t.indexes.filter((i) => i.where)) {
        const elements = i.elements.map((e) => ident(e.value)).join(', ');
        await client.query(`CREATE INDEX ${ident(i.name)} ON pg_temp.${ident(name)} USING ${i.method} (${elements}) WHERE ${i.where}`);
      }
      scratch.push({ key: `${t.schema}.${t.name}`, name });
    }
    await client.query(`SET search_path = ''`);
    const oids = await client.query<{ oid: number; relname: string }>(
      `SELECT c.oid::int AS oid, c.relname FROM pg_catalog.pg_class c WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relkind = 'r'`,
    );
    const rows = (await client.query<ExpressionRow>(EXPRESSIONS_SQL, [oids.rows.map((o) => o.oid)])).rows;
    return Object.fromEntries(
      scratch.map(({ key, name }) => {
        const oid = oids.rows.find((o) => o.relname === name)!.oid;
        return [key, toExpressions(rows.find((r) => r.rel === oid)!)];
      }),
    );
  } finally {
    await client.end();
  }
}
