import type { DisplayLanguage } from '@unionflow/process-model/display';

/** The form's own words (headings, columns, fallbacks) in both languages, declared once for page and PDF. */
export const APPROVAL_FORM_WORDS = {
  heading: { zh: '审批单', en: 'Approval form' },
  caseNumber: { zh: '案件编号', en: 'Case number' },
  title: { zh: '事项', en: 'Subject' },
  process: { zh: '审批事项', en: 'Process' },
  applicant: { zh: '申请人', en: 'Applicant' },
  orgUnit: { zh: '所属单位', en: 'Unit' },
  status: { zh: '办理状态', en: 'Status' },
  submittedAt: { zh: '提交时间', en: 'Submitted' },
  fields: { zh: '申请内容', en: 'Application' },
  steps: { zh: '审批记录', en: 'Approval record' },
  step: { zh: '环节', en: 'Step' },
  actor: { zh: '办理人', en: 'By' },
  decision: { zh: '意见', en: 'Decision' },
  comment: { zh: '批注', en: 'Comment' },
  time: { zh: '时间', en: 'Time' },
  audit: { zh: '审计链校验值', en: 'Audit chain hash' },
  auditEvents: { zh: '本案审计事件 {n} 条，末条哈希', en: '{n} audit events of this case; last hash' },
  noAudit: { zh: '尚无审计记录', en: 'no audit events yet' },
  qr: { zh: '扫码查看案件', en: 'Scan to open the case' },
  printedAt: { zh: '打印时间', en: 'Printed' },
  applicationStep: { zh: '发起申请', en: 'Application' },
  pending: { zh: '待处理', en: 'Pending' },
  onBehalfOf: { zh: '（代 {name}）', en: ' (for {name})' },
  anonymous: { zh: '匿名', en: 'Anonymous' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  unknownOption: { zh: '（未知选项）', en: '(unknown option)' },
  attachments: { zh: '附件 {n} 个', en: '{n} attachment(s)' },
  none: { zh: '—', en: '—' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ApprovalFormWord = keyof typeof APPROVAL_FORM_WORDS;

/** A word of the form in `lang`, with `{n}`/`{name}` filled in. */
export function formWord(
  word: ApprovalFormWord,
  lang: DisplayLanguage,
  vars: Record<string, string | number> = {},
): string {
  return APPROVAL_FORM_WORDS[word][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** Every word in `lang`, for the page's and the PDF's headings. */
export function formWords(lang: DisplayLanguage): Record<ApprovalFormWord, string> {
  return Object.fromEntries(Object.entries(APPROVAL_FORM_WORDS).map(([k, v]) => [k, v[lang]])) as Record<
    ApprovalFormWord,
    string
  >;
}
