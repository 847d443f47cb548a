import { ApplicationFailure } from '@temporalio/activity';
import { createOrgDirectoryLoader, type Database } from '@unionflow/db';
import {
  type Applicant,
  type OrgDirectory,
  type ProcessDefinition,
  resolveAssignees,
  separateApplicant,
} from '@unionflow/process-model';
import { type CaseActivities, ENGINE_ERRORS, fillAssignment, type Projection } from '@unionflow/workflows';
import { type Kysely, sql } from 'kysely';
import { recordProjectionLag } from '../observability/projection-lag';
import { builtInActions, type ServiceAction } from '../services/registry';
import { closeParkedCase, failingForGood, setAttention } from './attention';
import { onOrgLine } from './org-line';
import { project } from './project';
import { registerCase } from './register-case';

export interface ActivityDeps {
  db: Kysely<Database>;
  services?: Record<string, ServiceAction>;
}

/** Builds the activities the case workflow calls; tests pass their own database. */
export function createActivities(deps: ActivityDeps): CaseActivities {
  const { db } = deps;
  const services = deps.services ?? builtInActions;
  const directory = createOrgDirectoryLoader(db);

  async function admins(orgPath: string | null): Promise<string[]> {
    let q = db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .innerJoin('orgs', 'orgs.id', 'users.org_id')
      .select('users.id')
      .where('user_roles.role', '=', 'admin')
      .where('users.disabled', '=', false);
    // Admins of the org or any of its ancestors: the org's path starts with the admin org's path
    // (`starts_with`, not LIKE: an org id's `_` would be a wildcard).
    if (orgPath) q = q.where(sql<boolean>`starts_with(${orgPath}, orgs.path)`);
    return (await q.orderBy('users.username').execute()).map((r) => r.id);
  }

  const candidatesFor = async (
    { rule, applicant, data, previousDeciderId }: Parameters<CaseActivities['resolveAssignees']>[0],
    org?: OrgDirectory,
  ) =>
    resolveAssignees(
      rule,
      { applicant, data, previousDeciderId: previousDeciderId ?? undefined },
      org ?? (await directory()),
    );

  /** The path of the applicant's org: the case's place in the org tree. */
  async function orgPathOf(orgId: string): Promise<string | null> {
    const org = await db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirst();
    return org?.path ?? null;
  }

  /**
   * Standing delegations in force now. With the applicant known (ADR 011), a delegation that would hand
   * the task to the applicant, or to someone off the case's org line, is passed over: the holder keeps it.
   */
  async function delegationsFor(userIds: string[], applicant?: Applicant) {
    if (userIds.length === 0) return { userIds, onBehalfOf: {} };
    const now = new Date();
    let q = db
      .selectFrom('delegations')
      // A delegate who was deactivated since can act on nothing: the task stays with its holder.
      .innerJoin('users as delegate', 'delegate.id', 'delegations.to_user_id')
      .innerJoin('orgs as delegate_org', 'delegate_org.id', 'delegate.org_id')
      .select(['from_user_id', 'to_user_id'])
      .where('delegate.disabled', '=', false)
      .where('from_user_id', 'in', userIds)
      .where('starts_at', '<=', now)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]));
    if (applicant)
      q = q
        .where('delegations.to_user_id', '!=', applicant.userId)
        .where(onOrgLine(applicant.orgId, 'delegate_org.path'));
    const rows = await q.orderBy('delegations.created_at', 'desc').execute();
    const to = new Map<string, string>();
    for (const r of rows) if (!to.has(r.from_user_id)) to.set(r.from_user_id, r.to_user_id);
    const onBehalfOf: Record<string, string> = {};
    const mapped = userIds.map((u) => {
      const delegate = to.get(u);
      if (!delegate || delegate === u) return u;
      onBehalfOf[delegate] = u;
      return delegate;
    });
    return { userIds: [...new Set(mapped)], onBehalfOf };
  }

  /** Fallback admins never include the applicant; when they were the only one, the root admins decide. */
  async function fallbackFor(policy: 'scope-admin' | 'admin-queue', applicant: Applicant) {
    const others = (ids: string[]) => ids.filter((id) => id !== applicant.userId);
    if (policy === 'scope-admin') {
      const scoped = others(await admins(await orgPathOf(applicant.orgId)));
      if (scoped.length > 0) return scoped;
    }
    return others(await admins(null));
  }

  const assignStep: CaseActivities['assignStep'] = async (input) => {
    // One directory for the whole lookup: the candidates and the separation read the same version,
    // and the version check is a round trip.
    const org = await directory();
    const found = await candidatesFor(input, org);
    const separated = input.step
      ? separateApplicant(found, input.step, input.applicant, org)
      : { candidates: found };
    let candidates = separated.candidates;
    // Removing the applicant must not leave an auto-approving step with nobody: the admins decide.
    if (
      separated.outcome === 'removed' &&
      candidates.length === 0 &&
      input.step?.emptyAssignee === 'auto-approve'
    )
      candidates = await fallbackFor('scope-admin', input.applicant);
    const separation =
      separated.outcome && separated.policy && separated.note
        ? { separation: { outcome: separated.outcome, policy: separated.policy, note: separated.note } }
        : {};
    return { candidates, ...(await delegationsFor(candidates, input.applicant)), ...separation };
  };

  const writeBatch = (p: Projection) =>
    failingForGood(async () => {
      await project(db, p);
      recordProjectionLag(p.case.updatedAt);
    });

  /**
   * One local activity per approval step (ADR 039): the step's lookup, then the batch opening it with
   * the candidates filled in. A batch they do not fit, or one PostgreSQL refuses for good, is left to
   * the workflow, which writes (or parks) the batch it builds with the assignment.
   */
  const assignAndProject: CaseActivities['assignAndProject'] = async ({ pending, applicant, batch }) => {
    const assignment = await assignStep({
      rule: pending.rule,
      applicant,
      data: batch.case.data,
      previousDeciderId: pending.previousDeciderId,
      ...(pending.step ? { step: pending.step } : {}),
    });
    const filled = fillAssignment(batch, pending, assignment);
    if (!filled) return { ...assignment, projected: false };
    try {
      await writeBatch(filled);
    } catch (err) {
      if (err instanceof ApplicationFailure && err.type === ENGINE_ERRORS.projectionRejected)
        return { ...assignment, projected: false };
      throw err;
    }
    return { ...assignment, projected: true };
  };

  return {
    registerCase: (input) => registerCase(db, input),
    resolveAssignees: (input) => candidatesFor(input),
    applyDelegations: (userIds) => delegationsFor(userIds),
    assignStep,
    assignAndProject,
    async superiorOf(userId) {
      const user = await db
        .selectFrom('users')
        .innerJoin('orgs', 'orgs.id', 'users.org_id')
        .leftJoin('users as superior', 'superior.id', 'users.superior_id')
        .select(['users.superior_id', 'superior.disabled as superior_disabled', 'orgs.path'])
        .where('users.id', '=', userId)
        .executeTakeFirst();
      if (!user) return [];
      // A deactivated superior is skipped like a missing one: the org's admins take the escalation.
      if (user.superior_id && user.superior_disabled === false) return [user.superior_id];
      return admins(user.path);
    },
    fallbackAssignees: ({ policy, applicant }) => fallbackFor(policy, applicant),
    project: writeBatch,
    setAttention: (input) => setAttention(db, input),
    closeParkedCase: (input) => closeParkedCase(db, input),
    async loadDefinition(processKey) {
      const row = await db
        .selectFrom('process_versions')
        .select('document')
        .where('key', '=', processKey)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row)
        throw ApplicationFailure.nonRetryable(`No published process "${processKey}"`, 'UnknownProcess');
      return row.document as unknown as ProcessDefinition;
    },
    async runService(call) {
      const action = services[call.action];
      if (!action) {
        throw ApplicationFailure.nonRetryable(
          `Unknown service action "${call.action}"`,
          'UnknownServiceAction',
        );
      }
      return action(call, { db });
    },
  };
}
