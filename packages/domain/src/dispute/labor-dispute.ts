import type { ProcessDefinition } from '@unionflow/process-model';
import type { Label } from '@unionflow/process-model/catalog';
import { field, options, optionsOf, text } from '../builders';

/** What a mediation session ended with: the session form's options and the recorded result's labels. */
export const SESSION_RESULTS = {
  continue: { zh: '继续调解', en: 'Continue' },
  agreement: { zh: '达成和解', en: 'Agreement reached' },
  failed: { zh: '调解不成', en: 'Mediation failed' },
  suspended: { zh: '中止调解，待法定期限届满', en: 'Suspended until the limit' },
} as const satisfies Record<string, Label>;

const mediator = { kind: 'role', role: 'mediator', scope: 'nearest' } as const;
const yes = (key: string) => ({ '==': [{ var: `data.${key}` }, true] });

/** Refers the case to labour arbitration: a generated case summary, then the end. */
function referral(id: string, reason: string, end: string) {
  return [
    {
      id,
      kind: 'service' as const,
      name: text('生成仲裁移送摘要', 'Generate the arbitration summary'),
      action: 'dispute.arbitration-summary',
      params: { reason },
      resultKey: 'arbitration',
      next: end,
    },
    {
      id: end,
      kind: 'end' as const,
      name: text('移送劳动仲裁', 'Referred to arbitration'),
      outcome: 'referred-to-arbitration',
    },
  ];
}

/**
 * 劳动争议诉调对接. From the moment the request is received the case runs in two branches: intake and
 * the mediation itself, and the statutory limit (Labour Dispute Mediation and Arbitration Law art. 14:
 * no agreement within 15 days of the day the request was received, and either party may go to
 * arbitration), so the days intake takes count against the limit. Whichever branch ends first ends the case; the limit
 * branch checks for a signed settlement before it refers anything. The two timers add up to the
 * 15-day limit and the first one is the warning point, so both live in the definition.
 */
