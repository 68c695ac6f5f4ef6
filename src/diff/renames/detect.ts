/**
 * Rename detection, a pure pass before the diff. An object that disappears and one that appears
 * where a rename would put it (same schema, same table, same enum) and that could hold the same data
 * is a candidate pair. A pair whose two ends have no other candidate is taken as a rename (and
 * reported as an assumption). Where candidates compete, each pair is scored by how much of the
 * definition survives (a column: exact type, length/precision, nullability, default; a table or an
 * enum: shared columns or values), with name similarity and position as lesser signs; a pair that
 * beats every rival at both its ends by a clear margin is taken (reported as an assumption, naming
 * the rivals), and what is left of the group is an ambiguity, left as drop + add and reported with
 * the hints that settle it. Hints always win over the detector.
 *
 * Stages run in dependency order, each on the model the previous ones renamed: enum types (so
 * columns of a renamed enum compare equal), enum values, tables, then columns of matched tables.
 */
import type { Column, EnumType, QualifiedName, Schema, Table } from '../../schema/model';
import type { RenameOrigin } from '../changes';
import { type RenameHint, refMatches, refOf } from './hints';
import { byKey, sameData, sameNames } from '../keys';
import { qualifiedKey } from '../../schema/model';
import { applyColumnRename, applyEnumValueRename, applyTableRename, applyTypeRename } from './apply';
import { keepsValues } from '../typechange';

export type RenameSubject =
  | { kind: 'type'; schema: string }
  | { kind: 'enumValue'; type: QualifiedName }
  | { kind: 'table'; schema: string }
  | { kind: 'column'; table: QualifiedName };

/** A decided rename: a user's hint (RenameHint) taken, or the detector's assumption. */
export interface Rename {
  subject: RenameSubject;
  from: string;
  to: string;
  origin: RenameOrigin;
  /**
   * For an assumed rename chosen over other candidates: the other targets of `from` by name, and the
   * other names that could have become `to` as `other→to`.
   */
  rivals?: string[];
}

/**
 * Which old name a new name stands for: the one lookup every stage and hint uses to find an enum type
 * or a table by the name it had before the renames (unchanged when it was not renamed).
 */
export function nameBefore(renames: readonly Rename[], kind: 'type' | 'table', object: QualifiedName): QualifiedName {
  const r = renames.find((x) => x.subject.kind === kind && x.subject.schema === object.schema && x.to === object.name);
  return r ? { schema: object.schema, name: r.from } : object;
}

/** A dropped name and an added one the detector could take for a rename of it. */
export interface RenameCandidate {
  from: string;
  to: string;
}

export interface RenameAmbiguity {
  subject: RenameSubject;
  /** Every candidate pair in one connected group, e.g. a→c, a→d, b→c. */
  pairs: RenameCandidate[];
}

export interface RenameDecision {
  renames: Rename[];
  ambiguities: RenameAmbiguity[];
  /** Hints that matched nothing in this diff (already applied, or mistyped). */
  unusedHints: RenameHint[];
}

export interface ResolvedRenames {
  decision: RenameDecision;
  /** `from` with every rename applied: what the diff compares with the desired model. */
  renamed: Schema;
}

/** What the hints say about one object: renamed to a name, or (`null`) not renamed. */
type HintTarget = { to: string | null; hint: RenameHint };

interface Stage {
  subject: RenameSubject;
  dropped: string[];
  added: string[];
  compatible: (from: string, to: string) => boolean;
  /** How alike a compatible pair is (higher is likelier a rename); absent: all candidates alike. */
  score?: (from: string, to: string) => number;
  /** What the user's hint says a dropped name became, if a hint names it. */
  hintOf: (from: string) => HintTarget | undefined;
}

interface StageResult {
  renames: Rename[];
  ambiguities: RenameAmbiguity[];
}

