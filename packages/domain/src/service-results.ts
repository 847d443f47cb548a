import type { Label } from '@unionflow/process-model/catalog';
import type { ResultFieldSpec, ResultScalarSpec, ResultSchema } from '@unionflow/process-model/display';
import { REFERRAL_REASONS } from './dispute/arbitration-summary';
import { SESSION_RESULTS } from './dispute/labor-dispute';
import { admissionConditions, admissionExclusions, checklistLabels, fourClears } from './hardship/checklists';
import {
  HARDSHIP_FILE_STATUSES,
  HARDSHIP_LEVEL_LABELS,
  REVERIFICATION_RECOMMENDATIONS,
} from './hardship/reverification';
import { INNOVATION_TIER_LABELS } from './innovation/tiers';
import { PAYMENT_STATUSES } from './money';
import { SUBSIDY_KINDS } from './subsidy/subsidy-rules';

// Builders for one result key: label first, then how the value reads. Codes are labelled from the
// vocabulary that declares them (tiers, levels, checklists…), never retyped here.
const label = (zh: string, en: string): Label => ({ zh, en });
const money = (zh: string, en: string): ResultFieldSpec => ({ label: label(zh, en), type: 'money' });
const flag = (zh: string, en: string): ResultFieldSpec => ({ label: label(zh, en), type: 'boolean' });
const words = (zh: string, en: string): ResultFieldSpec => ({ label: label(zh, en), type: 'text' });
const day = (zh: string, en: string): ResultFieldSpec => ({ label: label(zh, en), type: 'date' });
const instant = (zh: string, en: string): ResultFieldSpec => ({ label: label(zh, en), type: 'datetime' });
const count = (zh: string, en: string, unit: Label): ResultFieldSpec => ({
  label: label(zh, en),
  type: 'number',
  unit,
});
const oneOf = (zh: string, en: string, options: Record<string, Label>): ResultFieldSpec => ({
  label: label(zh, en),
  type: 'enum',
  options,
});
const listOf = (zh: string, en: string, of: ResultScalarSpec): ResultFieldSpec => ({
  label: label(zh, en),
  type: 'list',
  of,
});
const records = (zh: string, en: string, fields: Record<string, ResultFieldSpec>): ResultFieldSpec => ({
  label: label(zh, en),
  type: 'list',
  of: { type: 'record', fields },
});
/** An internal reference (an id): labelled for the record, never shown. */
const internal = (zh: string, en: string): ResultFieldSpec => ({ ...words(zh, en), hidden: true });

const names = { type: 'text' } as const;
const paymentStatus = oneOf('发放状态', 'Payment status', PAYMENT_STATUSES);
const payment: ResultSchema = {
  fields: {
    paymentId: internal('付款编号', 'Payment id'),
    payeeId: internal('收款人', 'Payee'),
    amountFen: money('金额', 'Amount'),
    status: paymentStatus,
  },
};
const reclaimed: ResultSchema = {
  fields: { paymentId: internal('付款编号', 'Payment id'), status: paymentStatus },
};
const fileStatus = {
  status: oneOf('档案状态', 'File status', HARDSHIP_FILE_STATUSES),
  level: oneOf('困难类别', 'Level', HARDSHIP_LEVEL_LABELS),
  cardNumber: words('联系卡编号', 'Contact card number'),
};
const people = { zh: '人', en: 'people' };

