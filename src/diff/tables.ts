/** Tables: created, dropped, or compared column by column and constraint by constraint. */
import type { ForeignKey, Index, PrimaryKey, QualifiedName, Table, UniqueConstraint } from '../schema/model';
import type { Change, ConstraintKind } from './changes';
import { diffColumn } from './columns';
import { byKey, columnKey, definitionKey, fromTo, sameNames, stableKey } from './keys';
import { qualifiedKey } from '../schema/model';
import { inStep, matchByDefinition } from './match';
import { checkDefinition } from './objects';
import type { ComparePolicy, NamedKind, OrderedKind } from './policy';

const withoutName = <T extends { name: string }>(item: T): string => definitionKey(item);

const sortedBy = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * The definition of each kind as the policy sees it: where column order does not count, the columns
 * (a foreign key's column pairs, an index's elements) are compared as a set.
 */
function definitions(policy: ComparePolicy) {
  const unordered = (kind: OrderedKind) => policy.columnOrder[kind] === 'ignore';
  return {
    primaryKey: (pk: PrimaryKey) => withoutName(unordered('primaryKey') ? { ...pk, columns: sortedBy(pk.columns, String) } : pk),
    foreignKey: (fk: ForeignKey) => {
      if (!unordered('foreignKey')) return withoutName(fk);
      const pairs = sortedBy(
        fk.columns.map((c, i) => [c, fk.references.columns[i]]),
        (p) => JSON.stringify(p),
      );
      return withoutName({ ...fk, columns: pairs.map((p) => p[0]), references: { ...fk.references, columns: pairs.map((p) => p[1]) } });
    },
    unique: (u: UniqueConstraint) => withoutName(unordered('unique') ? { ...u, columns: sortedBy(u.columns, String) } : u),
    index: (i: Index) => withoutName(unordered('index') ? { ...i, elements: sortedBy(i.elements, stableKey) } : i),
  };
}

/**
 * Constraints of one kind: renames, then drops, then adds (the planner moves each to its phase).
 * Where the policy says names do not matter, an object found under another name is left as it is,
 * unless another object of the desired model needs that name (`taken`): a table renamed since keeps
 * its old key name, which TypeORM gives the new table of the old name.
 */
function diffNamed<T extends { name: string }>(
  from: T[],
  to: T[],
  definition: (item: T) => string,
  names: ComparePolicy['names'][NamedKind],
  taken: (name: string) => boolean,
  make: { drop: (item: T) => Change; add: (item: T) => Change; rename: (from: string, to: string) => Change },
): Change[] {
  const m = matchByDefinition(from, to, definition);
  return [
    ...m.renamed.filter((r) => names === 'compare' || taken(r.from.name)).map((r) => make.rename(r.from.name, r.to.name)),
    ...m.dropped.map(make.drop),
    ...m.added.map(make.add),
  ];
}

/** TypeORM's `isUnique` column property: a UNIQUE on exactly one column (the policy's `columnUnique`). */
const isColumnUnique = (u: UniqueConstraint): boolean => u.columns.length === 1;

const renameConstraint =
  (table: QualifiedName, constraint: ConstraintKind) =>
  (from: string, to: string): Change => ({ kind: 'renameConstraint', table, constraint, from, to });

/**
 * The names the desired model gives to relations (tables, and the indexes behind keys, uniques,
 * exclusions and indexes) per schema: one namespace in Postgres. Only a rename the policy would
 * leave alone asks, so the set is made on the first question.
 */
function relationNames(tables: readonly Table[]): (relation: QualifiedName) => boolean {
  let names: Set<string> | undefined;
  const all = (): Set<string> => {
    names = new Set<string>();
    for (const t of tables) {
      const add = (name: string) => names!.add(qualifiedKey({ schema: t.schema, name }));
      add(t.name);
      if (t.primaryKey) add(t.primaryKey.name);
      [...t.uniques, ...t.exclusions, ...t.indexes].forEach((o) => add(o.name));
    }
    return names;
  };
  return (relation) => (names ?? all()).has(qualifiedKey(relation));
}

/** The names the table's own constraints take in the desired model (one namespace per table). */
const constraintNames = (t: Table): string[] => [
  ...(t.primaryKey ? [t.primaryKey.name] : []),
  ...[...t.foreignKeys, ...t.uniques, ...t.checks, ...t.exclusions].map((c) => c.name),
];

type Definitions = ReturnType<typeof definitions>;

