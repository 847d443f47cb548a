export { type AuditMask, maskFor, maskPayload } from './audit-mask';
export { listAuditEvents } from './audit-query';
