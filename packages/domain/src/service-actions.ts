import type { Label } from '@unionflow/process-model/catalog';
import type { ResultSchema } from '@unionflow/process-model/display';
import { SERVICE_RESULTS } from './service-results';

/** A service action's name in both languages and what its result holds, key by key. */
export interface ServiceActionSpec extends Label {
  result: ResultSchema;
}

const LABELS = {
  noop: { zh: '空操作（起草用）', en: 'No operation (for drafting)' },
  'notify-applicant': { zh: '通知申请人', en: 'Notify the applicant' },
  'payment.disburse': { zh: '发放款项', en: 'Disburse a payment' },
  'payment.reclaim': { zh: '收回款项', en: 'Reclaim a payment' },
  'innovation.award-band': { zh: '确定奖励档次', en: 'Find the award band' },
  'innovation.disburse-award': { zh: '发放创新奖励', en: 'Disburse the award' },
  'innovation.reclaim-award': { zh: '收回创新奖励', en: 'Reclaim the award' },
  'innovation.publish-to-library': { zh: '收入成果库', en: 'Publish to the library' },
  'innovation.mentor-award': { zh: '师带徒奖励', en: 'Mentorship award' },
  'innovation.quarter-candidates': { zh: '汇总季度候选', en: 'Collect quarterly candidates' },
  'innovation.quarterly-awards': { zh: '季度评选结果', en: 'Quarterly awards' },
  'innovation.year-candidates': { zh: '汇总年度候选', en: 'Collect yearly candidates' },
  'innovation.induct-hall-of-fame': { zh: '入选名人堂', en: 'Induct into the hall of fame' },
  'dispute.arbitration-summary': { zh: '生成仲裁材料摘要', en: 'Arbitration summary' },
  'dispute.record-session': { zh: '记录调解过程', en: 'Record the mediation session' },
  'dispute.limit-warning': { zh: '调解时限提醒', en: 'Mediation deadline warning' },
  'dispute.limit-check': { zh: '检查调解时限', en: 'Check the mediation deadline' },
  'mailbox.queue-reception': { zh: '安排主席接待', en: 'Queue a reception' },
  'hardship.check-admission': { zh: '核对建档条件', en: 'Check the admission conditions' },
  'hardship.open-file': { zh: '建立困难档案', en: 'Open the hardship file' },
  'hardship.pair-cadre': { zh: '结对帮扶干部', en: 'Pair a cadre' },
  'hardship.civil-affairs-check': { zh: '民政信息核对', en: 'Civil affairs check' },
  'hardship.record-reverification': { zh: '记录年度复核', en: 'Record the reverification' },
  'hardship.reopen': { zh: '重新启用档案', en: 'Reopen the file' },
  'hardship.archive': { zh: '档案归档', en: 'Archive the file' },
  'hardship.find-file': { zh: '查找困难档案', en: 'Find the hardship file' },
  'subsidy.compute': { zh: '计算补助金额', en: 'Compute the subsidy' },
} as const satisfies Record<keyof typeof SERVICE_RESULTS, Label>;

export type ServiceActionName = keyof typeof LABELS;

/**
 * The service actions a definition's service step may name, with labels for the designer and the
 * timeline and the display schema of their results (how the case page reads them). The worker's
 * registry implements exactly these (a test there holds it to this list, and each result to its
 * schema); the gateway validates definitions against it without loading the worker.
 */
export const SERVICE_ACTIONS = Object.fromEntries(
  (Object.keys(LABELS) as ServiceActionName[]).map((name) => [
    name,
    { ...LABELS[name], result: SERVICE_RESULTS[name] },
  ]),
) as Record<ServiceActionName, ServiceActionSpec>;

/** Every service action name, sorted (what the definition validator accepts). */
export const SERVICE_ACTION_NAMES = (Object.keys(SERVICE_ACTIONS) as ServiceActionName[]).sort();
