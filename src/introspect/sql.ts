/**
 * The catalog queries: one per object kind, each filtered by the schemas in scope ($1, a text[]), so
 * the number of round trips does not grow with the number of tables.
 *
 * They run with `search_path = ''`, so format_type / pg_get_expr / pg_get_constraintdef /
 * pg_get_indexdef qualify every non-pg_catalog name exactly as pg_dump prints it. Catalog tables are
 * still written `pg_catalog.x` because the temporary schema is searched for relations even then.
 *
 * Written for PostgreSQL 13–17: nothing newer than v13 is referenced unconditionally; a column only
 * some versions have (pg_index.indnullsnotdistinct, v15) is named where the server is known to have
 * it, and otherwise read through to_jsonb(row) ->> 'col', which yields NULL where the column does not
 * exist instead of failing.
 */

/**
 * pg_index.indnullsnotdistinct of the index row `i`, given the server's version (server_version_num):
 * the column itself from v15, NULL before; with the version unknown, through to_jsonb, which gives
 * the same on any version but converts the whole row (a tenth of the indexes query's time).
 */
const nullsNotDistinct = (serverVersion: number | undefined): string =>
  serverVersion === undefined
    ? `(pg_catalog.to_jsonb(i) ->> 'indnullsnotdistinct')::boolean`
    : serverVersion >= 150000
      ? 'i.indnullsnotdistinct'
      : 'NULL::boolean';

/** `$1` as the array of schema names, typed so `nspname = ANY(...)` compares name to name. */
const IN_SCOPE = 'ANY($1::pg_catalog.name[])';

/** True when the object (oid column `oid`, catalog `catalog`) is a member of an extension. */
const extensionMember = (catalog: string, oid: string): string =>
  `EXISTS (SELECT FROM pg_catalog.pg_depend ext WHERE ext.classid = 'pg_catalog.${catalog}'::pg_catalog.regclass ` +
  `AND ext.objid = ${oid} AND ext.deptype = 'e')`;

/** Comment of a whole object (sub id 0) or of a column (sub id = attnum). */
const description = (alias: string, catalog: string, oid: string, subId = '0'): string =>
  `LEFT JOIN pg_catalog.pg_description ${alias} ON ${alias}.classoid = 'pg_catalog.${catalog}'::pg_catalog.regclass ` +
  `AND ${alias}.objoid = ${oid} AND ${alias}.objsubid = ${subId}`;

/** Ordinary, non-partition tables: the only relations whose columns, constraints and indexes are read. */
const MODELLED_TABLE = `c.relkind = 'r' AND NOT c.relispartition`;

/**
 * What the rewrite rule `rule` (a pg_rewrite oid) reads, as a JSON array of {schema, name, column}:
 * relations in scope, by column (refobjsubid = attnum) or, with a NULL column, as a whole. Only normal
 * dependencies count: a rule's ties to its own view ('i') or table ('a') are not uses, and neither is
 * the `_RETURN` rule's whole-relation entry for its own view (`own`), which it records as 'n' too.
 * These are the entries that make Postgres refuse DROP TABLE / DROP COLUMN (2BP01) and ALTER COLUMN
 * TYPE (0A000) without CASCADE.
 */
const readsOf = (rule: string, own: string): string => `(
  SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', dn.nspname, 'name', dc.relname, 'column', da.attname))
  FROM pg_catalog.pg_depend dep
  JOIN pg_catalog.pg_class dc ON dc.oid = dep.refobjid
  JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace
  LEFT JOIN pg_catalog.pg_attribute da ON da.attrelid = dep.refobjid AND da.attnum = dep.refobjsubid AND dep.refobjsubid > 0
  WHERE dep.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND dep.objid = ${rule}
    AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.deptype = 'n'
    AND NOT (dep.refobjid = ${own} AND dep.refobjsubid = 0)
    AND dn.nspname = ${IN_SCOPE})`;

/**
 * Every relation kind the model either holds (tables) or reports as unmanaged. An extension's composite
 * type is recorded as a member through its pg_type row, not its pg_class row. Views and materialized
 * views come with what their query reads (their `_RETURN` rule's dependencies).
 */
