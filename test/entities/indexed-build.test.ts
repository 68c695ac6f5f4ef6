/**
 * The indexed lookups and the fast inheritance test (src/entities/indexed-storage.ts, fast-inheritance.ts)
 * change how much work TypeORM's metadata build does, never what it builds: the same entities built with
 * them and by TypeORM alone give the same metadata, in the same order, and the same model. No database.
 */
import 'reflect-metadata';
import { DataSource, type DataSourceOptions, Entity, type EntityMetadata, getMetadataArgsStorage, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MetadataUtils } from 'typeorm/metadata-builder/MetadataUtils';
import { buildEntityMetadatas } from '../../src/entities/read';
import { withIndexedLookups } from '../../src/entities/indexed-storage';
import { metadataToSchema } from '../../src/entities/schema';
import { forgetEntities, syntheticEntities } from '../../bench/entities';
import { richEntities } from '../fixtures/rich';

const nameOf = (target: unknown): string => (typeof target === 'function' ? target.name : String(target));
const value = (v: unknown): unknown => (typeof v === 'function' ? `fn:${(v as () => unknown)()}` : v);

/** What the build decided, as plain data (the metadata objects are cyclic). */
function describeMetadata(metadatas: EntityMetadata[]): unknown {
  return metadatas.map((m) => ({
    name: m.name,
    target: nameOf(m.target),
    tablePath: m.tablePath,
    tableType: m.tableType,
    inheritanceTree: m.inheritanceTree.map(nameOf),
    parent: m.parentEntityMetadata?.name,
    children: m.childEntityMetadatas.map((c) => c.name),
    discriminatorValue: m.discriminatorValue,
    treeType: m.treeType,
    columns: m.columns.map((c) => ({
      path: c.propertyPath,
      name: c.databaseName,
      target: nameOf(c.target),
      type: typeof c.type === 'function' ? c.type.name : c.type,
      default: value(c.default),
      nullable: c.isNullable,
      primary: c.isPrimary,
      generated: c.isGenerated,
      strategy: c.generationStrategy,
      length: c.length,
      enum: c.enum,
      enumName: c.enumName,
      array: c.isArray,
      generatedType: c.generatedType,
      asExpression: c.asExpression,
      discriminator: c.isDiscriminator,
      embedded: c.embeddedMetadata?.propertyPath,
      relation: c.relationMetadata?.propertyPath,
      referenced: c.referencedColumn?.databaseName,
    })),
    ownColumns: m.ownColumns.map((c) => c.propertyPath),
    relations: m.relations.map((r) => ({
      path: r.propertyPath,
      type: r.relationType,
      inverseEntity: r.inverseEntityMetadata?.name,
      inverseSide: r.inverseSidePropertyPath,
      owner: r.isOwning,
      joinColumns: r.joinColumns.map((c) => c.databaseName),
      junction: r.junctionEntityMetadata?.tablePath,
      onDelete: r.onDelete,
      treeParent: r.isTreeParent,
    })),
    relationIds: m.relationIds.map((r) => r.propertyName),
    embeddeds: m.embeddeds.map((e) => ({ path: e.propertyPath, prefix: e.prefix, columns: e.columns.map((c) => c.databaseName) })),
    indices: m.indices.map((i) => ({ name: i.name, columns: i.columns.map((c) => c.databaseName), where: i.where, unique: i.isUnique, spatial: i.isSpatial })),
    uniques: m.uniques.map((u) => ({ name: u.name, columns: u.columns.map((c) => c.databaseName) })),
    checks: m.checks.map((c) => ({ name: c.name, expression: c.expression })),
    exclusions: m.exclusions.map((x) => ({ name: x.name, expression: x.expression })),
    foreignKeys: m.foreignKeys.map((f) => ({
      name: f.name,
      columns: f.columnNames,
      referenced: f.referencedTablePath,
      referencedColumns: f.referencedColumnNames,
      onDelete: f.onDelete,
    })),
    listeners: m.ownListeners.map((l) => `${l.type}:${l.propertyName}`),
  }));
}

/** TypeORM's own build, with none of ormdiff's shortcuts. */
async function plainBuild(options: DataSourceOptions): Promise<DataSource> {
  const ds = new DataSource({ ...options, migrations: [], subscribers: [], cache: false });
  await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return ds;
}

const schemaOf = (ds: DataSource) => metadataToSchema(ds.entityMetadatas, { defaultSchema: 'public' });

