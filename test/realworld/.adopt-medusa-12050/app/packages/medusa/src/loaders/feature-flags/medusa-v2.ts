import { MedusaV2Flag } from "@medusajs/utils"

export default MedusaV2Flag
