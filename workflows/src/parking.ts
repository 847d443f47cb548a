import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { ENGINE_ERRORS } from './constants';

/** Patch id: a projection PostgreSQL refuses for good parks the case instead of retrying (ADR 013). */
export const PARK_PATCH = 'park-on-projection-failure';

/** What every other caller of a parked case is told (the gateway answers 409 with it). */
export const PARKED_MESSAGE = "此案件需要管理员处理 / this case needs an administrator's attention";

/** The database's reason when `project` failed for good, or null for any other failure. */
export function projectionRejected(err: unknown): string | null {
  // A local activity's failure may reach the workflow wrapped in an ActivityFailure or as it was thrown.
  const failure = err instanceof ActivityFailure ? err.cause : err;
  return failure instanceof ApplicationFailure && failure.type === ENGINE_ERRORS.projectionRejected
    ? failure.message
    : null;
}

/** The refusal an Update gets while its case is parked. */
export function parkedFailure(): ApplicationFailure {
  return ApplicationFailure.create({
    type: ENGINE_ERRORS.needsAttention,
    message: PARKED_MESSAGE,
    nonRetryable: true,
  });
}