describe('entity metadata built with indexed lookups', () => {
  it('is the metadata TypeORM builds alone, for a model with inheritance, trees, embeddeds and junction tables', async () => {
    const options: DataSourceOptions = { type: 'postgres', entities: richEntities };
    const plain = await plainBuild(options);
    const fast = await buildEntityMetadatas(options);
    expect(fast.entityMetadatas.length).toBe(plain.entityMetadatas.length);
    expect(describeMetadata(fast.entityMetadatas)).toEqual(describeMetadata(plain.entityMetadatas));
    expect(schemaOf(fast)).toEqual(schemaOf(plain));
    // The rich model has single-table children: the fast inheritance test kept them.
    expect(fast.entityMetadatas.some((m) => m.childEntityMetadatas.length > 0)).toBe(true);
  });

  it('is the same for a model among other decorated classes (the lookups narrow to the wanted targets)', async () => {
    const others = syntheticEntities(150);
    try {
      const model = syntheticEntities(120);
      try {
        const options: DataSourceOptions = { type: 'postgres', entities: model };
        const plain = await plainBuild(options);
        const fast = await buildEntityMetadatas(options);
        expect(fast.entityMetadatas).toHaveLength(120);
        expect(describeMetadata(fast.entityMetadatas)).toEqual(describeMetadata(plain.entityMetadatas));
        expect(schemaOf(fast)).toEqual(schemaOf(plain));
      } finally {
        forgetEntities(model);
      }
    } finally {
      forgetEntities(others);
    }
  });

  it('leaves TypeORM as it found it after the build', async () => {
    const isInherited = MetadataUtils.isInherited;
    await buildEntityMetadatas({ type: 'postgres', entities: richEntities });
    expect(MetadataUtils.isInherited).toBe(isInherited);
    const storage = getMetadataArgsStorage() as unknown as Record<string, unknown>;
    expect(Object.keys(storage).filter((k) => typeof storage[k] === 'function')).toEqual([]);
  });

  it('does not leave the shortcuts behind when the build fails', async () => {
    const isInherited = MetadataUtils.isInherited;
    class Missing {}
    class Broken {}
    // A relation to a class that is no entity: TypeORM's build throws.
    PrimaryGeneratedColumn()(Broken.prototype, 'id');
    ManyToOne(() => Missing)(Broken.prototype, 'missing');
    Entity({ name: 'indexed_build_broken' })(Broken);
    try {
      await expect(buildEntityMetadatas({ type: 'postgres', entities: [Broken] })).rejects.toThrow();
    } finally {
      forgetEntities([Broken]);
    }
    expect(MetadataUtils.isInherited).toBe(isInherited);
    const storage = getMetadataArgsStorage() as unknown as Record<string, unknown>;
    expect(Object.keys(storage).filter((k) => typeof storage[k] === 'function')).toEqual([]);
  });

  it('answers each lookup with the very args, in the very order, of TypeORM\'s scan, for one target or an inheritance tree', async () => {
    const storage = getMetadataArgsStorage() as unknown as Record<string, (target: unknown, property?: string) => unknown>;
    const proto = Object.getPrototypeOf(storage) as typeof storage;
    const targets = [...new Set((storage.tables as unknown as { target: unknown }[]).map((t) => t.target))];
    const trees = targets.filter((t): t is Function => typeof t === 'function').map((t) => MetadataUtils.getInheritanceTree(t));
    const lookups = ['filterTables', 'filterColumns', 'filterRelations', 'filterRelationIds', 'filterIndices', 'filterUniques', 'filterChecks', 'filterExclusions', 'filterListeners', 'filterEmbeddeds', 'findTree', 'findInheritanceType', 'findDiscriminatorValue'];
    let compared = 0;
    await withIndexedLookups(storage, async () => {
      for (const lookup of lookups) {
        expect(Object.prototype.hasOwnProperty.call(storage, lookup)).toBe(true);
        for (const target of [...targets, ...trees, targets]) {
          const fast = storage[lookup](target);
          const scanned = proto[lookup].call(storage, target);
          expect(fast).toEqual(scanned);
          if (Array.isArray(scanned)) (scanned as unknown[]).forEach((arg, i) => expect((fast as unknown[])[i]).toBe(arg));
          else expect(fast).toBe(scanned);
          compared++;
        }
      }
      for (const column of storage.columns as unknown as { target: unknown; propertyName: string }[]) {
        expect(storage.findGenerated(column.target, column.propertyName)).toBe(proto.findGenerated.call(storage, column.target, column.propertyName));
        expect(storage.filterJoinColumns(column.target, column.propertyName)).toEqual(proto.filterJoinColumns.call(storage, column.target, column.propertyName));
      }
    });
    expect(compared).toBeGreaterThan(lookups.length * richEntities.length);
  });
});
