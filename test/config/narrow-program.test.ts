/**
 * The loader's program over the project's own files (src/config/narrow-program.ts): used where it
 * emits what the whole program (with TypeORM's and the packages' declarations) emits, and not where a
 * package's declarations would change the output. Each project here is compiled both ways; where the
 * narrow program is refused, the test also shows that its output would have been different.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CompileCache } from '../../src/config/compile-cache';
import { loaderStats, ProjectCompiler } from '../../src/config/typescript';

const ROOT = resolve(__dirname, '../..');

interface Project {
  dir: string;
  file: (name: string) => string;
}

let project: Project;

/** A project without a tsconfig (the loader's defaults), TypeORM linked in, and a package of its own. */
function writeProject(files: Record<string, string>): Project {
  const dir = mkdtempSync(join(tmpdir(), 'ormdiff-narrow-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(ROOT, 'node_modules', 'typeorm'), join(dir, 'node_modules', 'typeorm'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', 'reflect-metadata'), join(dir, 'node_modules', 'reflect-metadata'), 'dir');
  const all: Record<string, string> = {
    'node_modules/moods/package.json': JSON.stringify({ name: 'moods', version: '1.0.0', main: 'index.js', types: 'index.d.ts' }),
    'node_modules/moods/index.js': `exports.Mood = { Happy: 'happy', Sad: 'sad' }; exports.Level = { Low: 0, High: 1 }; class Money {} exports.Money = Money;\n`,
    'node_modules/moods/index.d.ts': [
      `export declare enum Mood { Happy = 'happy', Sad = 'sad' }`,
      `export interface Callback { (value: string): void }`,
      `export declare const enum Level { Low = 0, High = 1 }`,
      `export type Id = string;`,
      `export interface Shape { kind: string }`,
      `export declare class Money { }`,
      '',
    ].join('\n'),
    'node_modules/@types/wire/package.json': JSON.stringify({ name: '@types/wire', version: '1.0.0', types: 'index.d.ts' }),
    'node_modules/@types/wire/index.d.ts': `export interface Frame { bytes: number }\n`,
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, file: (name) => join(dir, name) };
}

afterEach(() => rmSync(project.dir, { recursive: true, force: true }));

/**
 * The entity compiled both ways, and what the narrow attempt concluded: `usedLean` the program without
 * the browser's library, `libraryReason` why that one was refused. `tsconfig`: the project's, if any.
 */
function compileBothWays(entity: string, tsconfig?: string): { narrow: string; whole: string; usedNarrow: boolean; reason?: string; usedLean: boolean; libraryReason?: string } {
  const file = project.file(entity);
  const config = tsconfig && project.file(tsconfig);
  const before = { ...loaderStats };
  const auto = new ProjectCompiler(config, new CompileCache(join(project.dir, '.cache-auto')), project.dir);
  auto.addRoots([file]);
  const narrow = auto.compile(file);
  const usedNarrow = loaderStats.narrow > before.narrow;
  const usedLean = loaderStats.lean > before.lean;
  const reason = loaderStats.whole !== before.whole ? loaderStats.whole : undefined;
  const libraryReason = loaderStats.browserLibrary !== before.browserLibrary ? loaderStats.browserLibrary : undefined;
  const whole = new ProjectCompiler(config, new CompileCache(join(project.dir, '.cache-whole')), project.dir, { narrow: false }).compile(file);
  return { narrow, whole, usedNarrow, reason, usedLean, libraryReason };
}

/** A tsconfig as `tsc --init` and NestJS write one: no `lib`, so tsc's default library, the browser's part included. */
const DEFAULT_LIBRARY_TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2021', module: 'commonjs', strict: true, experimentalDecorators: true, emitDecoratorMetadata: true, strictPropertyInitialization: false, skipLibCheck: true },
  include: ['src'],
});

const entity = (imports: string, members: string, extra = '') =>
  `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n${imports}\n${extra}\n@Entity()\nexport class Thing {\n  @PrimaryGeneratedColumn() id: number;\n${members}\n}\n`;

