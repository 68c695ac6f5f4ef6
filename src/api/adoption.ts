/**
 * What `ormdiff init` tells the user it adopted: the TypeORM migrations of the folder, taken as they are
 * (src/runner/adopted.ts), and where the applied state is read from.
 */
import { loadGraph } from '../runner';
import { typeormTableRef, type TypeormTable } from '../runner/typeorm-table';

export interface AdoptionSummary {
  /** Adopted TypeORM migrations, in TypeORM's order. */
  adopted: string[];
  /** ormdiff's own revisions in the folder. */
  revisions: number;
  /** The head new revisions continue after (when there is one). */
  heads: string[];
  /** `"public"."migrations"`. */
  table: string;
}

export function adoptionSummary(migrationsDir: string, typeormTable?: TypeormTable): AdoptionSummary {
  const graph = loadGraph(migrationsDir);
  const adopted = graph.order.filter((id) => graph.nodes.get(id)!.adopted);
  return { adopted, revisions: graph.nodes.size - adopted.length, heads: graph.heads, table: typeormTableRef(typeormTable).qualified };
}

export function formatAdoption(s: AdoptionSummary, folder: string): string[] {
  if (s.adopted.length === 0) return [];
  return [
    `Adopted ${s.adopted.length} TypeORM migration(s) in ${folder} as they are, in TypeORM's order: ${s.adopted[0]}${s.adopted.length > 1 ? ` … ${s.adopted[s.adopted.length - 1]}` : ''}`,
    `The applied state is TypeORM's table ${s.table} (ormdiff writes it too); new revisions continue after ${s.heads.join(', ')}`,
  ];
}
