import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { caseVisibility } from './case-access';
import { definitionVersion } from './definitions';
import { sensitiveKeys } from './sensitive-fields';

/** What a list row needs to decide how its title is shown. */
export interface TitledCaseRow {
  case_id: string;
  title: string;
  applicant_id: string;
  department: string;
  org_path: string;
  process_key: string;
  process_version: number;
}

/**
 * The case title as this reader may see it in a list. A definition may collect the title in a
 * sensitive field; then a reader who sees the case masked reads `***`, as the case page masks its
 * data (ADR 015, 018). Definitions are cached, so the common case (title not sensitive) costs no query.
 */
export async function shownTitle(db: Kysely<Database>, user: AuthUser, r: TitledCaseRow): Promise<string> {
  if (r.applicant_id === user.id) return r.title;
  const def = await definitionVersion(db, r.process_key, r.process_version);
  if (!def || !sensitiveKeys(def).has('title')) return r.title;
  const visibility = await caseVisibility(
    db,
    user,
    { id: r.case_id, applicant_id: r.applicant_id, department: r.department, org_path: r.org_path },
    def,
  );
  return visibility === 'full' ? r.title : '***';
}
