import { type Database, nextCaseNumberSql } from '@unionflow/db';
import type { CaseRegistration } from '@unionflow/workflows';
import type { Kysely, RawBuilder } from 'kysely';

/** Inserts the case row unless it exists (a retry): `number` is given, or taken from the sequence. */
export async function insertCaseRow(
  db: Kysely<Database>,
  input: CaseRegistration,
  number: string | RawBuilder<string>,
): Promise<void> {
  await db
    .insertInto('cases')
    .values({
      id: input.caseId,
      number,
      title: input.title,
      process_key: input.processKey,
      process_version: input.processVersion,
      department: input.department,
      applicant_id: input.applicantId,
      org_id: input.orgId,
      status: 'running',
      outcome: null,
      current_step: null,
      data: JSON.stringify(input.data) as never,
      last_seq: 0,
      parent_case_id: input.parentCaseId,
      created_at: new Date(input.createdAt),
      updated_at: new Date(input.createdAt),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Inserts the case row once; a retry finds it and returns the number it already has. */
export async function registerCase(
  db: Kysely<Database>,
  input: CaseRegistration,
): Promise<{ number: string }> {
  await insertCaseRow(db, input, nextCaseNumberSql(new Date(input.createdAt)));
  const row = await db
    .selectFrom('cases')
    .select('number')
    .where('id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  return { number: row.number };
}
