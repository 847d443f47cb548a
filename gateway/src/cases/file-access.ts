import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { caseVisibility, sensitiveKeys } from './case-access';
import { caseDefinition, findCase } from './case-repository';

/** Keys of case data that refer to the file (a field holding its id, or a list containing it). */
function keysReferring(data: Record<string, unknown>, fileId: string): string[] {
  return Object.entries(data)
    .filter(([, v]) => v === fileId || (Array.isArray(v) && v.includes(fileId)))
    .map(([k]) => k);
}

/**
 * Whether a user other than the uploader may download an attachment: only through a case of the
 * uploader that refers to it and that the user may see; an attachment in a household (sensitive)
 * field needs the same full view as the household data itself.
 */
export async function mayReadAttachment(
  db: Kysely<Database>,
  user: AuthUser,
  fileId: string,
  ownerId: string,
): Promise<boolean> {
  const referring = await db
    .selectFrom('cases')
    .select('id')
    .where('applicant_id', '=', ownerId)
    .where((eb) => eb(eb.cast('data', 'text'), 'like', `%${fileId}%`))
    .limit(20)
    .execute();
  for (const { id } of referring) {
    const row = await findCase(db, id);
    if (!row) continue;
    const def = await caseDefinition(db, row);
    const keys = keysReferring(row.data, fileId);
    if (keys.length === 0) continue;
    const visibility = await caseVisibility(db, user, row, def);
    if (visibility === 'full') return true;
    const sensitive = sensitiveKeys(def);
    if (visibility === 'masked' && keys.some((k) => !sensitive.has(k))) return true;
  }
  return false;
}
