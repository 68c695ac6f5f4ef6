/**
 * The comparison step: from the current model (`from`, the database) to the desired one (`to`),
 * the list of changes that turns one into the other. Pure; the planner orders the result.
 */
import type { Schema } from '../schema/model';
import type { Change } from './changes';
import { diffEnums } from './enums';
import { diffDomains, diffExtensions, diffSchemaNames, diffSequences } from './objects';
import { type ComparePolicy, STRICT_POLICY } from './policy';
import { orderRenames, type DefinitionRename } from './renames/order';
import { diffTables } from './tables';

/** Objects outside the compared schemas are neither read nor touched; `unmanaged` never is. */
function inScope(schema: Schema, scope: ReadonlySet<string>): Schema {
  const keep = <T extends { schema: string }>(items: T[]) => items.filter((i) => scope.has(i.schema));
  return {
    ...schema,
    extensions: keep(schema.extensions),
    enums: keep(schema.enums),
    domains: keep(schema.domains),
    sequences: keep(schema.sequences),
    tables: keep(schema.tables),
  };
}

const isDefinitionRename = (c: Change): c is DefinitionRename =>
  c.kind === 'renameIndex' || c.kind === 'renameConstraint' || c.kind === 'renameDomainConstraint';

/** Everything counts unless a policy says otherwise (the entity comparisons pass TypeORM's, src/diff/policy.ts). */
export function diffSchemas(from: Schema, to: Schema, policy: ComparePolicy = STRICT_POLICY): Change[] {
  const scope = new Set([...from.schemas, ...to.schemas]);
  const before = inScope(from, scope);
  const after = inScope(to, scope);
  const enums = diffEnums(before, after);
  const changes = [
    ...diffSchemaNames(from.schemas, to.schemas),
    ...diffExtensions(before.extensions, after.extensions),
    ...enums.changes,
    ...diffDomains(before.domains, after.domains),
    ...diffSequences(before.sequences, after.sequences),
    ...diffTables(before.tables, after.tables, enums.recreatedColumns, policy),
  ];
  // Renames keep their relative order through planning, so chains and swaps are settled here.
  const renames = orderRenames(changes.filter(isDefinitionRename));
  return [...changes.filter((c) => !isDefinitionRename(c)), ...renames];
}
