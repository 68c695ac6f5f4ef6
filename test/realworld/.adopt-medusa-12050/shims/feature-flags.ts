/**
 * Stand-in for packages/medusa/src/loaders/feature-flags/index.ts (the loader globs this folder and
 * reads the project config): the vendored flag definitions, each at its default value unless its
 * MEDUSA_FF_* variable says otherwise, as a Medusa server with no feature flags configured runs.
 */
import analytics from '../app/packages/medusa/src/loaders/feature-flags/analytics';
import medusaV2 from '../app/packages/medusa/src/loaders/feature-flags/medusa-v2';
import orderEditing from '../app/packages/medusa/src/loaders/feature-flags/order-editing';
import productCategories from '../app/packages/medusa/src/loaders/feature-flags/product-categories';
import publishableApiKeys from '../app/packages/medusa/src/loaders/feature-flags/publishable-api-keys';
import salesChannels from '../app/packages/medusa/src/loaders/feature-flags/sales-channels';
import taxInclusivePricing from '../app/packages/medusa/src/loaders/feature-flags/tax-inclusive-pricing';

interface FlagSettings {
  key: string;
  default_val: boolean;
  env_key: string;
}

const flags = new Map<string, boolean>(
  ([analytics, medusaV2, orderEditing, productCategories, publishableApiKeys, salesChannels, taxInclusivePricing] as FlagSettings[]).map((f) => {
    const env = process.env[f.env_key];
    return [f.key, env === undefined ? f.default_val : env.toLowerCase() === 'true'];
  }),
);

/** FlagRouter.isFeatureEnabled for string and string[] flags: every one must be on. */
export const featureFlagRouter = {
  isFeatureEnabled(flag: string | string[]): boolean {
    return (Array.isArray(flag) ? flag : [flag]).every((f) => flags.get(f) === true);
  },
};

/** Medusa's getEnabledMigrations: a migration file exporting `featureFlag` runs only when that flag is on. */
export function isMigrationEnabled(exports: Record<string, unknown>): boolean {
  const flag = exports.featureFlag as string | string[] | undefined;
  return flag === undefined || featureFlagRouter.isFeatureEnabled(flag);
}
