/** Schemas, extensions, domains and free-standing sequences. */
import type { Check, Domain, Extension, Sequence } from '../schema/model';
import type { Change, SequenceOwner } from './changes';
import { byKey, fromTo, sameData, stableKey } from './keys';
import { qualifiedKey } from '../schema/model';
import { matchByDefinition } from './match';

export function diffSchemaNames(from: string[], to: string[]): Change[] {
  return [
    ...to.filter((s) => !from.includes(s)).map((schema): Change => ({ kind: 'createSchema', schema })),
    ...from.filter((s) => !to.includes(s)).map((schema): Change => ({ kind: 'dropSchema', schema })),
  ];
}

export function diffExtensions(from: Extension[], to: Extension[]): Change[] {
  const before = byKey(from, (e) => e.name);
  const after = byKey(to, (e) => e.name);
  const changes: Change[] = from
    .filter((e) => !after.has(e.name))
    .map((extension) => ({ kind: 'dropExtension', extension }));
  for (const e of to) {
    const old = before.get(e.name);
    if (!old) changes.push({ kind: 'createExtension', extension: e });
    else if (old.schema !== e.schema)
      changes.push({ kind: 'setExtensionSchema', name: e.name, from: old.schema, to: e.schema });
  }
  return changes;
}

export const checkDefinition = (c: Check): string =>
  stableKey({ expression: c.expression, noInherit: c.noInherit === true });

function diffDomain(old: Domain, next: Domain): Change[] {
  const domain = { schema: next.schema, name: next.name };
  const changes: Change[] = [];
  if (next.default !== old.default) {
    changes.push({ kind: 'alterDomainDefault', domain, ...fromTo(old.default, next.default) });
  }
  if (next.notNull !== old.notNull) changes.push({ kind: 'alterDomainNotNull', domain, notNull: next.notNull });
  const checks = matchByDefinition(old.checks, next.checks, checkDefinition);
  for (const check of checks.dropped) changes.push({ kind: 'dropDomainCheck', domain, check });
  for (const r of checks.renamed)
    changes.push({ kind: 'renameDomainConstraint', domain, from: r.from.name, to: r.to.name });
  for (const check of checks.added) changes.push({ kind: 'addDomainCheck', domain, check });
  if (next.comment !== old.comment)
    changes.push({ kind: 'setDomainComment', domain, ...fromTo(old.comment, next.comment) });
  return changes;
}

export function diffDomains(from: Domain[], to: Domain[]): Change[] {
  const before = byKey(from, qualifiedKey);
  const after = byKey(to, qualifiedKey);
  const changes: Change[] = from
    .filter((d) => !after.has(qualifiedKey(d)))
    .map((domain) => ({ kind: 'dropDomain', domain }));
  for (const d of to) {
    const old = before.get(qualifiedKey(d));
    if (!old) {
      changes.push({ kind: 'createDomain', domain: d });
    } else if (old.dataType !== d.dataType || old.arrayDims !== d.arrayDims || old.collation !== d.collation) {
      // ALTER DOMAIN cannot change the underlying type.
      changes.push({ kind: 'dropDomain', domain: old }, { kind: 'createDomain', domain: d });
    } else {
      changes.push(...diffDomain(old, d));
    }
  }
  return changes;
}

const sequenceOptionsKey = (s: Sequence): string =>
  stableKey([s.dataType, s.start, s.increment, s.min, s.max, s.cache, s.cycle]);

const sameOwner = (a?: SequenceOwner, b?: SequenceOwner): boolean => sameData(a ?? null, b ?? null);

const owner = (s: Sequence): SequenceOwner | undefined =>
  s.ownedBy && { table: s.ownedBy.table, column: s.ownedBy.column };

export function diffSequences(from: Sequence[], to: Sequence[]): Change[] {
  const before = byKey(from, qualifiedKey);
  const after = byKey(to, qualifiedKey);
  const changes: Change[] = [];
  for (const s of from) {
    if (after.has(qualifiedKey(s))) continue;
    const sequence = { schema: s.schema, name: s.name };
    // Disowned first, so that dropping its table does not take the sequence along before DROP SEQUENCE.
    if (s.ownedBy) changes.push({ kind: 'setSequenceOwner', sequence, from: owner(s) });
    changes.push({ kind: 'dropSequence', sequence: s });
  }
  for (const s of to) {
    const sequence = { schema: s.schema, name: s.name };
    const old = before.get(qualifiedKey(s));
    if (!old) {
      changes.push({ kind: 'createSequence', sequence: s });
      if (s.ownedBy) changes.push({ kind: 'setSequenceOwner', sequence, to: owner(s) });
      continue;
    }
    if (sequenceOptionsKey(old) !== sequenceOptionsKey(s)) changes.push({ kind: 'alterSequence', from: old, to: s });
    if (!sameOwner(old.ownedBy, s.ownedBy)) {
      // Through "no owner", so each step can be planned before a drop or after a create of its table.
      if (old.ownedBy) changes.push({ kind: 'setSequenceOwner', sequence, from: owner(old) });
      if (s.ownedBy) changes.push({ kind: 'setSequenceOwner', sequence, to: owner(s) });
    }
    if (old.comment !== s.comment)
      changes.push({ kind: 'setSequenceComment', sequence, ...fromTo(old.comment, s.comment) });
  }
  return changes;
}
