/**
 * The questions hazard checks ask about the live data, as plain data. A check names the fact it
 * needs; src/facts counts it on a database (a FactSource); the check reads the number back. Names
 * are the database's current names (before any rename the plan makes), and expressions are SQL over
 * the table's columns.
 */
import { stableKey } from '../diff/keys';
import type { QualifiedName } from '../schema/model';

export type Fact =
  | { kind: 'rows'; table: QualifiedName }
  | { kind: 'nulls'; table: QualifiedName; column: string }
  | { kind: 'nonNulls'; table: QualifiedName; column: string }
  /** Rows whose key (SQL expressions) another row shares; with `nullsDistinct`, keys holding a NULL never clash. */
  | { kind: 'duplicates'; table: QualifiedName; keys: string[]; nullsDistinct: boolean; where?: string }
  /** Rows whose foreign key columns point at no row of the referenced table. */
  | {
      kind: 'orphans';
      table: QualifiedName;
      columns: string[];
      references: QualifiedName & { columns: string[] };
      match: 'SIMPLE' | 'FULL' | 'PARTIAL';
    }
  /** Rows for which the boolean expression is false (NULL passes, as it does for CHECK). */
  | { kind: 'violations'; table: QualifiedName; expression: string }
  /** Rows, over every column of the enum type (arrays included), that hold the value. */
  | { kind: 'enumValueUses'; type: QualifiedName; value: string }
  /** Non-NULL rows for which evaluating `expression` (the new value) raises an error. */
  | { kind: 'castFailures'; table: QualifiedName; column: string; expression: string }
  /** Rows whose value does not come back unchanged: `expression` cast back to `sourceType`, compared as text. */
  | { kind: 'castChanges'; table: QualifiedName; column: string; expression: string; sourceType: string };

export type FactKind = Fact['kind'];

export const factKey = (fact: Fact): string => stableKey(fact);

/** Counted answers; a fact that is absent was not (or could not be) counted. */
export type FactCounts = ReadonlyMap<string, number>;

export const NO_COUNTS: FactCounts = new Map();
