/**
 * Targets as Alembic reads them, and the plans that reach them. Pure: a graph and the database's
 * current heads in, an ordered list of steps (each with its version-table change) out.
 *
 * Relative steps count revisions, one at a time: `+1` applies the one revision whose parents are
 * all applied, `-1` unapplies the one current head. When two could come next the walk is
 * ambiguous and refused, rather than picking a branch silently; `<rev>@+N` narrows it to the
 * revisions on <rev>'s line. Counting revisions (not edges) is what lets a walk cross a merge.
 */
import { MultipleHeadsError, UsageError } from './errors';
import { ancestorsOf, descendantsOf, maximal, postOrder, RevisionGraph } from './graph';

export type Target =
  | { kind: 'revisions'; revisions: string[] }
  | { kind: 'base' }
  /** `lineage`: only revisions that are ancestors or descendants of it may be walked. */
  | { kind: 'relative'; steps: number; lineage?: string };

export interface PlanStep {
  revision: string;
  direction: 'up' | 'down';
  /** The version-table rows this step deletes and inserts. */
  removeHeads: string[];
  addHeads: string[];
}

/** A full revision id or a unique prefix of one. */
export function resolveRevision(graph: RevisionGraph, token: string): string {
  if (graph.nodes.has(token)) return token;
  if (token.length === 0) throw new UsageError('Empty revision identifier');
  const matches = [...graph.nodes.keys()].filter((id) => id.startsWith(token));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new UsageError(`Can't locate revision identified by '${token}'`);
  throw new UsageError(`Multiple revisions start with '${token}': ${matches.sort().join(', ')}`);
}

/** The single head, for `head`; none for an empty graph. */
export function singleHead(graph: RevisionGraph): string | undefined {
  if (graph.heads.length > 1) throw new MultipleHeadsError(graph.heads, (r) => `${r} (${graph.nodes.get(r)!.file})`);
  return graph.heads[0];
}

export function parseTarget(graph: RevisionGraph, token: string): Target {
  const t = token.trim();
  if (graph.nodes.has(t)) return { kind: 'revisions', revisions: [t] };
  if (t === 'base') return { kind: 'base' };
  if (t === 'heads') return graph.heads.length ? { kind: 'revisions', revisions: [...graph.heads] } : { kind: 'base' };
  if (t === 'head') {
    const head = singleHead(graph);
    return head ? { kind: 'revisions', revisions: [head] } : { kind: 'base' };
  }
  let m = /^([+-])(\d+)$/.exec(t);
  if (m) return { kind: 'relative', steps: signed(m[1], m[2]) };
  m = /^(.+)@head$/.exec(t);
  if (m) return { kind: 'revisions', revisions: [branchHead(graph, resolveRevision(graph, m[1]))] };
  m = /^(.+)@([+-])(\d+)$/.exec(t);
  if (m) return { kind: 'relative', steps: signed(m[2], m[3]), lineage: resolveRevision(graph, m[1]) };
  m = /^(.+?)([+-])(\d+)$/.exec(t);
  if (m) {
    const walked = walkFrom(graph, resolveRevision(graph, m[1]), signed(m[2], m[3]), t);
    return walked === 'base' ? { kind: 'base' } : { kind: 'revisions', revisions: [walked] };
  }
  return { kind: 'revisions', revisions: [resolveRevision(graph, t)] };
}

function signed(sign: string, digits: string): number {
  const n = Number(digits);
  return sign === '-' ? -n : n;
}

/** The one head that descends from `rev`: what `<rev>@head` names. */
function branchHead(graph: RevisionGraph, rev: string): string {
  const below = descendantsOf(graph, [rev]);
  const heads = graph.heads.filter((h) => below.has(h));
  if (heads.length !== 1) throw new UsageError(`${rev}@head is ambiguous: ${rev} leads to heads ${heads.join(', ')}; name one of them`);
  return heads[0];
}

/** `<rev>+N` / `<rev>-N`: N edges up or down from rev, refused where the line forks. */
function walkFrom(graph: RevisionGraph, rev: string, steps: number, token: string): string | 'base' {
  let at: string | 'base' = rev;
  for (let i = 0; i < Math.abs(steps); i++) {
    if (at === 'base') throw new UsageError(`Relative revision ${token} walks below base`);
    const next: readonly string[] = steps > 0 ? graph.children.get(at)! : graph.nodes.get(at)!.downRevisions;
    if (next.length > 1) throw new UsageError(`Ambiguous walk for ${token}: ${at} is followed by ${next.join(', ')}; name one of them`);
    if (next.length === 0) {
      if (steps > 0) throw new UsageError(`Relative revision ${token} walks past head ${at}`);
      at = 'base';
    } else at = next[0];
  }
  return at;
}

