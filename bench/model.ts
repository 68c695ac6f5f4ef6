/**
 * A TypeORM project written the way users write one, for the bench: one entity per file, related on
 * both sides (ManyToOne to its parent, OneToMany to each child; the entities form a binary tree, so
 * imports nest log n deep, as in real models, not n), uuid and identity keys, int / numeric /
 * boolean / string / enum defaults, a CreateDateColumn, jsonb, a text array, a partial index, an
 * expression index (declared `synchronize: false`, created by SQL, as TypeORM users must), a CHECK.
 * `ormconfig.ts` exports the DataSource both ormdiff and TypeORM's CLI load.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const className = (i: number): string => `E${String(i).padStart(5, '0')}`;
export const tableOf = (i: number): string => `e${String(i).padStart(5, '0')}`;
const fileOf = (i: number): string => `${tableOf(i)}.entity`;

function entitySource(i: number, size: number): string {
  const name = className(i);
  const table = tableOf(i);
  const parent = i > 0 ? (i - 1) >> 1 : undefined;
  const children = [2 * i + 1, 2 * i + 2].filter((c) => c < size);
  const key = i % 2 === 0 ? `@PrimaryGeneratedColumn('uuid')\n  id!: string;` : `@PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })\n  id!: number;`;
  return [
    `import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';`,
    ...(parent !== undefined ? [`import { ${className(parent)} } from './${fileOf(parent)}';`] : []),
    ...children.map((child) => `import { ${className(child)} } from './${fileOf(child)}';`),
    '',
    `export enum ${name}Status {`,
    `  Draft = 'draft',`,
    `  Active = 'active',`,
    `  Archived = 'archived',`,
    `}`,
    '',
    `@Entity('${table}')`,
    `@Check('CHK_${table}_quantity', '"quantity" >= 0')`,
    `@Index('IDX_${table}_name_live', ['name'], { where: '"deleted_at" IS NULL' })`,
    `@Index('idx_${table}_lower_name', { synchronize: false })`,
    `export class ${name} {`,
    `  ${key}`,
    '',
    `  @Column({ type: 'varchar', length: 120, default: '' })`,
    `  name!: string;`,
    '',
    `  @Column({ type: 'int', default: 0 })`,
    `  quantity!: number;`,
    '',
    `  @Column({ type: 'numeric', precision: 10, scale: 2, default: 0 })`,
    `  price!: string;`,
    '',
    `  @Column({ default: true })`,
    `  active!: boolean;`,
    '',
    `  @Column({ type: 'enum', enum: ${name}Status, default: ${name}Status.Draft })`,
    `  status!: ${name}Status;`,
    '',
    `  @Column({ type: 'jsonb', nullable: true })`,
    `  payload!: Record<string, unknown> | null;`,
    '',
    `  @Column({ type: 'text', array: true, default: '{}' })`,
    `  tags!: string[];`,
    '',
    `  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })`,
    `  createdAt!: Date;`,
    '',
    `  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })`,
    `  deletedAt!: Date | null;`,
    ...(parent !== undefined
      ? [
          '',
          `  @ManyToOne(() => ${className(parent)}, (parent) => parent.children, { nullable: true, onDelete: 'SET NULL' })`,
          `  @JoinColumn({ name: 'parent_id' })`,
          `  parent!: ${className(parent)} | null;`,
        ]
      : []),
    ...children.flatMap((child, n) => ['', `  @OneToMany(() => ${className(child)}, (child) => child.parent)`, `  children${n}!: ${className(child)}[];`]),
    `}`,
    '',
  ].join('\n');
}

/** The SQL a user runs for what TypeORM cannot declare: the expression indexes, one statement each (no `;`). */
export function expressionIndexStatements(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `CREATE INDEX "idx_${tableOf(i)}_lower_name" ON "${tableOf(i)}" (lower("name"))`);
}

/**
 * Writes the project under `dir`: entities/, ormconfig.ts (url from DATABASE_URL), tsconfig.json, and
 * node_modules linked to ormdiff's (where TypeORM and the TypeScript loaders are).
 */
export function writeProject(dir: string, size: number, nodeModules: string, migrations = false): void {
  mkdirSync(join(dir, 'entities'), { recursive: true });
  for (let i = 0; i < size; i++) writeFileSync(join(dir, 'entities', `${fileOf(i)}.ts`), entitySource(i, size));
  writeFileSync(
    join(dir, 'ormconfig.ts'),
    [
      `import { DataSource } from 'typeorm';`,
      '',
      `export default new DataSource({`,
      `  type: 'postgres',`,
      `  url: process.env.DATABASE_URL,`,
      `  entities: [__dirname + '/entities/*.entity.{ts,js}'],`,
      // Relative (to the working directory for TypeORM, to the config for ormdiff: the same here).
      `  migrations: ${migrations ? `['migrations/*.ts']` : '[]'},`,
      `});`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'es2021',
          module: 'commonjs',
          strict: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          esModuleInterop: true,
          skipLibCheck: true,
        },
      },
      null,
      2,
    ),
  );
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
}
