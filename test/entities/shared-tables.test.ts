/**
 * One table mapped by several metadatas: an entity that is also another relation's @JoinTable, and
 * @JoinTable on both sides of a many-to-many. The model is the one table TypeORM ends up with; two
 * entities claiming one table with different definitions are an error naming both.
 */
import 'reflect-metadata';
import { Column, Entity, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ConfigError } from '../../src/config/errors';
import { readEntities } from '../../src/entities/read';
import { exitCodeOf } from '../../src/errors';
import { bothSidesEntities, enrollmentEntities } from '../fixtures/shared-tables';
import { afterSynchronize, planFromEmpty } from './invariants';

const tableOf = async (entities: unknown[], name: string) =>
  (await readEntities({ type: 'postgres', entities: entities as never })).schema.tables.filter((t) => t.name === name);

describe('an entity that is also the @JoinTable of another relation', () => {
  it('is one table: the entity first, what the join table adds after it, one definition per name', async () => {
    const [enrollment, ...more] = await tableOf(enrollmentEntities, 'enrollment');
    expect(more).toEqual([]);
    expect(enrollment.columns.map((c) => `${c.name} ${c.dataType} ${c.nullable ? 'NULL' : 'NOT NULL'}`)).toEqual([
      'studentId integer NOT NULL',
      'courseId integer NOT NULL',
      'enrolledAt timestamp without time zone NOT NULL',
      'grade character varying NULL',
    ]);
    expect(enrollment.primaryKey?.columns).toEqual(['studentId', 'courseId']);
    // The join table's foreign keys have the entity's names; TypeORM keeps the entity's (first) definitions.
    expect(enrollment.foreignKeys.map((f) => `${f.columns.join()} ${f.onDelete} ${f.onUpdate}`).sort()).toEqual([
      'courseId NO ACTION NO ACTION',
      'studentId CASCADE NO ACTION',
    ]);
    // The entity's index on grade and the join table's on each join column.
    expect(enrollment.indexes.map((i) => i.elements.map((e) => e.value).join()).sort()).toEqual(['courseId', 'grade', 'studentId']);
  });

  it('is created once from an empty database, and applied leaves nothing to do', async () => {
    const { upSql, second } = await planFromEmpty(enrollmentEntities);
    expect(upSql.match(/CREATE TABLE "public"."enrollment"/g)).toHaveLength(1);
    expect(upSql).not.toMatch(/DROP/);
    expect(upSql.match(/PRIMARY KEY/g)).toHaveLength(3);
    expect(second.changes).toEqual([]);
  });

  it('diffs empty against the database TypeORM synchronize() builds', async () => {
    expect((await afterSynchronize(enrollmentEntities)).changes).toEqual([]);
  });
});

describe('@JoinTable on both sides of a many-to-many under one name', () => {
  it('is one table with the first side’s primary key column order', async () => {
    const tables = await tableOf(bothSidesEntities, 'author_books');
    expect(tables).toHaveLength(1);
    expect(tables[0].columns.map((c) => c.name)).toEqual(['authorId', 'bookId']);
    expect(tables[0].primaryKey?.columns).toEqual(['authorId', 'bookId']);
    expect(tables[0].foreignKeys).toHaveLength(2);
    expect(tables[0].indexes).toHaveLength(2);
  });

  it('is created once with one primary key, and applied leaves nothing to do', async () => {
    const { upSql, second } = await planFromEmpty(bothSidesEntities);
    expect(upSql.match(/CREATE TABLE "public"."author_books"/g)).toHaveLength(1);
    expect(upSql.match(/PRIMARY KEY/g)).toHaveLength(3);
    expect(second.changes).toEqual([]);
  });

  it('diffs empty against the database TypeORM synchronize() builds', async () => {
    expect((await afterSynchronize(bothSidesEntities)).changes).toEqual([]);
  });
});

@Entity('things')
class Thing {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;
}

@Entity('things')
class LabelledThing {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ type: 'int', nullable: true })
  rank: number | null;
}

@Entity('things')
class OtherThing {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  label: string;
}

@Entity('things')
class CodedThing {
  @PrimaryColumn()
  code: string;

  @Column({ type: 'varchar', length: 40 })
  label: string;
}