/** The applied set a version table's heads stand for (they and all their ancestors). */
export function appliedSet(graph: RevisionGraph, heads: readonly string[]): Set<string> {
  return ancestorsOf(graph, heads);
}

export function planUpgrade(graph: RevisionGraph, currentHeads: readonly string[], target: Target): PlanStep[] {
  const applied = appliedSet(graph, currentHeads);
  let order: string[];
  if (target.kind === 'base') order = [];
  else if (target.kind === 'relative') {
    if (target.steps < 0) throw new UsageError(`upgrade walks up: use +${-target.steps}, or downgrade ${target.steps}`);
    order = walkUp(graph, applied, target.steps, target.lineage);
  } else {
    const needed = ancestorsOf(graph, target.revisions);
    for (const id of applied) needed.delete(id);
    order = postOrderFrom(graph, target.revisions, needed);
  }
  return simulate(graph, applied, order, 'up');
}

export function planDowngrade(graph: RevisionGraph, currentHeads: readonly string[], target: Target): PlanStep[] {
  const applied = appliedSet(graph, currentHeads);
  let removal: string[];
  if (target.kind === 'base') removal = [...applied];
  else if (target.kind === 'relative') {
    if (target.steps > 0) throw new UsageError(`downgrade walks down: use -${target.steps}, or upgrade +${target.steps}`);
    return simulate(graph, applied, walkDown(graph, applied, -target.steps, target.lineage), 'down');
  } else {
    for (const r of target.revisions) {
      if (!applied.has(r)) {
        throw new UsageError(
          `Destination ${r} is not a valid downgrade target from current head(s) ${currentHeads.join(', ') || '(base)'}: it is not applied`,
        );
      }
    }
    const keep = ancestorsOf(graph, target.revisions);
    removal = [...descendantsOf(graph, target.revisions)].filter((id) => applied.has(id) && !keep.has(id));
  }
  removal.sort((a, b) => graph.position.get(b)! - graph.position.get(a)!);
  return simulate(graph, applied, removal, 'down');
}

/**
 * What `stamp` records: everything above the target unapplied, everything up to it applied,
 * whatever lies on other branches left as it is.
 */
export function planStamp(graph: RevisionGraph, currentHeads: readonly string[], target: Target): { heads: string[]; added: string[]; removed: string[] } {
  const applied = appliedSet(graph, currentHeads);
  let after: Set<string>;
  if (target.kind === 'base') after = new Set();
  else if (target.kind === 'relative') {
    after = new Set(applied);
    if (target.steps >= 0) for (const id of walkUp(graph, applied, target.steps, target.lineage)) after.add(id);
    else for (const id of walkDown(graph, applied, -target.steps, target.lineage)) after.delete(id);
  } else {
    const keep = ancestorsOf(graph, target.revisions);
    const above = descendantsOf(graph, target.revisions);
    after = new Set([...applied].filter((id) => !above.has(id) || keep.has(id)));
    for (const id of keep) after.add(id);
  }
  const byPos = (a: string, b: string) => graph.position.get(a)! - graph.position.get(b)!;
  return {
    heads: maximal(graph, after),
    added: [...after].filter((id) => !applied.has(id)).sort(byPos),
    removed: [...applied].filter((id) => !after.has(id)).sort(byPos),
  };
}

/** Parents-first order of `needed`, starting from `roots` and following parents in declared order. */
const postOrderFrom = (graph: RevisionGraph, roots: readonly string[], needed: ReadonlySet<string>): string[] =>
  postOrder(roots, (id) => graph.nodes.get(id)!.downRevisions, (id) => needed.has(id));

function lineageFilter(graph: RevisionGraph, lineage: string | undefined): (id: string) => boolean {
  if (!lineage) return () => true;
  const line = ancestorsOf(graph, [lineage]);
  for (const id of descendantsOf(graph, [lineage])) line.add(id);
  return (id) => line.has(id);
}

function relativeToken(steps: number, lineage: string | undefined): string {
  return `${lineage ? lineage + '@' : ''}${steps >= 0 ? '+' : ''}${steps}`;
}

function describe(graph: RevisionGraph, ids: readonly string[]): string {
  return ids.map((id) => `${id} (${graph.nodes.get(id)!.file})`).join(' and ');
}

