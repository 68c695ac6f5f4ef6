/** Stand-in for packages/medusa/src/interfaces/index.ts (services' interfaces too): the base entities, from the vendored files. */
export { BaseEntity } from '../app/packages/medusa/src/interfaces/models/base-entity';
export { SoftDeletableEntity } from '../app/packages/medusa/src/interfaces/models/soft-deletable-entity';
