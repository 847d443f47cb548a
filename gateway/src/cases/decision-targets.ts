import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import { unprocessable } from '../errors';
import { onOrgLine } from './org-boundary';

/** The parts of a case that decide who may take over one of its tasks. */
export interface TargetCase {
  applicant_id: string;
  org_path: string;
}

/**
 * The user id a transfer, delegation or added signer goes to, when the rules allow that person
 * (ADR 011): an active user, never the applicant, never someone outside the case's org line.
 * Refusals are 422 and name the rule.
 */
export async function decisionTarget(
  db: Kysely<Database>,
  kase: TargetCase,
  username: string,
): Promise<string> {
  const user = await db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'orgs.path'])
    .where('users.username', '=', username)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
  if (!user)
    throw unprocessable(`没有用户 ${username} / no user "${username}"`, [
      { path: 'body.to', message: 'is not an active user' },
    ]);
  if (user.id === kase.applicant_id) {
    throw unprocessable(
      '不能交给申请人本人：申请人不能审批自己的申请 / the task cannot go to the applicant: applicants do not decide on their own case',
      [{ path: 'body.to', message: 'is the applicant' }],
    );
  }
  if (!onOrgLine(user.path, kase.org_path)) {
    throw unprocessable(
      `${username} 不在本案件所属组织范围内，不能接手此任务 / ${username} is outside the case's organisation and cannot take this task`,
      [{ path: 'body.to', message: "is outside the case's organisation" }],
    );
  }
  return user.id;
}
