import type { CaseDetailDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { visibleCase } from './case-lookup';
import { toCaseDetail } from './case-view';

/**
 * A case as `user` may see it now (404 when they no longer may). Replayed idempotent answers go
 * through here, so a repeat never shows what the caller's access used to allow.
 */
export async function caseDetailFor(
  db: Kysely<Database>,
  user: AuthUser,
  id: string,
): Promise<CaseDetailDto> {
  const { row, def, visibility } = await visibleCase(db, user, id);
  return toCaseDetail(db, row, def, visibility, user);
}
