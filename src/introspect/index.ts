export { introspect, type IntrospectOptions, type IntrospectResult, type Queryable } from './introspect';
export { assembleSchema, IGNORED_TABLES } from './assemble/schema';
export { readCatalog } from './read';
export type { CatalogRows } from './rows';
