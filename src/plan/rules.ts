/**
 * Every warning ormdiff can give: a stable code (the prefix is its group), a title, and the safer way
 * to do it. Codes are never renumbered or reused; docs/warnings.md documents each one, with an
 * example (a test keeps the two in step).
 */
export type WarningGroup = 'destructive' | 'data' | 'type' | 'rename' | 'lock';
export type Severity = 'info' | 'warning' | 'error';

export interface Rule {
  group: WarningGroup;
  title: string;
  /** The safer way, in a sentence or three. */
  help: string;
}

export const RULES = {
  DS101: {
    group: 'destructive',
    title: 'table dropped',
    help: 'Back the data up or move it first, and deploy code that no longer uses the table; to keep the table, leave it out of the managed set instead. If the table was renamed, say so: --rename table:old=new.',
  },
  DS102: {
    group: 'destructive',
    title: 'column dropped',
    help: 'Deploy code that no longer reads or writes the column first, and copy the values elsewhere if they are still needed. If the column was renamed, say so: --rename table.old=new.',
  },
  DS103: {
    group: 'destructive',
    title: 'enum value removed (type recreated)',
    help: 'Rows still holding a removed value make the conversion fail: map them to a value that stays with --enum-map type.old=new (or update them in an earlier migration); if the value was renamed, --rename enum:type.old=new keeps the rows. Every table using the type is rewritten under an ACCESS EXCLUSIVE lock.',
  },
  DS104: {
    group: 'destructive',
    title: 'schema dropped',
    help: 'The drop fails if objects ormdiff does not manage are left in it; remove the schema from the managed set to keep it.',
  },
  DS105: {
    group: 'destructive',
    title: 'views or rules ormdiff does not manage depend on the object',
    help: 'Postgres refuses to drop a table or column, or to change a column\'s type, while views, materialized views or rules use it (or, for a drop, a foreign key, default, function or policy outside the managed set), and ormdiff never drops those itself. In the same migration, drop them (hand-written, before the statement) and create them again afterwards, adjusted to the new shape; or keep the object. Renames need nothing: Postgres updates views and rules to the new names.',
  },
  DS106: {
    group: 'destructive',
    title: 'not dropped: objects outside the managed set use it',
    help: 'Postgres refuses to drop an enum, domain, sequence or extension while something uses it (a table left alone with synchronize: false or outside the include/exclude patterns, a partitioned table, a function, a domain, an object in another schema), and ormdiff never writes CASCADE, so the drop is left out. Nothing to do if the object should stay; to drop it, first change or drop what uses it (hand-written), then diff again.',
  },
  DD501: {
    group: 'data',
    title: 'NOT NULL set on a column holding NULLs',
    help: 'Give the column a default in the model (ormdiff then fills the NULL rows with it first), or backfill the NULLs in an earlier migration.',
  },
  DD502: {
    group: 'data',
    title: 'NOT NULL column added to a table with rows',
    help: 'Give the column a default, or add it nullable, backfill it, and make it NOT NULL in a later migration. Version columns and create/update date columns get a temporary default (1, now()) automatically.',
  },
  DD503: {
    group: 'data',
    title: 'unique key added over duplicate rows',
    help: 'Remove or merge the duplicates first (the count is of rows that share their key with another row), or make the key wider.',
  },
  DD504: {
    group: 'data',
    title: 'foreign key added over orphan rows',
    help: 'Delete the orphan rows, point them at existing rows, or set their columns to NULL first. With --online the key is added NOT VALID (new rows are checked at once) and validated separately, after the clean-up.',
  },
  DD505: {
    group: 'data',
    title: 'CHECK added that rows violate',
    help: 'Fix the violating rows first. With --online the constraint is added NOT VALID (new rows are checked at once) and validated separately, after the clean-up.',
  },
  TC201: {
    group: 'type',
    title: 'type change in place',
    help: 'Postgres only updates the catalog: existing values fit the new type and the table is not rewritten (indexes on a column whose collation changes are rebuilt).',
  },
  TC202: {
    group: 'type',
    title: 'type change rewrites the table',
    help: 'Every value survives, but the table and its indexes are rewritten under an ACCESS EXCLUSIVE lock, blocking reads and writes for as long as that takes. On a big table, add a column of the new type, backfill it in batches and swap (expand/contract) instead.',
  },
  TC203: {
    group: 'type',
    title: 'type change may fail or change values',
    help: 'Rows that do not convert make the migration fail, and converted values may be cut or rounded. Fix the rows first, or give the conversion yourself: --using table.column="expression" (the expression may use any column of the row). Converting rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, blocking reads and writes meanwhile: on a big table, add a column of the new type, backfill it in batches and swap (expand/contract) instead.',
  },
  TC204: {
    group: 'type',
    title: 'type change needs a hand-written conversion',
    help: 'No cast exists between the two types, so the migration holds an expand/contract template instead: a new column, a backfill UPDATE whose ormdiff_write_conversion(…) you replace with the conversion, the swap and the drop. Or give the conversion with --using table.column="expression". The swap (ALTER … TYPE … USING the new column) rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes while it runs.',
  },
  RN301: {
    group: 'rename',
    title: 'index or constraint renamed',
    help: 'Detected because the definition is unchanged; update code that refers to the old name (error handling, query hints).',
  },
  RN302: {
    group: 'rename',
    title: 'rename assumed',
    help: 'ormdiff assumed a rename because exactly one object disappeared and one that could hold the same data appeared, or because, of several candidates, one kept clearly more of the old definition (its rivals are named). A rename keeps the data; if it is not one, give the hint in the message (on the command line or in migrations/ormdiff.hints.json) to get DROP + ADD instead.',
  },
  RN303: {
    group: 'rename',
    title: 'rename from a hint',
    help: 'Renamed as a hint says; the data is kept. Update code and queries that use the old name in the same release.',
  },
  RN304: {
    group: 'rename',
    title: 'ambiguous rename left as drop + add',
    help: 'Several objects could have been renamed into several others, so ormdiff guessed nothing: the migration drops and adds. Say which is which with one of the hints listed (on the command line or in migrations/ormdiff.hints.json), or `=-` for a real drop.',
  },
  LK601: {
    group: 'lock',
    title: 'index built without CONCURRENTLY',
    help: 'CREATE INDEX blocks writes to the table until the index is built. With --online ormdiff builds it CONCURRENTLY (the migration then runs outside a transaction).',
  },
  LK602: {
    group: 'lock',
    title: 'foreign key added without NOT VALID',
    help: 'Adding a foreign key scans the table while blocking writes to it and to the referenced table. With --online ormdiff adds it NOT VALID and runs VALIDATE CONSTRAINT separately, which lets writes through.',
  },
  LK603: {
    group: 'lock',
    title: 'SET NOT NULL scans the table',
    help: 'SET NOT NULL scans every row under an ACCESS EXCLUSIVE lock. With --online ormdiff adds a CHECK (column IS NOT NULL) NOT VALID, validates it without blocking writes, then sets NOT NULL without a scan and drops the CHECK.',
  },
  LK604: {
    group: 'lock',
    title: 'CHECK added without NOT VALID',
    help: 'Adding a CHECK scans every row under an ACCESS EXCLUSIVE lock. With --online ormdiff adds it NOT VALID and validates it separately, which lets reads and writes through.',
  },
  LK605: {
    group: 'lock',
    title: 'column added with a volatile default',
    help: 'A volatile default (random(), gen_random_uuid(), a sequence) is computed for every existing row, rewriting the table under an ACCESS EXCLUSIVE lock. Add the column without a default, set the default, then backfill in batches.',
  },
  LK606: {
    group: 'lock',
    title: 'unique or primary key built while blocking writes',
    help: 'Adding a UNIQUE or PRIMARY KEY constraint builds its index while blocking writes. With --online ormdiff builds the index CONCURRENTLY and attaches it with ADD CONSTRAINT … USING INDEX.',
  },
  LK607: {
    group: 'lock',
    title: 'migration runs outside a transaction',
    help: 'CONCURRENTLY cannot run in a transaction, and a VALIDATE only spares the lock when it commits on its own, so this migration is marked transaction = false: if it fails halfway, the statements before the failure stay applied (an index built CONCURRENTLY may be left INVALID: drop it and run again). lock_timeout and statement_timeout are set so it never waits long for a lock.',
  },
  TX401: {
    group: 'lock',
    title: 'new enum value used in the transaction that adds it',
    help: 'Postgres rejects a value added by ALTER TYPE … ADD VALUE until its transaction commits: move the statements using it into a later migration, or run this one with transaction = false.',
  },
} as const satisfies Record<string, Rule>;

export type WarningCode = keyof typeof RULES;

export const WARNING_CODES = Object.keys(RULES) as WarningCode[];

export const isWarningCode = (code: string): code is WarningCode => code in RULES;
