import { defaultCurrencies, Currency } from "@medusajs/utils"
export const currencies: Record<string, Currency> = defaultCurrencies
