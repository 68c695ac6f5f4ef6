/**
 * Which catalog objects a DDL statement touches, read from its text: enough to tell whether TypeORM's
 * generator and ormdiff speak about the same thing in different words (TypeORM drops and re-adds a
 * column where ormdiff alters its type; drops and creates an index where ormdiff renames it).
 * Both spell identifiers double-quoted; ormdiff qualifies tables with their schema, TypeORM with
 * "public" only sometimes, so the default schema is dropped before reading.
 */

const NAME = '"((?:[^"]|"")+)"';

const unquote = (name: string): string => name.replace(/""/g, '"');

/** `"a", "b"` → the names, sorted (a key's column order is a separate question: issue 8 item 8). */
const columnList = (list: string): string =>
  [...list.matchAll(new RegExp(NAME, 'g'))]
    .map((m) => unquote(m[1]))
    .sort()
    .join(',');

export function objectsOf(statement: string): Set<string> {
  const sql = statement.replace(/"public"\./g, '');
  const out = new Set<string>();
  const table = new RegExp(`^(?:(?:ALTER|CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?|UPDATE )${NAME}`).exec(sql)?.[1];
  if (table !== undefined && /^(CREATE|DROP) TABLE/.test(sql)) out.add(`table ${unquote(table)}`);
  // Constraints, indexes and types by name, wherever they are named.
  for (const m of sql.matchAll(new RegExp(`\\b(?:CONSTRAINT|INDEX(?: IF (?:NOT )?EXISTS)?(?: CONCURRENTLY)?|TYPE|TO) ${NAME}`, 'g'))) {
    out.add(`name ${unquote(m[1])}`);
  }
  if (table !== undefined) {
    const t = unquote(table);
    // Columns: TypeORM's `ADD "c"`, ormdiff's `ADD COLUMN "c"`, ALTER/DROP COLUMN, and the backfill
    // (`UPDATE "t" SET "c" = …`) ormdiff puts before a SET NOT NULL.
    for (const m of sql.matchAll(new RegExp(`\\b(?:ADD(?: COLUMN)?|ALTER COLUMN|DROP COLUMN(?: IF EXISTS)?|SET) ${NAME}`, 'g'))) {
      out.add(`column ${t}.${unquote(m[1])}`);
    }
    // A key by what it constrains, whatever its name.
    const key = new RegExp(`\\b(PRIMARY KEY|UNIQUE|FOREIGN KEY) \\(([^)]*)\\)`).exec(sql);
    if (key) out.add(`${key[1]} ${t}(${columnList(key[2])})`);
  }
  return out;
}

/** The statements of `ours` that touch nothing any statement of `theirs` touches. */
export function beyond(ours: readonly string[], theirs: readonly string[]): string[] {
  const touched = new Set(theirs.flatMap((s) => [...objectsOf(s)]));
  return ours.filter((s) => ![...objectsOf(s)].some((o) => touched.has(o)));
}

/**
 * The table a statement creates, alters, drops, updates or indexes; for `DROP INDEX` and `ALTER INDEX`,
 * which do not name it, the table `indexTables` (index name → table, from the catalog) says.
 */
export function tableOf(statement: string, indexTables: ReadonlyMap<string, string> = new Map()): string | undefined {
  const sql = statement.replace(/"public"\./g, '');
  const table = new RegExp(`^(?:(?:ALTER|CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?|UPDATE |CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?${NAME} ON (?:ONLY )?)${NAME}`).exec(sql);
  if (table) return unquote(table[2]);
  const index = new RegExp(`^(?:DROP|ALTER) INDEX (?:CONCURRENTLY )?(?:IF EXISTS )?${NAME}`).exec(sql);
  return index ? indexTables.get(unquote(index[1])) : undefined;
}
