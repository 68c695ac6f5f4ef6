/** Stand-in for packages/medusa/src/types/batch-job.ts (DTOs, class-validator): the one runtime value the model uses, copied. */
export enum BatchJobStatus {
  CREATED = 'created',
  PRE_PROCESSED = 'pre_processed',
  CONFIRMED = 'confirmed',
  PROCESSING = 'processing',
  COMPLETED = 'completed',
  CANCELED = 'canceled',
  FAILED = 'failed',
}