function components(pairs: RenameCandidate[]): RenameCandidate[][] {
  const groups: RenameCandidate[][] = [];
  const pending = [...pairs];
  while (pending.length > 0) {
    const group = [pending.shift()!];
    for (let grew = true; grew; ) {
      grew = false;
      for (let i = pending.length - 1; i >= 0; i--) {
        if (group.some((g) => g.from === pending[i].from || g.to === pending[i].to)) {
          group.push(...pending.splice(i, 1));
          grew = true;
        }
      }
    }
    groups.push(group);
  }
  return groups;
}

function runStage(stage: Stage, detect: boolean, used: Set<RenameHint>): StageResult {
  const renames: Rename[] = [];
  const added = new Set(stage.added);
  const open: string[] = [];
  for (const from of stage.dropped) {
    const target = stage.hintOf(from);
    if (target === undefined) {
      open.push(from);
      continue;
    }
    if (target.to === null) {
      used.add(target.hint);
    } else if (added.has(target.to)) {
      used.add(target.hint);
      added.delete(target.to);
      renames.push({ subject: stage.subject, from, to: target.to, origin: 'hint' });
    } else {
      open.push(from);
    }
  }
  if (!detect) return { renames, ambiguities: [] };
  const pairs = open.flatMap((from) => [...added].filter((to) => stage.compatible(from, to)).map((to) => ({ from, to })));
  const { taken, left } = clearWinners(pairs, stage.score ?? (() => 0));
  for (const { pair, rivals } of taken) renames.push({ subject: stage.subject, ...pair, origin: 'assumed', ...(rivals.length > 0 ? { rivals } : {}) });
  const ambiguities: RenameAmbiguity[] = [];
  for (const group of components(left)) {
    if (group.length === 1) renames.push({ subject: stage.subject, ...group[0], origin: 'assumed' });
    else ambiguities.push({ subject: stage.subject, pairs: group });
  }
  return { renames, ambiguities };
}

/**
 * How far ahead a candidate must be to be taken over its rivals: more than position or a faint name
 * likeness alone can give, so two candidates that match the old definition equally stay ambiguous.
 */
export const CLEAR_MARGIN = 1;

/**
 * Pairs that beat every other pair sharing their `from` or their `to` by CLEAR_MARGIN, taken one at a
 * time from the best, each taking its two ends out of the contest (which can make another pair
 * clear). The rest are left for the ambiguity groups.
 */
function clearWinners(pairs: RenameCandidate[], score: (from: string, to: string) => number) {
  const scored = pairs.map((pair) => ({ pair, score: score(pair.from, pair.to) })).sort((a, b) => b.score - a.score);
  const taken: Array<{ pair: RenameCandidate; rivals: string[] }> = [];
  let open = scored;
  for (let progress = true; progress; ) {
    progress = false;
    for (const candidate of open) {
      const rivals = open.filter((o) => o !== candidate && (o.pair.from === candidate.pair.from || o.pair.to === candidate.pair.to));
      if (rivals.length === 0 || rivals.some((r) => candidate.score - r.score < CLEAR_MARGIN)) continue;
      const { from, to } = candidate.pair;
      // Another target of this name reads as its name; another name for this target as `other→target`.
      taken.push({ pair: candidate.pair, rivals: rivals.map((r) => (r.pair.from === from ? r.pair.to : `${r.pair.from}→${to}`)) });
      open = open.filter((o) => o.pair.from !== from && o.pair.to !== to);
      progress = true;
      break;
    }
  }
  return { taken, left: open.map((o) => o.pair) };
}

/** The last hint about an object wins, so the command line (merged after the file) overrides the file. */
function lastHint(hints: RenameHint[], matches: (h: RenameHint) => boolean): HintTarget | undefined {
  for (let i = hints.length - 1; i >= 0; i--) if (matches(hints[i])) return { to: hints[i].to, hint: hints[i] };
  return undefined;
}

const missingFrom = <T>(items: T[], other: T[], key: (t: T) => string): T[] => {
  const keys = new Set(other.map(key));
  return items.filter((i) => !keys.has(key(i)));
};

