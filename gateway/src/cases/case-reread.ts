import type { CaseDetailDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { notFound } from '../errors';
import { isCaseId, visibleRow } from './case-lookup';
import { findCaseWithParts } from './case-repository';
import { toCaseDetail } from './case-view';

/**
 * A case as `user` may see it now (404 when they no longer may), read in one statement. Case pages
 * and the answers of writes (after the engine has projected them) come from here; replayed
 * idempotent answers too, so a repeat never shows what the caller's access used to allow.
 */
export async function caseDetailFor(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
): Promise<CaseDetailDto> {
  const missing = notFound(`找不到案件 ${id} / no case ${id}`);
  if (!isCaseId(id)) throw missing;
  const found = await findCaseWithParts(db, id);
  if (!found) throw missing;
  const { row, def, visibility } = await visibleRow(db, user, found.row, missing);
  return toCaseDetail(db, row, def, visibility, user, found.parts);
}
