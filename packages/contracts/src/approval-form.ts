import { Type } from 'typebox';
import { Timestamp } from './common';

/** Languages the approval form is written in. */
export const ApprovalFormLanguage = Type.Union([Type.Literal('zh'), Type.Literal('en')]);

/** `?lang=` of the approval form routes (Chinese unless asked). */
export const ApprovalFormQuery = Type.Object({ lang: Type.Optional(ApprovalFormLanguage) });

/** One labelled line of the start form, its value already written as people read it. */
export const ApprovalFormField = Type.Object({
  label: Type.String(),
  value: Type.String(),
});

/** One thing that happened to the case (a decision, a return, a notice), oldest first. */
export const ApprovalFormStep = Type.Object({
  step: Type.String(),
  /** Who acted, with "for X" when acting on someone's behalf; "—" for the system. */
  actor: Type.String(),
  /** The decision in words: 同意, 退回, 提交申请… */
  decision: Type.String(),
  comment: Type.String(),
  /** Data entered with the decision (an award, a level), labelled. */
  details: Type.Array(ApprovalFormField),
  /** `YYYY-MM-DD HH:mm` in Asia/Shanghai; "—" for a step still open. */
  time: Type.String(),
});

/**
 * The printable approval form (审批单) of one case: every string is final text in the asked language,
 * masked as the viewer sees the case, so the shell's print page and the server's PDF cannot disagree.
 */
export const ApprovalForm = Type.Object({
  lang: ApprovalFormLanguage,
  /** The federation at the top of the case's org tree, and the unit the case belongs to. */
  unionName: Type.String(),
  orgUnitName: Type.String(),
  /** "审批单" / "Approval form". */
  heading: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  title: Type.String(),
  processName: Type.String(),
  applicant: Type.String(),
  status: Type.String(),
  submittedAt: Type.String(),
  fields: Type.Array(ApprovalFormField),
  steps: Type.Array(ApprovalFormStep),
  /** The case's last event in the audit hash chain: its hash, and how many events of the case it closes. */
  audit: Type.Object({ hash: Type.String(), events: Type.Integer() }),
  /** The case page's address, which the QR code holds. */
  caseUrl: Type.String(),
  /** The QR code as rows of modules, '1' dark: drawn the same way on the page and in the PDF. */
  qr: Type.Array(Type.String()),
  printedAt: Type.String(),
  printedAtIso: Timestamp,
  /** Section and column headings in the form's language. */
  labels: Type.Record(Type.String(), Type.String()),
});
