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
