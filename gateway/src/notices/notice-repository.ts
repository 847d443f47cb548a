import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';

/** Timeline events that open or close a notice period: the latest one says whether a case is on notice. */
const NOTICE_EVENTS = ['notice-published', 'notice-ended', 'objection'];

/** A running case with its latest notice event (when it ever had one). */
export interface NoticeRow {
  case_id: string;
  org_id: string;
  process_key: string;
  process_version: number;
  data: unknown;
  applicant_name: string;
  unit: string;
  event_type: string;
  node_id: string | null;
  step_name: unknown;
  event_data: unknown;
}

function noticeQuery(db: Kysely<Database>) {
  return db
    .selectFrom('cases as c')
    .innerJoin('users as u', 'u.id', 'c.applicant_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('timeline_events as e')
          .select(['e.type', 'e.node_id', 'e.step_name', 'e.data'])
          .whereRef('e.case_id', '=', 'c.id')
          .where('e.type', 'in', NOTICE_EVENTS)
          .orderBy('e.seq', 'desc')
          .orderBy('e.idx', 'desc')
          .limit(1)
          .as('n'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id as case_id',
      'c.org_id',
      'c.process_key',
      'c.process_version',
      'c.data',
      'u.display_name as applicant_name',
      'o.name as unit',
      'n.type as event_type',
      'n.node_id',
      'n.step_name',
      'n.data as event_data',
    ])
    .where('c.status', '=', 'running');
}

/** Running cases of applicants in `orgId` (that unit only) whose latest notice event published a notice. */
export async function publishedNoticesInOrg(db: Kysely<Database>, orgId: string): Promise<NoticeRow[]> {
  return noticeQuery(db)
    .where('c.org_id', '=', orgId)
    .where('n.type', '=', 'notice-published')
    .orderBy('c.created_at', 'desc')
    .limit(200)
    .execute();
}

/** One running case's latest notice event, or undefined when it is not running or never had a notice. */
export async function latestNoticeOf(db: Kysely<Database>, caseId: string): Promise<NoticeRow | undefined> {
  return noticeQuery(db).where('c.id', '=', caseId).executeTakeFirst();
}