/** What each service action returns, key by key (the manifest's `result`). */
export const SERVICE_RESULTS = {
  noop: { fields: { ok: { ...flag('已执行', 'Done'), hidden: true } } },
  'notify-applicant': { fields: { notified: flag('已通知申请人', 'Applicant notified') } },
  'payment.disburse': payment,
  'payment.reclaim': reclaimed,
  'innovation.award-band': {
    fields: {
      tier: oneOf('提案层级', 'Tier', INNOVATION_TIER_LABELS),
      min: money('奖励下限', 'Lowest award'),
      max: money('奖励上限', 'Highest award'),
    },
    bands: [{ label: label('奖励区间', 'Award band'), min: 'min', max: 'max' }],
  },
  'innovation.disburse-award': payment,
  'innovation.reclaim-award': reclaimed,
  'innovation.publish-to-library': {
    fields: {
      entryId: internal('成果编号', 'Entry id'),
      publishedAt: instant('收入成果库时间', 'Published at'),
    },
  },
  'innovation.mentor-award': {
    fields: {
      mentorId: internal('导师', 'Mentor'),
      amountFen: money('导师奖励', 'Mentor award'),
      paymentId: internal('付款编号', 'Payment id'),
    },
  },
  'innovation.quarter-candidates': {
    fields: {
      quarter: words('季度', 'Quarter'),
      from: { ...instant('起始', 'From'), hidden: true },
      to: { ...instant('截止', 'Until'), hidden: true },
      count: count('候选提案数', 'Candidate proposals', { zh: '项', en: 'proposals' }),
      proposals: records('候选提案', 'Candidates', {
        caseId: internal('案件', 'Case'),
        number: words('案件编号', 'Case number'),
        title: words('提案名称', 'Title'),
        applicantId: internal('申请人', 'Applicant'),
        username: words('申请人', 'Applicant'),
        tier: oneOf('提案层级', 'Tier', INNOVATION_TIER_LABELS),
        awardFen: money('奖励金额', 'Award'),
      }),
    },
  },
  'innovation.quarterly-awards': {
    fields: {
      quarter: words('季度', 'Quarter'),
      excellent: records('优秀提案', 'Excellent proposals', {
        number: words('案件编号', 'Case number'),
        username: words('申请人', 'Applicant'),
      }),
      pacesetters: listOf('改善标兵', 'Pacesetters', names),
      skipped: listOf('未获评（不符合条件）', 'Not awarded (not eligible)', names),
      totalFen: money('奖励合计', 'Total awarded'),
    },
  },
  'innovation.year-candidates': {
    fields: {
      year: words('年度', 'Year'),
      ranking: records('年度排名', 'Ranking', {
        userId: internal('职工', 'Worker'),
        displayName: words('姓名', 'Name'),
        // The selector names inductees by username, so the ranking shows it.
        username: words('用户名', 'Username'),
        proposals: count('获奖提案', 'Awarded proposals', { zh: '项', en: 'proposals' }),
        totalAwardFen: money('奖励合计', 'Total award'),
      }),
    },
  },
  'innovation.induct-hall-of-fame': {
    fields: {
      year: words('年度', 'Year'),
      inducted: listOf('入选名人堂', 'Inducted', names),
      skipped: listOf('未入选（不在排名中）', 'Not inducted (not ranked)', names),
      totalFen: money('奖励合计', 'Total awarded'),
    },
  },
  'dispute.arbitration-summary': {
    fields: {
      reason: oneOf('移送原因', 'Reason for referral', REFERRAL_REASONS),
      summary: words('仲裁移送摘要', 'Summary for arbitration'),
      generatedAt: instant('生成时间', 'Generated at'),
    },
  },
  'dispute.record-session': {
    fields: {
      count: count('已调解次数', 'Sessions held', { zh: '次', en: 'sessions' }),
      lastDate: day('最近调解日期', 'Last session'),
      lastResult: oneOf('最近调解结果', 'Last result', SESSION_RESULTS),
    },
  },
  'dispute.limit-warning': {
    fields: {
      warned: flag('已发出期限预警', 'Warning sent'),
      notified: count('通知人数', 'People notified', people),
    },
  },
  'dispute.limit-check': {
    fields: {
      agreementReached: flag('期满前已签和解协议', 'Agreement signed by the limit'),
      checkedAt: instant('核查时间', 'Checked at'),
    },
  },
  'mailbox.queue-reception': { fields: { receptionDate: day('接待日', 'Reception day') } },
  'hardship.check-admission': {
    fields: {
      eligible: flag('符合建档条件', 'Eligible'),
      met: listOf('符合的建档条件', 'Conditions met', {
        type: 'enum',
        options: checklistLabels(admissionConditions),
      }),
      excludedBy: listOf('不符合建档的情形', 'Excluded by', {
        type: 'enum',
        options: checklistLabels(admissionExclusions),
      }),
      unclear: listOf('尚未核实清楚', 'Not yet clear', {
        type: 'enum',
        options: checklistLabels(fourClears),
      }),
    },
  },
  'hardship.open-file': { fields: fileStatus },
  'hardship.pair-cadre': {
    fields: {
      cadreId: internal('帮扶干部', 'Cadre'),
      cadreUsername: words('帮扶干部', 'Paired cadre'),
      cardNumber: words('联系卡编号', 'Contact card number'),
    },
  },
  'hardship.civil-affairs-check': {
    fields: {
      found: flag('查到民政数据', 'Civil-affairs data found'),
      perCapitaFen: money('家庭月人均收入', 'Monthly income per person'),
      suggestedLevel: oneOf('建议困难类别', 'Suggested level', HARDSHIP_LEVEL_LABELS),
      recommendation: oneOf('核对建议', 'Advice', REVERIFICATION_RECOMMENDATIONS),
      asOf: day('民政数据日期', 'Data as of'),
      checkedAt: instant('核对时间', 'Checked at'),
    },
  },
  'hardship.record-reverification': { fields: fileStatus },
  'hardship.reopen': { fields: fileStatus },
  'hardship.archive': { fields: { ...fileStatus, archivedAt: instant('归档时间', 'Archived at') } },
  'hardship.find-file': {
    fields: {
      inFile: flag('已在困难档案中', 'In the hardship file'),
      fileCaseId: internal('档案案件', 'File case'),
      level: oneOf('困难类别', 'Level', HARDSHIP_LEVEL_LABELS),
    },
  },
  'subsidy.compute': {
    fields: {
      kind: oneOf('补贴类型', 'Kind of subsidy', SUBSIDY_KINDS),
      amountFen: money('测算金额', 'Computed amount'),
    },
  },
} satisfies Record<string, ResultSchema>;
