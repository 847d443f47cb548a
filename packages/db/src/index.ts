export {
  AUDIT_GENESIS,
  type AuditEventInput,
  type AuditNotice,
  type AuditVerification,
  appendAuditEvents,
  auditHash,
  canonicalJson,
  caseEventKey,
  parseCaseEventKey,
  verifyAuditChain,
} from './audit';
export { allocateCaseNumber, nextCaseNumberSql } from './case-numbers';
export { createDb, PREPARED_MARK } from './connect';
export {
  claimProcessKey,
  type PublishOptions,
  publishDefinition,
  rootOrgId,
  StaleVersionError,
} from './definitions';
export { EVENTS_CHANNEL, SESSIONS_CHANNEL } from './events-channel';
export { migrateToLatest } from './migrate';
export { createOrgDirectoryLoader } from './org-directory';
export type * from './schema';
export { seedDefinitions, simpleApproval } from './seed/definitions';
export { DEMO_PASSWORD, demoOrgs, demoPairings, demoUsers } from './seed/demo-organisation';
export {
  hashPassword,
  insertUsers,
  type NewUser,
  publishMissingSeedDefinitions,
  seedDemoOrganisation,
} from './seed/seed';