function jaccard(a: string[], b: string[]): number {
  const union = new Set([...a, ...b]);
  return union.size === 0 ? 1 : a.filter((v) => b.includes(v)).length / union.size;
}

/** Shared columns (same name, values kept) over the larger column count. */
function tableSimilarity(a: Table, b: Table): number {
  const other = byKey(b.columns, (c) => c.name);
  const shared = a.columns.filter((c) => {
    const o = other.get(c.name);
    return o !== undefined && keepsValues(c, o);
  }).length;
  return shared === 0 ? 0 : shared / Math.max(a.columns.length, b.columns.length);
}

/** Levenshtein distance, for name likeness. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length];
}

/**
 * 0..2 for how alike two names are once case and separators are set aside (`fullName`, `full_name`);
 * nothing below half alike, where likeness is chance.
 */
export function nameLikeness(a: string, b: string): number {
  const plain = (n: string) => n.toLowerCase().replace(/[_\-\s]/g, '');
  const [x, y] = [plain(a), plain(b)];
  const longest = Math.max(x.length, y.length);
  const similarity = longest === 0 ? 1 : 1 - editDistance(x, y) / longest;
  return similarity < 0.5 ? 0 : 2 * similarity;
}

const baseType = (dataType: string): string => dataType.replace(/\([^)]*\)/g, '');

/**
 * How much of a column's definition a candidate keeps: the exact type (4), else the same type with
 * another length/precision (2); nullability (1); the default or other value source (1); then the
 * lesser signs: the same position (0.5) and the name likeness.
 */
export function columnScore(from: Column, to: Column, fromPosition: number, toPosition: number): number {
  const sameType = from.dataType === to.dataType && from.arrayDims === to.arrayDims;
  const typeScore = sameType ? 4 : baseType(from.dataType) === baseType(to.dataType) && from.arrayDims === to.arrayDims ? 2 : 0;
  return (
    typeScore +
    (from.nullable === to.nullable ? 1 : 0) +
    (sameData(from.valueSource, to.valueSource) ? 1 : 0) +
    (fromPosition === toPosition ? 0.5 : 0) +
    nameLikeness(from.name, to.name)
  );
}

const schemasOf = (a: Schema, b: Schema): string[] => [...new Set([...a.schemas, ...b.schemas])].sort();