function walkUp(graph: RevisionGraph, appliedIn: ReadonlySet<string>, steps: number, lineage?: string): string[] {
  const applied = new Set(appliedIn);
  const allowed = lineageFilter(graph, lineage);
  const ready = (id: string) => !applied.has(id) && allowed(id) && graph.nodes.get(id)!.downRevisions.every((p) => applied.has(p));
  const frontier = new Set([...graph.nodes.keys()].filter(ready));
  const out: string[] = [];
  for (let i = 0; i < steps; i++) {
    const next = [...frontier];
    if (next.length === 0) {
      throw new UsageError(`Relative revision ${relativeToken(steps, lineage)} didn't produce ${steps} migrations (only ${i} left to apply)`);
    }
    if (next.length > 1) {
      throw new UsageError(
        `Ambiguous walk for ${relativeToken(steps, lineage)}: ${describe(graph, next)} could each come next; narrow it with <rev>@+N or name a revision`,
      );
    }
    const id = next[0];
    frontier.delete(id);
    applied.add(id);
    out.push(id);
    for (const c of graph.children.get(id)!) if (ready(c)) frontier.add(c);
  }
  return out;
}

function walkDown(graph: RevisionGraph, appliedIn: ReadonlySet<string>, steps: number, lineage?: string): string[] {
  const applied = new Set(appliedIn);
  const allowed = lineageFilter(graph, lineage);
  const out: string[] = [];
  for (let i = 0; i < steps; i++) {
    const heads = maximal(graph, applied).filter(allowed);
    if (heads.length === 0) {
      throw new UsageError(`Relative revision ${relativeToken(-steps, lineage)} didn't produce ${steps} migrations (only ${i} applied)`);
    }
    if (heads.length > 1) {
      throw new UsageError(
        `Ambiguous walk for ${relativeToken(-steps, lineage)}: ${describe(graph, heads)} are each a current head; narrow it with <rev>@-N or name a revision`,
      );
    }
    applied.delete(heads[0]);
    out.push(heads[0]);
  }
  return out;
}

/** Attaches to each step the version-table rows it replaces, tracking the heads as the plan runs. */
function simulate(graph: RevisionGraph, appliedIn: ReadonlySet<string>, order: readonly string[], direction: 'up' | 'down'): PlanStep[] {
  const applied = new Set(appliedIn);
  const heads = new Set(maximal(graph, applied));
  return order.map((revision) => {
    const parents = graph.nodes.get(revision)!.downRevisions;
    let removeHeads: string[];
    let addHeads: string[];
    if (direction === 'up') {
      removeHeads = parents.filter((p) => heads.has(p));
      addHeads = [revision];
      applied.add(revision);
    } else {
      applied.delete(revision);
      removeHeads = [revision];
      addHeads = parents.filter((p) => !graph.children.get(p)!.some((c) => applied.has(c)));
    }
    for (const h of removeHeads) heads.delete(h);
    for (const h of addHeads) heads.add(h);
    return { revision, direction, removeHeads, addHeads };
  });
}

/**
 * The revisions `history -r start:end` covers: descendants of start (inclusive) that are
 * ancestors of end (inclusive). Either side may be empty (base / heads), `current`, or any target.
 */
export function revisionsInRange(graph: RevisionGraph, currentHeads: readonly string[] | undefined, range: string): string[] {
  const colon = range.indexOf(':');
  if (colon < 0) throw new UsageError(`History range '${range}' must be start:end (either side may be empty)`);
  const side = (token: string, empty: 'base' | 'heads'): Set<string> | 'base' => {
    const t = token.trim() || empty;
    if (t === 'current') {
      if (!currentHeads) throw new UsageError(`'current' in a history range needs a database connection`);
      return currentHeads.length ? new Set(currentHeads) : 'base';
    }
    const target = parseTarget(graph, t);
    if (target.kind === 'base') return 'base';
    if (target.kind === 'revisions') return new Set(target.revisions);
    if (!currentHeads) throw new UsageError(`Relative '${t}' in a history range needs a database connection`);
    const applied = appliedSet(graph, currentHeads);
    if (target.steps >= 0) for (const id of walkUp(graph, applied, target.steps, target.lineage)) applied.add(id);
    else for (const id of walkDown(graph, applied, -target.steps, target.lineage)) applied.delete(id);
    const heads = maximal(graph, applied);
    return heads.length ? new Set(heads) : 'base';
  };
  const start = side(range.slice(0, colon), 'base');
  const end = side(range.slice(colon + 1), 'heads');
  if (end === 'base') return [];
  const upTo = ancestorsOf(graph, end);
  const from = start === 'base' ? undefined : descendantsOf(graph, start);
  return graph.order.filter((id) => upTo.has(id) && (!from || from.has(id))).reverse();
}