export const laborDispute: ProcessDefinition = {
  key: 'labor-dispute',
  version: 1,
  name: text('劳动争议调解', 'Labour dispute mediation'),
  department: 'rights',
  sensitiveViewerRoles: ['mediator'],
  // A mediator's list tells disputes apart by who, what and against whom.
  titleTemplate: '{workerName}·{claimType}·{employerName}',
  form: [
    field('filedBy', '申请方式', 'Filed by', 'select', {
      required: true,
      options: options(
        ['worker', '职工本人申请', 'The worker'],
        ['union', '工会代为申请', 'The union on their behalf'],
      ),
    }),
    field('workerName', '职工姓名', 'Worker', 'text', { required: true }),
    field('workerContact', '职工联系方式', "Worker's contact", 'text', { sensitive: true }),
    field('employerName', '用人单位', 'Employer', 'text', { required: true }),
    field('employerContact', '单位联系人及电话', "Employer's contact", 'text'),
    field('claimType', '争议类型', 'Type of dispute', 'select', {
      required: true,
      options: options(
        ['wages', '拖欠工资', 'Unpaid wages'],
        ['work-injury', '工伤赔偿', 'Work-injury compensation'],
        ['social-insurance', '社会保险', 'Social insurance'],
        ['contract', '劳动合同解除/终止', 'Termination of contract'],
        ['other', '其他', 'Other'],
      ),
    }),
    field('facts', '事实与理由', 'Facts', 'textarea', { required: true }),
    field('claims', '请求事项', 'Claims', 'textarea', { required: true }),
    field('amountClaimedFen', '请求金额（元）', 'Amount claimed (yuan)', 'money', { required: true, min: 0 }),
    field('evidence', '证据材料', 'Evidence', 'file'),
  ],
  start: 'mediation',
  nodes: [
    {
      id: 'mediation',
      kind: 'parallel',
      name: text('调解与法定期限', 'Mediation and the statutory limit'),
      branches: ['intake', 'limit-warning-wait'],
      join: 'mediation-join',
    },
    {
      id: 'intake',
      kind: 'approval',
      name: text('立案受理', 'Intake'),
      assignee: mediator,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      deadline: { due: '5d', remindBefore: '1d', onOverdue: 'remind' },
      next: 'consent',
    },
    {
      id: 'consent',
      kind: 'approval',
      name: text('征询双方调解意愿', 'Ask both parties to consent'),
      assignee: mediator,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field('workerConsent', '职工同意调解', 'Worker consents', 'boolean', { required: true }),
        field('employerConsent', '用人单位同意调解', 'Employer consents', 'boolean', { required: true }),
      ],
      // No answer within the window counts as no consent.
      deadline: { due: '3d', remindBefore: '1d', onOverdue: 'auto-reject' },
      onReject: 'no-consent-summary',
      next: 'consent-gate',
    },
    {
      id: 'consent-gate',
      kind: 'exclusive',
      name: text('双方是否同意', 'Did both consent?'),
      branches: [
        {
          condition: { and: [yes('workerConsent'), yes('employerConsent')] },
          next: 'panel',
          label: text('双方同意', 'Both consent'),
        },
      ],
      default: 'no-consent-summary',
    },
    ...referral('no-consent-summary', 'no-consent', 'referred-no-consent'),
    {
      id: 'panel',
      kind: 'approval',
      name: text('组成调解小组', 'Form the mediation panel'),
      assignee: mediator,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field('unionMediator', '工会调解员', 'Union mediator', 'text', { required: true }),
        field('courtMediator', '法院调解员', 'Court mediator', 'text', { required: true }),
        field('procuratorateMediator', '检察院调解员', 'Procuratorate mediator', 'text', { required: true }),
        field('hrMediator', '人社局调解员', 'HR bureau mediator', 'text', { required: true }),
      ],
      next: 'session',
    },
    {
      id: 'session',
      kind: 'approval',
      name: text('调解会议（排期与笔录）', 'Mediation session (schedule and minutes)'),
      assignee: mediator,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field('sessionDate', '调解日期', 'Session date', 'date', { required: true }),
        field('sessionMinutes', '调解笔录', 'Minutes', 'textarea', { required: true }),
        field('sessionResult', '本次结果', 'Result', 'select', {
          required: true,
          options: optionsOf(SESSION_RESULTS),
        }),
      ],
      next: 'record-session',
    },
    {
      id: 'record-session',
      kind: 'service',
      name: text('记录调解笔录', 'Record the session'),
      action: 'dispute.record-session',
      resultKey: 'sessions',
      next: 'session-gate',
    },
    {
      id: 'session-gate',
      kind: 'exclusive',
      name: text('调解结果', 'Session outcome'),
      branches: [
        {
          condition: { '==': [{ var: 'data.sessionResult' }, 'agreement'] },
          next: 'settlement',
          label: text('达成和解', 'Agreement'),
        },
        {
          condition: { '==': [{ var: 'data.sessionResult' }, 'failed'] },
          next: 'failed-summary',
          label: text('调解不成', 'Failed'),
        },
        {
          condition: { '==': [{ var: 'data.sessionResult' }, 'suspended'] },
          next: 'mediation-join',
          label: text('中止', 'Suspended'),
        },
      ],
      default: 'session',
    },
    {
      id: 'settlement',
      kind: 'approval',
      name: text('签订和解协议', 'Sign the settlement agreement'),
      assignee: mediator,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field('settlementTerms', '协议条款', 'Terms', 'textarea', { required: true }),
        field('settlementAmountFen', '和解金额（元）', 'Amount (yuan)', 'money', { required: true, min: 0 }),
        field('paymentDueDate', '履行期限', 'Payment due', 'date', { required: true }),
      ],
      next: 'payment',
    },
    {
      id: 'payment',
      kind: 'approval',
      name: text('确认履行（款项到账）', 'Confirm payment'),
      assignee: mediator,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field('paidAmountFen', '实付金额（元）', 'Amount paid (yuan)', 'money', {
          required: true,
          min: 'settlementAmountFen',
        }),
        field('paidOn', '支付日期', 'Paid on', 'date', { required: true }),
      ],
      // The employer did not pay as agreed: the worker goes to arbitration with the agreement.
      onReject: 'default-summary',
      next: 'settled',
    },
    { id: 'settled', kind: 'end', name: text('履行完毕，结案', 'Settled and closed'), outcome: 'settled' },
    ...referral('default-summary', 'payment-default', 'referred-default'),
    ...referral('failed-summary', 'mediation-failed', 'referred-failed'),
    {
      id: 'limit-warning-wait',
      kind: 'timer',
      name: text('15 日调解期限：第 12 天预警', '15-day limit: warning on day 12'),
      duration: '12d',
      next: 'limit-warning',
    },
    {
      id: 'limit-warning',
      kind: 'service',
      name: text('期限预警', 'Warn of the limit'),
      action: 'dispute.limit-warning',
      params: { limitDays: 15 },
      next: 'limit-wait',
    },
    {
      id: 'limit-wait',
      kind: 'timer',
      name: text('15 日调解期限：第 15 天届满', '15-day limit: ends on day 15'),
      duration: '3d',
      next: 'limit-check',
    },
    {
      id: 'limit-check',
      kind: 'service',
      name: text('期限届满核查', 'Check at the limit'),
      action: 'dispute.limit-check',
      resultKey: 'limitCheck',
      next: 'limit-gate',
    },
    {
      id: 'limit-gate',
      kind: 'exclusive',
      name: text('期满时是否已和解', 'Settled by the limit?'),
      branches: [
        {
          condition: { '==': [{ var: 'data.limitCheck.agreementReached' }, true] },
          next: 'mediation-join',
          label: text('已签和解协议', 'Agreement signed'),
        },
      ],
      default: 'expired-summary',
    },
    ...referral('expired-summary', 'limit-expired', 'referred-expired'),
    {
      id: 'mediation-join',
      kind: 'join',
      name: text('调解结束', 'Mediation over'),
      next: 'closed',
    },
    { id: 'closed', kind: 'end', name: text('结案', 'Closed'), outcome: 'closed' },
  ],
};
