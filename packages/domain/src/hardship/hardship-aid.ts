import type { ProcessDefinition } from '@unionflow/process-model';
import type { Label } from '@unionflow/process-model/catalog';
import { field, optionsOf, text } from '../builders';
import { yuan } from '../money';
import { HARDSHIP_PROCESS_KEYS } from './process-keys';

/** Kinds of aid a household in the file may request: the form's options and the 看板's labels. */
export const HARDSHIP_AID_KINDS = {
  living: { zh: '生活救助', en: 'Living aid' },
  medical: { zh: '医疗救助', en: 'Medical aid' },
  education: { zh: '助学救助', en: 'Education aid' },
} as const satisfies Record<string, Label>;

/**
 * Aid while in the file (生活/医疗/助学救助): each request is its own case and approval with an
 * amount, checked against the applicant's open hardship file.
 */
export const hardshipAid: ProcessDefinition = {
  key: HARDSHIP_PROCESS_KEYS.aidRequest,
  version: 1,
  name: text('在档困难职工救助申请', 'Aid for a household in the file'),
  department: 'assistance',
  sensitiveViewerRoles: ['assistance-centre', 'grassroots-cadre'],
  form: [
    field('aidType', '救助类型', 'Kind of aid', 'select', {
      required: true,
      options: optionsOf(HARDSHIP_AID_KINDS),
    }),
    field('amountFen', '申请金额（元）', 'Amount requested (yuan)', 'money', {
      required: true,
      min: 1,
      max: yuan(20_000),
    }),
    field('reason', '申请理由', 'Reason', 'textarea', { required: true, sensitive: true }),
    field('attachments', '票据/证明', 'Receipts and proof', 'file', { sensitive: true }),
  ],
  start: 'find-file',
  nodes: [
    {
      id: 'find-file',
      kind: 'service',
      name: text('核对在档状态', 'Check the file'),
      action: 'hardship.find-file',
      resultKey: 'file',
      next: 'file-gate',
    },
    {
      id: 'file-gate',
      kind: 'exclusive',
      name: text('是否在档', 'In the file?'),
      branches: [
        {
          condition: { '==': [{ var: 'data.file.inFile' }, true] },
          next: 'cadre-check',
          label: text('在档', 'In the file'),
        },
      ],
      default: 'not-in-file',
    },
    { id: 'not-in-file', kind: 'end', name: text('未在档', 'Not in the file'), outcome: 'rejected' },
    {
      id: 'cadre-check',
      kind: 'approval',
      name: text('结对干部核实', 'Paired cadre checks'),
      assignee: { kind: 'paired-cadre' },
      mode: 'single',
      emptyAssignee: 'scope-admin',
      form: [field('cadreNote', '核实意见', 'Notes', 'textarea')],
      next: 'centre-approval',
    },
    {
      id: 'centre-approval',
      kind: 'approval',
      name: text('援助中心审批金额', 'Assistance centre approves the amount'),
      assignee: { kind: 'role', role: 'assistance-centre', scope: 'nearest' },
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field('approvedAmountFen', '批准金额（元）', 'Approved amount (yuan)', 'money', {
          required: true,
          min: 1,
          max: 'amountFen',
        }),
      ],
      next: 'disburse',
    },
    {
      id: 'disburse',
      kind: 'service',
      name: text('发放救助金', 'Pay the aid'),
      action: 'payment.disburse',
      compensation: 'payment.reclaim',
      params: { amountField: 'approvedAmountFen', kind: 'hardship-aid' },
      resultKey: 'payment',
      next: 'paid',
    },
    { id: 'paid', kind: 'end', name: text('已发放', 'Paid'), outcome: 'paid' },
  ],
};
