import type { ProcessDefinition } from '@unionflow/process-model';
import { field, options, optionsOf, text } from '../builders';
import { defaultAwardBands, INNOVATION_KINDS, INNOVATION_TIER_LABELS } from './tiers';

const reviewer = { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' } as const;
const committee = { kind: 'role', role: 'innovation-committee', scope: 'nearest' } as const;

/**
 * 全员创新提案: one channel for every kind of result. The award band of each tier lives in the params
 * of the `award-band` step and every award field is bounded by it, so the engine enforces the band
 * while an admin can change it by publishing a new version.
 *
 * Who sets the award (ADR 023): the grassroots reviewer's amount is final for every tier but 攻关; for
 * a breakthrough project it is a proposal, and one member of the city committee sets the award
 * (`city-award`, pre-filled with the proposal) before the whole committee countersigns that amount.
 * 送奖到岗位: the payment is recorded only after the worker confirms receipt at the workstation.
 */
export const innovationProposal: ProcessDefinition = {
  key: 'innovation-proposal',
  version: 1,
  name: text('创新提案（全员改善）', 'Innovation proposal'),
  department: 'innovation',
  form: [
    field('title', '提案名称', 'Title', 'text', { required: true }),
    field('kind', '成果类别', 'Kind', 'select', { required: true, options: options(...INNOVATION_KINDS) }),
    field('tier', '提案层级', 'Tier', 'select', {
      required: true,
      options: optionsOf(INNOVATION_TIER_LABELS),
    }),
    field('description', '现状与改进措施', 'Problem and improvement', 'textarea', { required: true }),
    field('benefit', '预期效益', 'Expected benefit', 'textarea'),
    field('expectedBenefitFen', '预计年创效（元）', 'Expected yearly saving (yuan)', 'money', { min: 0 }),
    field('teamMembers', '参与人员', 'Team members', 'text'),
    field('attachments', '照片/附件', 'Photos and attachments', 'file'),
  ],
  start: 'award-band',
  nodes: [
    {
      id: 'award-band',
      kind: 'service',
      name: text('确定奖励区间', 'Determine the award band'),
      action: 'innovation.award-band',
      params: { bands: defaultAwardBands },
      resultKey: 'awardBand',
      next: 'grassroots-review',
    },
    {
      id: 'grassroots-review',
      kind: 'approval',
      name: text('基层工会评审', 'Grassroots union review'),
      assignee: reviewer,
      mode: 'single',
      emptyAssignee: 'scope-admin',
      deadline: { due: '7d', remindBefore: '2d', onOverdue: 'escalate-to-superior' },
      form: [
        field('awardFen', '奖励金额（元）', 'Award (yuan)', 'money', {
          required: true,
          min: 'awardBand.min',
          max: 'awardBand.max',
          hint: text(
            '攻关项目由市总工会创新委员会核定，此处为建议金额',
            'For a breakthrough project this is a proposal: the city innovation committee sets the award',
          ),
        }),
      ],
      onReject: 'notify-rejected',
      next: 'tier-gate',
    },
    {
      id: 'tier-gate',
      kind: 'exclusive',
      name: text('按层级分流', 'Route by tier'),
      branches: [
        {
          condition: { '==': [{ var: 'data.tier' }, 'breakthrough'] },
          next: 'city-award',
          label: text('攻关项目', 'Breakthrough project'),
        },
      ],
      default: 'schedule-delivery',
    },
    {
      // One member sets the amount, so the award has one author on the record; everyone then signs it.
      id: 'city-award',
      kind: 'approval',
      name: text('市总工会创新委员会核定奖励', 'City innovation committee sets the award'),
      assignee: committee,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      deadline: { due: '7d', remindBefore: '2d', onOverdue: 'remind' },
      form: [
        // The same key as the proposal: the case already holds it, so the form opens pre-filled.
        field('awardFen', '核定奖励金额（元）', 'Award set by the committee (yuan)', 'money', {
          required: true,
          min: 'awardBand.min',
          max: 'awardBand.max',
          hint: text(
            '已填入基层工会建议金额，可在奖励区间内调整',
            "Filled in with the grassroots union's proposal; adjust it within the band",
          ),
        }),
      ],
      onReject: 'notify-rejected',
      next: 'city-countersign',
    },
    {
      id: 'city-countersign',
      kind: 'approval',
      name: text('市总工会创新委员会会签', 'City innovation committee countersign'),
      assignee: committee,
      mode: 'all',
      emptyAssignee: 'admin-queue',
      deadline: { due: '10d', remindBefore: '3d', onOverdue: 'remind' },
      onReject: 'notify-rejected',
      next: 'schedule-delivery',
    },
    {
      id: 'schedule-delivery',
      kind: 'approval',
      name: text('安排送奖到岗位', 'Schedule delivery to the workstation'),
      assignee: reviewer,
      mode: 'single',
      emptyAssignee: 'scope-admin',
      form: [
        field('deliveryDate', '送奖日期', 'Delivery date', 'date', { required: true }),
        field('deliveryPlace', '送达岗位', 'Workstation', 'text', { required: true }),
      ],
      next: 'handover',
    },
    {
      // 送奖到岗位: the award is paid once the worker has signed for it, not before (ADR 023).
      id: 'handover',
      kind: 'applicant-task',
      name: text('岗位签收确认', 'Confirm receipt at the workstation'),
      deadline: { due: '7d', remindBefore: '2d', onOverdue: 'remind' },
      form: [
        field('receipt', '签收', 'Receipt', 'select', {
          required: true,
          options: options(['received', '已当面签收', 'Received in person']),
        }),
        field('receiptNote', '签收说明', 'Note', 'text'),
      ],
      next: 'disburse',
    },
    {
      id: 'disburse',
      kind: 'service',
      name: text('发放奖金', 'Disburse the award'),
      action: 'innovation.disburse-award',
      compensation: 'innovation.reclaim-award',
      params: { amountField: 'awardFen', kind: 'innovation-award' },
      resultKey: 'payment',
      next: 'publish',
    },
    {
      id: 'publish',
      kind: 'service',
      name: text('发布到成果共享库', 'Publish to the shared library'),
      action: 'innovation.publish-to-library',
      resultKey: 'libraryEntry',
      next: 'mentor-award',
    },
    {
      id: 'mentor-award',
      kind: 'service',
      name: text('导师带徒奖励', 'Mentor award'),
      action: 'innovation.mentor-award',
      params: { percent: 10, amountField: 'awardFen' },
      resultKey: 'mentorAward',
      next: 'awarded',
    },
    { id: 'awarded', kind: 'end', name: text('已奖励', 'Awarded'), outcome: 'awarded' },
    {
      id: 'notify-rejected',
      kind: 'service',
      name: text('通知未通过', 'Tell the applicant'),
      action: 'notify-applicant',
      params: { message: '您的创新提案未通过评审，可查看评审意见后修改再提报。' },
      next: 'rejected',
    },
    { id: 'rejected', kind: 'end', name: text('未通过', 'Not approved'), outcome: 'rejected' },
  ],
};
