import { GraphError, MultipleHeadsError, UsageError } from '../../src/runner/errors';
import { buildGraph, RevisionNode } from '../../src/runner/graph';
import { parseTarget, planDowngrade, planStamp, planUpgrade, revisionsInRange } from '../../src/runner/targets';

const node = (revision: string, ...downRevisions: string[]): RevisionNode => ({ revision, downRevisions, file: `${revision}.ts` });

/**
 *   a ─ b ─┬─ c1 ─ c2 ─┬─ m ─ n
 *          └─ d1 ──────┘
 */
const merged = () => buildGraph([node('a'), node('b', 'a'), node('c1', 'b'), node('c2', 'c1'), node('d1', 'b'), node('m', 'c2', 'd1'), node('n', 'm')]);
/** a ─ b ─┬─ c1 ─ c2   (two heads) */
const branched = () => buildGraph([node('a'), node('b', 'a'), node('c1', 'b'), node('c2', 'c1'), node('d1', 'b')]);
const ids = (steps: { revision: string }[]) => steps.map((s) => s.revision);

describe('buildGraph', () => {
  it('knows heads, bases, branch points and a parents-first order', () => {
    const g = merged();
    expect(g.heads).toEqual(['n']);
    expect(g.bases).toEqual(['a']);
    expect([...g.children.get('b')!]).toEqual(['c1', 'd1']);
    for (const id of g.order) for (const p of g.nodes.get(id)!.downRevisions) expect(g.position.get(p)!).toBeLessThan(g.position.get(id)!);
  });

  it('names the file that points at a missing parent', () => {
    expect(() => buildGraph([node('a'), node('b', 'zz')])).toThrow(new GraphError(["Can't locate revision zz (the downRevision of b in b.ts)"]));
  });

  it('names both files declaring one revision id', () => {
    expect(() => buildGraph([node('a'), { revision: 'a', downRevisions: [], file: 'other.ts' }])).toThrow(
      'Revision a is declared twice: in a.ts and in other.ts',
    );
  });

  it('names the revisions and files of a cycle', () => {
    let err: GraphError | undefined;
    try {
      buildGraph([node('r'), node('a', 'r', 'c'), node('b', 'a'), node('c', 'b')]);
    } catch (e) {
      err = e as GraphError;
    }
    expect(err).toBeInstanceOf(GraphError);
    expect(err!.exitCode).toBe(2);
    expect(err!.message).toMatch(/^Cycle in the revision graph: (a -> c -> b -> a|c -> b -> a -> c|b -> a -> c -> b) \(files .*a\.ts.*\)$/);
  });

  it('handles a 5,000-revision chain without recursion', () => {
    const nodes = [node('r0')];
    for (let i = 1; i < 5000; i++) nodes.push(node(`r${i}`, `r${i - 1}`));
    const g = buildGraph(nodes);
    expect(g.heads).toEqual(['r4999']);
    expect(ids(planUpgrade(g, [], parseTarget(g, 'head')))).toHaveLength(5000);
  });
});

describe('targets', () => {
  it('reads full ids, unique prefixes, head, heads and base', () => {
    const g = buildGraph([node('ab12'), node('ab34', 'ab12'), node('cd56', 'ab34')]);
    expect(parseTarget(g, 'ab3')).toEqual({ kind: 'revisions', revisions: ['ab34'] });
    expect(parseTarget(g, 'head')).toEqual({ kind: 'revisions', revisions: ['cd56'] });
    expect(parseTarget(g, 'base')).toEqual({ kind: 'base' });
    expect(() => parseTarget(g, 'ab')).toThrow("Multiple revisions start with 'ab': ab12, ab34");
    expect(() => parseTarget(g, 'ff')).toThrow("Can't locate revision identified by 'ff'");
  });

  it('refuses head when there are several, listing them and the merge fix', () => {
    const g = branched();
    expect(() => parseTarget(g, 'head')).toThrow(MultipleHeadsError);
    expect(() => parseTarget(g, 'head')).toThrow(/^Multiple heads present: c2 \(c2\.ts\), d1 \(d1\.ts\)\. Merge them with `ormdiff merge -m "merge heads" heads`/);
    expect(parseTarget(g, 'heads')).toEqual({ kind: 'revisions', revisions: ['c2', 'd1'] });
    expect(parseTarget(g, 'c1@head')).toEqual({ kind: 'revisions', revisions: ['c2'] });
    expect(() => parseTarget(g, 'b@head')).toThrow('b@head is ambiguous: b leads to heads c2, d1; name one of them');
  });

  it('walks <rev>+N and <rev>-N, refusing a fork', () => {
    const g = merged();
    expect(parseTarget(g, 'c1+1')).toEqual({ kind: 'revisions', revisions: ['c2'] });
    expect(parseTarget(g, 'c1+2')).toEqual({ kind: 'revisions', revisions: ['m'] });
    expect(parseTarget(g, 'b-1')).toEqual({ kind: 'revisions', revisions: ['a'] });
    expect(parseTarget(g, 'b-2')).toEqual({ kind: 'base' });
    expect(() => parseTarget(g, 'b+1')).toThrow('Ambiguous walk for b+1: b is followed by c1, d1; name one of them');
    expect(() => parseTarget(g, 'm-1')).toThrow(UsageError);
  });
});

