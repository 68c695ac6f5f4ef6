/**
 * Orders renames so that none targets a name another rename has yet to free (a chain runs from its
 * far end; a swap goes through a temporary name). Names freed by drops need nothing here: the planner
 * runs drops before renames.
 */
import type { ChangeOf } from '../changes';

export type DefinitionRename = ChangeOf<'renameIndex'> | ChangeOf<'renameConstraint'> | ChangeOf<'renameDomainConstraint'>;

/** The namespace a name lives in: index-backed names share pg_class per schema, others are per table/domain. */
function holder(rename: DefinitionRename, name: string): string {
  switch (rename.kind) {
    case 'renameIndex':
      return JSON.stringify(['relation', rename.table.schema, name]);
    case 'renameConstraint':
      return rename.constraint === 'check' || rename.constraint === 'foreignKey'
        ? JSON.stringify(['constraint', rename.table.schema, rename.table.name, name])
        : JSON.stringify(['relation', rename.table.schema, name]);
    case 'renameDomainConstraint':
      return JSON.stringify(['domain', rename.domain.schema, rename.domain.name, name]);
  }
}

export function orderRenames(renames: DefinitionRename[]): DefinitionRename[] {
  const pending = [...renames];
  const ordered: DefinitionRename[] = [];
  let temporaries = 0;
  while (pending.length > 0) {
    const blocked = (r: DefinitionRename) => pending.some((o) => o !== r && holder(o, o.from) === holder(r, r.to));
    const ready = pending.findIndex((r) => !blocked(r));
    if (ready >= 0) {
      ordered.push(...pending.splice(ready, 1));
      continue;
    }
    // Every pending rename waits on another: a cycle. Park one under a temporary name to break it.
    const [first] = pending.splice(0, 1);
    const temporary = `ormdiff_tmp_${++temporaries}`;
    ordered.push({ ...first, to: temporary });
    pending.unshift({ ...first, from: temporary });
  }
  return ordered;
}
