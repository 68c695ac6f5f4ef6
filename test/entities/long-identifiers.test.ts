/**
 * Identifiers over 63 bytes: the entity model holds them cut exactly as Postgres stores them (bytes,
 * never inside a character), so the plan applies and a second diff is empty, and a database
 * TypeORM's synchronize() built diffs empty; two names that Postgres would store as one are a one-line
 * error naming the entity and both names.
 */
import 'reflect-metadata';
import { Column, DefaultNamingStrategy, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ConfigError } from '../../src/config/errors';
import { truncateIdentifier } from '../../src/entities/identifiers';
import { buildEntityMetadatas, readEntities } from '../../src/entities/read';
import { exitCodeOf } from '../../src/errors';
import { sequenceName } from '../../src/entities/naming';
import {
  AUDIT_FK,
  AUDIT_ID,
  AUDIT_JOIN_COLUMN,
  AUDIT_TABLE,
  LONG_CHECK,
  LONG_COLUMN,
  LONG_ENUM,
  LONG_INDEX,
  LONG_TABLE,
  LONG_UNIQUE,
  MULTIBYTE_COLUMN,
  ReminderAttemptAudit,
  longIdentifierEntities,
} from '../fixtures/long-identifiers';
import { afterSynchronize, planFromEmpty } from './invariants';

const read = (entities: unknown[]) => readEntities({ type: 'postgres', entities: entities as never });

describe('truncateIdentifier (Postgres truncate_identifier)', () => {
  it('keeps 63 bytes, never splitting a multibyte character', () => {
    expect(truncateIdentifier('a'.repeat(63))).toBe('a'.repeat(63));
    expect(truncateIdentifier('a'.repeat(64))).toBe('a'.repeat(63));
    expect(truncateIdentifier(MULTIBYTE_COLUMN)).toBe(`ab${'é'.repeat(30)}`);
    expect(truncateIdentifier('€'.repeat(30))).toBe('€'.repeat(21));
  });
});

describe('identifiers over 63 bytes', () => {
  it('are cut in the model wherever they appear', async () => {
    const { schema, columnRoles } = await read(longIdentifierEntities);
    const cut = truncateIdentifier;
    const attempts = schema.tables.find((t) => t.name === cut(LONG_TABLE))!;
    expect(attempts.columns.map((c) => c.name)).toEqual(['id', cut(LONG_COLUMN), `ab${'é'.repeat(30)}`, 'deliveryStatus', 'deliveryReference']);
    expect(attempts.columns[0].valueSource).toEqual({ kind: 'serial', sequence: { schema: 'public', name: `${LONG_TABLE.slice(0, 56)}_id_seq` } });
    expect(attempts.indexes.map((i) => [i.name, i.elements[0].value])).toEqual([[cut(LONG_INDEX), cut(LONG_COLUMN)]]);
    expect(schema.enums.map((e) => e.name)).toEqual([cut(LONG_ENUM)]);
    expect(attempts.columns[3].dataType).toBe(`public.${cut(LONG_ENUM)}`);
    expect(attempts.uniques.map((u) => u.name)).toEqual([cut(LONG_UNIQUE)]);
    expect(attempts.checks.map((c) => c.name)).toEqual([cut(LONG_CHECK)]);
    const audit = schema.tables.find((t) => t.name !== attempts.name)!;
    expect(audit.name).toBe(cut(AUDIT_TABLE));
    // @JoinColumn's foreignKeyConstraintName came in a later 0.3 release: 0.3.0 names the key by its
    // naming strategy (a short hash), so only a TypeORM that keeps the given name has a long one to cut.
    const typeormKey = (await buildEntityMetadatas({ type: 'postgres', entities: longIdentifierEntities as never }))
      .getMetadata(ReminderAttemptAudit).foreignKeys[0];
    const keyName = typeormKey.name === AUDIT_FK ? cut(AUDIT_FK) : new DefaultNamingStrategy().foreignKeyName(AUDIT_TABLE, [AUDIT_JOIN_COLUMN]);
    expect(audit.foreignKeys.map((f) => [f.name, f.columns, f.references])).toEqual([
      [keyName, [cut(AUDIT_JOIN_COLUMN)], { schema: 'public', name: cut(LONG_TABLE), columns: ['id'] }],
    ]);
    const identity = audit.columns[0].valueSource;
    expect(identity.kind === 'identity' && identity.sequence.name).toBe(sequenceName(cut(AUDIT_TABLE), cut(AUDIT_ID)));
    expect(Buffer.byteLength(sequenceName(cut(AUDIT_TABLE), cut(AUDIT_ID)))).toBe(63);
    expect(columnRoles).toEqual([]);
  });

  it('give a plan that applies from an empty database and leaves nothing to do', async () => {
    const { second } = await planFromEmpty(longIdentifierEntities);
    expect(second.changes).toEqual([]);
  });

  it('diff empty against the database TypeORM synchronize() builds', async () => {
    expect((await afterSynchronize(longIdentifierEntities)).changes).toEqual([]);
  });
});

