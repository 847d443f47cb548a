import type { ProcessNode, Text } from './types';

/** Machine-readable reason of a validation issue; the designer may highlight by code. */
export type IssueCode =
  | 'schema'
  | 'unknown-node-kind'
  | 'duplicate-node-id'
  | 'missing-target'
  | 'unreachable'
  | 'no-path-to-end'
  | 'loop-without-wait'
  | 'exclusive-without-default'
  | 'approval-without-assignee'
  /** A step names people (approvers or cc) the server does not know; checked by the gateway. */
  | 'unknown-user'
  /** A 抄送 (cc) card with nobody on it. */
  | 'cc-without-people'
  | 'invalid-quorum'
  | 'unknown-service-action'
  | 'unknown-compensation-action'
  | 'unknown-process'
  | 'join-without-split'
  | 'join-shared'
  | 'split-join-not-join'
  | 'branch-misses-join'
  | 'branch-leaves-block'
  | 'join-outside-block'
  | 'field-not-collected'
  | 'invalid-duration'
  | 'duplicate-field-key'
  | 'select-without-options'
  | 'multiple-not-supported'
  | 'invalid-condition'
  | 'invalid-bound'
  /** A step's field permission names a field it cannot govern, or hides a field from the applicant. */
  | 'invalid-field-permission'
  /** A notice lists a field it may not show publicly (unknown, or household data). */
  | 'notice-field-not-public'
  /** The title template names an unknown field or one a title may not show. */
  | 'invalid-title-template'
  /** Over the size limits (limits.ts): reported alone, the document is not checked further. */
  | 'too-large';

/** One problem in a definition, worded for the admin who designed it. */
export interface ValidationIssue {
  nodeId?: string;
  code: IssueCode;
  message: { zh: string; en: string };
  /** JSON pointer into the definition, for schema errors. */
  path?: string;
}

/** The validator's answer: `ok` exactly when there are no issues. */
export interface ValidationResult {
  ok: boolean;
  errors: ValidationIssue[];
}

/** Builds an issue. */
export function issue(
  code: IssueCode,
  zh: string,
  en: string,
  nodeId?: string,
  path?: string,
): ValidationIssue {
  return {
    code,
    message: { zh, en },
    ...(nodeId === undefined ? {} : { nodeId }),
    ...(path === undefined ? {} : { path }),
  };
}

/** A node named for people: `步骤「基层审核」(review-1)` / `Step "Grassroots review" (review-1)`. */
export function stepLabel(
  node: Pick<ProcessNode, 'id' | 'name'> | undefined,
  id?: string,
): Text & { en: string } {
  if (!node) return { zh: `步骤 ${id ?? '?'}`, en: `Step ${id ?? '?'}` };
  return {
    zh: `步骤「${node.name.zh}」(${node.id})`,
    en: `Step "${node.name.en ?? node.name.zh}" (${node.id})`,
  };
}

/** A list of labels joined for a sentence. */
export function joinLabels(labels: (Text & { en: string })[]): { zh: string; en: string } {
  return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
}