export function resolveRenames(from: Schema, to: Schema, hints: RenameHint[], detect = true): ResolvedRenames {
  const used = new Set<RenameHint>();
  const renames: Rename[] = [];
  const ambiguities: RenameAmbiguity[] = [];
  let current = from;
  const take = (result: StageResult, apply: (s: Schema, r: Rename) => Schema) => {
    renames.push(...result.renames);
    ambiguities.push(...result.ambiguities);
    for (const r of result.renames) current = apply(current, r);
  };

  for (const schema of schemasOf(from, to)) {
    const inSchema = (e: EnumType) => e.schema === schema;
    const before = current.enums.filter(inSchema);
    const after = to.enums.filter(inSchema);
    const values = (list: EnumType[], name: string) => list.find((e) => e.name === name)!.values;
    take(
      runStage(
        {
          subject: { kind: 'type', schema },
          dropped: missingFrom(before, after, (e) => e.name).map((e) => e.name),
          added: missingFrom(after, before, (e) => e.name).map((e) => e.name),
          compatible: (f, t) => jaccard(values(before, f), values(after, t)) >= 0.5,
          score: (f, t) => 4 * jaccard(values(before, f), values(after, t)) + nameLikeness(f, t),
          hintOf: (name) => lastHint(hints, (h) => h.kind === 'type' && refMatches(h.type, { schema, name })),
        },
        detect,
        used,
      ),
      (s, r) => applyTypeRename(s, schema, r.from, r.to),
    );
  }

  const afterEnums = byKey(to.enums, qualifiedKey);
  for (const e of [...current.enums]) {
    const next = afterEnums.get(qualifiedKey(e));
    const dropped = next ? e.values.filter((v) => !next.values.includes(v)) : [];
    // No value gone (most enums): nothing to rename.
    if (!next || dropped.length === 0) continue;
    const type = { schema: e.schema, name: e.name };
    const names = [type, nameBefore(renames, 'type', type)];
    take(
      runStage(
        {
          subject: { kind: 'enumValue', type },
          dropped,
          added: next.values.filter((v) => !e.values.includes(v)),
          compatible: () => true,
          hintOf: (value) =>
            lastHint(hints, (h) => h.kind === 'enumValue' && h.from === value && names.some((n) => refMatches(h.type, n))),
        },
        detect,
        used,
      ),
      (s, r) => applyEnumValueRename(s, type, r.from, r.to),
    );
  }

  for (const schema of schemasOf(from, to)) {
    const before = current.tables.filter((t) => t.schema === schema);
    const after = to.tables.filter((t) => t.schema === schema);
    const table = (list: Table[], name: string) => list.find((t) => t.name === name)!;
    take(
      runStage(
        {
          subject: { kind: 'table', schema },
          dropped: missingFrom(before, after, (t) => t.name).map((t) => t.name),
          added: missingFrom(after, before, (t) => t.name).map((t) => t.name),
          compatible: (f, t) => tableSimilarity(table(before, f), table(after, t)) >= 0.5,
          score: (f, t) => 4 * tableSimilarity(table(before, f), table(after, t)) + nameLikeness(f, t),
          hintOf: (name) => lastHint(hints, (h) => h.kind === 'table' && refMatches(h.table, { schema, name })),
        },
        detect,
        used,
      ),
      (s, r) => applyTableRename(s, schema, r.from, r.to),
    );
  }

  const afterTables = byKey(to.tables, qualifiedKey);
  for (const t of [...current.tables]) {
    const next = afterTables.get(qualifiedKey(t));
    // The same columns on both sides (most tables): nothing was dropped, so nothing to rename.
    if (!next || sameNames(t.columns, next.columns)) continue;
    const table = { schema: t.schema, name: t.name };
    const names = [table, nameBefore(renames, 'table', table)];
    const column = (list: Table, name: string) => list.columns.find((c) => c.name === name)!;
    const position = (list: Table, name: string) => list.columns.findIndex((c) => c.name === name);
    take(
      runStage(
        {
          subject: { kind: 'column', table },
          dropped: missingFrom(t.columns, next.columns, (c) => c.name).map((c) => c.name),
          added: missingFrom(next.columns, t.columns, (c) => c.name).map((c) => c.name),
          compatible: (f, n) => keepsValues(column(t, f), column(next, n)),
          score: (f, n) => columnScore(column(t, f), column(next, n), position(t, f), position(next, n)),
          hintOf: (name) =>
            lastHint(hints, (h) => h.kind === 'column' && h.from === name && names.some((n) => refMatches(h.table, n))),
        },
        detect,
        used,
      ),
      (s, r) => applyColumnRename(s, table, r.from, r.to),
    );
  }

  return { decision: { renames, ambiguities, unusedHints: hints.filter((h) => !used.has(h)) }, renamed: current };
}

/** The hint that makes `from` a rename to `to` (or, with `null`, a drop + add) for this subject. */
export function hintFor(subject: RenameSubject, from: string, to: string | null): RenameHint {
  switch (subject.kind) {
    case 'type':
      return { kind: 'type', type: refOf({ schema: subject.schema, name: from }), to };
    case 'enumValue':
      return { kind: 'enumValue', type: refOf(subject.type), from, to };
    case 'table':
      return { kind: 'table', table: refOf({ schema: subject.schema, name: from }), to };
    case 'column':
      return { kind: 'column', table: refOf(subject.table), from, to };
  }
}
