export { createDb } from './connect';
export { migrateToLatest } from './migrate';
export type * from './schema';
export { DEMO_PASSWORD, demoOrgs, demoPairings, demoUsers } from './seed/demo-organisation';
export { seedDefinitions, simpleApproval } from './seed/definitions';
export { hashPassword, seedDemoOrganisation } from './seed/seed';
export { AUDIT_GENESIS, type AuditEventInput, type AuditVerification, appendAuditEvents, auditHash, canonicalJson, verifyAuditChain } from './audit';
export { createOrgDirectoryLoader } from './org-directory';
export { publishDefinition } from './definitions';
