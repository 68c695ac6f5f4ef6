import { WorkflowsFeatureFlag } from "@medusajs/utils"

export default WorkflowsFeatureFlag