export const RELATIONS_SQL = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind, c.relispartition AS is_partition,
       d.description AS comment,
       CASE WHEN c.relkind IN ('v', 'm') THEN ${readsOf(
         "(SELECT r.oid FROM pg_catalog.pg_rewrite r WHERE r.ev_class = c.oid AND r.rulename = '_RETURN')",
         'c.oid',
       )} END AS depends_on
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
${description('d', 'pg_class', 'c.oid')}
WHERE n.nspname = ${IN_SCOPE}
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
  AND NOT ${extensionMember('pg_class', 'c.oid')}
  AND NOT ${extensionMember('pg_type', 'c.reltype')}`;

/**
 * A default is printed without its table (pg_get_expr's relation 0): a default cannot refer to a
 * column, and naming the table makes the server open it (build its relation cache entry, take a lock),
 * which the constraints' and indexes' connection does anyway. A generated column's expression does
 * refer to columns, so it is printed with its table.
 */
export const COLUMNS_SQL = `
SELECT n.nspname AS schema, c.relname AS table, a.attnum AS position, a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
       t.typcategory = 'A' AS is_array,
       CASE WHEN et.typtype = 'e' THEN en.nspname END AS enum_schema,
       CASE WHEN et.typtype = 'e' THEN et.typname END AS enum_name,
       a.attnotnull AS not_null, a.attidentity AS identity, a.attgenerated AS generated,
       pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END) AS default_expr,
       co.collname AS collation, con.nspname AS collation_schema,
       d.description AS comment
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
LEFT JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace
${description('d', 'pg_class', 'c.oid', 'a.attnum')}
WHERE n.nspname = ${IN_SCOPE} AND ${MODELLED_TABLE}
  AND a.attnum > 0 AND NOT a.attisdropped
  AND NOT ${extensionMember('pg_class', 'c.oid')}`;

/**
 * A list of names as a JSON array rather than a text[]: the driver parses JSON natively, a text[]
 * character by character in JavaScript (a tenth of the whole read's client time on a large schema).
 */
const jsonArray = (array: string): string => `pg_catalog.to_json(${array})`;

/**
 * Attribute names of `rel` for the attnums in `keys`, in array order. One index probe per key: as a
 * join, the planner (which guesses 10 keys) hashes every attribute of the table for each constraint.
 */
const attnames = (keys: string, rel: string): string =>
  jsonArray(
    `ARRAY(SELECT (SELECT att.attname::text FROM pg_catalog.pg_attribute att WHERE att.attrelid = ${rel} AND att.attnum = key.attnum) ` +
      `FROM pg_catalog.unnest(${keys}) WITH ORDINALITY AS key(attnum, ord) ORDER BY key.ord)`,
  );

/**
 * Table constraints (not NOT NULL ones). Inherited copies (coninhcount > 0) belong to the parent, and
 * clones with a conparentid are created by Postgres itself (an FK that references a partitioned table
 * gets one per partition), so both are left out.
 */
export const constraintsSql = (serverVersion?: number): string => `
SELECT n.nspname AS schema, c.relname AS table, k.conname AS name, k.contype AS type,
       pg_catalog.pg_get_constraintdef(k.oid) AS definition,
       ${attnames('k.conkey', 'k.conrelid')} AS columns,
       fn.nspname AS ref_schema, fc.relname AS ref_table,
       ${attnames('k.confkey', 'k.confrelid')} AS ref_columns,
       k.confdeltype AS on_delete, k.confupdtype AS on_update, k.confmatchtype AS match,
       k.condeferrable AS deferrable, k.condeferred AS deferred, k.connoinherit AS no_inherit,
       ${nullsNotDistinct(serverVersion)} AS nulls_not_distinct
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = k.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = k.conindid AND k.contype = 'u'
WHERE n.nspname = ${IN_SCOPE} AND ${MODELLED_TABLE}
  AND k.contype IN ('p', 'f', 'u', 'c', 'x')
  AND k.coninhcount = 0 AND k.conparentid = 0
  AND NOT ${extensionMember('pg_class', 'c.oid')}`;

/**
 * Indexes that do not back a PK/UNIQUE/EXCLUDE constraint, with their elements as one JSON array per
 * index (one entry per indkey position). indclass/indoption/indcollation cover key columns only, so
 * subscripting them at an INCLUDE position yields NULL. A column's default collation is the column's;
 * an expression's is taken as its type's (Postgres compares with the expression's derived collation,
 * which SQL cannot reach).
 */
export const indexesSql = (serverVersion?: number): string => `
SELECT n.nspname AS schema, c.relname AS table, ic.relname AS name, i.indisunique AS unique,
       am.amname AS method, i.indnkeyatts AS key_count,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
       ${nullsNotDistinct(serverVersion)} AS nulls_not_distinct,
       (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                 'column', a.attname,
                 'expression', CASE WHEN i.indkey[p.pos - 1] = 0
                                    THEN pg_catalog.pg_get_indexdef(i.indexrelid, p.pos, true) END,
                 'opclass', opc.opcname, 'opclassSchema', opcn.nspname,
                 'collation', coll.collname, 'collationSchema', colln.nspname,
                 'option', i.indoption[p.pos - 1]) ORDER BY p.pos)
          FROM pg_catalog.generate_series(1, i.indnatts) AS p(pos)
          LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[p.pos - 1]
          LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = p.pos
          LEFT JOIN pg_catalog.pg_type it ON it.oid = ia.atttypid
          LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[p.pos - 1] AND NOT opc.opcdefault
          LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace
          LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = i.indcollation[p.pos - 1]
                AND coll.oid <> COALESCE(a.attcollation, it.typcollation)
          LEFT JOIN pg_catalog.pg_namespace colln ON colln.oid = coll.collnamespace
       ) AS elements
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE n.nspname = ${IN_SCOPE} AND ${MODELLED_TABLE}
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k
                  WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
  AND NOT ${extensionMember('pg_class', 'c.oid')}`;

export const ENUMS_SQL = `
SELECT n.nspname AS schema, t.typname AS name,
       ${jsonArray('ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)')}
         AS values,
       d.description AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
