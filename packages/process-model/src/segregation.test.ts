import { describe, expect, it } from 'vitest';
import { exampleOrg as org } from './example-org';
import { type SeparationStep, separateApplicant } from './segregation';
import { simulate } from './simulate';

// lina (org-steel, superior wangfang) applies; the step's rule found her.
const lina = { userId: 'u-lina', orgId: 'org-steel' };
const reviewers: SeparationStep = {
  assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
  mode: 'single',
};

describe('separateApplicant', () => {
  it('leaves steps the applicant is not on untouched', () => {
    expect(separateApplicant(['u-wangfang'], reviewers, lina, org)).toEqual({ candidates: ['u-wangfang'] });
  });

  it('never self by default: removes the applicant, leaving the empty-assignee policy to apply', () => {
    const s = separateApplicant(['u-lina'], reviewers, lina, org);
    expect(s).toMatchObject({ candidates: [], outcome: 'removed', policy: 'never-self' });
    expect(s.note).toMatch(/^申请人不能审批本人的申请/);
    expect(separateApplicant(['u-lina', 'u-zhaolei'], reviewers, lina, org).candidates).toEqual([
      'u-zhaolei',
    ]);
  });

  it('never lets an auto-approving empty policy turn the removal into a free pass', () => {
    const s = separateApplicant(['u-lina'], { ...reviewers, emptyAssignee: 'auto-approve' }, lina, org);
    expect(s).toMatchObject({ candidates: ['u-wangfang'], outcome: 'replaced' });
  });

  it('skip passes a single step, and only the applicant’s share of a countersign', () => {
    const step = { ...reviewers, applicantIsApprover: 'skip' as const };
    expect(separateApplicant(['u-lina', 'u-zhaolei'], step, lina, org)).toMatchObject({
      candidates: [],
      outcome: 'skipped',
    });
    expect(separateApplicant(['u-lina', 'u-zhaolei'], { ...step, mode: 'all' }, lina, org)).toMatchObject({
      candidates: ['u-zhaolei'],
      outcome: 'removed',
    });
  });

  it('superior and department-head put someone else in the applicant’s place', () => {
    expect(
      separateApplicant(
        ['u-zhaolei', 'u-lina'],
        { ...reviewers, applicantIsApprover: 'superior' },
        lina,
        org,
      ),
    ).toMatchObject({ candidates: ['u-zhaolei', 'u-wangfang'], outcome: 'replaced', policy: 'superior' });
    // The role holder one org level up (org-city holds an innovation reviewer).
    const head = separateApplicant(
      ['u-lina'],
      { ...reviewers, applicantIsApprover: 'department-head' },
      lina,
      org,
    );
    expect(head).toMatchObject({ candidates: ['u-wangfang'], outcome: 'replaced' });
    // Without a superior the default applies.
    const noSuperior = { userId: 'u-wangfang', orgId: 'org-city' };
    expect(
      separateApplicant(['u-wangfang'], { ...reviewers, applicantIsApprover: 'superior' }, noSuperior, org),
    ).toMatchObject({ candidates: [], outcome: 'removed' });
  });

  it('self keeps the applicant and says so', () => {
    expect(
      separateApplicant(['u-lina'], { ...reviewers, applicantIsApprover: 'self' }, lina, org),
    ).toMatchObject({ candidates: ['u-lina'], outcome: 'self', policy: 'self' });
  });
});

describe('simulate with the applicant among the approvers', () => {
  it('predicts what the engine does: never self by default, the superior when the step says so', () => {
    const def = (step: Partial<SeparationStep>) => ({
      key: 'k',
      version: 1,
      name: { zh: '审批' },
      department: 'innovation',
      form: [],
      start: 'review',
      nodes: [
        {
          id: 'review',
          kind: 'approval' as const,
          name: { zh: '审核' },
          ...reviewers,
          ...step,
          next: 'done',
        },
        { id: 'done', kind: 'end' as const, name: { zh: '结束' }, outcome: 'approved' },
      ],
    });
    const [byDefault] = simulate(def({}), {}, org, lina);
    expect(byDefault).toMatchObject({ assignees: [], emptyPolicyApplied: 'admin-queue' });
    const [bySuperior] = simulate(def({ applicantIsApprover: 'superior' }), {}, org, lina);
    expect(bySuperior?.assignees.map((a) => a.username)).toEqual(['wangfang']);
  });
});
