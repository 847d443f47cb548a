import type { ApprovalNode, NoticeNode } from '@unionflow/process-model';
import { describe, expect, it } from 'vitest';
import { fromNodeForm, NEVER_SELF, toNodeForm } from './node-form';

const step: ApprovalNode = {
  id: 'review',
  kind: 'approval',
  name: { zh: '审核' },
  assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
  mode: 'single',
  next: 'done',
};

describe('the applicant-is-approver setting in the step panel', () => {
  it('shows the unset default as "never self" and writes it back as unset', () => {
    const values = toNodeForm(step);
    expect(values.applicantIsApprover).toBe(NEVER_SELF);
    expect(fromNodeForm(step, values)).not.toHaveProperty('applicantIsApprover');
  });

  it('keeps a chosen policy', () => {
    const values = { ...toNodeForm(step), applicantIsApprover: 'superior' };
    expect(fromNodeForm(step, values)).toMatchObject({ applicantIsApprover: 'superior' });
    expect(toNodeForm({ ...step, applicantIsApprover: 'self' }).applicantIsApprover).toBe('self');
  });
});

describe('what a notice publishes (ADR 019)', () => {
  const notice: NoticeNode = {
    id: 'exit-notice',
    kind: 'notice',
    name: { zh: '退档公示' },
    duration: '7d',
    publicFields: ['level'],
    onObjection: 'review',
    next: 'end',
  };

  it('keeps the public fields through an unrelated edit, and writes a new choice', () => {
    expect(fromNodeForm(notice, { ...toNodeForm(notice), duration: '5d' })).toMatchObject({
      duration: '5d',
      publicFields: ['level'],
    });
    expect(
      fromNodeForm(notice, { ...toNodeForm(notice), publicFields: ['level', 'causeCategory'] }),
    ).toMatchObject({
      publicFields: ['level', 'causeCategory'],
    });
  });

  it('drops the key when every field is removed', () => {
    expect(fromNodeForm(notice, { ...toNodeForm(notice), publicFields: [] })).not.toHaveProperty(
      'publicFields',
    );
  });
});

describe('named people, 抄送 and hints in the step panel', () => {
  it('writes named approvers in the order picked, without blanks or repeats', () => {
    const values = {
      ...toNodeForm(step),
      assignee: { kind: 'users', usernames: ['wangfang', ' lina ', '', 'wangfang'] },
    };
    expect(fromNodeForm(step, values)).toMatchObject({
      assignee: { kind: 'users', usernames: ['wangfang', 'lina'] },
    });
  });

  it('edits cc as people and roles, and keeps rules it does not show', () => {
    const copied: ApprovalNode = {
      ...step,
      cc: [
        { kind: 'role', role: 'innovation-committee', scope: 'nearest' },
        { kind: 'user', username: 'lina' },
        { kind: 'paired-cadre' },
      ],
    };
    const values = toNodeForm(copied);
    expect(values).toMatchObject({ ccUsers: ['lina'], ccRoles: ['innovation-committee'] });
    expect(fromNodeForm(copied, { ...values, ccUsers: ['lina', 'wangfang'] })).toMatchObject({
      cc: [
        { kind: 'role', role: 'innovation-committee', scope: 'nearest' },
        { kind: 'users', usernames: ['lina', 'wangfang'] },
        { kind: 'paired-cadre' },
      ],
    });
  });

  it('keeps an emptied 抄送 card (validation asks for people) and adds none to a step without one', () => {
    const card: ApprovalNode = { ...step, cc: [{ kind: 'users', usernames: ['lina'] }] };
    expect(fromNodeForm(card, { ...toNodeForm(card), ccUsers: [] })).toMatchObject({ cc: [] });
    expect(fromNodeForm(step, toNodeForm(step))).not.toHaveProperty('cc');
  });

  it('keeps a field hint and drops an empty one', () => {
    const task = { ...step, form: [{ key: 'award', label: { zh: '奖励' }, type: 'money' as const }] };
    const withHint = { ...toNodeForm(task), form: [{ ...task.form[0], hint: { zh: '由委员会核定' } }] };
    expect(fromNodeForm(task, withHint)).toMatchObject({ form: [{ hint: { zh: '由委员会核定' } }] });
    const blank = { ...toNodeForm(task), form: [{ ...task.form[0], hint: { zh: ' ' } }] };
    expect((fromNodeForm(task, blank) as ApprovalNode).form?.[0]).not.toHaveProperty('hint');
  });
});