describe('plans', () => {
  it('upgrades a branched graph parents first, each branch in one piece', () => {
    const g = branched();
    const steps = planUpgrade(g, [], parseTarget(g, 'heads'));
    expect(ids(steps)).toEqual(['a', 'b', 'c1', 'c2', 'd1']);
    // The second branch starts beside the first: its step inserts a head instead of replacing one.
    expect(steps[4]).toEqual({ revision: 'd1', direction: 'up', removeHeads: [], addHeads: ['d1'] });
    expect(steps[2]).toEqual({ revision: 'c1', direction: 'up', removeHeads: ['b'], addHeads: ['c1'] });
  });

  it('upgrades into a merge, replacing both heads with one', () => {
    const g = merged();
    const steps = planUpgrade(g, ['c2', 'd1'], parseTarget(g, 'head'));
    expect(steps).toEqual([
      { revision: 'm', direction: 'up', removeHeads: ['c2', 'd1'], addHeads: ['m'] },
      { revision: 'n', direction: 'up', removeHeads: ['m'], addHeads: ['n'] },
    ]);
  });

  it('downgrades through a merge point back to two heads', () => {
    const g = merged();
    const steps = planDowngrade(g, ['n'], parseTarget(g, 'c2'));
    expect(steps).toEqual([
      { revision: 'n', direction: 'down', removeHeads: ['n'], addHeads: ['m'] },
      { revision: 'm', direction: 'down', removeHeads: ['m'], addHeads: ['c2', 'd1'] },
    ]);
    // Downgrading to a revision on one branch leaves the other branch applied.
    expect(ids(planDowngrade(g, ['n'], parseTarget(g, 'b')))).toEqual(['n', 'm', 'd1', 'c2', 'c1']);
    expect(() => planDowngrade(g, ['c1'], parseTarget(g, 'c2'))).toThrow(/Destination c2 is not a valid downgrade target from current head\(s\) c1/);
  });

  it('walks relative targets across a merge point, refusing only a real fork', () => {
    const g = merged();
    // From c2 (d1 not yet applied), the only possible next revisions are d1, then m.
    expect(ids(planUpgrade(g, ['c2'], parseTarget(g, '+2')))).toEqual(['d1', 'm']);
    expect(ids(planDowngrade(g, ['n'], parseTarget(g, '-2')))).toEqual(['n', 'm']);
    expect(() => planDowngrade(g, ['n'], parseTarget(g, '-3'))).toThrow(/^Ambiguous walk for -3: c2 \(c2\.ts\) and d1 \(d1\.ts\) are each a current head/);
    expect(ids(planDowngrade(g, ['n'], parseTarget(g, 'c1@-3')))).toEqual(['n', 'm', 'c2']);
    expect(() => planUpgrade(g, ['b'], parseTarget(g, '+1'))).toThrow(/^Ambiguous walk for \+1: c1 \(c1\.ts\) and d1 \(d1\.ts\) could each come next/);
    expect(ids(planUpgrade(g, ['b'], parseTarget(g, 'd1@+1')))).toEqual(['d1']);
    expect(() => planUpgrade(g, ['m'], parseTarget(g, '+2'))).toThrow("Relative revision +2 didn't produce 2 migrations (only 1 left to apply)");
  });

  it('stamps by moving the applied set without touching other branches', () => {
    const g = branched();
    expect(planStamp(g, ['c2', 'd1'], parseTarget(g, 'c1'))).toEqual({ heads: ['c1', 'd1'], added: [], removed: ['c2'] });
    expect(planStamp(g, [], parseTarget(g, 'heads'))).toEqual({ heads: ['c2', 'd1'], added: ['a', 'b', 'c1', 'c2', 'd1'], removed: [] });
    expect(planStamp(g, ['c2'], parseTarget(g, 'base')).heads).toEqual([]);
  });

  it('selects history ranges like Alembic -r', () => {
    const g = merged();
    expect(revisionsInRange(g, undefined, 'c1:m')).toEqual(['m', 'c2', 'c1']);
    expect(revisionsInRange(g, ['m'], 'current:')).toEqual(['n', 'm']);
    expect(revisionsInRange(g, ['n'], '-1:current')).toEqual(['n', 'm']);
    expect(revisionsInRange(g, undefined, ':b')).toEqual(['b', 'a']);
  });
});
