import type { ProcessDefinition } from '@unionflow/process-model';
import { field, optionsOf, text } from '../builders';
import { SUBSIDY_KINDS } from '../subsidy/subsidy-rules';

const has = (key: string) => ({ '>=': [{ var: `data.${key}` }, 1] });
const kindIs = (kind: string) => ({ '==': [{ var: 'data.subsidyKind' }, kind] });

// The numbers each kind is computed from: on the start form, and asked again when the chosen kind's
// numbers are missing.
const memberCount = field(
  'memberCount',
  '会员人数（工作经费补贴）',
  'Members (work-fund subsidy)',
  'number',
  {
    min: 1,
    max: 1_000_000,
  },
);
const costs = [
  field('projectCostFen', '项目总费用（元，项目补贴）', 'Project cost (yuan, project subsidy)', 'money', {
    min: 1,
  }),
  field('persons', '兼职主席/副主席人数', 'Part-time chairs and vice-chairs', 'number', { min: 1, max: 10 }),
  field('months', '补贴月数', 'Months', 'number', { min: 1, max: 12 }),
];

/**
 * The city federation's subsidies for grassroots unions of new-economy workers (三项补贴): the
 * grassroots union applies, the amount is computed by the published rules, the federation's
 * organisation department approves up to that amount, and it is paid to the union.
 */
export const grassrootsSubsidy: ProcessDefinition = {
  key: 'grassroots-subsidy',
  version: 1,
  name: text('基层工会补贴申请', 'Grassroots union subsidy'),
  department: 'grassroots',
  starterRoles: ['grassroots-cadre'],
  form: [
    field('subsidyKind', '补贴类型', 'Kind of subsidy', 'select', {
      required: true,
      options: optionsOf(SUBSIDY_KINDS),
    }),
    memberCount,
    field('projectName', '服务项目名称（项目补贴）', 'Service project (project subsidy)', 'text'),
    ...costs,
    field('description', '申请说明', 'Description', 'textarea', { required: true }),
    field('attachments', '证明材料（会员名册、项目方案、任职文件）', 'Documents', 'file'),
  ],
  start: 'kind-gate',
  nodes: [
    {
      id: 'kind-gate',
      kind: 'exclusive',
      name: text('按补贴类型测算', 'Compute by kind'),
      branches: [
        { condition: { and: [kindIs('work-fund'), has('memberCount')] }, next: 'compute-work-fund' },
        { condition: { and: [kindIs('project'), has('projectCostFen')] }, next: 'compute-project' },
        {
          condition: { and: [kindIs('part-time-chair'), has('persons'), has('months')] },
          next: 'compute-chair',
        },
      ],
      // The numbers this kind needs are missing: the union is asked for them, then it is computed.
      default: 'complete-numbers',
    },
    {
      id: 'complete-numbers',
      kind: 'applicant-task',
      name: text('补充测算数据', 'Fill in the numbers'),
      form: [memberCount, ...costs],
      next: 'kind-gate',
    },
    {
      id: 'compute-work-fund',
      kind: 'service',
      name: text('测算工作经费补贴', 'Compute the work-fund subsidy'),
      action: 'subsidy.compute',
      params: { kind: 'work-fund' },
      resultKey: 'subsidy',
      next: 'federation-review',
    },
    {
      id: 'compute-project',
      kind: 'service',
      name: text('测算服务项目补贴', 'Compute the project subsidy'),
      action: 'subsidy.compute',
      params: { kind: 'project' },
      resultKey: 'subsidy',
      next: 'federation-review',
    },
    {
      id: 'compute-chair',
      kind: 'service',
      name: text('测算兼职干部岗位补贴', 'Compute the part-time chair allowance'),
      action: 'subsidy.compute',
      params: { kind: 'part-time-chair' },
      resultKey: 'subsidy',
      next: 'federation-review',
    },
    {
      id: 'federation-review',
      kind: 'approval',
      name: text('市总工会组织部审核', "The federation's organisation department reviews"),
      assignee: { kind: 'role', role: 'organisation-dept', scope: 'root' },
      mode: 'single',
      emptyAssignee: 'admin-queue',
      deadline: { due: '10d', remindBefore: '2d' },
      form: [
        field(
          'approvedAmountFen',
          '核定金额（元，不超过测算金额）',
          'Approved amount (yuan, at most the computed one)',
          'money',
          {
            required: true,
            min: 1,
            max: 'subsidy.amountFen',
          },
        ),
        field('reviewNote', '审核意见', 'Review notes', 'textarea'),
      ],
      next: 'disburse',
    },
    {
      id: 'disburse',
      kind: 'service',
      name: text('拨付补贴', 'Pay the subsidy'),
      action: 'payment.disburse',
      compensation: 'payment.reclaim',
      params: { amountField: 'approvedAmountFen', kind: 'grassroots-subsidy' },
      resultKey: 'payment',
      next: 'granted',
    },
    { id: 'granted', kind: 'end', name: text('已拨付', 'Paid'), outcome: 'paid' },
  ],
};
