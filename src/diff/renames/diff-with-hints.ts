/**
 * The diff with the user's hints and the rename detector: renames first (on a copy of the current
 * model), the structural diff on top, then the custom casts and enum value mappings attached to the
 * changes they concern. Pure, like the rest of src/diff.
 */
import type { Schema } from '../../schema/model';
import type { Change, EnumValueMap } from '../changes';
import { diffSchemas } from '../diff';
import type { ComparePolicy } from '../policy';
import { type DiffHints, type EnumMapHint, type RenameHint, type UsingHint, refMatches } from './hints';
import { nameBefore, type Rename, type RenameDecision, resolveRenames } from './detect';

export interface DiffWithHints {
  changes: Change[];
  renames: RenameDecision;
  /** --using and --enum-map hints that matched no change. */
  unusedUsing: UsingHint[];
  unusedEnumMaps: EnumMapHint[];
}

export interface DiffWithHintsOptions {
  /** Propose renames nobody hinted (default true); hints apply either way. */
  detectRenames?: boolean;
  /** What counts as a difference (default: everything, STRICT_POLICY). */
  policy?: ComparePolicy;
}

function renameChange(r: Rename): Change {
  const { from, to, origin } = r;
  const rest = { from, to, origin, ...(r.rivals ? { rivals: r.rivals } : {}) };
  switch (r.subject.kind) {
    case 'type':
      return { kind: 'renameEnum', schema: r.subject.schema, ...rest };
    case 'enumValue':
      return { kind: 'renameEnumValue', enum: r.subject.type, ...rest };
    case 'table':
      return { kind: 'renameTable', schema: r.subject.schema, ...rest };
    case 'column':
      return { kind: 'renameColumn', table: r.subject.table, ...rest };
  }
}

/** A value the user maps elsewhere is removed, never renamed: the mapping says so. */
const declinedByMaps = (maps: EnumMapHint[]): RenameHint[] =>
  maps.map((m) => ({ kind: 'enumValue', type: m.type, from: m.from, to: null }));

export function diffWithHints(from: Schema, to: Schema, hints: DiffHints, options: DiffWithHintsOptions = {}): DiffWithHints {
  const declined = declinedByMaps(hints.enumMaps);
  const { decision, renamed } = resolveRenames(from, to, [...declined, ...hints.renames], options.detectRenames ?? true);
  const usedUsing = new Set<UsingHint>();
  const usedMaps = new Set<EnumMapHint>();
  const withHints = (c: Change): Change => {
    if (c.kind === 'alterColumnType') {
      const hint = [...hints.using]
        .reverse()
        .find((h) => h.column === c.to.name && (refMatches(h.table, c.table) || refMatches(h.table, nameBefore(decision.renames, 'table', c.table))));
      if (!hint) return c;
      usedUsing.add(hint);
      return { ...c, using: hint.expression };
    }
    if (c.kind === 'recreateEnum') {
      const removed = c.from.values.filter((v) => !c.to.values.includes(v));
      const maps = hints.enumMaps.filter((m) => refMatches(m.type, c.to) && removed.includes(m.from) && c.to.values.includes(m.to));
      if (maps.length === 0) return c;
      maps.forEach((m) => usedMaps.add(m));
      const valueMap: EnumValueMap[] = removed.flatMap((v) => {
        const m = [...maps].reverse().find((x) => x.from === v);
        return m ? [{ from: v, to: m.to }] : [];
      });
      return { ...c, valueMap };
    }
    return c;
  };
  const changes = [...decision.renames.map(renameChange), ...diffSchemas(renamed, to, options.policy).map(withHints)];
  return {
    changes,
    renames: { ...decision, unusedHints: decision.unusedHints.filter((h) => !declined.includes(h)) },
    unusedUsing: hints.using.filter((h) => !usedUsing.has(h)),
    unusedEnumMaps: hints.enumMaps.filter((h) => !usedMaps.has(h)),
  };
}
