import type { Database } from '@unionflow/db';
import type { CaseRegistration } from '@unionflow/workflows';
import { type Kysely, sql } from 'kysely';

/** Inserts the case row once; a retry finds it and returns the number it already has. */
export async function registerCase(
  db: Kysely<Database>,
  input: CaseRegistration,
): Promise<{ number: string }> {
  await db
    .insertInto('cases')
    .values({
      id: input.caseId,
      number: sql<string>`'UF' || to_char(${new Date(input.createdAt)}::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || lpad(nextval('case_number_seq')::text, 6, '0')`,
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
  const row = await db
    .selectFrom('cases')
    .select('number')
    .where('id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  return { number: row.number };
}
