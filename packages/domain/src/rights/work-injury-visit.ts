import type { ProcessDefinition } from '@unionflow/process-model';
import { field, options, text } from '../builders';
import { yuan } from '../money';

/** The condolence payment of a work-injury visit (one district's published amount). */
export const WORK_INJURY_CONDOLENCE_FEN = yuan(500);

/**
 * 工伤探视慰问: an injured worker (new-economy workers such as riders, couriers and drivers
 * included) is reported by themselves, their employer or their station manager; the union's social
 * worker visits in hospital or by phone, checks the work-injury benefits, and the condolence payment
 * goes to the worker.
 */
export const workInjuryVisit: ProcessDefinition = {
  key: 'work-injury-visit',
  version: 1,
  name: text('工伤探视慰问', 'Work-injury visit'),
  department: 'rights',
  form: [
    field('reporterRole', '申报人身份', 'Reported by', 'select', {
      required: true,
      options: options(
        ['self', '本人', 'The worker'],
        ['employer', '用人单位', 'The employer'],
        ['station-manager', '站点站长', 'The station manager'],
      ),
    }),
    field('injuredWorker', '受伤职工', 'Injured worker', 'user', { required: true }),
    field('workerType', '用工类型', 'Kind of work', 'select', {
      required: true,
      options: options(
        ['employee', '企业职工', 'Employee'],
        ['rider', '外卖骑手', 'Delivery rider'],
        ['courier', '快递员', 'Courier'],
        ['driver', '网约车司机', 'Ride-hailing driver'],
        ['other-new-economy', '其他新就业形态', 'Other new-economy work'],
      ),
    }),
    field('injuryDate', '受伤日期', 'Date of injury', 'date', { required: true }),
    field('injuryDescription', '受伤经过', 'What happened', 'textarea', { required: true }),
    field('hospital', '就医医院', 'Hospital', 'text'),
    field('attachments', '诊断证明等材料', 'Medical certificate', 'file'),
  ],
  start: 'visit',
  nodes: [
    {
      id: 'visit',
      kind: 'approval',
      name: text('社工探视', 'Social worker visits'),
      assignee: { kind: 'role', role: 'social-worker', scope: 'nearest' },
      mode: 'single',
      emptyAssignee: 'scope-admin',
      deadline: { due: '3d', remindBefore: '1d' },
      form: [
        field('visitMode', '探视方式', 'Visit', 'select', {
          required: true,
          options: options(['hospital', '医院现场探视', 'In hospital'], ['phone', '电话探视', 'By phone']),
        }),
        field('benefitsInPlace', '工伤待遇已落实', 'Work-injury benefits in place', 'boolean'),
        field('visitNote', '探视情况', 'Visit notes', 'textarea', { required: true }),
      ],
      next: 'condolence',
    },
    {
      id: 'condolence',
      kind: 'service',
      name: text('发放慰问金', 'Pay the condolence money'),
      action: 'payment.disburse',
      compensation: 'payment.reclaim',
      params: {
        amountFen: WORK_INJURY_CONDOLENCE_FEN,
        payeeField: 'injuredWorker',
        kind: 'work-injury-condolence',
      },
      resultKey: 'payment',
      next: 'visited',
    },
    { id: 'visited', kind: 'end', name: text('已探视慰问', 'Visited'), outcome: 'paid' },
  ],
};
