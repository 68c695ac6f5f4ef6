/**
 * FactSource: the narrow interface hazard checks count live data through, and its implementation
 * over a Postgres connection. Everything runs in one transaction that is rolled back, each fact in
 * a savepoint, so a fact that cannot be counted (an expression the old schema cannot evaluate) only
 * loses that one number.
 */
import type { Queryable } from '../introspect';
import type { Fact, FactCounts } from '../plan/facts';
import { factKey } from '../plan/facts';
import { quoteIdent, quoteLiteral, quoteQualified } from '../sql/quote';
import { CAST_OUTCOME_FUNCTION, castAllSql, castChangedSql, countSql, ENUM_COLUMNS_SQL, enumUseSql } from './sql';

export interface FactSource {
  /** The count, or a rejection when it cannot be counted. */
  count(fact: Fact): Promise<number>;
}

export interface FactSourceOptions {
  /** statement_timeout for each count (Postgres interval text); default 60s. */
  timeout?: string;
}

type CastFact = Extract<Fact, { kind: 'castFailures' | 'castChanges' }>;

const asNumber = (rows: Array<{ n: string | number }>): number => Number(rows[0].n);

class PgFactSource implements FactSource {
  private savepoints = 0;
  private castFunction = false;
  private readonly outcomes = new Map<string, Promise<{ failed: number; changed?: number }>>();

  constructor(private readonly db: Queryable) {}

  /** Runs `fn` in a savepoint: an error rolls back to it and is passed on. */
  private async guarded<T>(fn: () => Promise<T>): Promise<T> {
    const name = `ormdiff_fact_${++this.savepoints}`;
    await this.db.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await this.db.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.db.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }

  private async one(sql: string, params: unknown[] = []): Promise<number> {
    return this.guarded(async () => asNumber((await this.db.query(sql, params)).rows as Array<{ n: string }>));
  }

  private async enumValueUses(f: Extract<Fact, { kind: 'enumValueUses' }>): Promise<number> {
    const { rows } = await this.db.query(ENUM_COLUMNS_SQL, [quoteQualified(f.type)]);
    let total = 0;
    for (const r of rows as Array<{ schema: string; table: string; column: string; array: boolean }>) {
      total += await this.one(enumUseSql({ schema: r.schema, name: r.table }, r.column, r.array), [f.value]);
    }
    return total;
  }

  /** Failures (and, given a source type, changed values) of a conversion: all rows at once, else row by row. */
  private async castOutcome(f: CastFact): Promise<{ failed: number; changed?: number }> {
    const back = f.kind === 'castChanges' ? f.sourceType : undefined;
    try {
      await this.one(castAllSql(f.table, f.column, f.expression));
      return back === undefined ? { failed: 0 } : { failed: 0, changed: await this.one(castChangedSql(f.table, f.column, f.expression, back)) };
    } catch {
      // Only data can fail row by row; an expression Postgres cannot even plan (a type this plan
      // creates, a column it adds) would fail on every row and count nothing real.
      await this.guarded(() => this.db.query(`EXPLAIN ${castAllSql(f.table, f.column, f.expression)}`));
      if (back !== undefined) await this.guarded(() => this.db.query(`EXPLAIN ${castChangedSql(f.table, f.column, f.expression, back)}`));
      if (!this.castFunction) {
        await this.guarded(() => this.db.query(CAST_OUTCOME_FUNCTION));
        this.castFunction = true;
      }
      const sql = 'SELECT pg_temp.ormdiff_cast_outcome($1, $2, $3, $4) AS outcome';
      const params = [quoteQualified(f.table), quoteIdent(f.column), f.expression, back ?? null];
      const outcome = await this.guarded(async () => (await this.db.query(sql, params)).rows[0].outcome as string[]);
      return { failed: Number(outcome[0]), ...(back !== undefined ? { changed: Number(outcome[1]) } : {}) };
    }
  }

  private cast(f: CastFact): Promise<{ failed: number; changed?: number }> {
    const key = JSON.stringify([f.table, f.column, f.expression, f.kind === 'castChanges' ? f.sourceType : null]);
    let outcome = this.outcomes.get(key);
    if (!outcome) {
      outcome = this.castOutcome(f);
      this.outcomes.set(key, outcome);
    }
    return outcome;
  }

  async count(f: Fact): Promise<number> {
    switch (f.kind) {
      case 'enumValueUses':
        return this.enumValueUses(f);
      case 'castFailures':
        return (await this.cast(f)).failed;
      case 'castChanges': {
        const outcome = await this.cast(f);
        if (outcome.changed === undefined) throw new Error('changed values were not counted');
        return outcome.changed;
      }
      default:
        return this.one(countSql(f));
    }
  }
}

/** A FactSource over `db` for the duration of `fn`, inside a transaction that is rolled back. */
export async function withFactSource<T>(db: Queryable, fn: (source: FactSource) => Promise<T>, options: FactSourceOptions = {}): Promise<T> {
  await db.query('BEGIN');
  try {
    await db.query(`SET LOCAL statement_timeout = ${quoteLiteral(options.timeout ?? '60s')}`);
    return await fn(new PgFactSource(db));
  } finally {
    await db.query('ROLLBACK');
  }
}

/** Counts what can be counted; a fact the source rejects is left out (its check warns in general terms). */
export async function countFacts(facts: Fact[], source: FactSource): Promise<FactCounts> {
  const counts = new Map<string, number>();
  for (const fact of facts) {
    try {
      counts.set(factKey(fact), await source.count(fact));
    } catch {
      // Not countable on this database; the warning falls back to its uncounted form.
    }
  }
  return counts;
}
