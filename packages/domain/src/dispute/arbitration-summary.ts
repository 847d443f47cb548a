import type { Label } from '@unionflow/process-model/catalog';

/** Why a dispute goes to arbitration, as the summary and the case page word it. */
export const REFERRAL_REASONS = {
  'no-consent': {
    zh: '当事人不同意调解或未在规定期限内表示同意',
    en: 'A party did not consent to mediation in time',
  },
  'mediation-failed': { zh: '经调解未能达成和解协议', en: 'Mediation reached no agreement' },
  'limit-expired': {
    zh: '自调解申请之日起十五日内未达成调解协议（《劳动争议调解仲裁法》第十四条）',
    en: 'No agreement within 15 days of the mediation request (Mediation and Arbitration Law, art. 14)',
  },
  'payment-default': { zh: '用人单位未按和解协议约定履行', en: 'The employer did not pay as agreed' },
} as const satisfies Record<string, Label>;

/** Why a dispute goes to arbitration. */
export type ReferralReason = keyof typeof REFERRAL_REASONS;

const fen = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) ? `${(v / 100).toFixed(2)} 元` : '未填写';
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : '未填写');

/** The case summary handed to the arbitration commission (仲裁移送摘要), in Chinese. */
export function arbitrationSummary(
  caseNumber: string,
  data: Record<string, unknown>,
  reason: ReferralReason,
): string {
  const recorded = data.sessions as { count?: unknown } | unknown[] | undefined;
  const sessions = Array.isArray(recorded)
    ? recorded.length
    : typeof recorded?.count === 'number'
      ? recorded.count
      : 0;
  return [
    `案件编号：${caseNumber}`,
    `申请人（职工）：${str(data.workerName)}`,
    `被申请人（用人单位）：${str(data.employerName)}`,
    `申请方式：${data.filedBy === 'union' ? '工会代为申请' : '职工本人申请'}`,
    `争议事实：${str(data.facts)}`,
    `请求事项：${str(data.claims)}`,
    `请求金额：${fen(data.amountClaimedFen)}`,
    `调解情况：共进行调解 ${sessions} 次`,
    `移送原因：${REFERRAL_REASONS[reason]?.zh ?? reason}`,
  ].join('\n');
}

/** True when a reason string is one we know. */
export function isReferralReason(value: unknown): value is ReferralReason {
  return typeof value === 'string' && value in REFERRAL_REASONS;
}
