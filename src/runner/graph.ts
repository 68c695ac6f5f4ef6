/**
 * The revision graph: revisions point at their parents (`downRevision`), a revision with several
 * parents is a merge, one with several children a branch point. Pure: built from plain nodes,
 * answers ancestry questions, never touches files or databases.
 */
import { GraphError } from './errors';

export interface RevisionNode {
  revision: string;
  /** Parents in declared order; empty for a root. */
  downRevisions: string[];
  /** Where the revision was declared, for error messages. */
  file: string;
}

export interface RevisionGraph<N extends RevisionNode = RevisionNode> {
  nodes: ReadonlyMap<string, N>;
  children: ReadonlyMap<string, readonly string[]>;
  /** Revisions without children, sorted by file name. */
  heads: string[];
  /** Revisions without parents, sorted by file name. */
  bases: string[];
  /** Every revision, parents before children (deterministic: depth-first from the heads, parents in declared order). */
  order: string[];
  /** Position of each revision in `order`. */
  position: ReadonlyMap<string, number>;
}

const byFile = <N extends RevisionNode>(nodes: ReadonlyMap<string, N>) => (a: string, b: string) => {
  const fa = nodes.get(a)!.file;
  const fb = nodes.get(b)!.file;
  return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** Builds the graph, or throws a GraphError naming every duplicate id, missing parent and cycle with their files. */
export function buildGraph<N extends RevisionNode>(input: readonly N[]): RevisionGraph<N> {
  const problems: string[] = [];
  const nodes = new Map<string, N>();
  for (const node of input) {
    const seen = nodes.get(node.revision);
    if (seen) problems.push(`Revision ${node.revision} is declared twice: in ${seen.file} and in ${node.file}`);
    else nodes.set(node.revision, node);
  }
  const children = new Map<string, string[]>();
  for (const id of nodes.keys()) children.set(id, []);
  for (const node of nodes.values()) {
    for (const parent of node.downRevisions) {
      const list = children.get(parent);
      if (list) {
        if (!list.includes(node.revision)) list.push(node.revision);
      } else {
        problems.push(`Can't locate revision ${parent} (the downRevision of ${node.revision} in ${node.file})`);
      }
    }
  }
  const cycle = findCycle(nodes);
  if (cycle) {
    problems.push(
      `Cycle in the revision graph: ${[...cycle, cycle[0]].join(' -> ')} (files ${cycle.map((r) => nodes.get(r)!.file).join(', ')})`,
    );
  }
  if (problems.length) throw new GraphError(problems);

  const sort = byFile(nodes);
  for (const list of children.values()) list.sort(sort);
  const heads = [...nodes.keys()].filter((id) => children.get(id)!.length === 0).sort(sort);
  const bases = [...nodes.values()].filter((n) => n.downRevisions.length === 0).map((n) => n.revision).sort(sort);
  const order = postOrder(heads, (id) => nodes.get(id)!.downRevisions);
  const position = new Map(order.map((id, i) => [id, i]));
  return { nodes, children, heads, bases, order, position };
}

/** One cycle (as a list of revisions, child to parent), or undefined. Iterative: chains are thousands long. */
function findCycle(nodes: ReadonlyMap<string, RevisionNode>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = finished
  for (const start of nodes.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 1);
    path.push(start);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const parents = nodes.get(top.id)!.downRevisions;
      if (top.next < parents.length) {
        const parent = parents[top.next++];
        if (!nodes.has(parent)) continue;
        const s = state.get(parent);
        if (s === 1) return path.slice(path.indexOf(parent));
        if (s === undefined) {
          state.set(parent, 1);
          path.push(parent);
          stack.push({ id: parent, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        path.pop();
        stack.pop();
      }
    }
  }
  return undefined;
}

/**
 * Depth-first post-order from `roots` along `next`, restricted to `include`: every revision comes
 * after everything it reaches. With `next` = parents, that is an order in which to apply.
 */
export function postOrder(roots: readonly string[], next: (id: string) => readonly string[], include: (id: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    if (seen.has(root) || !include(root)) continue;
    seen.add(root);
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const links = next(top.id);
      if (top.next < links.length) {
        const n = links[top.next++];
        if (!seen.has(n) && include(n)) {
          seen.add(n);
          stack.push({ id: n, next: 0 });
        }
      } else {
        out.push(top.id);
        stack.pop();
      }
    }
  }
  return out;
}

/** `from` and everything it descends from. */
export function ancestorsOf(graph: RevisionGraph, from: Iterable<string>): Set<string> {
  return closure(from, (id) => graph.nodes.get(id)!.downRevisions);
}

/** `from` and everything that descends from it. */
export function descendantsOf(graph: RevisionGraph, from: Iterable<string>): Set<string> {
  return closure(from, (id) => graph.children.get(id)!);
}

function closure(from: Iterable<string>, next: (id: string) => readonly string[]): Set<string> {
  const out = new Set<string>();
  const todo = [...from];
  while (todo.length) {
    const id = todo.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const n of next(id)) if (!out.has(n)) todo.push(n);
  }
  return out;
}

/** The members of `set` none of whose children are in `set`: the heads a version table would hold for it. */
export function maximal(graph: RevisionGraph, set: ReadonlySet<string>): string[] {
  return [...set].filter((id) => !graph.children.get(id)!.some((c) => set.has(c))).sort((a, b) => graph.position.get(a)! - graph.position.get(b)!);
}

export function isBranchPoint(graph: RevisionGraph, id: string): boolean {
  return graph.children.get(id)!.length > 1;
}

export function isMergePoint(graph: RevisionGraph, id: string): boolean {
  return graph.nodes.get(id)!.downRevisions.length > 1;
}