describe('the narrow program is used, and emits what the whole program does', () => {
  it('byte for byte for project enums, aliases, unions, lib types and relations', () => {
    project = writeProject({
      'src/enums.ts': `export enum Role { Reader, Writer }\nexport enum Status { Draft = 'draft' }\nexport type Cents = number;\n`,
      'src/other.entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n@Entity()\nexport class Other { @PrimaryGeneratedColumn() id: number; }\n`,
      'src/thing.entity.ts': entity(
        `import { ManyToOne } from 'typeorm';\nimport { Role, Status, Cents } from './enums';\nimport { Other } from './other.entity';`,
        [
          '  @Column() role: Role;',
          '  @Column() status: Status;',
          '  @Column() price: Cents;',
          `  @Column() label: string | null;`,
          `  @Column() kind: 'a' | 'b';`,
          '  @Column() at: Date;',
          '  @Column() tags: string[];',
          '  @Column() meta: Record<string, unknown>;',
          '  @ManyToOne(() => Other) other: Promise<Other>;',
        ].join('\n'),
      ),
    });
    const r = compileBothWays('src/thing.entity.ts');
    expect(r.reason).toBeUndefined();
    expect(r.usedNarrow).toBe(true);
    expect(r.narrow).toBe(r.whole);
    expect(r.narrow).toContain('__metadata("design:type", Number)\n], Thing.prototype, "role"');
    expect(r.narrow).toContain('__metadata("design:type", String)\n], Thing.prototype, "status"');
    expect(r.narrow).toContain('__metadata("design:type", Number)\n], Thing.prototype, "price"');
  });

  it("with TypeORM's Relation<T> and a package's interface and class: a check that finds the same value at runtime", () => {
    project = writeProject({
      'src/thing.entity.ts': entity(
        `import { ManyToOne, Relation } from 'typeorm';\nimport { Shape, Money } from 'moods';`,
        ['  @ManyToOne(() => Thing) parent: Relation<Thing>;', '  @Column("jsonb") shape: Shape;', '  @Column("numeric") money: Money;'].join('\n'),
      ),
    });
    const r = compileBothWays('src/thing.entity.ts');
    expect(r.reason).toBeUndefined();
    expect(r.usedNarrow).toBe(true);
    const designTypes = (code: string) => [...code.matchAll(/__metadata\("design:type", (.*)\)\n\], Thing\.prototype, "(\w+)"/g)].map((m) => [m[2], m[1]]);
    expect(Object.fromEntries(designTypes(r.whole))).toMatchObject({ parent: 'Object', shape: 'Object', money: 'moods_1.Money' });
    const narrow = Object.fromEntries(designTypes(r.narrow));
    expect(narrow.parent).toMatch(/typeof typeorm_\d\.Relation !== "undefined" && typeorm_\d\.Relation\) === "function" \? _\w+ : Object$/);
    // At runtime: TypeORM exports no value Relation, the package no value Shape, and the class Money.
    expect((require('typeorm') as Record<string, unknown>).Relation).toBeUndefined();
    const moods = require(project.file('node_modules/moods')) as Record<string, unknown>;
    expect(moods.Shape).toBeUndefined();
    expect(typeof moods.Money).toBe('function');
    expect(narrow.money).toContain('moods_1.Money');
  });
});

describe("without the browser's library, where tsc's default library has it", () => {
  it('byte for byte for the standard classes and types, unions, and project interfaces and globals', () => {
    project = writeProject({
      'tsconfig.json': DEFAULT_LIBRARY_TSCONFIG,
      'src/globals.d.ts': `declare type Cents = number;\ninterface Labelled { label: string }\n`,
      'src/thing.entity.ts': entity(
        `import { ManyToOne } from 'typeorm';`,
        [
          '  @Column() at: Date;',
          '  @Column() gone: Date | null;',
          '  @Column("jsonb") map: Map<string, number>;',
          '  @Column("jsonb") set: ReadonlySet<string>;',
          '  @Column("jsonb") list: ReadonlyArray<string>;',
          '  @Column("jsonb") meta: Record<string, unknown>;',
          '  @Column("jsonb") part: Partial<Labelled>;',
          '  @Column() price: Cents;',
          '  @Column() upper: Uppercase<"a" | "b">;',
          '  @Column() known: NonNullable<string | null>;',
          '  @Column("bytea") bytes: Uint8Array;',
          '  @Column("jsonb") labelled: Named;',
          '  @ManyToOne(() => Thing) parent: Promise<Thing>;',
        ].join('\n'),
        'interface Named extends Labelled { name: string }',
      ),
    });
    const r = compileBothWays('src/thing.entity.ts', 'tsconfig.json');
    expect(r.libraryReason).toBeUndefined();
    expect(r.reason).toBeUndefined();
    expect(r.usedLean).toBe(true);
    expect(r.narrow).toBe(r.whole);
    for (const [member, type] of [['at', 'Date'], ['list', 'Array'], ['price', 'Number'], ['upper', 'Object'], ['known', 'Object'], ['bytes', 'Uint8Array'], ['parent', 'Promise']]) {
      expect(r.narrow).toContain(`__metadata("design:type", ${type})\n], Thing.prototype, "${member}"`);
    }
  });

  const withBrowserLibrary = (files: Record<string, string>, reason: RegExp) => {
    project = writeProject({ 'tsconfig.json': DEFAULT_LIBRARY_TSCONFIG, ...files });
    const r = compileBothWays('src/thing.entity.ts', 'tsconfig.json');
    expect(r.usedLean).toBe(false);
    expect(r.libraryReason).toMatch(reason);
    // The program over the project's files with the whole library served, byte for byte the whole program's.
    expect(r.reason).toBeUndefined();
    expect(r.usedNarrow).toBe(true);
    expect(r.narrow).toBe(r.whole);
    return r.whole;
  };

  it("a class of the browser's library (Blob: the class in the whole program, Object without it)", () => {
    const whole = withBrowserLibrary({ 'src/thing.entity.ts': entity('', '  @Column("bytea") blob: Blob;') }, /thing\.entity\.ts:\d+: Blob is declared outside the project/);
    expect(whole).toContain('__metadata("design:type", Blob)');
  });

  it("a project global that the browser's library declares too (merged with its class)", () => {
    const whole = withBrowserLibrary(
      { 'src/globals.d.ts': 'interface Headers { traceId?: string }\n', 'src/thing.entity.ts': entity('', '  @Column("jsonb") headers: Headers;') },
      /globals\.d\.ts:1: the global Headers is declared by the browser's library too/,
    );
    expect(whole).toContain('__metadata("design:type", Headers)');
  });

  it("an interface whose base is the browser's (its call signature makes it Function)", () => {
    const whole = withBrowserLibrary(
      { 'src/thing.entity.ts': entity('', '  @Column("jsonb") listener: Listener;', 'interface Listener extends EventListener { once?: boolean }') },
      /EventListener is declared outside the project/,
    );
    expect(whole).toContain('__metadata("design:type", Function)');
  });
});

