/** Stand-in for class-transformer (not installed): the base entity's toJSON calls it; no decorator metadata depends on it. */
export function instanceToPlain<T>(value: T): T {
  return value;
}
