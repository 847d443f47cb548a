import type { ChainPreviewDto, ChainStepDto } from '@unionflow/contracts';
import { createOrgDirectoryLoader, type Database } from '@unionflow/db';
import {
  type AssigneeRule,
  type OrgDirectory,
  type ProcessDefinition,
  resolveAssigneeUsers,
  simulate,
  variablesOf,
} from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { unprocessable } from '../errors';

/** The start-form fields that change where a case goes: what its conditions and field-named approvers read. */
export function fieldsTheChainReads(def: ProcessDefinition): string[] {
  const read = new Set<string>();
  for (const node of def.nodes) {
    if (node.kind === 'exclusive')
      for (const b of node.branches) for (const v of variablesOf(b.condition)) read.add(v);
    if (node.kind === 'approval' && node.assignee.kind === 'field') read.add(node.assignee.field);
  }
  const form = new Set(def.form.map((f) => f.key));
  return [...read].filter((key) => form.has(key)).sort();
}

/** The people a step copies (its `cc` rules), each once, in rule order: a note under the step. */
function copiedPeople(
  rules: readonly AssigneeRule[],
  applicant: { userId: string; orgId: string },
  data: Record<string, unknown>,
  org: OrgDirectory,
): ChainStepDto['assignees'] {
  const seen = new Map<string, ChainStepDto['assignees'][number]>();
  for (const rule of rules)
    for (const u of resolveAssigneeUsers(rule, { applicant, data }, org))
      if (!seen.has(u.id)) seen.set(u.id, { id: u.id, username: u.username, displayName: u.displayName });
  return [...seen.values()];
}

/**
 * The approval chain a new case would take for its applicant and the form data typed so far (审批流程
 * 预览): the process model's `simulate`, as the admin simulation runs it, but for the caller and
 * keeping only the steps a person acts on, with their people, and 抄送 steps. Timers, notices, services, gateways,
 * joins and sub-processes are not entries; a step's copies (抄送) are a note on that step. Gateways
 * that read data a step has yet to produce stop the walk (`complete: false`) instead of guessing.
 */
export function createChainPreview(db: Kysely<Database>) {
  const orgDirectory = createOrgDirectoryLoader(db);

  return async function previewChain(
    def: ProcessDefinition,
    user: Pick<AuthUser, 'id' | 'username' | 'displayName' | 'orgId'>,
    data: Record<string, unknown>,
  ): Promise<ChainPreviewDto> {
    const org = await orgDirectory();
    let simulated: ReturnType<typeof simulate>;
    try {
      simulated = simulate(def, data, org, { userId: user.id, orgId: user.orgId }, { stopAtUndecided: true });
    } catch (err) {
      // A condition that cannot read what was typed (a text where it compares numbers): say so, as a 4xx.
      const message = err instanceof Error ? err.message : String(err);
      throw unprocessable(
        `无法根据已填写的内容预览审批流程：${message} / cannot preview the approval chain from this data: ${message}`,
      );
    }
    const nodes = new Map(def.nodes.map((n) => [n.id, n]));
    const steps: ChainStepDto[] = [];
    for (const s of simulated) {
      // A 抄送 step is an entry of its own: whom it copies, in words on the card.
      if (s.kind === 'cc') {
        steps.push({ nodeId: s.nodeId, kind: 'cc', name: s.name, assignees: s.assignees });
        continue;
      }
      if (s.kind !== 'approval' && s.kind !== 'applicant-task') continue;
      const node = nodes.get(s.nodeId);
      const cc =
        node?.kind === 'approval' && node.cc?.length
          ? copiedPeople(node.cc, { userId: user.id, orgId: user.orgId }, data, org)
          : [];
      steps.push({
        nodeId: s.nodeId,
        kind: s.kind,
        name: s.name,
        ...(node?.kind === 'approval' ? { mode: node.mode } : {}),
        assignees: s.assignees,
        ...(s.emptyPolicyApplied === undefined ? {} : { emptyPolicy: s.emptyPolicyApplied }),
        ...(cc.length ? { cc } : {}),
      });
    }
    return {
      applicant: { id: user.id, username: user.username, displayName: user.displayName },
      steps,
      complete: simulated.at(-1)?.kind === 'end',
      reads: fieldsTheChainReads(def),
    };
  };
}
