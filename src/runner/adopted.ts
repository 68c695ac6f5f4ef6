/**
 * TypeORM migrations taken as they are. TypeORM orders a folder by the timestamp at the end of each
 * class's name (`AddUsers1700000000000`) and records `timestamp` and `name` in its `migrations` table;
 * a file without ormdiff's `revision`/`downRevision` fields gets its place in the revision graph from
 * that same order: its id is its TypeORM name (unique, as TypeORM itself requires) and its parent the
 * migration just before it by timestamp, whichever kind that one is. So a folder TypeORM has been
 * running is one linear chain, new ormdiff revisions continue after its last one (their `downRevision`
 * names it), and a migration `typeorm migration:generate` writes later continues after them. Pure.
 */
interface Orderable {
  revision: string;
  downRevisions: string[];
  file: string;
  className: string;
  timestamp?: number;
  adopted: boolean;
}

/** The timestamp TypeORM reads from a migration's name: its last 13 characters, when they are all digits. */
export function typeormTimestamp(name: string): number | undefined {
  const m = /(\d{13})$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** TypeORM's order: by timestamp; ties (which TypeORM leaves to its glob) by file, then class name. */
export function typeormOrder<T extends Orderable>(revisions: readonly T[]): T[] {
  return revisions
    .filter((r) => r.timestamp !== undefined)
    .sort((a, b) => a.timestamp! - b.timestamp! || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.className < b.className ? -1 : 1));
}

/** Gives each adopted revision its parent: the migration before it in TypeORM's order (none for the first). */
export function chainAdopted<T extends Orderable>(revisions: T[]): T[] {
  if (!revisions.some((r) => r.adopted)) return revisions;
  const ordered = typeormOrder(revisions);
  ordered.forEach((rev, i) => {
    if (rev.adopted) rev.downRevisions = i === 0 ? [] : [ordered[i - 1].revision];
  });
  return revisions;
}
