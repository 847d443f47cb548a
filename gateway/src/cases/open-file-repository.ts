import type { Database } from '@unionflow/db';
import { hardshipCase } from '@unionflow/domain';
import { type Kysely, sql, type Transaction } from 'kysely';

/** Processes that open a household file: a household holds one such case at a time (issue #15). */
export const ONE_OPEN_FILE_PROCESSES: readonly string[] = [hardshipCase.key];

/** The applicant's open file, as the 409 names it. */
export interface OpenFile {
  id: string;
  number: string;
}

/**
 * Serialises starts for one applicant's household until the caller's transaction ends, so two
 * concurrent starts cannot both pass the check below (every gateway shares the database).
 */
export async function lockHousehold(trx: Transaction<Database>, applicantId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`unionflow.household-file:${applicantId}`}))`.execute(
    trx,
  );
}

/**
 * The applicant's open file: a running admission case, or a household in the file (a running case
 * whose file has not been archived as exited). A household that left the file may apply again while
 * its exit follow-ups still run.
 */
export async function findOpenFile(
  db: Kysely<Database>,
  applicantId: string,
  processKeys: readonly string[],
): Promise<OpenFile | undefined> {
  return db
    .selectFrom('cases as c')
    .leftJoin('hardship_files as f', 'f.case_id', 'c.id')
    .select(['c.id', 'c.number'])
    .where('c.applicant_id', '=', applicantId)
    .where('c.process_key', 'in', [...processKeys])
    .where('c.status', '=', 'running')
    .where((eb) => eb.or([eb('f.status', 'is', null), eb('f.status', '!=', 'exited')]))
    .orderBy('c.created_at')
    .executeTakeFirst();
}
