import { ancestry } from './assignment';
import type { Applicant, ApplicantIsApproverPolicy, ApprovalNode, OrgDirectory } from './types';

/** The parts of an approval step that decide how its applicant is kept from approving their own case. */
export type SeparationStep = Pick<
  ApprovalNode,
  'assignee' | 'mode' | 'emptyAssignee' | 'applicantIsApprover'
>;

/** What happened to the applicant among a step's candidates. */
export type SeparationOutcome = 'removed' | 'replaced' | 'skipped' | 'self';

/** A step's candidates once the applicant is handled; `outcome` is set only when the applicant was one. */
export interface Separation {
  candidates: string[];
  outcome?: SeparationOutcome;
  /** The policy that applied: the step's, or `never-self` when it sets none. */
  policy?: ApplicantIsApproverPolicy | 'never-self';
  /** Why, for the timeline (Chinese / English). */
  note?: string;
}

const NOTES = {
  removed:
    '申请人不能审批本人的申请，已从审批人中移除 / applicants cannot approve their own case; removed from the approvers',
  superior:
    '申请人不能审批本人的申请，改由其上级审批 / applicants cannot approve their own case; their superior decides instead',
  'department-head':
    '申请人不能审批本人的申请，改由上一级组织的同一角色审批 / applicants cannot approve their own case; the same role one org level up decides instead',
  skipped:
    '申请人即审批人，本步骤设置为自动通过 / the applicant is the approver; this step passes automatically',
  'skipped-share':
    '申请人即审批人，其本人的一份自动通过，其他人仍须审批 / the applicant is an approver; their own share passes automatically, the others still decide',
  self: '申请人即审批人，本步骤允许本人审批 / the applicant is an approver; this step allows self-approval',
} as const;

/**
 * Applies a step's applicant-is-approver policy to the candidates its assignee rule found (ADR 011).
 * Pure: the org directory holds active users only, so a deactivated superior counts as none.
 */
export function separateApplicant(
  candidates: string[],
  step: SeparationStep,
  applicant: Applicant,
  org: OrgDirectory,
): Separation {
  if (!candidates.includes(applicant.userId)) return { candidates };
  const others = candidates.filter((id) => id !== applicant.userId);
  const policy = step.applicantIsApprover ?? 'never-self';
  switch (step.applicantIsApprover) {
    case 'self':
      return { candidates, outcome: 'self', policy, note: NOTES.self };
    case 'skip':
      // In single and any steps one approval decides, so the applicant's own share passes the step.
      if (others.length === 0 || step.mode === 'single' || step.mode === 'any')
        return { candidates: [], outcome: 'skipped', policy, note: NOTES.skipped };
      return { candidates: others, outcome: 'removed', policy, note: NOTES['skipped-share'] };
    case 'superior':
    case 'department-head': {
      const instead =
        step.applicantIsApprover === 'superior'
          ? superiorOf(applicant, org)
          : departmentHeads(step, applicant, org);
      if (instead.length === 0) break;
      return {
        candidates: replaceApplicant(candidates, applicant.userId, instead),
        outcome: 'replaced',
        policy,
        note: NOTES[step.applicantIsApprover],
      };
    }
  }
  // Never self. An auto-approving empty-assignee policy would turn removing the applicant into a free
  // pass, so there the superior decides instead.
  if (others.length === 0 && step.emptyAssignee === 'auto-approve') {
    const superior = superiorOf(applicant, org);
    if (superior.length > 0)
      return { candidates: superior, outcome: 'replaced', policy, note: NOTES.superior };
  }
  return { candidates: others, outcome: 'removed', policy, note: NOTES.removed };
}

function superiorOf(applicant: Applicant, org: OrgDirectory): string[] {
  const me = org.users.find((u) => u.id === applicant.userId);
  const superior = org.users.find((u) => u.id === me?.superiorId);
  return superior && superior.id !== applicant.userId ? [superior.id] : [];
}

/**
 * Holders of the step's role in the nearest org above the applicant's that has one; a rule that names
 * no role (a user, a field, the paired cadre) has no department to look up, so the superior decides.
 */
function departmentHeads(step: SeparationStep, applicant: Applicant, org: OrgDirectory): string[] {
  if (step.assignee.kind !== 'role') return superiorOf(applicant, org);
  const role = step.assignee.role;
  for (const orgId of ancestry(org, applicant.orgId).slice(1)) {
    const holders = org.users
      .filter((u) => u.orgId === orgId && u.roles.includes(role) && u.id !== applicant.userId)
      .map((u) => u.id)
      .sort();
    if (holders.length > 0) return holders;
  }
  return [];
}

/** The applicant's place in the order goes to their replacements; nobody appears twice. */
function replaceApplicant(candidates: string[], applicantId: string, instead: string[]): string[] {
  return [...new Set(candidates.flatMap((id) => (id === applicantId ? instead : [id])))];
}
