import type { Database } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { notFound } from '../errors';
import { type CaseVisibility, caseVisibility } from './case-access';
import { type CaseRow, caseDefinition, findCase } from './case-repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Case ids are UUIDs; anything else is answered as an unknown case without a query. */
export const isCaseId = (id: string) => UUID.test(id);

/**
 * Loads a case the user may see. Unknown ids and cases outside the caller's reach answer the same
 * 404, so nobody learns which case ids exist.
 */
export async function visibleCase(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
): Promise<{ row: CaseRow; def: ProcessDefinition; visibility: Exclude<CaseVisibility, 'none'> }> {
  const missing = notFound(`找不到案件 ${id} / no case ${id}`);
  if (!UUID.test(id)) throw missing;
  const row = await findCase(db, id);
  if (!row) throw missing;
  return visibleRow(db, user, row, missing);
}

/** The same checks for a case row already read (e.g. with a task); `missing` is what to throw. */
export async function visibleRow(
  db: Kysely<Database>,
  user: AuthUser,
  row: CaseRow,
  missing: Error,
): Promise<{ row: CaseRow; def: ProcessDefinition; visibility: Exclude<CaseVisibility, 'none'> }> {
  const def = await caseDefinition(db, row);
  const visibility = await caseVisibility(db, user, row, def);
  if (visibility === 'none') throw missing;
  return { row, def, visibility };
}
