/** The task queue every case workflow and its activities run on. */
export const CASE_TASK_QUEUE = 'unionflow-cases';

/** Workflow ids come from the business key, so a case's workflow can always be found from its id. */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

/** Search attributes registered on the Temporal server so operators can find a case in the Web UI. */
export const SEARCH_ATTRIBUTES = {
  caseNumber: 'CaseNumber',
  processKey: 'ProcessKey',
  department: 'Department',
  status: 'CaseStatus',
} as const;

/**
 * The interpreter revision starters ask for in `CaseInput.engineRevision` (ADR 035). A case started with
 * it takes every path of that revision without asking `patched()`: its input, recorded in the start
 * event, decides once, where a patch marker would cost every case a marker and a `TemporalChangeVersion`
 * upsert. Revision 1: the paths of `fewer-local-activities` (and so `local-db-activities`), and no
 * `CaseStatus` upserts (the read model records the status). Revision 2 (ADR 039): an approval step's
 * candidates are looked up by the local activity that writes the batch opening it. Deploy workers
 * before the starters that send a new revision.
 */
export const ENGINE_REVISION = 2;

/** Error types workflows raise to callers; the gateway maps them to HTTP statuses. */
export const ENGINE_ERRORS = {
  conflict: 'Conflict',
  forbidden: 'Forbidden',
  invalid: 'Invalid',
  notFound: 'NotFound',
  /** The case is parked until an administrator resolves it (ADR 013). */
  needsAttention: 'NeedsAttention',
  /** The `project` activity's failure when PostgreSQL refuses a batch for good (ADR 013). */
  projectionRejected: 'ProjectionRejected',
} as const;
