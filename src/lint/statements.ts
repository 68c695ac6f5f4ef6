/**
 * What the statements a migration ran say that the schema before and after cannot: which existing
 * tables and columns were dropped (and maybe made again under the same name, losing their rows),
 * which changes took their lock-light form (CONCURRENTLY, NOT VALID, USING INDEX), and which
 * objects were renamed (a rename keeps the data; a diff of the two schemas could only guess it).
 * Pure: reads the SQL text of recorded statements, as Postgres would, for these few forms only.
 */
import type { RenameHint } from '../diff/renames/hints';

export interface RecordedStatement {
  sql: string;
  /** 1-based line in the migration file of the call that ran it, when it could be told. */
  line?: number;
}

/** A name as the statement wrote it: schema absent when unqualified. */
export interface WrittenName {
  schema?: string;
  name: string;
}

export interface StatementFacts {
  droppedTables: Array<WrittenName & { statement: RecordedStatement }>;
  droppedColumns: Array<{ table: WrittenName; column: string; statement: RecordedStatement }>;
  /** Indexes built CONCURRENTLY. */
  concurrentIndexes: Set<string>;
  /** Constraints added NOT VALID, or attached USING INDEX: no long lock on the table's rows. */
  lockLightConstraints: Set<string>;
  /** Columns made NOT NULL through a CHECK (… IS NOT NULL) NOT VALID first, by table name and column. */
  notNullByCheck: Array<{ table: WrittenName; column: string }>;
  /** Columns added with a DEFAULT in the same statement (the rows already there take it), with its expression. */
  addedWithDefault: Array<{ table: WrittenName; column: string; expression: string }>;
  renames: RenameHint[];
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QNAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;

/** An identifier as Postgres reads it: quoted verbatim, unquoted folded to lower case. */
export function identifier(text: string): string {
  return text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toLowerCase();
}

function qualified(text: string): WrittenName {
  const parts = text.match(new RegExp(IDENT, 'g'))!.map(identifier);
  return parts.length === 2 ? { schema: parts[0], name: parts[1] } : { name: parts[0] };
}

/** The statement without comments, string literals and dollar-quoted bodies (their text is not SQL structure). */
function structure(sql: string): string {
  return sql
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ');
}

const re = (source: string, flags = 'i') => new RegExp(source, flags);

const DROP_TABLE = re(String.raw`^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(${QNAME}(?:\s*,\s*${QNAME})*)`);
const ALTER_TABLE = re(String.raw`^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QNAME})\s+([\s\S]*)$`);
/** Words that follow DROP in an ALTER TABLE action when it drops something other than a column. */
const NOT_A_COLUMN = new Set(['constraint', 'default', 'not', 'identity', 'expression']);
const LITERAL = String.raw`'((?:[^']|'')*)'`;
const RENAME_TYPE = re(String.raw`^\s*ALTER\s+TYPE\s+(${QNAME})\s+RENAME\s+TO\s+(${IDENT})\s*;?\s*$`);
const RENAME_VALUE = re(String.raw`^\s*ALTER\s+TYPE\s+(${QNAME})\s+RENAME\s+VALUE\s+${LITERAL}\s+TO\s+${LITERAL}\s*;?\s*$`);
const literal = (text: string) => text.replace(/''/g, "'");
const CREATE_INDEX = re(String.raw`^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})`);

/** The comma-separated actions of an ALTER TABLE, split outside parentheses. */
function actions(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((a) => a.trim()).filter((a) => a !== '');
}

function alterTable(table: WrittenName, action: string, statement: RecordedStatement, facts: StatementFacts): void {
  const drop = re(String.raw`^DROP\s+(COLUMN\s+)?(?:IF\s+EXISTS\s+)?(${IDENT})`).exec(action);
  if (drop && (drop[1] !== undefined || !NOT_A_COLUMN.has(drop[2].toLowerCase()))) {
    facts.droppedColumns.push({ table, column: identifier(drop[2]), statement });
    return;
  }
  const add = re(String.raw`^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s+([\s\S]*)$`).exec(action);
  if (add && !/^(CONSTRAINT|CHECK|UNIQUE|PRIMARY|FOREIGN|EXCLUDE)$/i.test(add[1])) {
    const value = /\bDEFAULT\s+([\s\S]+?)(?:\s+(?:NOT\s+NULL|NULL|CONSTRAINT|CHECK|UNIQUE|PRIMARY|REFERENCES|GENERATED|COLLATE)\b|$)/i.exec(add[2]);
    if (value) facts.addedWithDefault.push({ table, column: identifier(add[1]), expression: value[1].trim() });
    return;
  }
  const constraint = re(String.raw`^ADD\s+CONSTRAINT\s+(${IDENT})\s+([\s\S]*)$`).exec(action);
  if (constraint) {
    const body = constraint[2];
    const lockLight = /\bNOT\s+VALID\s*$/i.test(body) || /\bUSING\s+INDEX\b/i.test(body);
    if (lockLight) facts.lockLightConstraints.add(identifier(constraint[1]));
    const notNull = re(String.raw`^CHECK\s*\(\s*\(?\s*(${IDENT})\s+IS\s+NOT\s+NULL\s*\)?\s*\)\s*NOT\s+VALID\s*$`).exec(body);
    if (notNull) facts.notNullByCheck.push({ table, column: identifier(notNull[1]) });
    return;
  }
  const renameColumn = re(String.raw`^RENAME\s+(?:COLUMN\s+)?(${IDENT})\s+TO\s+(${IDENT})$`).exec(action);
  if (renameColumn && !/^CONSTRAINT$/i.test(renameColumn[1])) {
    facts.renames.push({ kind: 'column', table: table, from: identifier(renameColumn[1]), to: identifier(renameColumn[2]) });
    return;
  }
  const renameTable = re(String.raw`^RENAME\s+TO\s+(${IDENT})$`).exec(action);
  if (renameTable) facts.renames.push({ kind: 'table', table, to: identifier(renameTable[1]) });
}

export function statementFacts(statements: readonly RecordedStatement[]): StatementFacts {
  const facts: StatementFacts = {
    droppedTables: [],
    droppedColumns: [],
    concurrentIndexes: new Set(),
    lockLightConstraints: new Set(),
    notNullByCheck: [],
    addedWithDefault: [],
    renames: [],
  };
  for (const statement of statements) {
    // Read before the literals are blanked: the values are in them.
    const value = RENAME_VALUE.exec(statement.sql);
    if (value) {
      facts.renames.push({ kind: 'enumValue', type: qualified(value[1]), from: literal(value[2]), to: literal(value[3]) });
      continue;
    }
    const sql = structure(statement.sql);
    const type = RENAME_TYPE.exec(sql);
    if (type) {
      facts.renames.push({ kind: 'type', type: qualified(type[1]), to: identifier(type[2]) });
      continue;
    }
    const dropTable = DROP_TABLE.exec(sql);
    if (dropTable) {
      for (const name of dropTable[1].match(re(QNAME, 'g')) ?? []) facts.droppedTables.push({ ...qualified(name), statement });
      continue;
    }
    const index = CREATE_INDEX.exec(sql);
    if (index) {
      facts.concurrentIndexes.add(identifier(index[1]));
      continue;
    }
    const alter = ALTER_TABLE.exec(sql);
    if (alter) for (const action of actions(alter[2].replace(/;\s*$/, ''))) alterTable(qualified(alter[1]), action, statement, facts);
  }
  return facts;
}

/** Whether a statement names `name` as an identifier (quoted exactly, or unquoted in any case). */
export function mentions(sql: string, name: string): boolean {
  const quoted = `"${name.replace(/"/g, '""')}"`;
  if (sql.includes(quoted)) return true;
  return /^[a-z_][a-z0-9_$]*$/.test(name) && re(String.raw`(?<![A-Za-z0-9_$"])${name}(?![A-Za-z0-9_$"])`).test(sql);
}
