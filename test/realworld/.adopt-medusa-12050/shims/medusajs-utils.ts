/** Stand-in for the @medusajs/utils package: the entries the models and migrations use, from its vendored sources. */
export { isDefined } from '../app/packages/utils/src/common/is-defined';
export { MedusaV2Flag } from '../app/packages/utils/src/feature-flags/medusa-v2';
export { SalesChannelFeatureFlag } from '../app/packages/utils/src/feature-flags/sales-channels';
export { PriceListStatus, PriceListType } from '../app/packages/utils/src/pricing/price-list';
export { defaultCountries } from '../app/packages/utils/src/defaults/countries';
export { defaultCurrencies } from '../app/packages/utils/src/defaults/currencies';
