#!/usr/bin/env node
/**
 * Mutation check of the hazard rules: are the rule cases (test/plan/rules.cases.ts) strong enough that
 * changing any single rule's condition makes one of them fail?
 *
 * Two kinds of mutant, each applied alone, in memory (the source files on disk are never written):
 *   - silence: checkHazards (src/plan/hazards.ts) returns nothing for one code, for every code in the registry;
 *   - flip: in src/plan/checks/*.ts, one condition is changed: an `if` or `?:` condition negated, an
 *     `&&` turned into `||` (and back), a comparison moved by one (`>` ↔ `>=`, `<` ↔ `<=`, `===` ↔ `!==`).
 * For each mutant every rule case runs through the planner again; the mutant is killed when one of
 * them fails or throws. Survivors are listed with their place and their mutated text; mutants known to
 * change nothing observable (EQUIVALENT below, each with its reason) are listed apart.
 *
 * Usage: node scripts/mutate-rules.js [--only=path-fragment] [--json]. Exit code 1 when a mutant survives.
 * Not part of the test suite (a few hundred planner runs); run it when rules or their cases change.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const asJson = args.includes('--json');

require('@swc-node/register');

// The mutated file's text is served from memory: the loader reads sources with fs.readFileSync.
let mutant; // { file, source }
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (mutant && typeof file === 'string' && path.resolve(file) === mutant.file) {
    const enc = typeof rest[0] === 'string' ? rest[0] : rest[0]?.encoding;
    return enc ? mutant.source : Buffer.from(mutant.source);
  }
  return readFileSync.call(this, file, ...rest);
};

function freshRequire(file) {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(root) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[key];
  }
  return require(file);
}

const CASES = path.join(root, 'test/plan/rules.cases.ts');

/** The failing cases' messages, or a crash. */
function failures() {
  let cases;
  try {
    cases = freshRequire(CASES);
  } catch (e) {
    return [`does not load: ${String(e.message).split('\n')[0]}`];
  }
  const out = [];
  for (const [code, { fires, quiet }] of Object.entries(cases.RULE_CASES)) {
    for (const [kind, list] of [['fires', fires], ['quiet', quiet]]) {
      for (const c of list) {
        try {
          const why = cases.caseFailure(code, kind, c);
          if (why) out.push(why);
        } catch (e) {
          out.push(`${code} "${c.name}" throws: ${String(e.message).split('\n')[0]}`);
        }
      }
    }
  }
  return out;
}

function lineOf(sf, pos) {
  return sf.getLineAndCharacterOfPosition(pos).line + 1;
}

