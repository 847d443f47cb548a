import type { ProcessDefinition } from '@unionflow/process-model';
import { field, text } from '../builders';
import { yuan } from '../money';

const committee = { kind: 'role', role: 'innovation-committee', scope: 'nearest' } as const;

/** Quarterly selection (优秀提案, 改善标兵) as a batch over the quarter's approved proposals. */
export const quarterlySelection: ProcessDefinition = {
  key: 'innovation-quarterly-selection',
  version: 1,
  name: text('季度优秀提案与改善标兵评选', 'Quarterly selection'),
  department: 'innovation',
  starterRoles: ['innovation-committee'],
  form: [field('quarter', '季度（如 2026-Q1）', 'Quarter (e.g. 2026-Q1)', 'text', { required: true })],
  start: 'collect',
  nodes: [
    {
      id: 'collect',
      kind: 'service',
      name: text('汇总本季度已奖励提案', "Collect the quarter's awarded proposals"),
      action: 'innovation.quarter-candidates',
      params: { processKey: 'innovation-proposal' },
      resultKey: 'candidates',
      next: 'select',
    },
    {
      id: 'select',
      kind: 'approval',
      name: text('评选', 'Select'),
      assignee: committee,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      // The committee runs this programme itself: its starter deciding is the design, recorded (ADR 011).
      applicantIsApprover: 'self',
      form: [
        field('excellentCases', '优秀提案', 'Excellent proposals', 'select', {
          required: true,
          multiple: true,
          optionsFrom: {
            path: 'candidates.proposals',
            value: 'number',
            label: ['number', 'title', 'username'],
          },
        }),
        field('excellentAwardFen', '优秀提案奖励（元/项）', 'Award per excellent proposal (yuan)', 'money', {
          required: true,
          min: yuan(1_000),
          max: yuan(20_000),
        }),
        field('pacesetters', '改善标兵', 'Pacesetters', 'user', { multiple: true }),
      ],
      next: 'award',
    },
    {
      id: 'award',
      kind: 'service',
      name: text('发放评选奖励', 'Pay the selection awards'),
      action: 'innovation.quarterly-awards',
      params: { pacesetterAwardFen: yuan(3_000) },
      resultKey: 'selection',
      next: 'selected',
    },
    { id: 'selected', kind: 'end', name: text('评选完成', 'Selected'), outcome: 'selected' },
  ],
};

/** Yearly hall of fame (全员改善名人堂). */
export const hallOfFame: ProcessDefinition = {
  key: 'innovation-hall-of-fame',
  version: 1,
  name: text('全员改善名人堂年度评选', 'Yearly hall of fame'),
  department: 'innovation',
  starterRoles: ['innovation-committee'],
  form: [field('year', '年度', 'Year', 'number', { required: true, min: 2000, max: 2200 })],
  start: 'collect',
  nodes: [
    {
      id: 'collect',
      kind: 'service',
      name: text('汇总年度创新成果', "Rank the year's innovators"),
      action: 'innovation.year-candidates',
      params: { processKey: 'innovation-proposal', limit: 20 },
      resultKey: 'candidates',
      next: 'select',
    },
    {
      id: 'select',
      kind: 'approval',
      name: text('评选入选名人堂', 'Select inductees'),
      assignee: committee,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      // The committee runs this programme itself: its starter deciding is the design, recorded (ADR 011).
      applicantIsApprover: 'self',
      form: [
        field('inductees', '入选人员', 'Inductees', 'select', {
          required: true,
          multiple: true,
          optionsFrom: { path: 'candidates.ranking', value: 'username', label: ['displayName', 'username'] },
        }),
        field('inducteeAwardFen', '奖励（元/人）', 'Award per inductee (yuan)', 'money', {
          required: true,
          min: yuan(6_000),
          max: yuan(10_000),
        }),
      ],
      next: 'induct',
    },
    {
      id: 'induct',
      kind: 'service',
      name: text('入选名人堂并发放奖励', 'Induct and pay'),
      action: 'innovation.induct-hall-of-fame',
      resultKey: 'hallOfFame',
      next: 'inducted',
    },
    { id: 'inducted', kind: 'end', name: text('评选完成', 'Inducted'), outcome: 'inducted' },
  ],
};
