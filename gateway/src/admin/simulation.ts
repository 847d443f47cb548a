import type { SimulateResultDto } from '@unionflow/contracts';
import { createOrgDirectoryLoader, type Database } from '@unionflow/db';
import {
  type ProcessDefinition,
  type SimulatedStep,
  simulate,
  simulatedOutcome,
} from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import { unprocessable } from '../errors';
import { checkDefinition, issuesAsFieldErrors } from './definition-checks';

/** A role ordinary applicants hold; the default simulated applicant has it. */
const MEMBER_ROLE = 'member';

/** Simulates with one org directory loader per database (the directory is cached for a few seconds). */
export function createSimulator(db: Kysely<Database>) {
  const orgDirectory = createOrgDirectoryLoader(db);

  async function applicantUser(username: string | undefined, callerId: string) {
    const base = db
      .selectFrom('users as u')
      .select(['u.id', 'u.username', 'u.display_name', 'u.org_id'])
      .where('u.disabled', '=', false);
    if (username !== undefined) {
      const user = await base.where('u.username', '=', username).executeTakeFirst();
      if (!user)
        throw unprocessable(`没有用户 ${username} / no user "${username}"`, [
          { path: '/applicant', message: 'unknown user' },
        ]);
      return user;
    }
    // Admins rarely apply themselves: simulate for an ordinary member unless told otherwise.
    const member = await base
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .where('r.role', '=', MEMBER_ROLE)
      .orderBy('u.username')
      .limit(1)
      .executeTakeFirst();
    return member ?? (await base.where('u.id', '=', callerId).executeTakeFirstOrThrow());
  }

  /** The path `document` would take for `data` and the applicant, assuming every human step approves. */
  return async function simulateDocument(
    document: Record<string, unknown>,
    data: Record<string, unknown>,
    applicantUsername: string | undefined,
    callerId: string,
  ): Promise<SimulateResultDto> {
    const validation = await checkDefinition(db, document);
    // Shape errors mean the walk would read fields that are not there; other issues still simulate.
    if (validation.errors.some((e) => e.code === 'schema')) {
      const first = validation.errors[0]!;
      throw unprocessable(
        `流程定义格式不正确，无法模拟：${first.message.zh} / the definition is malformed and cannot be simulated: ${first.message.en}`,
        issuesAsFieldErrors(validation.errors),
      );
    }
    const user = await applicantUser(applicantUsername, callerId);
    const org = await orgDirectory();
    let steps: SimulatedStep[];
    try {
      steps = simulate(document as unknown as ProcessDefinition, data, org, {
        userId: user.id,
        orgId: user.org_id,
      });
    } catch (err) {
      // A broken condition or reference in an unfinished draft: say what, do not fail the request.
      const message = err instanceof Error ? err.message : String(err);
      throw unprocessable(
        `无法模拟此流程：${message} / cannot simulate this process: ${message}`,
        issuesAsFieldErrors(validation.errors),
      );
    }
    return {
      applicant: { id: user.id, username: user.username, displayName: user.display_name },
      steps: steps.map((s) => ({
        nodeId: s.nodeId,
        kind: s.kind,
        name: s.name,
        assignees: s.assignees,
        ...(s.emptyPolicyApplied === undefined ? {} : { emptyPolicyApplied: s.emptyPolicyApplied }),
        ...(s.due === undefined ? {} : { due: s.due }),
        ...(s.outcome === undefined ? {} : { outcome: s.outcome }),
      })),
      outcome: simulatedOutcome(steps) ?? null,
      validation,
    };
  };
}

/** Simulates a document for an applicant; see {@link createSimulator}. */
export type Simulator = ReturnType<typeof createSimulator>;
