import type { ApprovalNode, ProcessDefinition, ProcessNode } from '@unionflow/process-model';
import { field, options, optionsOf, text } from '../builders';
import { admissionConditions, admissionExclusions, checklistFields, fourClears } from './checklists';
import { HARDSHIP_PROCESS_KEYS } from './process-keys';
import { defaultReverificationRules, HARDSHIP_LEVEL_LABELS } from './reverification';

const centre = { kind: 'role', role: 'assistance-centre', scope: 'nearest' } as const;
const grassroots = { kind: 'role', role: 'grassroots-cadre', scope: 'nearest' } as const;
const levels = optionsOf(HARDSHIP_LEVEL_LABELS);

/** One follow-up check-in after exit (致困有帮扶、脱困有跟踪), by the paired cadre. */
function followUp(months: number, wait: string): ProcessNode[] {
  const check: ApprovalNode = {
    id: `follow-up-${months}`,
    kind: 'approval',
    name: text(`脱困后 ${months} 个月回访`, `Check-in ${months} months after exit`),
    assignee: { kind: 'paired-cadre' },
    mode: 'single',
    emptyAssignee: 'scope-admin',
    form: [
      field(`followUp${months}Note`, '回访情况', 'Visit notes', 'textarea', { required: true }),
      field(`followUp${months}Relapse`, '是否返困', 'Back in hardship?', 'boolean'),
    ],
    next: 'follow-ups-done',
  };
  return [
    {
      id: `follow-up-${months}-wait`,
      kind: 'timer',
      name: text(`等待 ${months} 个月`, `Wait ${months} months`),
      duration: wait,
      next: check.id,
    },
    check,
  ];
}

/**
 * 困难职工建档与动态管理: opening the file, the years in it (yearly re-verification on a durable
 * timer), and leaving it (认定 → 核实 → 公示 → 归档 → 回访). Household data is sensitive: only the
 * applicant and assistance staff see it unmasked. Admission has its own notice (入档公示) between the
 * centre's level and the file: an objection the centre finds founded ends the case unadmitted. Aid while in the file is its own process
 * (`hardship-aid-request`), one case per request, checked against the open file.
 */
