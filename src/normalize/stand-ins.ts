/**
 * Enum types the entities need that the database lacks are made, for normalizing only, as temporary
 * types under names of ormdiff's (`ormdiff_enum_<tag>_<n>`): creating the real type would need
 * CREATE on its schema, which a read-only role does not have. Pure: the names, and the rewriting of
 * type references from the real name to the stand-in and back.
 */
import type { EnumType, QualifiedName } from '../schema/model';
import { qualifiedKey } from '../schema/model';
import { formatQualified } from '../sql/quote';

export interface StandIn {
  real: EnumType;
  /** The temporary type's name (it lives in pg_temp). */
  name: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class StandIns {
  private readonly byKey: Map<string, StandIn>;

  constructor(enums: readonly EnumType[], tag: string) {
    this.byKey = new Map(enums.map((real, i) => [qualifiedKey(real), { real, name: `ormdiff_enum_${tag}_${i}` }]));
  }

  get all(): StandIn[] {
    return [...this.byKey.values()];
  }

  of(type: QualifiedName | undefined): StandIn | undefined {
    return type && this.byKey.get(qualifiedKey(type));
  }

  /** An entity's expression with its references to replaced types pointing at the stand-ins. */
  toTemp(text: string): string {
    let out = text;
    // Whole names only: `public.status` is not the start of `public.status_v2`.
    for (const s of this.byKey.values()) out = out.replace(new RegExp(`(?<![\\w$."])${escape(formatQualified(s.real))}(?![\\w$])`, 'g'), () => `pg_temp.${s.name}`);
    return out;
  }

  /** What Postgres printed (a temporary type bare, or as `pg_temp_<n>.name`) with the real names back. */
  fromTemp(text: string): string {
    let out = text;
    for (const s of this.byKey.values()) out = out.replace(new RegExp(`(?:pg_temp(?:_\\d+)?\\.)?\\b${s.name}\\b`, 'g'), () => formatQualified(s.real));
    return out;
  }
}