/** Every single-condition mutant of one check file: { where, description, source }. */
function flips(file) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out = [];
  const rel = path.relative(root, file);
  const replace = (node, by, what) =>
    out.push({
      where: `${rel}:${lineOf(sf, node.getStart(sf))}`,
      description: `${what}: ${node.getText(sf).replace(/\s+/g, ' ').slice(0, 90)}`,
      source: text.slice(0, node.getStart(sf)) + by + text.slice(node.getEnd()),
    });
  const SWAP = {
    [ts.SyntaxKind.GreaterThanToken]: '>=',
    [ts.SyntaxKind.GreaterThanEqualsToken]: '>',
    [ts.SyntaxKind.LessThanToken]: '<=',
    [ts.SyntaxKind.LessThanEqualsToken]: '<',
    [ts.SyntaxKind.EqualsEqualsEqualsToken]: '!==',
    [ts.SyntaxKind.ExclamationEqualsEqualsToken]: '===',
    [ts.SyntaxKind.AmpersandAmpersandToken]: '||',
    [ts.SyntaxKind.BarBarToken]: '&&',
  };
  const visit = (node) => {
    if (ts.isIfStatement(node)) replace(node.expression, `!(${node.expression.getText(sf)})`, 'negated if');
    if (ts.isConditionalExpression(node)) replace(node.condition, `!(${node.condition.getText(sf)})`, 'negated ?:');
    if (ts.isBinaryExpression(node) && SWAP[node.operatorToken.kind] !== undefined) {
      const op = node.operatorToken.getText(sf);
      out.push({
        where: `${rel}:${lineOf(sf, node.operatorToken.getStart(sf))}`,
        description: `${op} → ${SWAP[node.operatorToken.kind]}: ${node.getText(sf).replace(/\s+/g, ' ').slice(0, 90)}`,
        source: text.slice(0, node.operatorToken.getStart(sf)) + SWAP[node.operatorToken.kind] + text.slice(node.operatorToken.getEnd()),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out.map((m) => ({ ...m, file }));
}

function silences() {
  const file = path.join(root, 'src/plan/hazards.ts');
  const text = readFileSync(file, 'utf8');
  const anchor = 'return [...leftPass(ctx), ...PASSES';
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error('src/plan/hazards.ts: checkHazards no longer returns `[...leftPass(ctx), ...PASSES…]`; update the silence mutant');
  const end = text.indexOf(';', at);
  const { WARNING_CODES } = freshRequire(path.join(root, 'src/plan/rules.ts'));
  return WARNING_CODES.map((code) => ({
    file,
    where: `silence ${code}`,
    description: `checkHazards returns no ${code}`,
    source: `${text.slice(0, end)}.filter((w) => w.code !== '${code}')${text.slice(end)}`,
  }));
}

/**
 * Mutants that change nothing a plan can show, each with the reason; they are reported apart, not as
 * survivors. Matched by file and the mutant's description.
 */
const EQUIVALENT = [
  ['src/plan/checks/locks.ts', "&& → ||: 'online' in c && c.online", 'online is only ever set to true, so "has the key" and "is true" agree'],
  ['src/plan/checks/locks.ts', "|| → &&: !('table' in c) || typeof c.table !== 'object'", 'a change without `table` has typeof undefined: both halves agree'],
  ['src/plan/checks/renames.ts', "|| → &&: !subject || !('origin' in c)", 'every change kind with a rename subject carries `origin`, and those without have neither'],
  ['src/plan/checks/data.ts', '|| → &&: !ctx.existed(c.table) || !ctx.existed(parent)', 'the next line returns the same: a column exists only in a table that does'],
  ['src/plan/checks/dependents.ts', '< → <=: name(a) < name(b)', 'the names compared are distinct'],
  ['src/plan/checks/dependents.ts', '> → >=: name(a) > name(b)', 'the names compared are distinct'],
  ['src/plan/checks/dependents.ts', 'negated ?:: name(a) > name(b)', 'a tie-break the sort never needs for distinct names (the order is checked by the "three views" case)'],
  ['src/plan/checks/dependents.ts', '< → <=: a.description < b.description', 'descriptions are deduplicated just before'],
  ['src/plan/checks/used.ts', '< → <=: userKey(a) < userKey(b)', 'keys are deduplicated just before'],
];
const equivalent = (m) => EQUIVALENT.find(([file, text]) => m.where.startsWith(file) && m.description.startsWith(text));

const baseline = failures();
if (baseline.length > 0) {
  console.error(`The rule cases fail without any mutation:\n  ${baseline.join('\n  ')}`);
  process.exit(2);
}

const checksDir = path.join(root, 'src/plan/checks');
const mutants = [
  ...silences(),
  ...fs.readdirSync(checksDir).filter((f) => f.endsWith('.ts')).sort().flatMap((f) => flips(path.join(checksDir, f))),
].filter((m) => !only || m.where.includes(only));

const survivors = [];
const equivalents = [];
let killed = 0;
for (const m of mutants) {
  mutant = { file: m.file, source: m.source };
  const failed = failures();
  mutant = undefined;
  if (failed.length > 0) killed++;
  else if (equivalent(m)) equivalents.push({ ...m, why: equivalent(m)[2] });
  else survivors.push(m);
}
freshRequire(CASES);

if (asJson) {
  const listed = (list) => list.map(({ where, description, why }) => ({ where, description, ...(why ? { why } : {}) }));
  console.log(JSON.stringify({ mutants: mutants.length, killed, equivalent: listed(equivalents), survivors: listed(survivors) }, null, 2));
} else {
  console.log(`${mutants.length} mutants, ${killed} killed, ${equivalents.length} equivalent, ${survivors.length} survived`);
  for (const s of equivalents) console.log(`  equivalent ${s.where}  ${s.description}  (${s.why})`);
  for (const s of survivors) console.log(`  survived ${s.where}  ${s.description}`);
}
process.exit(survivors.length > 0 ? 1 : 0);
