/** Stand-in for packages/medusa/src/utils/index.ts (a barrel over ~800 files): the entries the models use, from the vendored files. */
export { DbAwareColumn, resolveDbType, resolveDbGenerationStrategy } from '../app/packages/medusa/src/utils/db-aware-column';
export { generateEntityId } from '../app/packages/medusa/src/utils/generate-entity-id';