describe('the whole program is built where a package would change the output', () => {
  const refused = (files: Record<string, string>, reason: RegExp, differs = true) => {
    project = writeProject(files);
    const r = compileBothWays('src/thing.entity.ts');
    expect(r.usedNarrow).toBe(false);
    expect(r.reason).toMatch(reason);
    // What was written is the whole program's.
    const again = new ProjectCompiler(undefined, new CompileCache(join(project.dir, '.cache-narrow-forced')), project.dir, { narrow: true });
    expect(again.compile(project.file('src/thing.entity.ts'))).toBe(r.whole);
    return r.whole;
  };

  it("a package's enum as a member's type (String in the whole program)", () => {
    const whole = refused({ 'src/thing.entity.ts': entity(`import { Mood } from 'moods';`, '  @Column() mood: Mood;') }, /thing\.entity\.ts:\d+: Mood comes from a package/);
    expect(whole).toContain('__metadata("design:type", String)');
  });

  it("a package's enum as the type of the undecorated setter of a decorated getter", () => {
    const whole = refused(
      { 'src/thing.entity.ts': entity(`import { Mood } from 'moods';`, '  private m!: Mood;\n  @Column()\n  get mood() { return this.m; }\n  set mood(value: Mood) { this.m = value; }') },
      /Mood comes from a package/,
    );
    expect(whole).toContain('__metadata("design:type", String),\n    __metadata("design:paramtypes", [String])');
  });

  it("a package's alias of a primitive, also through a project alias", () => {
    refused({ 'src/thing.entity.ts': entity(`import { Id } from 'moods';`, '  @Column() ref: Id;') }, /Id comes from a package/);
    rmSync(project.dir, { recursive: true, force: true });
    const whole = refused({ 'src/thing.entity.ts': entity(`import { Id } from 'moods';`, '  @Column() ref: Ref;', 'type Ref = Id;') }, /Id comes from a package/);
    expect(whole).toContain('__metadata("design:type", String)');
  });

  it('a global type the standard library does not declare', () => {
    refused({ 'src/thing.entity.ts': entity('', '  @Column() file: Express.Multer.File;') }, /Express is declared outside the project/);
  });

  it("an interface of a types-only package (its import would be required at runtime)", () => {
    refused({ 'src/thing.entity.ts': entity(`import { Frame } from 'wire';`, '  @Column("jsonb") frame: Frame;') }, /Frame comes from a package/);
  });

  it("a member of a package's const enum (inlined by the whole program)", () => {
    const whole = refused({ 'src/thing.entity.ts': entity(`import { Level } from 'moods';`, '  @Column({ default: Level.High }) level: number;') }, /Level comes from a package that declares const enums/);
    expect(whole).toContain('default: 1 /* Level.High */');
  });

  it("an interface whose base is a package's (its call signature makes it Function in the whole program)", () => {
    const whole = refused(
      { 'src/thing.entity.ts': entity(`import { Callback } from 'moods';`, '  @Column("jsonb") handler: Handler;', 'interface Handler extends Callback { once?: boolean }') },
      /thing\.entity\.ts:\d+: Callback comes from a package/,
    );
    expect(whole).toContain('__metadata("design:type", Function)');
  });

  it('a re-export of names of a package', () => {
    refused(
      { 'src/kinds.ts': `export { Shape } from 'moods';\n`, 'src/thing.entity.ts': entity(`import './kinds';`, '  @Column() name: string;') },
      /kinds\.ts:\d+: re-exports names of a package/,
    );
  });
});
