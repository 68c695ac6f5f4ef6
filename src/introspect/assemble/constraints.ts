/** Table constraints from pg_constraint rows: primary key, foreign keys, uniques, checks, exclusions. */
import type { Check, Exclusion, ForeignKey, PrimaryKey, ReferentialAction, UniqueConstraint } from '../../schema/model';
import type { ConstraintRow } from '../rows';
import { byName, checkExpression } from './common';

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

const MATCHES: Record<string, ForeignKey['match']> = { s: 'SIMPLE', f: 'FULL', p: 'PARTIAL' };

function lookup<T>(table: Record<string, T>, code: string, what: string, row: ConstraintRow): T {
  const value = table[code];
  if (value === undefined)
    throw new Error(`unknown ${what} '${code}' on constraint ${row.schema}.${row.table}.${row.name}`);
  return value;
}

export function deferrability(row: { deferrable: boolean; deferred: boolean }): ForeignKey['deferrable'] {
  if (!row.deferrable) return 'NOT DEFERRABLE';
  return row.deferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE';
}

export function toForeignKey(row: ConstraintRow): ForeignKey {
  if (row.ref_schema === null || row.ref_table === null) {
    throw new Error(`foreign key ${row.schema}.${row.table}.${row.name} has no referenced table`);
  }
  return {
    name: row.name,
    columns: row.columns,
    references: { schema: row.ref_schema, name: row.ref_table, columns: row.ref_columns },
    onDelete: lookup(ACTIONS, row.on_delete, 'ON DELETE action', row),
    onUpdate: lookup(ACTIONS, row.on_update, 'ON UPDATE action', row),
    deferrable: deferrability(row),
    match: lookup(MATCHES, row.match, 'MATCH type', row),
  };
}

export function toCheck(row: { name: string; definition: string; no_inherit?: boolean }): Check {
  const check: Check = { name: row.name, expression: checkExpression(row.definition) };
  if (row.no_inherit) check.noInherit = true;
  return check;
}

export function toExclusion(row: ConstraintRow): Exclusion {
  const prefix = 'EXCLUDE ';
  return {
    name: row.name,
    definition: row.definition.startsWith(prefix) ? row.definition.slice(prefix.length) : row.definition,
  };
}

export interface TableConstraints {
  primaryKey?: PrimaryKey;
  foreignKeys: ForeignKey[];
  uniques: UniqueConstraint[];
  checks: Check[];
  exclusions: Exclusion[];
}

/** The constraints of one table (rows all of that table), each kind sorted by name. */
export function toTableConstraints(rows: ConstraintRow[]): TableConstraints {
  const result: TableConstraints = { foreignKeys: [], uniques: [], checks: [], exclusions: [] };
  for (const row of rows) {
    switch (row.type) {
      case 'p':
        result.primaryKey = { name: row.name, columns: row.columns };
        break;
      case 'f':
        result.foreignKeys.push(toForeignKey(row));
        break;
      case 'u':
        result.uniques.push({
          name: row.name,
          columns: row.columns,
          nullsNotDistinct: row.nulls_not_distinct === true,
          deferrable: deferrability(row),
        });
        break;
      case 'c':
        result.checks.push(toCheck(row));
        break;
      case 'x':
        result.exclusions.push(toExclusion(row));
        break;
      default:
        throw new Error(`unexpected constraint type '${row.type}' on ${row.schema}.${row.table}.${row.name}`);
    }
  }
  result.foreignKeys.sort(byName);
  result.uniques.sort(byName);
  result.checks.sort(byName);
  result.exclusions.sort(byName);
  return result;
}