${description('d', 'pg_type', 't.oid')}
WHERE n.nspname = ${IN_SCOPE} AND t.typtype = 'e'
  AND NOT ${extensionMember('pg_type', 't.oid')}`;

/** Domains with their CHECK constraints (NOT NULL lives in typnotnull; v17+ also has it as contype 'n'). */
export const DOMAINS_SQL = `
SELECT n.nspname AS schema, t.typname AS name,
       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS data_type,
       bt.typcategory = 'A' AS is_array,
       t.typnotnull AS not_null, pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expr,
       co.collname AS collation, con.nspname AS collation_schema,
       (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                 'name', k.conname, 'definition', pg_catalog.pg_get_constraintdef(k.oid)) ORDER BY k.conname)
          FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c') AS checks,
       d.description AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation AND t.typcollation <> bt.typcollation
LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace
${description('d', 'pg_type', 't.oid')}
WHERE n.nspname = ${IN_SCOPE} AND t.typtype = 'd'
  AND NOT ${extensionMember('pg_type', 't.oid')}`;

/**
 * Sequences with the column that owns them: deptype 'a' is OWNED BY (serial), 'i' an identity column.
 * A sequence outside the scope is still read when a table in scope owns it, so its column is whole.
 * `regclass` is the name as a nextval() default prints it.
 */
export const SEQUENCES_SQL = `
SELECT n.nspname AS schema, c.relname AS name, c.oid::pg_catalog.regclass::text AS regclass,
       pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min,
       s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
       dep.deptype AS owner_dependency, tn.nspname AS owner_schema, tc.relname AS owner_table,
       ta.attname AS owner_column,
       d.description AS comment
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_depend dep
  ON dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.objid = c.oid
 AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.refobjsubid > 0
 AND dep.deptype IN ('a', 'i')
LEFT JOIN pg_catalog.pg_class tc ON tc.oid = dep.refobjid
LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = dep.refobjid AND ta.attnum = dep.refobjsubid
${description('d', 'pg_class', 'c.oid')}
WHERE (n.nspname = ${IN_SCOPE} OR tn.nspname = ${IN_SCOPE})
  AND NOT ${extensionMember('pg_class', 'c.oid')}`;

/** All installed extensions, whatever schema they live in (they are database-wide). */
/** Which of the schemas in scope exist, so a missing one is created rather than assumed. */
export const SCHEMAS_SQL = `
SELECT n.nspname AS name
FROM pg_catalog.pg_namespace n
WHERE n.nspname = ${IN_SCOPE}
ORDER BY 1`;

export const EXTENSIONS_SQL = `
SELECT e.extname AS name, n.nspname AS schema
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace`;

/**
 * Non-relation objects ormdiff reports but does not model. Functions internal to another object (the
 * constructors of a range type) go with it. Triggers cloned onto partitions
 * (tgparentid <> 0) are the parent trigger's business; `_RETURN` rules are how views work. Rules come
 * with what their actions read.
 */
export const UNMANAGED_SQL = `
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END AS kind,
       n.nspname AS schema, p.proname AS name, NULL::text AS table, NULL::pg_catalog.json AS depends_on
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ${IN_SCOPE} AND NOT ${extensionMember('pg_proc', 'p.oid')}
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend dep WHERE dep.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                  AND dep.objid = p.oid AND dep.deptype = 'i')
UNION ALL
SELECT 'trigger', n.nspname, tg.tgname, c.relname, NULL
FROM pg_catalog.pg_trigger tg
JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ${IN_SCOPE} AND NOT tg.tgisinternal AND tg.tgparentid = 0
  AND NOT ${extensionMember('pg_class', 'c.oid')}
