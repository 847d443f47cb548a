/**
 * The catalog's vocabularies, for the apps: which reviewer actions exist, what each is aimed at, and
 * the zh/en labels of actions, statuses and field types, and how money and service results read. Declared once in
 * `@unionflow/process-model/catalog`; re-exported here so apps depend only on the contracts.
 */
export * from '@unionflow/process-model/catalog';
export * from '@unionflow/process-model/display';
export type { FieldType } from '@unionflow/process-model/runtime';
export {
  type DetailLine,
  payloadLines,
  type SummaryText,
  shanghaiTime,
  summarizePayload,
} from './audit-summary';
export { ADMIN_AUDIT_EVENTS, AUDIT_FIELD_KINDS, AUDIT_FIELDS, AUDIT_VALUES } from './audit-vocabulary';
export { INBOX_BOX_NAMES, type InboxBoxName } from './inbox-boxes';
