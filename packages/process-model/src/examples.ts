import type { ProcessDefinition } from './types';

/** Service actions the example definitions call (tests pass these as the registry). */
export const exampleServiceActions = ['payment.disburse', 'payment.refund', 'notify.applicant'];

/** Process keys the example definitions reference. */
export const exampleProcessKeys = ['simple-approval', 'hardship-aid', 'follow-up-visit'];

/** The smallest useful process: one reviewer approves a titled request. */
export const walkingSkeletonDefinition: ProcessDefinition = {
  key: 'simple-approval',
  version: 1,
  name: { zh: '简单审批', en: 'Simple approval' },
  department: 'admin',
  form: [
    { key: 'title', label: { zh: '标题', en: 'Title' }, type: 'text', required: true },
    { key: 'amount', label: { zh: '金额', en: 'Amount' }, type: 'money' },
  ],
  start: 'review',
  nodes: [
    {
      id: 'review',
      kind: 'approval',
      name: { zh: '审核', en: 'Review' },
      assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
      mode: 'single',
      next: 'approved',
    },
    { id: 'approved', kind: 'end', name: { zh: '通过', en: 'Approved' }, outcome: 'approved' },
  ],
};

/** A hardship-aid process that uses every node kind (exclusive, parallel, notice, service, timer, sub-process…). */
export const richExampleDefinition: ProcessDefinition = {
  key: 'hardship-aid',
  version: 1,
  name: { zh: '困难职工帮扶申请', en: 'Hardship aid application' },
  department: 'assistance',
  sensitiveViewerRoles: ['assistance-centre'],
  form: [
    { key: 'applicantName', label: { zh: '姓名', en: 'Name' }, type: 'text', required: true },
    { key: 'reason', label: { zh: '致困原因', en: 'Cause of hardship' }, type: 'textarea', required: true },
    {
      key: 'level',
      label: { zh: '困难程度', en: 'Level' },
      type: 'select',
      required: true,
      options: [
        { value: 'deep', label: { zh: '深度困难', en: 'Deep' } },
        { value: 'relative', label: { zh: '相对困难', en: 'Relative' } },
        { value: 'temporary', label: { zh: '临时性困难', en: 'Temporary' } },
      ],
    },
    {
      key: 'amount',
      label: { zh: '申请金额', en: 'Amount' },
      type: 'money',
      required: true,
      min: 0,
      max: 2_000_000,
    },
    {
      key: 'householdIncome',
      label: { zh: '家庭月收入', en: 'Household income' },
      type: 'money',
      sensitive: true,
    },
  ],
  start: 'verify',
  nodes: [
    {
      id: 'verify',
      kind: 'approval',
      name: { zh: '基层工会核实', en: 'Grassroots verification' },
      assignee: { kind: 'paired-cadre' },
      mode: 'single',
      emptyAssignee: 'scope-admin',
      deadline: { due: '3d', remindBefore: '1d', onOverdue: 'escalate-to-superior' },
      form: [
        {
          key: 'verifiedIncome',
          label: { zh: '核实收入', en: 'Verified income' },
          type: 'money',
          max: 'amount',
        },
      ],
      cc: [{ kind: 'role', role: 'assistance-centre', scope: 'nearest' }],
      onReject: 'rejected',
      next: 'level-gate',
    },
    {
      id: 'level-gate',
      kind: 'exclusive',
      name: { zh: '按困难程度分流', en: 'Route by level' },
      branches: [
        { condition: { '==': [{ var: 'data.level' }, 'deep'] }, next: 'reviews', label: { zh: '深度困难' } },
        { condition: { '>': [{ var: 'data.amount' }, 500_000] }, next: 'supplement', label: { zh: '大额' } },
      ],
      default: 'centre-review',
    },
    {
      id: 'supplement',
      kind: 'applicant-task',
      name: { zh: '补充材料', en: 'Supply documents' },
      form: [{ key: 'proof', label: { zh: '证明材料', en: 'Proof' }, type: 'file', required: true }],
      deadline: { due: '7d' },
      next: 'centre-review',
    },
    {
      id: 'centre-review',
      kind: 'approval',
      name: { zh: '帮扶中心审核', en: 'Assistance centre review' },
      assignee: { kind: 'role', role: 'assistance-centre', scope: 'nearest' },
      mode: 'any',
      next: 'notice',
    },
    {
      id: 'reviews',
      kind: 'parallel',
      name: { zh: '联合审核', en: 'Joint review' },
      branches: ['centre-countersign', 'union-check'],
      join: 'reviews-done',
    },
    {
      id: 'centre-countersign',
      kind: 'approval',
      name: { zh: '帮扶中心会签', en: 'Centre countersign' },
      assignee: { kind: 'role', role: 'assistance-centre', scope: 'root' },
      mode: 'all',
      next: 'reviews-done',
    },
    {
      id: 'union-check',
      kind: 'approval',
      name: { zh: '工会干部复核', en: 'Union cadre check' },
      assignee: { kind: 'role', role: 'union-cadre', scope: 'parent-org' },
      mode: 'quorum',
      quorum: 1,
      next: 'reviews-done',
    },
    { id: 'reviews-done', kind: 'join', name: { zh: '审核完成', en: 'Reviews done' }, next: 'notice' },
    {
      id: 'notice',
      kind: 'notice',
      name: { zh: '公示', en: 'Public notice' },
      duration: '7d',
      onObjection: 'objection-review',
      next: 'disburse',
    },
    {
      id: 'objection-review',
      kind: 'approval',
      name: { zh: '异议复核', en: 'Objection review' },
      assignee: { kind: 'superior-of-previous' },
      mode: 'single',
      onReject: 'rejected',
      next: 'disburse',
    },
    {
      id: 'disburse',
      kind: 'service',
      name: { zh: '发放救助金', en: 'Pay the aid' },
      action: 'payment.disburse',
      compensation: 'payment.refund',
      params: { channel: 'bank' },
      resultKey: 'paymentRef',
      next: 'wait-follow-up',
    },
    {
      id: 'wait-follow-up',
      kind: 'timer',
      name: { zh: '等待回访', en: 'Wait for follow-up' },
      duration: '30d',
      next: 'follow-up',
    },
    {
      id: 'follow-up',
      kind: 'subprocess',
      name: { zh: '回访', en: 'Follow-up visit' },
      processKey: 'follow-up-visit',
      inputs: { worker: 'applicantName' },
      resultKey: 'visitOutcome',
      next: 'approved',
    },
    { id: 'approved', kind: 'end', name: { zh: '已帮扶', en: 'Aided' }, outcome: 'approved' },
    { id: 'rejected', kind: 'end', name: { zh: '未通过', en: 'Rejected' }, outcome: 'rejected' },
  ],
};
