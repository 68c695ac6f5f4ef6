/**
 * Enum types the entities need that the database lacks are made, for normalizing only, as temporary
 * types under names of ormdiff's (`ormdiff_enum_<tag>_<n>`): creating the real type would need
 * CREATE on its schema, which a read-only role does not have. Pure: the names, and the rewriting of
 * type references from the real name to the stand-in and back.
 *
 * Every text of the scratch tables goes through both rewrites, and a new database lacks every enum:
 * trying each type's pattern on each text was types x texts (5 s of a first run at 1,000 entities).
 * So a text is first scanned for the names it may hold, and only those patterns run on it.
 */
import type { EnumType, QualifiedName } from '../schema/model';
import { qualifiedKey } from '../schema/model';
import { formatIdent } from '../sql/quote';

export interface StandIn {
  real: EnumType;
  /** The temporary type's name (it lives in pg_temp). */
  name: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A stand-in with what finds its real name in a text. */
interface Entry {
  standIn: StandIn;
  /** The real name as the catalog prints it: `schema.name`. */
  text: string;
  /** Its occurrences as a whole name: `public.status` is not the start of `public.status_v2`. */
  pattern: RegExp;
}

/** A run of name characters at a position: a bare name is followed by none (the patterns' boundary). */
const NAME_RUN = /[\w$]*/y;

export class StandIns {
  private readonly byKey: Map<string, StandIn>;
  private readonly entries: Entry[];
  /** Schema part (as printed) → name part → entries, for the bare name parts. */
  private readonly bare = new Map<string, Map<string, Entry[]>>();
  /** Schema part → entries whose name part is quoted (rare: checked one by one). */
  private readonly quoted = new Map<string, Entry[]>();
  private readonly byName: Map<string, Entry>;
  private readonly tempName: RegExp;

  constructor(enums: readonly EnumType[], tag: string) {
    this.byKey = new Map(enums.map((real, i) => [qualifiedKey(real), { real, name: `ormdiff_enum_${tag}_${i}` }]));
    this.entries = [...this.byKey.values()].map((standIn) => {
      const schemaPart = formatIdent(standIn.real.schema);
      const namePart = formatIdent(standIn.real.name);
      const text = `${schemaPart}.${namePart}`;
      const entry = { standIn, text, pattern: new RegExp(`(?<![\\w$."])${escape(text)}(?![\\w$])`, 'g') };
      if (namePart.startsWith('"')) {
        this.quoted.set(schemaPart, [...(this.quoted.get(schemaPart) ?? []), entry]);
      } else {
        const names = this.bare.get(schemaPart) ?? new Map<string, Entry[]>();
        names.set(namePart, [...(names.get(namePart) ?? []), entry]);
        this.bare.set(schemaPart, names);
      }
      return entry;
    });
    this.byName = new Map(this.entries.map((e) => [e.standIn.name, e]));
    this.tempName = new RegExp(`(?:pg_temp(?:_\\d+)?\\.)?\\b(ormdiff_enum_${escape(tag)}_\\d+)\\b`, 'g');
  }

  get all(): StandIn[] {
    return [...this.byKey.values()];
  }

  of(type: QualifiedName | undefined): StandIn | undefined {
    return type && this.byKey.get(qualifiedKey(type));
  }

  /**
   * The entries whose real name occurs in `text`, in their order: every `schema.name` ends its schema
   * part at a dot, and a bare name part is the whole run of name characters after it (else the pattern's
   * boundary fails), so one look-up per dot finds it. A superset is harmless: the patterns decide.
   */
  private occurring(text: string): Entry[] {
    const found = new Set<Entry>();
    for (let dot = text.indexOf('.'); dot !== -1; dot = text.indexOf('.', dot + 1)) {
      for (const [schemaPart, names] of this.bare) {
        if (!text.startsWith(schemaPart, dot - schemaPart.length)) continue;
        NAME_RUN.lastIndex = dot + 1;
        for (const e of names.get(NAME_RUN.exec(text)![0]) ?? []) found.add(e);
      }
      if (text[dot + 1] !== '"') continue;
      for (const [schemaPart, entries] of this.quoted) {
        if (!text.startsWith(schemaPart, dot - schemaPart.length)) continue;
        for (const e of entries) if (text.startsWith(e.text.slice(schemaPart.length + 1), dot + 1)) found.add(e);
      }
    }
    return found.size === 0 ? [] : this.entries.filter((e) => found.has(e));
  }

  /** An entity's expression with its references to replaced types pointing at the stand-ins. */
  toTemp(text: string): string {
    let out = text;
    // In the stand-ins' order, one type after another, as the result may depend on it.
    for (const e of this.occurring(text)) out = out.replace(e.pattern, () => `pg_temp.${e.standIn.name}`);
    return out;
  }

  /** What Postgres printed (a temporary type bare, or as `pg_temp_<n>.name`) with the real names back. */
  fromTemp(text: string): string {
    // One pattern for all: the tag is this run's, so `ormdiff_enum_<tag>_<n>` names stand-in n or nothing.
    return text.replace(this.tempName, (match, name: string) => this.byName.get(name)?.text ?? match);
  }
}
