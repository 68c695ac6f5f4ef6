/**
 * Whether a migration uses an extension it creates, so that its `down` drops the extension only then.
 * An extension is created when the model first needs it (a uuid default, a citext column, an
 * exclusion constraint): the migration that creates it also creates what uses it, and undoing that
 * migration may drop it again. A migration that creates an extension nothing in it uses (the database
 * merely lacked what TypeORM installs on connect) leaves it in place on the way down: something
 * else, outside the migration, wants it.
 */

/** What the statements of a migration name when they use the extension; others are not known. */
const USES: Record<string, RegExp> = {
  'uuid-ossp': /\buuid_(?:generate_v(?:1mc|[1345])|nil|ns_(?:dns|url|oid|x500))\s*\(/i,
  pgcrypto: /\b(?:gen_random_uuid|gen_random_bytes|crypt|gen_salt|digest|hmac|encrypt(?:_iv)?|decrypt(?:_iv)?|pgp_\w+|armor|dearmor)\s*\(/i,
  citext: /(?<![\w$])"?citext"?(?![\w$])/i,
  hstore: /(?<![\w$])"?hstore"?(?![\w$])/i,
  ltree: /(?<![\w$])"?l(?:tree|query)"?(?![\w$])/i,
  cube: /(?<![\w$])"?cube"?(?![\w$])/i,
  vector: /(?<![\w$])"?(?:vector|halfvec|sparsevec)"?(?![\w$])/i,
  postgis: /(?<![\w$])"?(?:geometry|geography)"?(?![\w$])/i,
  btree_gist: /\bUSING\s+"?gist"?\b/i,
};

/**
 * Whether `down` should drop the extension `name` that `up` creates: when one of the other statements
 * of `up` uses it, or when what it provides is not known (it was created for this migration then).
 */
export function dropsOnTheWayDown(name: string, upStatements: readonly string[]): boolean {
  const uses = USES[name];
  if (!uses) return true;
  return upStatements.some((sql) => !/^CREATE EXTENSION\b/i.test(sql) && uses.test(sql));
}
