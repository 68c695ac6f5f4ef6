/**
 * Stand-in for src/boilerplate.polyfill.ts (not vendored): it patches Array and SelectQueryBuilder
 * prototypes for the app's services (lodash, DTOs); the entities' metadata does not depend on it.
 */
export {};
