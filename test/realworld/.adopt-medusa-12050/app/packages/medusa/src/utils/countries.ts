import { defaultCountries, Country } from "@medusajs/utils"
export const countries: Country[] = defaultCountries