UNION ALL
SELECT 'policy', n.nspname, pol.polname, c.relname, NULL
FROM pg_catalog.pg_policy pol
JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ${IN_SCOPE} AND NOT ${extensionMember('pg_class', 'c.oid')}
UNION ALL
SELECT 'rule', n.nspname, r.rulename, c.relname, ${readsOf('r.oid', 'c.oid')}
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ${IN_SCOPE} AND r.rulename <> '_RETURN' AND NOT ${extensionMember('pg_class', 'c.oid')}
UNION ALL
SELECT 'range type', n.nspname, t.typname, NULL, NULL
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ${IN_SCOPE} AND t.typtype = 'r' AND NOT ${extensionMember('pg_type', 't.oid')}`;

const cls = (catalog: string): string => `'pg_catalog.${catalog}'::pg_catalog.regclass`;

/**
 * What uses the objects a plan may drop: enums and domains (and their array types, through which a
 * column of type `x[]` uses `x`), sequences, ordinary tables (as a whole, by column, or by row type),
 * their indexes (a foreign key uses the primary key's or unique constraint's) and installed extensions
 * (through their members). Only normal dependencies ('n') count: those are
 * what make Postgres refuse a DROP without CASCADE; 'a'uto and 'i'nternal ones go along with the object.
 * A user that is a part of a relation (a column default, a constraint, an index, a rule, a trigger, a
 * policy) is named by its relation (and column); a domain's CHECK by its domain; an operator family's
 * entries are left out (they are the family's). `user_part` says which part of its relation a user is.
 * A table's own parts (but its triggers and policies, which stop dropping a column they use),
 * and the other members of the same extension, are not uses. Users anywhere in the database count,
 * whatever their schema: the drop fails all the same.
 */
export const USES_SQL = `
WITH used AS (
  SELECT 'type' AS kind, n.nspname AS schema, t.typname AS name, ${cls('pg_type')} AS classid, o.oid AS objid, 0::pg_catalog.oid AS ext,
         0::pg_catalog.oid AS own
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  CROSS JOIN LATERAL (VALUES (t.oid), (t.typarray)) AS o(oid)
  WHERE n.nspname = ${IN_SCOPE} AND t.typtype IN ('e', 'd') AND o.oid <> 0
    AND NOT ${extensionMember('pg_type', 't.oid')}
  UNION ALL
  SELECT CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END, n.nspname, c.relname, o.classid, o.oid, 0, c.oid
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  CROSS JOIN LATERAL (VALUES (${cls('pg_class')}, c.oid), (${cls('pg_type')}, c.reltype)) AS o(classid, oid)
  WHERE n.nspname = ${IN_SCOPE} AND (c.relkind = 'S' OR (${MODELLED_TABLE})) AND o.oid <> 0
    AND NOT ${extensionMember('pg_class', 'c.oid')}
  UNION ALL
  SELECT 'index', n.nspname, ic.relname, ${cls('pg_class')}, ic.oid, 0, c.oid
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ${IN_SCOPE} AND ${MODELLED_TABLE} AND NOT ${extensionMember('pg_class', 'c.oid')}
  UNION ALL
  SELECT 'extension', n.nspname, e.extname, o.classid, o.oid, e.oid, 0
  FROM pg_catalog.pg_extension e
  JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
  JOIN pg_catalog.pg_depend m ON m.refclassid = ${cls('pg_extension')} AND m.refobjid = e.oid AND m.deptype = 'e'
  LEFT JOIN pg_catalog.pg_type mt ON m.classid = ${cls('pg_type')} AND mt.oid = m.objid
  CROSS JOIN LATERAL (VALUES (m.classid, m.objid), (${cls('pg_type')}, COALESCE(mt.typarray, 0))) AS o(classid, oid)
  WHERE o.oid <> 0
),
-- Materialized: the outer query reads rel, attnum and domain many times over, each a subquery per row.
uses AS MATERIALIZED (
  SELECT u.*, d.classid AS user_class, d.objid AS user_oid, d.objsubid AS user_sub, d.refobjsubid AS ref_sub,
         CASE d.classid
           WHEN ${cls('pg_class')} THEN COALESCE((SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid = d.objid), d.objid)
           WHEN ${cls('pg_attrdef')} THEN (SELECT ad.adrelid FROM pg_catalog.pg_attrdef ad WHERE ad.oid = d.objid)
           WHEN ${cls('pg_constraint')} THEN (SELECT NULLIF(k.conrelid, 0) FROM pg_catalog.pg_constraint k WHERE k.oid = d.objid)
           WHEN ${cls('pg_rewrite')} THEN (SELECT r.ev_class FROM pg_catalog.pg_rewrite r WHERE r.oid = d.objid)
           WHEN ${cls('pg_trigger')} THEN (SELECT tg.tgrelid FROM pg_catalog.pg_trigger tg WHERE tg.oid = d.objid)
           WHEN ${cls('pg_policy')} THEN (SELECT pol.polrelid FROM pg_catalog.pg_policy pol WHERE pol.oid = d.objid)
         END AS rel,
         CASE d.classid
           WHEN ${cls('pg_class')} THEN d.objsubid
           WHEN ${cls('pg_attrdef')} THEN (SELECT ad.adnum FROM pg_catalog.pg_attrdef ad WHERE ad.oid = d.objid)
         END AS attnum,
         CASE d.classid
           WHEN ${cls('pg_constraint')} THEN (SELECT NULLIF(k.contypid, 0) FROM pg_catalog.pg_constraint k WHERE k.oid = d.objid)
           WHEN ${cls('pg_type')} THEN (SELECT dt.oid FROM pg_catalog.pg_type dt WHERE dt.oid = d.objid AND dt.typtype = 'd')
         END AS domain
  FROM used u
  JOIN pg_catalog.pg_depend d ON d.refclassid = u.classid AND d.refobjid = u.objid AND d.deptype = 'n'
  -- An operator family's entries are the family's business (an extension's own, for its types).
  WHERE d.classid NOT IN (${cls('pg_amop')}, ${cls('pg_amproc')})
    AND NOT (u.ext <> 0 AND EXISTS (SELECT FROM pg_catalog.pg_depend x WHERE x.classid = d.classid AND x.objid = d.objid
                                     AND x.refclassid = ${cls('pg_extension')} AND x.refobjid = u.ext AND x.deptype = 'e'))
)
SELECT DISTINCT s.kind, s.schema, s.name,
       CASE WHEN s.kind = 'table' AND s.ref_sub > 0 AND s.classid = ${cls('pg_class')}
            THEN (SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = s.objid AND a.attnum = s.ref_sub) END AS column,
       CASE WHEN s.rel IS NOT NULL THEN
              CASE WHEN rc.relispartition THEN 'partition'
                   ELSE CASE rc.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
                                        WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                                        WHEN 'c' THEN 'composite type' WHEN 'S' THEN 'sequence' ELSE 'relation' END END
            WHEN s.domain IS NOT NULL THEN 'domain'
            ELSE (pg_catalog.pg_identify_object(s.user_class, s.user_oid, 0)).type END AS user_kind,
       CASE WHEN s.rel IS NOT NULL THEN rn.nspname
            WHEN s.domain IS NOT NULL THEN dn.nspname
            ELSE (pg_catalog.pg_identify_object(s.user_class, s.user_oid, 0)).schema END AS user_schema,
       CASE WHEN s.rel IS NOT NULL THEN rc.relname
            WHEN s.domain IS NOT NULL THEN dt.typname
            ELSE COALESCE((pg_catalog.pg_identify_object(s.user_class, s.user_oid, 0)).name,
                          (pg_catalog.pg_identify_object(s.user_class, s.user_oid, 0)).identity) END AS user_name,
       ra.attname AS user_column,
       CASE s.user_class
         WHEN ${cls('pg_attrdef')} THEN 'default' WHEN ${cls('pg_constraint')} THEN 'constraint'
         WHEN ${cls('pg_rewrite')} THEN 'rule' WHEN ${cls('pg_trigger')} THEN 'trigger' WHEN ${cls('pg_policy')} THEN 'policy'
         WHEN ${cls('pg_class')} THEN CASE WHEN s.rel IS DISTINCT FROM s.user_oid THEN 'index' WHEN s.user_sub > 0 THEN 'column' END
       END AS user_part,
       pg_catalog.pg_describe_object(s.user_class, s.user_oid, s.user_sub) AS user_description
FROM uses s
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = s.rel
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
LEFT JOIN pg_catalog.pg_attribute ra ON ra.attrelid = s.rel AND ra.attnum = s.attnum AND s.attnum > 0
LEFT JOIN pg_catalog.pg_type dt ON dt.oid = s.domain
LEFT JOIN pg_catalog.pg_namespace dn ON dn.oid = dt.typnamespace
-- A table's own parts go with it, but its triggers and policies stop a drop of a column they use.
WHERE s.own = 0 OR s.rel IS DISTINCT FROM s.own OR s.user_class IN (${cls('pg_trigger')}, ${cls('pg_policy')})
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