describe('two entities on one table', () => {
  const read = (entities: unknown[]) => readEntities({ type: 'postgres', entities: entities as never });

  it('with one column defined differently: an error naming both entities, the table and the column', async () => {
    const error = await read([Thing, OtherThing]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(exitCodeOf(error)).toBe(2);
    expect((error as Error).message).toBe(
      'entity Thing and entity OtherThing both map table public.things with different definitions of column "label" (type character varying(40) vs text)',
    );
  });

  it('with different primary keys: an error naming both', async () => {
    await expect(read([Thing, CodedThing])).rejects.toThrow(
      'entity Thing and entity CodedThing both map table public.things with different primary keys (id vs code)',
    );
  });

  it('with the same definitions: accepted, as one table with the columns of both', async () => {
    const { schema } = await read([Thing, LabelledThing]);
    expect(schema.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['things', ['id', 'label', 'rank']]]);
  });
});

@Entity()
class Lang {
  @PrimaryGeneratedColumn()
  id: number;
}

@Entity()
class Dev {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => Lang)
  @JoinTable({ name: 'dev_lang', joinColumn: { name: 'devId' }, inverseJoinColumn: { name: 'langId' } })
  langs: Lang[];
}

/** Comments its key columns, which the join table does not: TypeORM ends on the join table's (none). */
@Entity('dev_lang')
class DevLang {
  @PrimaryColumn({ comment: 'the developer' })
  devId: number;

  @PrimaryColumn({ comment: 'the language' })
  langId: number;

  @Column({ type: 'varchar', nullable: true })
  level: string | null;
}

/** A bigint where the join table has an integer: TypeORM drops and re-adds the column, ending on the join table's. */
@Entity('dev_lang')
class WideDevLang {
  @PrimaryColumn({ type: 'bigint' })
  devId: string;

  @PrimaryColumn()
  langId: number;
}

@Entity()
class Role {
  @PrimaryGeneratedColumn()
  id: number;
}

@Entity()
class Member {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => Role)
  @JoinTable({ name: 'member_role', joinColumn: { name: 'memberId' }, inverseJoinColumn: { name: 'roleId' } })
  roles: Role[];
}

/** A key of its own where the join table's key is (memberId, roleId). */
@Entity('member_role')
class MemberRole {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Member)
  @JoinColumn({ name: 'memberId' })
  member: Member;

  @ManyToOne(() => Role)
  @JoinColumn({ name: 'roleId' })
  role: Role;
}

describe('an entity and a join table that define a column differently', () => {
  it('by comment: the join table’s definition, as TypeORM leaves it after synchronize()', async () => {
    const [table] = await tableOf([Lang, Dev, DevLang], 'dev_lang');
    expect(table.columns.map((c) => [c.name, c.comment])).toEqual([
      ['devId', undefined],
      ['langId', undefined],
      ['level', undefined],
    ]);
    expect((await afterSynchronize([Lang, Dev, DevLang])).changes).toEqual([]);
  });

  it('by type: the join table’s type, the column re-added last, as TypeORM leaves it after synchronize()', async () => {
    const [table] = await tableOf([Lang, Dev, WideDevLang], 'dev_lang');
    expect(table.columns.map((c) => `${c.name} ${c.dataType}`)).toEqual(['langId integer', 'devId integer']);
    expect(table.primaryKey?.columns).toEqual(['langId', 'devId']);
    expect((await afterSynchronize([Lang, Dev, WideDevLang])).changes).toEqual([]);
  });

  it('by primary key (TypeORM cannot synchronize it): the entity’s key and columns, the join table’s indexes', async () => {
    const entities = [Role, Member, MemberRole];
    const [table] = await tableOf(entities, 'member_role');
    expect(table.primaryKey?.columns).toEqual(['id']);
    expect(table.columns.map((c) => `${c.name} ${c.nullable ? 'NULL' : 'NOT NULL'}`)).toEqual(['id NOT NULL', 'memberId NULL', 'roleId NULL']);
    expect(table.indexes.map((i) => i.elements[0].value).sort()).toEqual(['memberId', 'roleId']);
    expect(table.foreignKeys.map((f) => `${f.columns.join()} ${f.onDelete}`).sort()).toEqual(['memberId NO ACTION', 'roleId NO ACTION']);
    expect((await planFromEmpty(entities)).second.changes).toEqual([]);
  });
});
