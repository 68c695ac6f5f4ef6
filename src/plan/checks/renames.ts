/** RN3xx: every rename, where it came from, and the candidates the detector would not choose between. */
import type { Change } from '../../diff/changes';
import { changeObject, describeChange } from '../../diff/describe';
import { formatRenameHint } from '../../diff/renames/hints';
import { hintFor, type RenameAmbiguity, type RenameSubject } from '../../diff/renames/detect';
import type { HazardContext, Pass, Warning } from './context';
import { warn } from './context';

const same = (a: { schema: string; name: string }, b: { schema: string; name: string }) => a.schema === b.schema && a.name === b.name;

const definitionRenames: Pass = (ctx) =>
  ctx.changes.flatMap((c) =>
    c.kind === 'renameIndex' || c.kind === 'renameConstraint' || c.kind === 'renameDomainConstraint'
      ? [warn(c, 'RN301', 'info', `${describeChange(c)} (same definition, new name)`)]
      : [],
  );

function subjectOf(c: Change): RenameSubject | undefined {
  switch (c.kind) {
    case 'renameEnum':
      return { kind: 'type', schema: c.schema };
    case 'renameEnumValue':
      return { kind: 'enumValue', type: c.enum };
    case 'renameTable':
      return { kind: 'table', schema: c.schema };
    case 'renameColumn':
      return { kind: 'column', table: c.table };
    default:
      return undefined;
  }
}

const objectRenames: Pass = (ctx) =>
  ctx.changes.flatMap((c) => {
    const subject = subjectOf(c);
    if (!subject || !('origin' in c)) return [];
    if (c.origin === 'hint') return [warn(c, 'RN303', 'info', `${describeChange(c)} (as hinted; the data is kept)`)];
    const undo = formatRenameHint(hintFor(subject, c.from, null));
    const why = c.rivals?.length ? `the closest match, over ${c.rivals.join(', ')}` : 'the only candidate';
    return [warn(c, 'RN302', 'warning', `assumed: ${describeChange(c)} (${why}); for DROP + ADD instead: --rename ${undo}`)];
  });

/** The drop (or recreate) an ambiguous `from` name ended up as: the warning sits on it. */
function dropOf(ctx: HazardContext, subject: RenameSubject, from: string): Change | undefined {
  return ctx.changes.find((c) => {
    switch (subject.kind) {
      case 'type':
        return c.kind === 'dropEnum' && same(c.enum, { schema: subject.schema, name: from });
      case 'enumValue':
        return c.kind === 'recreateEnum' && same(c.to, subject.type) && c.from.values.includes(from);
      case 'table':
        return c.kind === 'dropTable' && same(c.table, { schema: subject.schema, name: from });
      case 'column':
        return c.kind === 'dropColumn' && same(c.table, subject.table) && c.column.name === from;
    }
  });
}

const NOUN: Record<RenameSubject['kind'], string> = { type: 'enum', enumValue: 'value', table: 'table', column: 'column' };

function ambiguity(ctx: HazardContext, a: RenameAmbiguity): Warning[] {
  const froms = [...new Set(a.pairs.map((p) => p.from))];
  return froms.flatMap((from) => {
    const change = dropOf(ctx, a.subject, from);
    if (!change) return [];
    const targets = a.pairs.filter((p) => p.from === from).map((p) => p.to);
    const hints = [...targets, null].map((to) => `--rename ${formatRenameHint(hintFor(a.subject, from, to))}`);
    const where = a.subject.kind === 'enumValue' ? `'${from}' of enum ${changeObject(change)}` : `${NOUN[a.subject.kind]} ${changeObject(change)}`;
    return [
      warn(
        change,
        'RN304',
        'error',
        `${where} may have been renamed to ${targets.join(' or ')} (ambiguous: kept as DROP + ADD); say which with one of: ${hints.join(', ')}`,
      ),
    ];
  });
}

const ambiguities: Pass = (ctx) => (ctx.options.ambiguities ?? []).flatMap((a) => ambiguity(ctx, a));

export const renamePasses: Pass[] = [definitionRenames, objectRenames, ambiguities];
