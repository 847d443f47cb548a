import type { ProcessDefinition } from '@unionflow/process-model';
import { field, options, text } from '../builders';

const committee = { kind: 'role', role: 'innovation-committee', scope: 'nearest' } as const;

/** 揭榜攻关: a hard problem posted with a bounty, taken up by a team, delivered, evaluated and paid. */
export const openChallenge: ProcessDefinition = {
  key: 'innovation-challenge',
  version: 1,
  name: text('揭榜攻关', 'Open challenge'),
  department: 'innovation',
  starterRoles: ['innovation-committee', 'innovation-reviewer'],
  form: [
    field('title', '榜单题目', 'Challenge', 'text', { required: true }),
    field('problem', '难题描述与指标要求', 'Problem and targets', 'textarea', { required: true }),
    field('bountyFen', '悬赏金额（元）', 'Bounty (yuan)', 'money', { required: true, min: 1 }),
    field('dueDate', '交付期限', 'Due date', 'date'),
  ],
  start: 'take-up',
  nodes: [
    {
      id: 'take-up',
      kind: 'approval',
      name: text('确认揭榜团队', 'Confirm the team taking it up'),
      assignee: committee,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      // The committee runs this programme itself: its starter deciding is the design, recorded (ADR 011).
      applicantIsApprover: 'self',
      form: [
        field('teamName', '揭榜团队', 'Team', 'text', { required: true }),
        field('teamLeader', '团队负责人', 'Team leader', 'user', { required: true }),
        field('teamMembers', '团队成员', 'Members', 'text'),
        field('plan', '攻关方案', 'Plan', 'textarea', { required: true }),
      ],
      next: 'deliver',
    },
    {
      id: 'deliver',
      kind: 'approval',
      name: text('团队交付成果', 'Team delivers'),
      assignee: { kind: 'field', field: 'teamLeader' },
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field('deliverable', '攻关成果', 'Deliverable', 'textarea', { required: true }),
        field('deliverableFiles', '成果附件', 'Attachments', 'file'),
      ],
      next: 'evaluate',
    },
    {
      id: 'evaluate',
      kind: 'approval',
      name: text('成果评价', 'Evaluation'),
      assignee: committee,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      // The committee runs this programme itself: its starter deciding is the design, recorded (ADR 011).
      applicantIsApprover: 'self',
      form: [
        field('evaluationScore', '评价得分', 'Score', 'number', { required: true, min: 0, max: 100 }),
        field('evaluation', '评价意见', 'Evaluation', 'select', {
          required: true,
          options: options(['accepted', '达到指标，验收通过', 'Accepted']),
        }),
      ],
      // A delivery that falls short goes back to the team.
      onReject: 'deliver',
      next: 'pay',
    },
    {
      id: 'pay',
      kind: 'service',
      name: text('兑现悬赏', 'Pay the bounty'),
      action: 'innovation.disburse-award',
      compensation: 'innovation.reclaim-award',
      params: { amountField: 'bountyFen', payeeField: 'teamLeader', kind: 'challenge-bounty' },
      resultKey: 'payment',
      next: 'publish',
    },
    {
      id: 'publish',
      kind: 'service',
      name: text('发布到成果共享库', 'Publish to the shared library'),
      action: 'innovation.publish-to-library',
      params: { tier: 'breakthrough', awardField: 'bountyFen', authorField: 'teamLeader' },
      resultKey: 'libraryEntry',
      next: 'paid',
    },
    { id: 'paid', kind: 'end', name: text('已兑现', 'Paid'), outcome: 'paid' },
  ],
};
