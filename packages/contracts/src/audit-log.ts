import { type Static, Type } from 'typebox';
import { Timestamp, UserRef } from './common';

/** `GET /api/audit`: filters combine; pages run newest first. */
export const AuditQuery = Type.Object({
  caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** The actor's username. */
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** The event kind, e.g. `approved`, `user-created`. */
  type: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9-]+$' })),
  /** Events at or after this time. */
  from: Type.Optional(Timestamp),
  /** Events before this time. */
  to: Type.Optional(Timestamp),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

/** One audit event; household data in the payload is masked. */
export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Timestamp,
  type: Type.String(),
  caseId: Type.Union([Type.String(), Type.Null()]),
  caseNumber: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Union([UserRef, Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()),
  /** This event's link in the hash chain. */
  hash: Type.String(),
});

/** A page of the audit log, newest first. */
export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export type AuditQueryParams = Static<typeof AuditQuery>;
export type AuditEntryDto = Static<typeof AuditEntry>;
export type AuditPageDto = Static<typeof AuditPage>;
