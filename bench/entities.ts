/**
 * Synthetic entities for the bench: real classes, decorated by calling TypeORM's decorator functions
 * in the order TypeScript would (property decorators bottom-up, then the class decorator), so they go
 * through TypeORM's metadata args storage exactly like user code.
 *
 * Each entity: a serial id, varchar(120) with an index, int, boolean default true, timestamptz default
 * now(), numeric(10,2), nullable text, nullable jsonb, an enum every 10th entity, and a many-to-one
 * to the previous entity (nullable, ON DELETE SET NULL). Names carry the size (`s1000_e0042`), since
 * TypeORM's metadata storage is global.
 */
import 'reflect-metadata';
import { Column, Entity, getMetadataArgsStorage, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

type PropertyDecorators = [property: string, ...decorators: PropertyDecorator[]];

const STATUSES = ['draft', 'active', 'archived'];

function decorate(target: Function, properties: PropertyDecorators[], classDecorators: ClassDecorator[]): void {
  for (const [property, ...decorators] of properties) {
    for (const decorator of [...decorators].reverse()) decorator(target.prototype, property);
  }
  for (const decorator of [...classDecorators].reverse()) decorator(target);
}

/** A class named `name` (TypeORM uses the class name as the entity name). */
function namedClass(name: string): Function {
  const holder = { [name]: class {} };
  return holder[name];
}

export function tableName(size: number, i: number): string {
  return `s${size}_e${String(i).padStart(4, '0')}`;
}

export function syntheticEntities(size: number): Function[] {
  const classes: Function[] = [];
  for (let i = 0; i < size; i++) {
    const name = tableName(size, i);
    const cls = namedClass(`S${size}E${String(i).padStart(4, '0')}`);
    const previous = i > 0 ? classes[i - 1] : undefined;
    const properties: PropertyDecorators[] = [
      ['id', PrimaryGeneratedColumn()],
      ['name', Index(), Column({ type: 'varchar', length: 120 })],
      ['quantity', Column({ type: 'int' })],
      ['active', Column({ type: 'boolean', default: true })],
      ['createdAt', Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })],
      ['price', Column({ type: 'numeric', precision: 10, scale: 2 })],
      ['notes', Column({ type: 'text', nullable: true })],
      ['payload', Column({ type: 'jsonb', nullable: true })],
    ];
    if (i % 10 === 0) properties.push(['status', Column({ type: 'enum', enum: STATUSES, default: 'draft' })]);
    if (previous) {
      properties.push([
        'parent',
        ManyToOne(() => previous, { nullable: true, onDelete: 'SET NULL' }),
        JoinColumn({ name: 'parent_id' }),
      ]);
    }
    decorate(cls, properties, [Entity({ name })]);
    classes.push(cls);
  }
  return classes;
}

/**
 * Takes a set of classes back out of TypeORM's global metadata args storage. Its lookups are linear
 * scans over every class ever decorated, so without this the later sizes would pay for the earlier
 * ones when building metadata — which no real process (one model) does.
 */
export function forgetEntities(classes: Function[]): void {
  const gone = new Set<unknown>(classes);
  const storage = getMetadataArgsStorage() as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(storage)) {
    if (!Array.isArray(value)) continue;
    storage[key] = value.filter((arg) => !(typeof arg === 'object' && arg !== null && gone.has((arg as { target?: unknown }).target)));
  }
}
