/**
 * Identifiers as the catalog will hold them. Postgres cuts every identifier to NAMEDATALEN-1 = 63
 * bytes when it parses it (scan.l truncate_identifier, which uses pg_mbcliplen and so never splits a
 * multibyte character), silently apart from a NOTICE. TypeORM does not cut anything: its query runner
 * pastes table, column, constraint, index and enum names into DDL as the metadata has them (only its
 * default naming strategy hashes names into short ones), so the database holds the cut names. The
 * entity model is cut the same way here, and two names that become one are reported: Postgres would
 * refuse the second object, or worse, take it for the first.
 */
import { ConfigError } from '../config/errors';
import type { QualifiedName } from '../schema/model';

export const MAX_IDENTIFIER_BYTES = 63;

/** The longest prefix of `s` that fits in `maxBytes` of UTF-8 without splitting a character. */
export function clipUtf8(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s) <= maxBytes) return s;
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > maxBytes) break;
    bytes += n;
    out += ch;
  }
  return out;
}

/** An identifier as Postgres stores it. */
export const truncateIdentifier = (name: string): string => clipUtf8(name, MAX_IDENTIFIER_BYTES);

export const truncateQualified = <T extends QualifiedName>(q: T): T => ({ ...q, schema: truncateIdentifier(q.schema), name: truncateIdentifier(q.name) });

/**
 * Cuts names of one kind within one namespace, remembering the original of each cut name, so that
 * two different names that Postgres would store as one are reported with both originals.
 */
export class Namespace {
  private readonly originals = new Map<string, { original: string; who?: string }>();

  /** `what` names the namespace in the error: `entity User: columns`, `schema public: relations`. */
  constructor(private readonly what: string) {}

  /** The cut name; `who` (an entity, a table) goes into the message beside the original name. */
  claim(original: string, who?: string): string {
    const cut = truncateIdentifier(original);
    const seen = this.originals.get(cut);
    if (seen !== undefined && seen.original !== original) {
      const name = (n: string, w?: string) => JSON.stringify(n) + (w ? ` (${w})` : '');
      throw new ConfigError(
        `${this.what} ${name(seen.original, seen.who)} and ${name(original, who)} are both ${JSON.stringify(cut)} in PostgreSQL, which cuts identifiers to ${MAX_IDENTIFIER_BYTES} bytes: give one a shorter name`,
      );
    }
    this.originals.set(cut, { original, who });
    return cut;
  }
}

/** One Namespace per (cut) schema: `relations` (pg_class) or `types` (pg_type). */
export class Namespaces {
  private readonly bySchema = new Map<string, Namespace>();
  constructor(private readonly kind: string) {}
  of(schema: string): Namespace {
    let names = this.bySchema.get(schema);
    if (!names) this.bySchema.set(schema, (names = new Namespace(`schema ${schema}: ${this.kind}`)));
    return names;
  }
}
