/**
 * What the comparison counts as a difference, per kind of object: whether its name matters, and
 * whether the order of its columns does. The default is what TypeORM's own schema builder looks at
 * (RdbmsSchemaBuilder, the same in 0.3.0, 0.3.31 and 1.1):
 * - a primary key is kept while the *set* of primary columns is the same (`updatePrimaryKeys`, and
 *   `isPrimary` per column): its name and column order never count;
 * - a UNIQUE on one column is a property of that column (`isUnique`, `normalizeIsUnique`), compared
 *   true/false and never by name;
 * - a UNIQUE on several columns is matched by name only (`dropCompositeUniqueConstraints`);
 * - a foreign key by name, referenced table and ON DELETE/UPDATE, never by its column pairs' order;
 * - an index by name, then by uniqueness, method (0.3: spatial or not) and its *set* of columns
 *   (`shouldDropIndices`);
 * - checks and exclusions by name.
 * What ormdiff reports beyond that is drift TypeORM cannot see (index expressions and predicates,
 * CHECK bodies, a composite unique's or a foreign key's columns), not names or orders TypeORM never
 * looks at.
 *
 * Set in the config (`export const ormdiff = { policy: { names: { foreignKey: 'ignore' } } }`) and on
 * the command line (`--policy names.foreignKey=ignore`); the command line wins, key by key.
 */
import { UsageError } from '../errors';

/** `columnUnique`: a UNIQUE constraint on one column; `unique`: on two or more (TypeORM tells them apart). */
export const NAMED_KINDS = ['primaryKey', 'foreignKey', 'unique', 'columnUnique', 'check', 'exclusion', 'index'] as const;
export type NamedKind = (typeof NAMED_KINDS)[number];

export const ORDERED_KINDS = ['primaryKey', 'foreignKey', 'unique', 'index'] as const;
export type OrderedKind = (typeof ORDERED_KINDS)[number];

export type Treatment = 'compare' | 'ignore';
const TREATMENTS: readonly Treatment[] = ['compare', 'ignore'];

export interface ComparePolicy {
  /** `ignore`: two objects that differ only in name are the same object (no rename is proposed). */
  names: Record<NamedKind, Treatment>;
  /** `ignore`: two objects whose columns differ only in order are the same object. */
  columnOrder: Record<OrderedKind, Treatment>;
}

/** What the user sets: any subset, over the defaults. A whole section may be one treatment for every kind. */
export interface PolicyOverrides {
  names?: Treatment | Partial<Record<NamedKind, Treatment>>;
  columnOrder?: Treatment | Partial<Record<OrderedKind, Treatment>>;
}

const every = <K extends string>(kinds: readonly K[], t: Treatment): Record<K, Treatment> =>
  Object.fromEntries(kinds.map((k) => [k, t])) as Record<K, Treatment>;

/** TypeORM's own view (see the file comment): the default wherever entities are compared with a database. */
export const TYPEORM_POLICY: ComparePolicy = {
  names: { ...every(NAMED_KINDS, 'compare'), primaryKey: 'ignore', columnUnique: 'ignore' },
  columnOrder: every(ORDERED_KINDS, 'ignore'),
};

/** Everything counts: for telling whether two catalogs are the same (verify's up → down → up). */
export const STRICT_POLICY: ComparePolicy = {
  names: every(NAMED_KINDS, 'compare'),
  columnOrder: every(ORDERED_KINDS, 'compare'),
};

const SECTIONS = { names: NAMED_KINDS, columnOrder: ORDERED_KINDS } as const;
type Section = keyof typeof SECTIONS;

function section<K extends string>(
  base: Record<K, Treatment>,
  override: Treatment | Partial<Record<K, Treatment>> | undefined,
): Record<K, Treatment> {
  if (override === undefined) return base;
  if (typeof override === 'string') return every(Object.keys(base) as K[], override);
  return { ...base, ...override };
}