const SHARED = 'IDX_reminder_notification_delivery_attempts_by_customer_and_subscr';

@Entity('reminders_a')
@Index(`${SHARED}iption_id`, ['subscriptionId'])
@Index(`${SHARED}iber_id`, ['subscriberId'])
class TwoLongIndexes {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  subscriptionId: number;

  @Column()
  subscriberId: number;
}

@Entity('reminders_b')
class TwoLongColumns {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: `${'x'.repeat(63)}_one` })
  one: number;

  @Column({ name: `${'x'.repeat(63)}_two` })
  two: number;
}

@Entity(`${LONG_TABLE}_by_customer`)
class LongTableOne {
  @PrimaryGeneratedColumn()
  id: number;
}

@Entity(`${LONG_TABLE}_by_reminder`)
class LongTableTwo {
  @PrimaryGeneratedColumn()
  id: number;
}

@Entity(`${LONG_TABLE}_with_status`)
class LongTableWithEnum {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'enum', enum: ['on', 'off'] })
  status: string;
}

describe('names that become one when cut', () => {
  const failure = async (entities: unknown[]): Promise<Error> => {
    const error = await read(entities).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(exitCodeOf(error)).toBe(2);
    expect((error as Error).message).not.toContain('\n');
    return error as Error;
  };

  it('two indexes: an error naming both indexes and the entity', async () => {
    expect((await failure([TwoLongIndexes])).message).toBe(
      `schema public: relations "${SHARED}iber_id" (index of entity TwoLongIndexes) and "${SHARED}iption_id" (index of entity TwoLongIndexes) are both "${truncateIdentifier(`${SHARED}iption_id`)}" in PostgreSQL, which cuts identifiers to 63 bytes: give one a shorter name`,
    );
  });

  it('two columns of one table: an error naming the entity and both columns', async () => {
    expect((await failure([TwoLongColumns])).message).toBe(
      `entity TwoLongColumns: columns "${'x'.repeat(63)}_one" and "${'x'.repeat(63)}_two" are both "${'x'.repeat(63)}" in PostgreSQL, which cuts identifiers to 63 bytes: give one a shorter name`,
    );
  });

  it('two tables of a schema: an error naming both entities and tables', async () => {
    const { message } = await failure([LongTableOne, LongTableTwo]);
    expect(message).toContain(`"${LONG_TABLE}_by_customer" (table of entity LongTableOne) and "${LONG_TABLE}_by_reminder" (table of entity LongTableTwo)`);
  });

  it('a table and the enum type named after it (every table has a row type of its name): an error naming both', async () => {
    const table = `${LONG_TABLE}_with_status`;
    expect((await failure([LongTableWithEnum])).message).toBe(
      `schema public: types "${table}" (table of entity LongTableWithEnum) and "${table}_status_enum" (enum type) are both "${truncateIdentifier(table)}" in PostgreSQL, which cuts identifiers to 63 bytes: give one a shorter name`,
    );
  });
});