export const hardshipCase: ProcessDefinition = {
  key: HARDSHIP_PROCESS_KEYS.file,
  version: 1,
  name: text('困难职工建档', 'Hardship file'),
  department: 'assistance',
  sensitiveViewerRoles: ['assistance-centre', 'grassroots-cadre'],
  // The civil-affairs comparison carries household finances.
  sensitiveDataKeys: ['civilAffairs'],
  form: [
    field('householdMembers', '家庭成员（姓名、关系、年龄、就业/就学）', 'Household members', 'textarea', {
      required: true,
      sensitive: true,
    }),
    field('householdSize', '家庭人口', 'Household size', 'number', { required: true, min: 1, max: 30 }),
    field('address', '家庭住址', 'Home address', 'text', { required: true, sensitive: true }),
    field('workSituation', '工作及就业情况', 'Work situation', 'textarea', {
      required: true,
      sensitive: true,
    }),
    field('causeCategory', '致困原因', 'Cause of hardship', 'select', {
      required: true,
      options: options(
        ['illness', '因病', 'Illness'],
        ['disability', '因残', 'Disability'],
        ['education', '因学', 'Education costs'],
        ['disaster', '因灾', 'Disaster'],
        ['accident', '意外事故', 'Accident'],
        ['unemployment', '失业', 'Unemployment'],
        ['other', '其他', 'Other'],
      ),
    }),
    field('causeDetail', '致困情况说明', 'Details', 'textarea', { required: true, sensitive: true }),
    field('monthlyIncomeFen', '家庭月收入（元）', 'Household monthly income (yuan)', 'money', {
      required: true,
      min: 0,
      sensitive: true,
    }),
    field('idNumber', '身份证号', 'ID number', 'text', { required: true, sensitive: true, revealOnly: true }),
    field('attachments', '证明材料', 'Documents', 'file', { sensitive: true }),
  ],
  start: 'verify',
  nodes: [
    {
      id: 'verify',
      kind: 'approval',
      name: text('基层工会入户核实', 'Grassroots verification'),
      assignee: grassroots,
      mode: 'single',
      emptyAssignee: 'scope-admin',
      deadline: { due: '7d', remindBefore: '2d', onOverdue: 'escalate-to-superior' },
      form: [
        ...checklistFields(fourClears, true),
        ...checklistFields(admissionConditions),
        ...checklistFields(admissionExclusions),
        field('verificationNote', '核实情况', 'Verification notes', 'textarea'),
      ],
      next: 'admission',
    },
    {
      id: 'admission',
      kind: 'service',
      name: text('对照建档条件', 'Check against the admission lists'),
      action: 'hardship.check-admission',
      params: {
        conditions: admissionConditions.map((c) => c.key),
        exclusions: admissionExclusions.map((c) => c.key),
        clears: fourClears.map((c) => c.key),
      },
      resultKey: 'admission',
      next: 'admission-gate',
    },
    {
      id: 'admission-gate',
      kind: 'exclusive',
      name: text('是否符合建档条件', 'Eligible?'),
      branches: [
        {
          condition: { '==': [{ var: 'data.admission.eligible' }, true] },
          next: 'centre-approval',
          label: text('符合', 'Eligible'),
        },
      ],
      default: 'notify-not-eligible',
    },
    {
      id: 'notify-not-eligible',
      kind: 'service',
      name: text('告知不符合建档条件', 'Tell the applicant'),
      action: 'notify-applicant',
      params: { message: '经核实，您的家庭情况暂不符合困难职工建档条件。' },
      next: 'not-admitted',
    },
    { id: 'not-admitted', kind: 'end', name: text('不予建档', 'Not admitted'), outcome: 'rejected' },
    {
      id: 'centre-approval',
      kind: 'approval',
      name: text('援助中心审批定级', 'Assistance centre approval and level'),
      assignee: centre,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [field('level', '困难类别', 'Level', 'select', { required: true, options: levels })],
      next: 'admission-notice',
    },
    {
      id: 'admission-notice',
      kind: 'notice',
      name: text('入档公示', 'Public notice of the admission'),
      duration: '7d',
      // Like the exit notice: the level and the cause of hardship, never household details.
      publicFields: ['level', 'causeCategory'],
      onObjection: 'admission-objection-review',
      next: 'open-file',
    },
    {
      id: 'admission-objection-review',
      kind: 'approval',
      name: text('入档异议复查', 'Review the objection to the admission'),
      assignee: centre,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field(
          'admissionObjectionFounded',
          '异议成立（不予建档）',
          'Objection founded (the file is not opened)',
          'boolean',
          { required: true },
        ),
        // Required: whichever way it goes, the reason is on the timeline with the decision.
        field('admissionObjectionNote', '复查意见', 'Opinion', 'textarea', { required: true }),
      ],
      next: 'admission-objection-gate',
    },
    {
      id: 'admission-objection-gate',
      kind: 'exclusive',
      name: text('入档异议是否成立', 'Objection to the admission founded?'),
      branches: [
        {
          condition: { '==': [{ var: 'data.admissionObjectionFounded' }, true] },
          next: 'notify-objection-founded',
          label: text('成立', 'Founded'),
        },
      ],
      // Not founded: the admission stands and the file opens.
      default: 'open-file',
    },
    {
      id: 'notify-objection-founded',
      kind: 'service',
      name: text('告知公示异议成立', 'Tell the applicant'),
      action: 'notify-applicant',
      params: { message: '入档公示期间收到异议，经援助中心复查异议成立，暂不予建档。' },
      next: 'not-admitted-after-objection',
    },
    {
      id: 'not-admitted-after-objection',
      kind: 'end',
      name: text('公示异议成立，不予建档', 'Not admitted after an objection'),
      outcome: 'rejected',
    },
    {
      id: 'open-file',
      kind: 'service',
      name: text('建档', 'Open the file'),
      action: 'hardship.open-file',
      resultKey: 'file',
      next: 'pair',
    },
    {
      id: 'pair',
      kind: 'service',
      name: text('结对帮扶（联系卡）', 'Pair with a cadre (contact card)'),
      action: 'hardship.pair-cadre',
      params: { role: 'grassroots-cadre' },
      resultKey: 'pairing',
      next: 'yearly-wait',
    },
    {
      id: 'yearly-wait',
      kind: 'timer',
      name: text('在档（等待年度复核）', 'In the file until the yearly re-verification'),
      duration: '1y',
      next: 'civil-check',
    },
    {
      id: 'civil-check',
      kind: 'service',
      name: text('民政经济状况比对', 'Compare with civil-affairs data'),
      action: 'hardship.civil-affairs-check',
      params: { ...defaultReverificationRules },
      resultKey: 'civilAffairs',
      next: 'reverify',
    },
    {
      id: 'reverify',
      kind: 'approval',
      name: text('年度复核认定', 'Yearly re-verification (determination)'),
      assignee: centre,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      deadline: { due: '30d', remindBefore: '7d', onOverdue: 'remind' },
      form: [
        field('reverifyOutcome', '复核结论', 'Outcome', 'select', {
          required: true,
          options: options(
            ['continue', '继续在档', 'Stay in the file'],
            ['change-level', '调整困难类别', 'Change the level'],
            ['exit', '退档（脱困）', 'Leave the file'],
          ),
        }),
        field('level', '调整后类别', 'New level', 'select', { options: levels }),
        field('reverifyNote', '复核意见', 'Opinion', 'textarea'),
      ],
      next: 'reverify-gate',
    },
    {
      id: 'reverify-gate',
      kind: 'exclusive',
      name: text('复核结论', 'Outcome'),
      branches: [
        {
          condition: { '==': [{ var: 'data.reverifyOutcome' }, 'exit'] },
          next: 'exit-verification',
          label: text('退档', 'Exit'),
        },
      ],
      default: 'record-reverification',
    },
    {
      id: 'record-reverification',
      kind: 'service',
      name: text('更新档案', 'Update the file'),
      action: 'hardship.record-reverification',
      resultKey: 'file',
      next: 'yearly-wait',
    },
    {
      id: 'exit-verification',
      kind: 'approval',
      name: text('基层工会核实退档', 'Grassroots verification of the exit'),
      assignee: grassroots,
      mode: 'single',
      emptyAssignee: 'scope-admin',
      form: [field('exitVerificationNote', '核实情况', 'Verification notes', 'textarea', { required: true })],
      // The grassroots union disagrees: the household stays in the file.
      onReject: 'yearly-wait',
      next: 'exit-notice',
    },
    {
      id: 'exit-notice',
      kind: 'notice',
      name: text('退档公示', 'Public notice of the exit'),
      duration: '7d',
      // The board shows the level and the cause of hardship; household details stay private.
      publicFields: ['level', 'causeCategory'],
      onObjection: 'objection-review',
      next: 'archive',
    },
    {
      id: 'objection-review',
      kind: 'approval',
      name: text('异议复查', 'Review the objection'),
      assignee: centre,
      mode: 'single',
      emptyAssignee: 'admin-queue',
      form: [
        field('objectionUpheld', '异议成立（恢复在档）', 'Objection upheld (stay in the file)', 'boolean', {
          required: true,
        }),
        field('objectionNote', '复查意见', 'Opinion', 'textarea'),
      ],
      next: 'objection-gate',
    },
    {
      id: 'objection-gate',
      kind: 'exclusive',
      name: text('异议是否成立', 'Objection upheld?'),
      branches: [
        {
          condition: { '==': [{ var: 'data.objectionUpheld' }, true] },
          next: 'reopen',
          label: text('成立', 'Upheld'),
        },
      ],
      default: 'exit-notice',
    },
    {
      id: 'reopen',
      kind: 'service',
      name: text('恢复在档', 'Back into the file'),
      action: 'hardship.reopen',
      resultKey: 'file',
      next: 'yearly-wait',
    },
    {
      id: 'archive',
      kind: 'service',
      name: text('退档归档', 'Archive the file'),
      action: 'hardship.archive',
      resultKey: 'file',
      next: 'follow-ups',
    },
    {
      id: 'follow-ups',
      kind: 'parallel',
      name: text('脱困跟踪回访', 'Follow-up after exit'),
      branches: ['follow-up-3-wait', 'follow-up-6-wait', 'follow-up-12-wait'],
      join: 'follow-ups-done',
    },
    ...followUp(3, '90d'),
    ...followUp(6, '180d'),
    ...followUp(12, '1y'),
    { id: 'follow-ups-done', kind: 'join', name: text('回访完成', 'Follow-ups done'), next: 'exited' },
    { id: 'exited', kind: 'end', name: text('已退档', 'Left the file'), outcome: 'exited' },
  ],
};
