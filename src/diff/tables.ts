/** Tables: created, dropped, or compared column by column and constraint by constraint. */
import type { QualifiedName, Table } from '../schema/model';
import type { Change, ConstraintKind } from './changes';
import { diffColumn } from './columns';
import { byKey, columnKey, fromTo, nameKey, stableKey } from './keys';
import { matchByDefinition } from './match';
import { checkDefinition } from './objects';

const withoutName = <T extends { name: string }>({ name: _name, ...definition }: T): string => stableKey(definition);

/** Constraints of one kind: renames, then drops, then adds (the planner moves each to its phase). */
function diffNamed<T extends { name: string }>(
  from: T[],
  to: T[],
  definition: (item: T) => string,
  make: { drop: (item: T) => Change; add: (item: T) => Change; rename: (from: string, to: string) => Change },
): Change[] {
  const m = matchByDefinition(from, to, definition);
  return [
    ...m.renamed.map((r) => make.rename(r.from.name, r.to.name)),
    ...m.dropped.map(make.drop),
    ...m.added.map(make.add),
  ];
}

const renameConstraint =
  (table: QualifiedName, constraint: ConstraintKind) =>
  (from: string, to: string): Change => ({ kind: 'renameConstraint', table, constraint, from, to });

function diffConstraints(table: QualifiedName, old: Table, next: Table): Change[] {
  return [
    ...diffNamed(old.primaryKey ? [old.primaryKey] : [], next.primaryKey ? [next.primaryKey] : [], withoutName, {
      drop: (primaryKey) => ({ kind: 'dropPrimaryKey', table, primaryKey }),
      add: (primaryKey) => ({ kind: 'addPrimaryKey', table, primaryKey }),
      rename: renameConstraint(table, 'primaryKey'),
    }),
    ...diffNamed(old.foreignKeys, next.foreignKeys, withoutName, {
      drop: (foreignKey) => ({ kind: 'dropForeignKey', table, foreignKey }),
      add: (foreignKey) => ({ kind: 'addForeignKey', table, foreignKey }),
      rename: renameConstraint(table, 'foreignKey'),
    }),
    ...diffNamed(old.uniques, next.uniques, withoutName, {
      drop: (unique) => ({ kind: 'dropUnique', table, unique }),
      add: (unique) => ({ kind: 'addUnique', table, unique }),
      rename: renameConstraint(table, 'unique'),
    }),
    ...diffNamed(old.checks, next.checks, checkDefinition, {
      drop: (check) => ({ kind: 'dropCheck', table, check }),
      add: (check) => ({ kind: 'addCheck', table, check }),
      rename: renameConstraint(table, 'check'),
    }),
    ...diffNamed(old.exclusions, next.exclusions, withoutName, {
      drop: (exclusion) => ({ kind: 'dropExclusion', table, exclusion }),
      add: (exclusion) => ({ kind: 'addExclusion', table, exclusion }),
      rename: renameConstraint(table, 'exclusion'),
    }),
    ...diffNamed(old.indexes, next.indexes, withoutName, {
      drop: (index) => ({ kind: 'dropIndex', table, index }),
      add: (index) => ({ kind: 'createIndex', table, index }),
      rename: (from, to) => ({ kind: 'renameIndex', table, from, to }),
    }),
  ];
}

function diffTable(old: Table, next: Table, recreatedColumns: ReadonlySet<string>): Change[] {
  const table = { schema: next.schema, name: next.name };
  const oldColumns = byKey(old.columns, (c) => c.name);
  const nextColumns = byKey(next.columns, (c) => c.name);
  const changes: Change[] = old.columns
    .filter((c) => !nextColumns.has(c.name))
    .map((column) => ({ kind: 'dropColumn', table, column }));
  for (const column of next.columns) {
    const before = oldColumns.get(column.name);
    if (!before) changes.push({ kind: 'addColumn', table, column });
    else changes.push(...diffColumn(table, before, column, recreatedColumns.has(columnKey(table, column.name))));
  }
  changes.push(...diffConstraints(table, old, next));
  if (old.comment !== next.comment)
    changes.push({ kind: 'setTableComment', table, ...fromTo(old.comment, next.comment) });
  return changes;
}

export function diffTables(from: Table[], to: Table[], recreatedColumns: ReadonlySet<string>): Change[] {
  const before = byKey(from, nameKey);
  const after = byKey(to, nameKey);
  const changes: Change[] = [];
  for (const t of from) {
    if (after.has(nameKey(t))) continue;
    const table = { schema: t.schema, name: t.name };
    // Its foreign keys go first and separately, so tables referencing each other can be dropped (and recreated on the way down).
    for (const foreignKey of t.foreignKeys) changes.push({ kind: 'dropForeignKey', table, foreignKey });
    changes.push({ kind: 'dropTable', table: t });
  }
  for (const t of to) {
    const old = before.get(nameKey(t));
    if (old) {
      changes.push(...diffTable(old, t, recreatedColumns));
      continue;
    }
    const table = { schema: t.schema, name: t.name };
    changes.push({ kind: 'createTable', table: t });
    for (const foreignKey of t.foreignKeys) changes.push({ kind: 'addForeignKey', table, foreignKey });
  }
  return changes;
}
