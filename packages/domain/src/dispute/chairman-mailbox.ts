import type { ProcessDefinition } from '@unionflow/process-model';
import { field, options, text } from '../builders';

const office = { kind: 'role', role: 'mediator', scope: 'nearest' } as const;

/**
 * 主席信箱: a letter is assigned to a handler, answered, and followed up (回访) until the worker is
 * satisfied. Open letters (公开信) also queue for the next monthly reception day (接待日). The
 * rights department runs the mailbox, so its staff assign and follow up.
 */
export const chairmanMailbox: ProcessDefinition = {
  key: 'chairman-mailbox',
  version: 1,
  name: text('主席信箱', "Chairman's mailbox"),
  department: 'rights',
  sensitiveViewerRoles: ['mediator'],
  form: [
    field('title', '主题', 'Subject', 'text', { required: true }),
    field('category', '类别', 'Category', 'select', {
      required: true,
      options: options(
        ['wages-benefits', '工资福利', 'Wages and benefits'],
        ['housing', '住房补贴', 'Housing allowance'],
        ['social-insurance', '社保缴纳', 'Social insurance'],
        ['canteen', '食堂后勤', 'Canteen and services'],
        ['rights', '劳动权益', 'Labour rights'],
        ['other', '其他', 'Other'],
      ),
    }),
    field('content', '来信内容', 'Letter', 'textarea', { required: true }),
    field('openLetter', '公开信（参加主席接待日）', 'Open letter (reception day)', 'boolean'),
    field('contactPhone', '联系电话', 'Phone', 'text', { sensitive: true }),
  ],
  start: 'open-gate',
  nodes: [
    {
      id: 'open-gate',
      kind: 'exclusive',
      name: text('是否公开信', 'Open letter?'),
      branches: [
        {
          condition: { '==': [{ var: 'data.openLetter' }, true] },
          next: 'queue-reception',
          label: text('公开信', 'Open letter'),
        },
      ],
      default: 'assign',
    },
    {
      id: 'queue-reception',
      kind: 'service',
      name: text('列入主席接待日', 'Queue for the reception day'),
      action: 'mailbox.queue-reception',
      params: { dayOfMonth: 15 },
      resultKey: 'reception',
      next: 'assign',
    },
    {
      id: 'assign',
      kind: 'approval',
      name: text('登记并交办', 'Register and assign'),
      assignee: office,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      deadline: { due: '2d', onOverdue: 'escalate-to-superior' },
      form: [
        field('handler', '承办人', 'Handler', 'user', { required: true }),
        field('assignNote', '交办意见', 'Instructions', 'textarea'),
      ],
      next: 'answer',
    },
    {
      id: 'answer',
      kind: 'approval',
      name: text('调查并答复', 'Investigate and answer'),
      assignee: { kind: 'field', field: 'handler' },
      mode: 'single',
      emptyAssignee: 'admin-queue',
      deadline: { due: '15d', remindBefore: '3d', onOverdue: 'escalate-to-superior' },
      form: [
        field('answer', '答复内容', 'Answer', 'textarea', { required: true }),
        field('policyChange', '推动的制度改进', 'Policy change made', 'textarea'),
      ],
      next: 'notify-answer',
    },
    {
      id: 'notify-answer',
      kind: 'service',
      name: text('告知来信人', 'Tell the writer'),
      action: 'notify-applicant',
      params: { message: '主席信箱：您的来信已答复，请查看。' },
      next: 'follow-up',
    },
    {
      id: 'follow-up',
      kind: 'approval',
      name: text('回访满意度', 'Follow-up on satisfaction'),
      assignee: office,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field('satisfaction', '来信人评价', 'Satisfaction', 'select', {
          required: true,
          options: options(
            ['satisfied', '满意', 'Satisfied'],
            ['basically', '基本满意', 'Mostly satisfied'],
            ['unsatisfied', '不满意', 'Not satisfied'],
          ),
        }),
        field('followUpNote', '回访记录', 'Notes', 'textarea'),
      ],
      next: 'satisfaction-gate',
    },
    {
      id: 'satisfaction-gate',
      kind: 'exclusive',
      name: text('是否满意', 'Satisfied?'),
      branches: [
        {
          condition: { '==': [{ var: 'data.satisfaction' }, 'unsatisfied'] },
          next: 'answer',
          label: text('不满意，重新办理', 'Not satisfied: handle again'),
        },
      ],
      default: 'closed',
    },
    { id: 'closed', kind: 'end', name: text('办结', 'Closed'), outcome: 'answered' },
  ],
};
