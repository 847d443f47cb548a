import type { ProcessDefinition } from '@unionflow/process-model';

/** The smallest real process: one grassroots review, then done. Used to prove every layer end to end. */
export const simpleApproval: ProcessDefinition = {
  key: 'simple-approval',
  version: 1,
  name: { zh: '简单审批', en: 'Simple approval' },
  department: 'innovation',
  form: [
    { key: 'title', label: { zh: '标题', en: 'Title' }, type: 'text', required: true },
    { key: 'description', label: { zh: '说明', en: 'Description' }, type: 'textarea' },
    { key: 'amount', label: { zh: '金额', en: 'Amount' }, type: 'money', min: 0 },
  ],
  start: 'review',
  nodes: [
    {
      id: 'review',
      kind: 'approval',
      name: { zh: '基层工会审核', en: 'Grassroots union review' },
      assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
      mode: 'single',
      emptyAssignee: 'admin-queue',
      deadline: { due: '3d', remindBefore: '1d', onOverdue: 'remind' },
      next: 'approved',
    },
    { id: 'approved', kind: 'end', name: { zh: '通过', en: 'Approved' }, outcome: 'approved' },
  ],
};