/**
 * The policy the overrides give over `base`; later overrides win, kind by kind. A resolved policy is
 * itself a complete override, so resolving twice changes nothing.
 */
export function resolvePolicy(overrides: Array<PolicyOverrides | undefined>, base: ComparePolicy = TYPEORM_POLICY): ComparePolicy {
  return overrides.reduce<ComparePolicy>(
    (policy, o) => (o ? { names: section(policy.names, o.names), columnOrder: section(policy.columnOrder, o.columnOrder) } : policy),
    base,
  );
}

/** A policy value that makes no sense; the message names the key (exit 2). */
export class PolicyError extends UsageError {}

const choices = (list: readonly string[]): string => list.map((c) => JSON.stringify(c)).join(', ');

function treatment(value: unknown, key: string, where: string): Treatment {
  if (typeof value === 'string' && (TREATMENTS as readonly string[]).includes(value)) return value as Treatment;
  throw new PolicyError(`${key}${where}: expected ${choices(TREATMENTS)}, not ${JSON.stringify(value) ?? String(value)}`);
}

/** The `policy` of the config's `ormdiff` export, checked; `where` names the file for messages. */
export function parsePolicyConfig(value: unknown, where = ''): PolicyOverrides {
  const at = where ? ` in ${where}` : '';
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PolicyError(`ormdiff.policy${at}: expected an object like { names: { primaryKey: 'ignore' } }`);
  }
  const overrides: PolicyOverrides = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!(key in SECTIONS)) throw new PolicyError(`ormdiff.policy.${key}${at}: unknown key (expected ${choices(Object.keys(SECTIONS))})`);
    const name = key as Section;
    const kinds: readonly string[] = SECTIONS[name];
    if (v === undefined) continue;
    if (typeof v === 'string') {
      overrides[name] = treatment(v, `ormdiff.policy.${name}`, at);
      continue;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw new PolicyError(`ormdiff.policy.${name}${at}: expected ${choices(TREATMENTS)} or an object keyed by ${choices(kinds)}`);
    }
    const entries: Record<string, Treatment> = {};
    for (const [kind, t] of Object.entries(v as Record<string, unknown>)) {
      if (!kinds.includes(kind)) throw new PolicyError(`ormdiff.policy.${name}.${kind}${at}: unknown kind (expected ${choices(kinds)})`);
      if (t !== undefined) entries[kind] = treatment(t, `ormdiff.policy.${name}.${kind}`, at);
    }
    overrides[name] = entries as never;
  }
  return overrides;
}

/** `--policy section[.kind]=compare|ignore`, repeatable: `--policy names.foreignKey=ignore --policy columnOrder=compare`. */
export function parsePolicyArgs(values: readonly string[] | undefined): PolicyOverrides {
  const object: Record<string, Record<string, string> | string> = {};
  for (const text of values ?? []) {
    const match = /^([^=.\s]+)(?:\.([^=\s]+))?=(.*)$/.exec(text.trim());
    if (!match) throw new PolicyError(`--policy ${JSON.stringify(text)}: expected section.kind=compare|ignore, e.g. names.primaryKey=compare`);
    const [, name, kind, value] = match;
    if (!(name in SECTIONS)) throw new PolicyError(`--policy ${name}: unknown key (expected ${choices(Object.keys(SECTIONS))})`);
    const kinds: readonly string[] = SECTIONS[name as Section];
    if (kind === undefined) {
      object[name] = treatment(value, `--policy ${name}`, '');
      continue;
    }
    if (!kinds.includes(kind)) throw new PolicyError(`--policy ${name}.${kind}: unknown kind (expected ${choices(kinds)})`);
    const t = treatment(value, `--policy ${name}.${kind}`, '');
    const before = object[name];
    object[name] = typeof before === 'string' ? { ...every(kinds, before as Treatment), [kind]: t } : { ...before, [kind]: t };
  }
  return object as PolicyOverrides;
}
