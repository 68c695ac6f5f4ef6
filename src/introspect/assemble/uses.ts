/** What uses the objects a plan may drop, from USES_SQL's rows. Pure. */
import type { ObjectUse } from '../../schema/uses';
import type { UseRow } from '../rows';

export function toUses(rows: UseRow[]): ObjectUse[] {
  return rows.map((r) => ({
    used: { kind: r.kind, schema: r.schema, name: r.name, ...(r.column !== null ? { column: r.column } : {}) },
    user: {
      kind: r.user_kind,
      schema: r.user_schema,
      name: r.user_name,
      ...(r.user_column !== null ? { column: r.user_column } : {}),
      ...(r.user_part !== null ? { part: r.user_part } : {}),
      description: r.user_description,
    },
  }));
}
