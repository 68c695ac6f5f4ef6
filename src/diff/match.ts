/**
 * Pairs up named objects of one kind (indexes, constraints) across two sides: by definition first,
 * then by name, so an object whose definition survives under another name is a rename, never a
 * drop and a create, and a name whose definition changed is a drop and a create.
 */
export interface Matched<T> {
  renamed: Array<{ from: T; to: T }>;
  dropped: T[];
  added: T[];
}

export function matchByDefinition<T extends { name: string }>(
  from: T[],
  to: T[],
  definition: (item: T) => string,
): Matched<T> {
  const unmatchedFrom = new Set(from);
  const unmatchedTo: T[] = [];
  for (const t of to) {
    const same = from.find((f) => unmatchedFrom.has(f) && f.name === t.name && definition(f) === definition(t));
    if (same) unmatchedFrom.delete(same);
    else unmatchedTo.push(t);
  }
  const renamed: Matched<T>['renamed'] = [];
  const added: T[] = [];
  for (const t of unmatchedTo) {
    const def = definition(t);
    const source = from.find((f) => unmatchedFrom.has(f) && definition(f) === def);
    if (source) {
      unmatchedFrom.delete(source);
      renamed.push({ from: source, to: t });
    } else {
      added.push(t);
    }
  }
  return { renamed, dropped: from.filter((f) => unmatchedFrom.has(f)), added };
}