function diffConstraints(
  table: QualifiedName,
  old: Table,
  next: Table,
  policy: ComparePolicy,
  definition: Definitions,
  isRelation: (r: QualifiedName) => boolean,
): Change[] {
  const { names } = policy;
  const list = <T>(item: T | undefined): T[] => (item ? [item] : []);
  if (
    inStep(list(old.primaryKey), list(next.primaryKey)) &&
    inStep(old.foreignKeys, next.foreignKeys) &&
    inStep(old.uniques, next.uniques) &&
    inStep(old.checks, next.checks) &&
    inStep(old.exclusions, next.exclusions) &&
    inStep(old.indexes, next.indexes)
  ) {
    return [];
  }
  let ownNames: Set<string> | undefined;
  const taken = (name: string): boolean =>
    (ownNames ??= new Set(constraintNames(next))).has(name) || isRelation({ schema: table.schema, name });
  return [
    ...diffNamed(old.primaryKey ? [old.primaryKey] : [], next.primaryKey ? [next.primaryKey] : [], definition.primaryKey, names.primaryKey, taken, {
      drop: (primaryKey) => ({ kind: 'dropPrimaryKey', table, primaryKey }),
      add: (primaryKey) => ({ kind: 'addPrimaryKey', table, primaryKey }),
      rename: renameConstraint(table, 'primaryKey'),
    }),
    ...diffNamed(old.foreignKeys, next.foreignKeys, definition.foreignKey, names.foreignKey, taken, {
      drop: (foreignKey) => ({ kind: 'dropForeignKey', table, foreignKey }),
      add: (foreignKey) => ({ kind: 'addForeignKey', table, foreignKey }),
      rename: renameConstraint(table, 'foreignKey'),
    }),
    // A one-column unique never matches a composite one (their columns differ), so each group is diffed apart.
    ...[true, false].flatMap((single) =>
      diffNamed(
        old.uniques.filter((u) => isColumnUnique(u) === single),
        next.uniques.filter((u) => isColumnUnique(u) === single),
        definition.unique,
        single ? names.columnUnique : names.unique,
        taken,
        {
          drop: (unique) => ({ kind: 'dropUnique', table, unique }),
          add: (unique) => ({ kind: 'addUnique', table, unique }),
          rename: renameConstraint(table, 'unique'),
        },
      ),
    ),
    ...diffNamed(old.checks, next.checks, checkDefinition, names.check, taken, {
      drop: (check) => ({ kind: 'dropCheck', table, check }),
      add: (check) => ({ kind: 'addCheck', table, check }),
      rename: renameConstraint(table, 'check'),
    }),
    ...diffNamed(old.exclusions, next.exclusions, withoutName, names.exclusion, taken, {
      drop: (exclusion) => ({ kind: 'dropExclusion', table, exclusion }),
      add: (exclusion) => ({ kind: 'addExclusion', table, exclusion }),
      rename: renameConstraint(table, 'exclusion'),
    }),
    ...diffNamed(old.indexes, next.indexes, definition.index, names.index, taken, {
      drop: (index) => ({ kind: 'dropIndex', table, index }),
      add: (index) => ({ kind: 'createIndex', table, index }),
      rename: (from, to) => ({ kind: 'renameIndex', table, from, to }),
    }),
  ];
}

function diffTable(
  old: Table,
  next: Table,
  recreatedColumns: ReadonlySet<string>,
  policy: ComparePolicy,
  definition: Definitions,
  isRelation: (r: QualifiedName) => boolean,
): Change[] {
  const table = { schema: next.schema, name: next.name };
  const moved = (column: string): boolean => recreatedColumns.size > 0 && recreatedColumns.has(columnKey(table, column));
  const changes: Change[] = [];
  if (sameNames(old.columns, next.columns)) {
    // The usual case, the same columns in the same order: paired by position, no maps.
    next.columns.forEach((column, i) => changes.push(...diffColumn(table, old.columns[i], column, moved(column.name))));
  } else {
    const oldColumns = byKey(old.columns, (c) => c.name);
    const nextColumns = byKey(next.columns, (c) => c.name);
    for (const column of old.columns) if (!nextColumns.has(column.name)) changes.push({ kind: 'dropColumn', table, column });
    for (const column of next.columns) {
      const before = oldColumns.get(column.name);
      if (!before) changes.push({ kind: 'addColumn', table, column });
      else changes.push(...diffColumn(table, before, column, moved(column.name)));
    }
  }
  changes.push(...diffConstraints(table, old, next, policy, definition, isRelation));
  if (old.comment !== next.comment)
    changes.push({ kind: 'setTableComment', table, ...fromTo(old.comment, next.comment) });
  return changes;
}

export function diffTables(from: Table[], to: Table[], recreatedColumns: ReadonlySet<string>, policy: ComparePolicy): Change[] {
  const before = byKey(from, qualifiedKey);
  const after = new Set(to.map(qualifiedKey));
  const isRelation = relationNames(to);
  const definition = definitions(policy);
  const changes: Change[] = [];
  for (const t of from) {
    if (after.has(qualifiedKey(t))) continue;
    const table = { schema: t.schema, name: t.name };
    // Its foreign keys go first and separately, so tables referencing each other can be dropped (and recreated on the way down).
    for (const foreignKey of t.foreignKeys) changes.push({ kind: 'dropForeignKey', table, foreignKey });
    changes.push({ kind: 'dropTable', table: t });
  }
  for (const t of to) {
    const old = before.get(qualifiedKey(t));
    if (old) {
      changes.push(...diffTable(old, t, recreatedColumns, policy, definition, isRelation));
      continue;
    }
    const table = { schema: t.schema, name: t.name };
    changes.push({ kind: 'createTable', table: t });
    for (const foreignKey of t.foreignKeys) changes.push({ kind: 'addForeignKey', table, foreignKey });
  }
  return changes;
}
